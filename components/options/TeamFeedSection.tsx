import { useId } from 'react';
import { i18n } from '#i18n';
import { FEED_KINDS, feedKindLabel, maskedToken, useTeamFeedOptions } from '@/utils/feed/options';
import { SLACK_CHANNEL_EXAMPLE, SLACK_TOKEN_EXAMPLE } from '@/utils/feed/slack';
import { ChoiceSelect } from '../ChoiceSelect';
import { OutcomeView } from './OutcomeView';

/** Options → the team feed the wall, the popup and the panel read back: a Slack app's channel or a JSON feed. */
export function TeamFeedSection() {
  const { current, draft, outcome, setDraft, save } = useTeamFeedOptions();
  const ids = { kind: useId(), token: useId(), channel: useId(), url: useId() };
  const managed = current?.managed ?? false;
  const savedToken = current?.feed?.kind === 'slack' ? maskedToken(current.feed.token) : undefined;
  const kinds = FEED_KINDS.map((value) => ({ value, label: feedKindLabel(value) }));
  return (
    <section aria-labelledby="team-feed-title" className="options-section">
      <h2 id="team-feed-title" className="heading">
        {i18n.t('options.teamFeed.title')}
      </h2>
      <p className="muted hint">{i18n.t('options.teamFeed.intro')}</p>
      {current === undefined ? (
        <p className="muted" aria-busy="true">
          {i18n.t('options.teamFeed.loading')}
        </p>
      ) : (
        <form className="form" onSubmit={save} noValidate>
          {managed && <p className="muted hint">{i18n.t('options.teamFeed.managed')}</p>}
          <fieldset disabled={managed}>
            <legend className="visually-hidden">{i18n.t('options.teamFeed.settings')}</legend>
            <div className="field">
              <label htmlFor={ids.kind}>{i18n.t('options.teamFeed.from')}</label>
              <ChoiceSelect id={ids.kind} value={draft.kind} choices={kinds} onChange={(kind) => setDraft({ kind })} />
            </div>
            {draft.kind === 'slack' && (
              <>
                <TextField
                  id={ids.token}
                  label={i18n.t('options.teamFeed.token')}
                  type="password"
                  value={draft.token}
                  placeholder={
                    savedToken ? i18n.t('options.teamFeed.tokenSaved', { token: savedToken }) : SLACK_TOKEN_EXAMPLE
                  }
                  onChange={(token) => setDraft({ token })}
                />
                <TextField
                  id={ids.channel}
                  label={i18n.t('options.teamFeed.channel')}
                  value={draft.channel}
                  placeholder={SLACK_CHANNEL_EXAMPLE}
                  onChange={(channel) => setDraft({ channel })}
                />
              </>
            )}
            {draft.kind === 'json' && (
              <TextField
                id={ids.url}
                label={i18n.t('options.teamFeed.url')}
                type="url"
                value={draft.url}
                placeholder="https://kudos.example.com/feed.json"
                onChange={(url) => setDraft({ url })}
              />
            )}
            <button type="submit">{i18n.t('options.teamFeed.save')}</button>
          </fieldset>
          <OutcomeView outcome={outcome} />
        </form>
      )}
    </section>
  );
}

interface FieldProps {
  id: string;
  label: string;
  type?: 'password' | 'url';
  value: string;
  placeholder: string;
  onChange: (value: string) => void;
}

function TextField({ id, label, type, value, placeholder, onChange }: FieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        autoComplete="off"
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

import { useId } from 'react';
import { FEED_KIND_LABELS, maskedToken, useTeamFeedOptions } from '@/utils/feed/options';
import { ChoiceSelect, choicesOf } from '../ChoiceSelect';
import { OutcomeView } from './OutcomeView';

const KINDS = choicesOf(FEED_KIND_LABELS);

/** Options → the team feed the wall, the popup and the panel read back: a Slack app's channel or a JSON feed. */
export function TeamFeedSection() {
  const { current, draft, outcome, setDraft, save } = useTeamFeedOptions();
  const ids = { kind: useId(), token: useId(), channel: useId(), url: useId() };
  const managed = current?.managed ?? false;
  const savedToken = current?.feed?.kind === 'slack' ? maskedToken(current.feed.token) : undefined;
  return (
    <section aria-labelledby="team-feed-title" className="options-section">
      <h2 id="team-feed-title" className="heading">
        Team feed
      </h2>
      <p className="muted hint">
        Where Kept reads back the team’s kudos for the wall, “For me”, the popup and the panel. With a Slack app, every
        kudos is posted through the app (once), whatever the delivery above says.
      </p>
      {current === undefined ? (
        <p className="muted" aria-busy="true">
          Loading the team feed…
        </p>
      ) : (
        <form className="form" onSubmit={save} noValidate>
          {managed && <p className="muted hint">Set by your organisation’s policy; it cannot be changed here.</p>}
          <fieldset disabled={managed}>
            <legend className="visually-hidden">Team feed settings</legend>
            <div className="field">
              <label htmlFor={ids.kind}>Read the team’s kudos from</label>
              <ChoiceSelect id={ids.kind} value={draft.kind} choices={KINDS} onChange={(kind) => setDraft({ kind })} />
            </div>
            {draft.kind === 'slack' && (
              <>
                <TextField
                  id={ids.token}
                  label="Slack bot token"
                  type="password"
                  value={draft.token}
                  placeholder={savedToken ? `Saved: ${savedToken} (leave empty to keep it)` : 'xoxb-…'}
                  onChange={(token) => setDraft({ token })}
                />
                <TextField
                  id={ids.channel}
                  label="Slack channel id"
                  value={draft.channel}
                  placeholder="C0123ABCD"
                  onChange={(channel) => setDraft({ channel })}
                />
              </>
            )}
            {draft.kind === 'json' && (
              <TextField
                id={ids.url}
                label="Team feed URL"
                type="url"
                value={draft.url}
                placeholder="https://kudos.example.com/feed.json"
                onChange={(url) => setDraft({ url })}
              />
            )}
            <button type="submit">Save team feed</button>
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

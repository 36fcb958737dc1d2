import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { behavioursFor, type CaseFacts } from '@/utils/playbook/choose';
import { reviewSummary, triggerLabels } from '@/utils/playbook/io';
import type { Behaviour, Playbook } from '@/utils/playbook/schema';
import type { ActivePlaybook } from '@/utils/playbook/store';
import { calendarDate } from '@/utils/time';
import { ErrorList } from './ErrorList';
import { PlaybookEditor } from './PlaybookEditor';
import { PlaybookImport } from './PlaybookImport';
import { RoleOptions } from './RoleOptions';

interface Props {
  active: ActivePlaybook;
  /** The rep's role in force, the reader's starting point. */
  roleId: string | null;
  now?: number;
}

/** The playbook in force: what it is, how fresh, ways to change it, and its promises and behaviours per role. */
export function PlaybookSection({ active, roleId, now = Date.now() }: Props) {
  return (
    <section aria-labelledby="playbook-title" className="options-section">
      <h2 id="playbook-title" className="heading">
        {i18n.t('options.playbook.title')}
      </h2>
      <PlaybookFacts active={active} now={now} />
      <PlaybookImport active={active} />
      <PlaybookEditor active={active} />
      <PlaybookReader playbook={active.playbook} roleId={roleId} />
    </section>
  );
}

function PlaybookFacts({ active, now }: { active: ActivePlaybook; now: number }) {
  const { playbook, source, managedErrors } = active;
  const review = reviewSummary(playbook, now);
  return (
    <div className="playbook-facts">
      <p className="playbook-name">{playbook.name}</p>
      <dl className="facts">
        <div>
          <dt>{i18n.t('options.playbook.version')}</dt>
          <dd>{playbook.version}</dd>
        </div>
        <div>
          <dt>{i18n.t('options.playbook.source')}</dt>
          <dd>{i18n.t(`options.playbook.sourceIs.${source}`)}</dd>
        </div>
        <div>
          <dt>{i18n.t('options.playbook.updated')}</dt>
          <dd>
            <time dateTime={playbook.updatedAt}>{calendarDate(Date.parse(playbook.updatedAt))}</time>
          </dd>
        </div>
      </dl>
      <p className="muted">{review.line}</p>
      {review.warning && (
        <p role="alert" className="notice">
          {review.warning}
        </p>
      )}
      {managedErrors && managedErrors.length > 0 && (
        <div className="notice">
          <p>
            {i18n.t(
              source === 'imported'
                ? 'options.playbook.managedBroken.imported'
                : 'options.playbook.managedBroken.starter',
              managedErrors.length,
            )}
          </p>
          <ErrorList label={i18n.t('options.playbook.managedErrors')} errors={managedErrors} />
        </div>
      )}
    </div>
  );
}

/** No case is open here: read the playbook in its own order. */
const NO_CASE: CaseFacts = { signals: [], tags: [] };

/** Read the playbook as any role sees it: per promise, that role's behaviours and what brings them to the top. */
function PlaybookReader({ playbook, roleId }: { playbook: Playbook; roleId: string | null }) {
  const [picked, setPicked] = useState<string>();
  const roles = playbook.roles;
  const shown = [picked, roleId, roles[0]?.id].find((id) => id && roles.some((r) => r.id === id)) ?? '';
  const role = roles.find((r) => r.id === shown);
  // Every promise, in playbook order, even one with nothing for this role (that is worth seeing too).
  const groups = useMemo(() => {
    const chosen = shown ? behavioursFor(playbook, shown, NO_CASE) : [];
    return playbook.promises.map((promise) => ({
      promise,
      behaviours: (chosen.find((g) => g.promise.id === promise.id)?.behaviours ?? []).map((c) => c.behaviour),
    }));
  }, [playbook, shown]);

  return (
    <section aria-labelledby="reader-title" className="reader">
      <h3 id="reader-title" className="subheading">
        {i18n.t('options.playbook.reader')}
      </h3>
      <label className="reader-role">
        {i18n.t('options.playbook.showFor')}
        <select value={shown} onChange={(e) => setPicked(e.target.value)}>
          <RoleOptions roles={roles} />
        </select>
      </label>
      {role?.description && <p className="muted">{role.description}</p>}
      {groups.map(({ promise, behaviours }) => (
        <article key={promise.id} className="playbook-promise" aria-labelledby={`promise-${promise.id}`}>
          <h4 id={`promise-${promise.id}`}>{promise.title}</h4>
          {promise.summary && <p className="muted">{promise.summary}</p>}
          {behaviours.length === 0 ? (
            <p className="muted">
              {role
                ? i18n.t('options.playbook.noBehavioursFor', { role: role.name })
                : i18n.t('options.playbook.noBehaviours')}
            </p>
          ) : (
            <ul className="playbook-behaviours">
              {behaviours.map((b) => (
                <BehaviourItem key={b.id} behaviour={b} />
              ))}
            </ul>
          )}
        </article>
      ))}
    </section>
  );
}

function BehaviourItem({ behaviour }: { behaviour: Behaviour }) {
  const triggers = triggerLabels(behaviour.when);
  return (
    <li className="playbook-behaviour">
      <p className="playbook-behaviour-text">{behaviour.text}</p>
      {behaviour.detail && <p className="muted">{behaviour.detail}</p>}
      {triggers.length > 0 && (
        <p className="triggers">
          <span className="muted">{i18n.t('options.playbook.comesFirst')}</span>
          {triggers.map((t) => (
            <span key={t} className="trigger">
              {t}
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

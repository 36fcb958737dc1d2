import { useId, useMemo, useState } from 'react';
import { i18n } from '#i18n';
import type { FeedbackScope } from '@/utils/feedback/hooks';
import type { CaseSignal } from '@/utils/history/signals';
import { openOptions } from '@/utils/options/sections';
import { caseKeyOf, routineKeyOf, setBehaviourDone, useDoneBehaviours } from '@/utils/playbook/checklist';
import { type ChosenBehaviour, caseFactsOf, focusedBehaviours } from '@/utils/playbook/choose';
import { useRole } from '@/utils/playbook/hooks';
import type { CaseContext } from '@/utils/schemas';
import { useNow } from '@/utils/state/use-now';
import { BehaviourFeedback } from './BehaviourFeedback';

interface Props {
  current: CaseContext;
  signals: CaseSignal[] | undefined;
}

/**
 * The rep's role's behaviours for this case: at most three open (those that fit it first), every other per-ticket one
 * behind "All behaviours for your role", and the role's daily and weekly routines apart, ticked per day or week.
 */
export function BehavioursSection({ current, signals }: Props) {
  const { active, roleId, role } = useRole();
  const [showAll, setShowAll] = useState(false);
  const allId = useId();
  const caseKey = caseKeyOf(current);
  const { tags, channel, channelName, status } = current;
  const facts = useMemo(
    () => caseFactsOf({ tags, channel, channelName, status }, signals),
    [tags, channel, channelName, status, signals],
  );
  const chosen = useMemo(
    () => (active && roleId ? focusedBehaviours(active.playbook, roleId, facts) : undefined),
    [active, roleId, facts],
  );

  const section = i18n.t('behaviours.title');
  if (!active || roleId === undefined) {
    return (
      <section aria-label={section} className="behaviours" aria-busy="true">
        <h2 className="heading">{section}</h2>
        <p className="muted">{i18n.t('common.loading')}</p>
      </section>
    );
  }
  if (!roleId || !role || !chosen) {
    return (
      <section aria-label={section} className="behaviours">
        <h2 className="heading">{section}</h2>
        <p className="muted">{i18n.t('behaviours.pickRole')}</p>
        <button type="button" onClick={() => openOptions('you')}>
          {i18n.t('behaviours.chooseRole')}
        </button>
      </section>
    );
  }
  const count = chosen.rest.reduce((n, g) => n + g.behaviours.length, 0);
  const scope: FeedbackScope = { playbook: active.playbook, role, current };
  return (
    <section aria-label={section} className="behaviours">
      <h2 className="heading">{i18n.t('behaviours.titleFor', { role: role.name })}</h2>
      {count + chosen.focused.length === 0 && <p className="muted">{i18n.t('behaviours.none')}</p>}
      <Checklist name={i18n.t('behaviours.forCase')} behaviours={chosen.focused} listKey={caseKey} scope={scope} />
      {count > 0 && (
        <button type="button" aria-expanded={showAll} aria-controls={allId} onClick={() => setShowAll(!showAll)}>
          {i18n.t('behaviours.all', { count })}
        </button>
      )}
      {showAll && (
        <div id={allId} className="all-behaviours">
          {chosen.rest.map(({ promise, behaviours }) => (
            <Checklist
              key={promise.id}
              name={promise.title}
              behaviours={behaviours}
              listKey={caseKey}
              scope={scope}
              titled
            />
          ))}
        </div>
      )}
      <Routines daily={chosen.daily} weekly={chosen.weekly} scope={scope} />
    </section>
  );
}

/** Daily and weekly behaviours, apart from the case: ticked once per day or week, whichever ticket is open. */
function Routines({
  daily,
  weekly,
  scope,
}: {
  daily: ChosenBehaviour[];
  weekly: ChosenBehaviour[];
  scope: FeedbackScope;
}) {
  const now = useNow();
  if (daily.length === 0 && weekly.length === 0) return null;
  return (
    <section aria-label={i18n.t('behaviours.routines')} className="routines">
      <h3 className="routines-title">{i18n.t('behaviours.routines')}</h3>
      {(
        [
          ['day', daily, i18n.t('behaviours.today')],
          ['week', weekly, i18n.t('behaviours.thisWeek')],
        ] as const
      ).map(
        ([period, behaviours, name]) =>
          behaviours.length > 0 && (
            <Checklist
              key={period}
              name={name}
              behaviours={behaviours}
              listKey={routineKeyOf(period, now)}
              scope={scope}
              titled
            />
          ),
      )}
    </section>
  );
}

interface ChecklistProps {
  name: string;
  behaviours: ChosenBehaviour[];
  /** Where the ticks are kept: the case, or the day or week of a routine. */
  listKey: string;
  /** Where feedback on a behaviour comes from. */
  scope: FeedbackScope;
  /** Shows the name above the list. */
  titled?: boolean;
}

function Checklist({ name, behaviours, listKey, scope, titled }: ChecklistProps) {
  const done = useDoneBehaviours(listKey);
  if (behaviours.length === 0) return null;
  return (
    <>
      {titled && <p className="checklist-title">{name}</p>}
      <ul aria-label={name} className="checklist">
        {behaviours.map((chosen) => (
          <BehaviourItem
            key={chosen.behaviour.id}
            chosen={chosen}
            listKey={listKey}
            scope={scope}
            done={!!done?.has(chosen.behaviour.id)}
          />
        ))}
      </ul>
    </>
  );
}

interface ItemProps {
  chosen: ChosenBehaviour;
  listKey: string;
  scope: FeedbackScope;
  done: boolean;
}

function BehaviourItem({ chosen, listKey, scope, done }: ItemProps) {
  const { behaviour, reasons } = chosen;
  const textId = useId();
  return (
    <li className={reasons.length > 0 ? 'behaviour behaviour--fits' : 'behaviour'}>
      <label>
        <input
          type="checkbox"
          checked={done}
          onChange={(e) => void setBehaviourDone(listKey, behaviour.id, e.target.checked)}
        />
        <span id={textId} className="behaviour-text">
          {behaviour.text}
        </span>
      </label>
      {reasons.length > 0 && (
        <span className="reason">{i18n.t('behaviours.fits', { reasons: reasons.join(', ') })}</span>
      )}
      {behaviour.detail && <p className="muted detail">{behaviour.detail}</p>}
      <BehaviourFeedback behaviour={behaviour} scope={scope} describedById={textId} />
    </li>
  );
}

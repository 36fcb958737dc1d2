import { useMemo } from 'react';
import type { CaseSignal } from '@/utils/history/signals';
import { caseKeyOf, setBehaviourDone, useDoneBehaviours } from '@/utils/playbook/checklist';
import { behavioursFor, type ChosenBehaviour } from '@/utils/playbook/choose';
import { useRole } from '@/utils/playbook/hooks';
import type { CaseContext } from '@/utils/schemas';

const SECTION = 'Behaviours for your role';

interface Props {
  current: CaseContext;
  signals: CaseSignal[] | undefined;
}

/** The rep's role's behaviours, the ones that fit this case first; ticking one keeps a checklist for this case. */
export function BehavioursSection({ current, signals }: Props) {
  const { active, roleId, role } = useRole();
  const caseKey = caseKeyOf(current);
  const done = useDoneBehaviours(caseKey);
  const facts = useMemo(
    () => ({
      signals: (signals ?? []).map((s) => s.id),
      tags: current.tags,
      channel: current.channel,
      status: current.status,
    }),
    [signals, current.tags, current.channel, current.status],
  );
  const groups = useMemo(
    () => (active && roleId ? behavioursFor(active.playbook, roleId, facts) : []),
    [active, roleId, facts],
  );

  if (!active || roleId === undefined) {
    return (
      <section aria-label={SECTION} className="behaviours" aria-busy="true">
        <h2 className="heading">{SECTION}</h2>
        <p className="muted">Loading…</p>
      </section>
    );
  }
  if (!roleId || !role) {
    return (
      <section aria-label={SECTION} className="behaviours">
        <h2 className="heading">{SECTION}</h2>
        <p className="muted">Pick your role to see the behaviours that keep our promises on this case.</p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          Choose your role
        </button>
      </section>
    );
  }
  return (
    <section aria-label={SECTION} className="behaviours">
      <h2 className="heading">
        {SECTION}: {role.name}
      </h2>
      {groups.length === 0 && <p className="muted">The playbook has no behaviours for this role yet.</p>}
      {groups.map(({ promise, behaviours }) => {
        const fits = behaviours.some((b) => b.reasons.length > 0);
        return (
          <details key={promise.id} className="promise" open={fits}>
            <summary>
              <span className="promise-title">{promise.title}</span>
              {fits && <span className="fits"> · fits this case</span>}
            </summary>
            <ul aria-label={promise.title} className="checklist">
              {behaviours.map((chosen) => (
                <BehaviourItem
                  key={chosen.behaviour.id}
                  chosen={chosen}
                  caseKey={caseKey}
                  done={!!done?.has(chosen.behaviour.id)}
                />
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}

function BehaviourItem({ chosen, caseKey, done }: { chosen: ChosenBehaviour; caseKey: string; done: boolean }) {
  const { behaviour, reasons } = chosen;
  return (
    <li className={reasons.length > 0 ? 'behaviour behaviour--fits' : 'behaviour'}>
      <label>
        <input
          type="checkbox"
          checked={done}
          onChange={(e) => void setBehaviourDone(caseKey, behaviour.id, e.target.checked)}
        />
        <span className="behaviour-text">{behaviour.text}</span>
      </label>
      {reasons.length > 0 && <span className="reason">Fits: {reasons.join(', ')}</span>}
      {behaviour.detail && <p className="muted detail">{behaviour.detail}</p>}
    </li>
  );
}

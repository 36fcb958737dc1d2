import { useEffect, useRef, useState } from 'react';
import type { RosterChange } from '@/utils/kudos/roster-csv';
import type { Roster } from '@/utils/kudos/schema';
import { settings } from '@/utils/settings';
import { RosterCsv } from './RosterCsv';
import { RosterPeople } from './RosterPeople';
import { RosterTeams } from './RosterTeams';

/** What the last roster action came to. `errors` lists every bad row of a refused import. */
export type RosterOutcome =
  | { kind: 'idle' }
  | { kind: 'done' | 'failed'; text: string }
  | { kind: 'invalid'; text: string; errors: string[] };

/** Options → who reps can praise: people (name, email, team) and teams, by hand or from a CSV file. */
export function RosterSection() {
  const [roster, setRoster] = useState<Roster>();
  const [outcome, setOutcome] = useState<RosterOutcome>({ kind: 'idle' });
  const latest = useRef(0);

  useEffect(() => {
    let live = true;
    void settings.roster.getValue().then((r) => live && setRoster(r));
    const stop = settings.roster.watch((r) => live && setRoster(r));
    return () => {
      live = false;
      stop();
    };
  }, []);

  const show = (next: RosterOutcome) => {
    latest.current += 1;
    setOutcome(next);
  };

  /** Saves a change (or shows why there is none); answers whether it was saved. */
  const apply = async (change: RosterChange): Promise<boolean> => {
    if (!change.ok) {
      show({ kind: 'failed', text: change.message });
      return false;
    }
    latest.current += 1;
    const mine = latest.current;
    try {
      await settings.roster.setValue(change.roster);
      setRoster(change.roster);
      if (mine === latest.current) setOutcome({ kind: 'done', text: change.message });
      return true;
    } catch (error) {
      const text = `Nothing was changed: ${error instanceof Error ? error.message : String(error)}`;
      if (mine === latest.current) setOutcome({ kind: 'failed', text });
      return false;
    }
  };

  return (
    <section aria-labelledby="roster-title" className="options-section roster">
      <h2 id="roster-title" className="heading">
        Teammates and teams
      </h2>
      {roster ? (
        <>
          <RosterPeople roster={roster} apply={apply} />
          <RosterTeams roster={roster} apply={apply} />
          <RosterCsv roster={roster} apply={apply} show={show} />
        </>
      ) : (
        <p className="muted" aria-busy="true">
          Loading the roster…
        </p>
      )}
      <RosterOutcomeView outcome={outcome} />
    </section>
  );
}

function RosterOutcomeView({ outcome }: { outcome: RosterOutcome }) {
  return (
    <div aria-live="polite" className="outcome">
      {outcome.kind === 'done' && <p className="muted">{outcome.text}</p>}
      {outcome.kind === 'failed' && <p className="error">{outcome.text}</p>}
      {outcome.kind === 'invalid' && (
        <div className="invalid">
          <p className="error">{outcome.text}</p>
          <ul aria-label="Roster errors" className="error-list">
            {outcome.errors.map((error, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered.
              <li key={i}>{error}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

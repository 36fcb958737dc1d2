import { i18n } from '#i18n';
import type { RosterChange } from '@/utils/kudos/roster-csv';
import { useManaged } from '@/utils/options/managed';
import { settings } from '@/utils/settings';
import { errorText, type Outcome, useOutcome } from '@/utils/state/outcome';
import { useStored } from '@/utils/state/use-stored';
import { ManagedNote } from './ManagedNote';
import { RosterCsv } from './RosterCsv';
import { RosterPeople } from './RosterPeople';
import { RosterTeams } from './RosterTeams';

/** What the last roster action came to. `errors` lists every bad row of a refused import. */
export type RosterOutcome = Outcome<{ kind: 'invalid'; text: string; errors: string[] }>;

/** Options → who reps can praise: people (name, email, team) and teams, by hand or from a CSV file. */
export function RosterSection() {
  const roster = useStored(settings.roster);
  const managed = useManaged(settings.roster);
  const { outcome, show, run } = useOutcome<Extract<RosterOutcome, { kind: 'invalid' }>>();

  /** Saves a change (or shows why there is none); answers whether it was saved. */
  const apply = async (change: RosterChange): Promise<boolean> => {
    if (!change.ok) {
      show({ kind: 'failed', text: change.message });
      return false;
    }
    const saved = await run(undefined, () =>
      settings.roster.setValue(change.roster).then(
        (): RosterOutcome => ({ kind: 'done', text: change.message }),
        (error: unknown): RosterOutcome => ({
          kind: 'failed',
          text: i18n.t('options.roster.notChanged', { problem: errorText(error) }),
        }),
      ),
    );
    return saved.kind === 'done';
  };

  return (
    <section aria-labelledby="roster-title" className="options-section roster">
      <h2 id="roster-title" className="heading">
        {i18n.t('options.roster.title')}
      </h2>
      <ManagedNote managed={managed} />
      {roster ? (
        <fieldset className="managed-fields" disabled={managed}>
          <RosterPeople roster={roster} apply={apply} />
          <RosterTeams roster={roster} apply={apply} />
          <RosterCsv roster={roster} apply={apply} show={show} />
        </fieldset>
      ) : (
        <p className="muted" aria-busy="true">
          {i18n.t('options.roster.loading')}
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
          <ul aria-label={i18n.t('options.roster.errors')} className="error-list">
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

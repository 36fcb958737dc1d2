import type { ChangeEvent } from 'react';
import { downloadText } from '@/utils/download';
import {
  formatRosterError,
  importedMessage,
  mergeRoster,
  parseRosterCsv,
  ROSTER_FILE_NAME,
  type RosterChange,
  rosterToCsv,
} from '@/utils/kudos/roster-csv';
import type { Roster } from '@/utils/kudos/schema';
import type { RosterOutcome } from './RosterSection';

const MAX_FILE_BYTES = 2_000_000;

interface Props {
  roster: Roster;
  apply: (change: RosterChange) => Promise<boolean>;
  show: (outcome: RosterOutcome) => void;
}

/** Import people from a `name,email,team` CSV (merged by email, else name; any bad row changes nothing), or export. */
export function RosterCsv({ roster, apply, show }: Props) {
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Choosing the same file again (after fixing it) must fire another change.
    input.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      show({
        kind: 'failed',
        text: `“${file.name}” is larger than 2 MB, too large for a roster. Nothing was changed.`,
      });
      return;
    }
    file.text().then(
      (text) => {
        const parsed = parseRosterCsv(text);
        if (!parsed.ok) {
          const n = parsed.errors.length;
          show({
            kind: 'invalid',
            text: `“${file.name}” has ${n} problem${n === 1 ? '' : 's'}; nothing was changed. Fix ${n === 1 ? 'it' : 'them'} and import again.`,
            errors: parsed.errors.map(formatRosterError),
          });
          return;
        }
        const merged = mergeRoster(roster, parsed.people);
        void apply({ ok: true, roster: merged.roster, message: importedMessage(merged) });
      },
      () => show({ kind: 'failed', text: `Could not read “${file.name}”. Choose it again.` }),
    );
  };

  const exportRoster = () => {
    downloadText(rosterToCsv(roster), ROSTER_FILE_NAME, 'text/csv;charset=utf-8');
    const n = roster.people.length;
    show({ kind: 'done', text: `Exported ${n} teammate${n === 1 ? '' : 's'} as ${ROSTER_FILE_NAME}.` });
  };

  return (
    <div className="roster-csv">
      <h3 className="subheading">Import or export</h3>
      <p className="muted hint">
        One teammate per row: name, email, team (a header row is optional). People already listed are matched by email,
        else by name, and updated.
      </p>
      <div className="tool-row">
        <label className="file-import">
          Import roster from CSV
          <input type="file" accept=".csv,text/csv" onChange={choose} />
        </label>
        <button type="button" onClick={exportRoster}>
          Export roster
        </button>
      </div>
    </div>
  );
}

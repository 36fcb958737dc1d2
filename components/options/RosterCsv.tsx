import type { ChangeEvent } from 'react';
import { i18n } from '#i18n';
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
        text: i18n.t('options.roster.csv.tooLarge', { file: file.name }),
      });
      return;
    }
    file.text().then(
      (text) => {
        const parsed = parseRosterCsv(text);
        if (!parsed.ok) {
          show({
            kind: 'invalid',
            text: i18n.t('options.roster.csv.problems', parsed.errors.length, { file: file.name }),
            errors: parsed.errors.map(formatRosterError),
          });
          return;
        }
        const merged = mergeRoster(roster, parsed.people);
        void apply({ ok: true, roster: merged.roster, message: importedMessage(merged) });
      },
      () => show({ kind: 'failed', text: i18n.t('options.roster.csv.unreadable', { file: file.name }) }),
    );
  };

  const exportRoster = () => {
    downloadText(rosterToCsv(roster), ROSTER_FILE_NAME, 'text/csv;charset=utf-8');
    show({
      kind: 'done',
      text: i18n.t('options.roster.csv.exported', roster.people.length, { file: ROSTER_FILE_NAME }),
    });
  };

  return (
    <div className="roster-csv">
      <h3 className="subheading">{i18n.t('options.roster.csv.title')}</h3>
      <p className="muted hint">{i18n.t('options.roster.csv.hint')}</p>
      <div className="tool-row">
        <label className="file-import">
          {i18n.t('options.roster.csv.import')}
          <input type="file" accept=".csv,text/csv" onChange={choose} />
        </label>
        <button type="button" onClick={exportRoster}>
          {i18n.t('options.roster.csv.export')}
        </button>
      </div>
    </div>
  );
}

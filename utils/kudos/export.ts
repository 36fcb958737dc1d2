// Kudos as files: CSV for spreadsheets, JSON for anything else. Pure.
import Papa from 'papaparse';
import type { TeamKudos } from '../feed/schema';
import type { Kudos } from '../schemas';

/** A kudos on the wall: sent from this browser (with its delivery state) or read from the team feed. */
export type WallKudos = Kudos | TeamKudos;

export const KUDOS_CSV_FILE_NAME = 'kept-kudos.csv';
export const KUDOS_JSON_FILE_NAME = 'kept-kudos.json';

export const KUDOS_CSV_COLUMNS = [
  'id',
  'created_at',
  'from_name',
  'from_email',
  'to_kind',
  'to_name',
  'to_email',
  'to_team',
  'promise_id',
  'promise',
  'behaviour_id',
  'message',
  'quote',
  'case_helpdesk',
  'case_ticket_id',
  'case_subject',
  'case_url',
  'state',
  'state_detail',
  'sent_at',
] as const;

/**
 * A cell a spreadsheet would run as a formula: what it starts with decides, whatever follows on later lines
 * (Papa Parse's own pattern, /^[=+\-@\t\r].*$/, lets "=1+1\nthanks" through).
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

const iso = (at: number | undefined) => (at === undefined ? '' : new Date(at).toISOString());

/**
 * One row per kudos, a header row first, dates in ISO 8601 UTC. Cells that a spreadsheet would run as a formula
 * (a customer's quote starting with "=") are prefixed with `'`.
 */
export function kudosToCsv(
  kudos: readonly WallKudos[],
  promiseTitles: ReadonlyMap<string, string> = new Map(),
): string {
  const rows = kudos.map((k) => [
    k.id,
    iso(k.createdAt),
    k.from.name,
    k.from.email ?? '',
    k.to.kind,
    k.to.name,
    k.to.email ?? '',
    k.to.team ?? '',
    k.promiseId ?? '',
    k.promiseId ? (promiseTitles.get(k.promiseId) ?? '') : '',
    k.behaviourId ?? '',
    k.message,
    k.quote ?? '',
    k.case?.helpdesk ?? '',
    k.case?.ticketId ?? '',
    k.case?.subject ?? '',
    k.case?.url ?? '',
    'state' in k ? k.state : 'team-feed',
    ('state' in k && k.stateDetail) || '',
    iso('state' in k ? k.sentAt : undefined),
  ]);
  return Papa.unparse({ fields: [...KUDOS_CSV_COLUMNS], data: rows }, { escapeFormulae: FORMULA_START });
}

/** The kudos records as stored (each valid against the `Kudos` or `TeamKudos` schema), as a pretty-printed JSON array. */
export function kudosToJson(kudos: readonly WallKudos[]): string {
  return `${JSON.stringify(kudos, null, 2)}\n`;
}

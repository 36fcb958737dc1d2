// The roster as CSV (`name,email,team`): reading an admin's file row by row with errors they can fix, merging it into
// the roster, and writing the roster back out. Pure but for the words, which come from the locales.
import Papa from 'papaparse';
import * as z from 'zod/mini';
import { i18n } from '#i18n';
import { wholeNumber } from '../time';
import { FORMULA_START } from './export';
import { type Roster, Teammate } from './schema';

export const ROSTER_FILE_NAME = 'kept-roster.csv';
const COLUMNS = ['name', 'email', 'team'] as const;
type Column = (typeof COLUMNS)[number];
const MAX_PEOPLE = 5000;

/** `row` counts records from 1, the header included, which is the line number in any file without line breaks in cells. */
export interface RosterCsvError {
  row: number;
  message: string;
}

export type ParsedRoster = { ok: true; people: Teammate[] } | { ok: false; errors: RosterCsvError[] };

/** "Row 3: email "x" is not an email address"; a problem with the whole file has no row. */
export const formatRosterError = (error: RosterCsvError): string =>
  error.row > 0 ? i18n.t('options.roster.csv.row', { row: error.row, problem: error.message }) : error.message;

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '');

/** Spreadsheets' formula guard ("'=SUM(…)"), added by `rosterToCsv`, comes off again here. */
const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** A column only a header row names: the teammate's role in the playbook. */
type Placed = Record<Column | 'role', number>;

/** Where each column is: from the header row when there is one, else name, email, team in that order. */
function columnsOf(first: string[] | undefined): { header: boolean; at: Placed } {
  const names = (first ?? []).map((cell) => cell.trim().toLowerCase());
  if (names.includes('name')) {
    const at = (column: keyof Placed) => names.indexOf(column);
    return { header: true, at: { name: at('name'), email: at('email'), team: at('team'), role: at('role') } };
  }
  return { header: false, at: { name: 0, email: 1, team: 2, role: -1 } };
}

/** One record as a teammate, or what is wrong with it. */
function readRow(cells: string[], at: Placed, header: boolean): Teammate | string {
  const cell = (column: keyof Placed) => unguard((at[column] >= 0 ? cells[at[column]] : undefined)?.trim() ?? '');
  // Without a header, a fourth column is a mistake (a comma in a name?); with one, unknown columns are ignored.
  if (!header && cells.slice(COLUMNS.length).some((value) => value.trim() !== '')) {
    return i18n.t('options.roster.csv.columns', { count: cells.length });
  }
  const name = cell('name');
  const email = cell('email');
  const team = cell('team');
  const role = cell('role');
  if (!name) return i18n.t('options.roster.csv.noName');
  const person = { name, ...(email ? { email } : {}), ...(team ? { team } : {}), ...(role ? { role } : {}) };
  const parsed = Teammate.safeParse(person);
  if (parsed.success) return parsed.data;
  const path = parsed.error.issues[0]?.path[0];
  if (path === 'email') {
    return i18n.t('options.roster.csv.badEmail', { email: email.length > 80 ? `${email.slice(0, 79)}…` : email });
  }
  if (path === 'name') return i18n.t('options.roster.csv.longName');
  if (path === 'team') return i18n.t('options.roster.csv.longTeam');
  if (path === 'role') return i18n.t('options.roster.csv.longRole');
  return z.prettifyError(parsed.error);
}

/**
 * Reads `name,email,team` CSV: header row optional (then any column order), cells trimmed, blank lines skipped,
 * a byte-order mark ignored. Every bad row is reported; a single one makes the whole file invalid.
 */
export function parseRosterCsv(text: string): ParsedRoster {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const records = result.data;
  const errors: RosterCsvError[] = [];
  for (const problem of result.errors) {
    if (problem.code === 'UndetectableDelimiter') continue; // one column: names only, which is fine
    const row = (problem.row ?? 0) + 1;
    errors.push({
      row,
      message: problem.type === 'Quotes' ? i18n.t('options.roster.csv.openQuote') : problem.message,
    });
  }
  const firstFilled = records.findIndex((cells) => !isBlank(cells));
  const { header, at } = columnsOf(records[firstFilled]);
  const people: Teammate[] = [];
  const emailRows = new Map<string, number>();
  for (const [index, cells] of records.entries()) {
    const row = index + 1;
    if (isBlank(cells) || (header && index === firstFilled) || errors.some((e) => e.row === row)) continue;
    const read = readRow(cells, at, header);
    const email = typeof read === 'string' ? undefined : read.email?.toLowerCase();
    const first = email ? emailRows.get(email) : undefined;
    if (typeof read === 'string') errors.push({ row, message: read });
    else if (first !== undefined) {
      errors.push({ row, message: i18n.t('options.roster.csv.sameEmail', { email: read.email ?? '', first }) });
    } else {
      if (email) emailRows.set(email, row);
      people.push(read);
    }
  }
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  if (!people.length) return { ok: false, errors: [{ row: 0, message: i18n.t('options.roster.csv.empty') }] };
  if (people.length > MAX_PEOPLE) {
    return {
      ok: false,
      errors: [
        {
          row: 0,
          message: i18n.t('options.roster.csv.tooMany', {
            count: wholeNumber(people.length),
            max: wholeNumber(MAX_PEOPLE),
          }),
        },
      ],
    };
  }
  return { ok: true, people };
}

export interface MergedRoster {
  roster: Roster;
  added: number;
  updated: number;
}

const same = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/** Where `person` already is: the same email; else, for a row without one, the same name with no email set. */
export function findTeammate(people: readonly Teammate[], person: Teammate): number {
  if (person.email) {
    const byEmail = people.findIndex((p) => same(p.email, person.email));
    if (byEmail >= 0) return byEmail;
    return people.findIndex((p) => !p.email && same(p.name, person.name));
  }
  return people.findIndex((p) => same(p.name, person.name));
}

/** Every team, in first-seen order: the listed ones, then those people name. Case-insensitively unique. */
export function teamsOf(roster: Roster): string[] {
  const teams: string[] = [];
  for (const team of [...roster.teams, ...roster.people.map((p) => p.team)]) {
    if (team && !teams.some((t) => same(t, team))) teams.push(team);
  }
  return teams;
}

/**
 * Adds imported people to the roster: someone already there (see `findTeammate`) is updated with the file's
 * non-empty cells, anyone else is added. New teams join the team list. Nothing is removed.
 */
export function mergeRoster(roster: Roster, imported: readonly Teammate[]): MergedRoster {
  const people = [...roster.people];
  let added = 0;
  let updated = 0;
  for (const person of imported) {
    const at = findTeammate(people, person);
    const existing = at >= 0 ? people[at] : undefined;
    if (existing) {
      people[at] = { ...existing, ...person };
      updated++;
    } else {
      people.push(person);
      added++;
    }
  }
  return { roster: { people, teams: teamsOf({ people, teams: roster.teams }) }, added, updated };
}

/** "Imported 3 teammates (1 new, 2 updated)." */
export function importedMessage({ added, updated }: Pick<MergedRoster, 'added' | 'updated'>): string {
  return i18n.t('options.roster.imported', added + updated, { added, updated });
}

/**
 * The roster as `name,email,team` CSV with a header row (and a `role` column when anyone has a role); cells a
 * spreadsheet would run as formulas are guarded.
 */
export function rosterToCsv(roster: Roster): string {
  const roles = roster.people.some((p) => p.role);
  return Papa.unparse(
    {
      fields: roles ? [...COLUMNS, 'role'] : [...COLUMNS],
      data: roster.people.map((p) => [p.name, p.email ?? '', p.team ?? '', ...(roles ? [p.role ?? ''] : [])]),
    },
    { escapeFormulae: FORMULA_START },
  );
}

// ---------- editing the roster by hand ----------

export type RosterChange = { ok: true; roster: Roster; message: string } | { ok: false; message: string };

/** Adds `person`, or replaces the one at `index`; an email may belong to one teammate only. */
export function saveTeammate(roster: Roster, person: Teammate, index?: number): RosterChange {
  const parsed = Teammate.safeParse(person);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path[0];
    const message =
      path === 'name'
        ? i18n.t('options.roster.error.name')
        : path === 'email'
          ? i18n.t('options.roster.error.email')
          : i18n.t('options.roster.error.team', { problem: z.prettifyError(parsed.error) });
    return { ok: false, message };
  }
  const saved = parsed.data;
  const taken = saved.email ? roster.people.findIndex((p, i) => i !== index && same(p.email, saved.email)) : -1;
  const owner = roster.people[taken];
  if (owner) {
    return {
      ok: false,
      message: i18n.t('options.roster.error.emailTaken', { email: saved.email ?? '', name: owner.name }),
    };
  }
  // Without emails, a name is all that tells two people apart (and what an import matches on).
  const twin = saved.email
    ? undefined
    : roster.people.find((p, i) => i !== index && !p.email && same(p.name, saved.name));
  if (twin) return { ok: false, message: i18n.t('options.roster.error.nameTaken', { name: twin.name }) };
  if (index === undefined && roster.people.length >= MAX_PEOPLE) {
    return { ok: false, message: i18n.t('options.roster.error.full', { max: wholeNumber(MAX_PEOPLE) }) };
  }
  const people =
    index === undefined ? [...roster.people, saved] : roster.people.map((p, i) => (i === index ? saved : p));
  return {
    ok: true,
    roster: { people, teams: teamsOf({ people, teams: roster.teams }) },
    message:
      index === undefined
        ? i18n.t('options.roster.added', { name: saved.name })
        : i18n.t('options.roster.saved', { name: saved.name }),
  };
}

export function removeTeammate(roster: Roster, index: number): RosterChange {
  const person = roster.people[index];
  if (!person) return { ok: false, message: i18n.t('options.roster.error.gone') };
  return {
    ok: true,
    roster: { ...roster, people: roster.people.filter((_, i) => i !== index) },
    message: i18n.t('options.roster.removed', { name: person.name }),
  };
}

export function addTeam(roster: Roster, name: string): RosterChange {
  const team = name.trim();
  if (!team) return { ok: false, message: i18n.t('options.roster.error.noTeam') };
  if (team.length > 200) return { ok: false, message: i18n.t('options.roster.error.longTeam') };
  const existing = teamsOf(roster).find((t) => same(t, team));
  if (existing) return { ok: false, message: i18n.t('options.roster.error.teamListed', { team: existing }) };
  return {
    ok: true,
    roster: { ...roster, teams: [...roster.teams, team] },
    message: i18n.t('options.roster.teamAdded', { team }),
  };
}

/** Removes a team no one is in; a team with members stays until they move (it would come back through them). */
export function removeTeam(roster: Roster, team: string): RosterChange {
  const members = roster.people.filter((p) => same(p.team, team)).length;
  if (members > 0) {
    return { ok: false, message: i18n.t('options.roster.error.teamInUse', members, { team }) };
  }
  return {
    ok: true,
    roster: { ...roster, teams: roster.teams.filter((t) => !same(t, team)) },
    message: i18n.t('options.roster.teamRemoved', { team }),
  };
}

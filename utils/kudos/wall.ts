// The kudos wall's logic: who a kudos is for, the filters, counts per promise per month, latest quotes. Pure.
import type { Kudos } from '../schemas';

/** What the wall needs of a kudos: one this browser sent, or one read back from the team feed. */
export type Praise = Pick<Kudos, 'id' | 'createdAt' | 'from' | 'to' | 'promiseId' | 'message' | 'quote' | 'case'>;

/** The promise filter's value for kudos that name no promise. */
export const NO_PROMISE = '(none)';
export const NO_PROMISE_TITLE = 'No promise';

export interface WallFilter {
  /** A person's name: kudos they received or gave. Empty: everyone. */
  person: string;
  /** A team's name: kudos to the team or to someone in it. */
  team: string;
  /** A promise id, `NO_PROMISE`, or empty for any. */
  promise: string;
  /** Local dates, `YYYY-MM-DD`, both included; empty for no bound. */
  from: string;
  to: string;
  /** Only kudos the rep received. */
  onlyMine: boolean;
}

export const NO_FILTER: WallFilter = { person: '', team: '', promise: '', from: '', to: '', onlyMine: false };

/** The rep, as their profile has them. */
export interface Me {
  name: string;
  email: string;
}

export interface PromiseRef {
  id: string;
  title: string;
}

const norm = (value: string | undefined) => value?.trim().toLowerCase() ?? '';
const same = (a: string | undefined, b: string | undefined) => norm(a) !== '' && norm(a) === norm(b);

/**
 * Received by the rep: a kudos that names the recipient's email is for the rep when it is the rep's email; one that
 * names none, when the recipient's name is exactly the rep's (two people may share a first name in another case).
 */
export function isForMe(kudos: Pick<Praise, 'to'>, me: Me): boolean {
  if (kudos.to.kind !== 'person') return false;
  if (kudos.to.email?.trim()) return same(kudos.to.email, me.email);
  return me.name.trim() !== '' && kudos.to.name.trim() === me.name.trim();
}

/** The start of a local day given as `YYYY-MM-DD`, or undefined when it is not such a date. */
export function localDayStart(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = new Date(year, month - 1, day);
  return at.getFullYear() === year && at.getMonth() === month - 1 && at.getDate() === day ? at.getTime() : undefined;
}

/** The first moment after the local day `date`. */
function localDayEnd(date: string): number | undefined {
  const start = localDayStart(date);
  if (start === undefined) return undefined;
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return next.getTime();
}

const involves = (kudos: Praise, person: string) =>
  (kudos.to.kind === 'person' && same(kudos.to.name, person)) || same(kudos.from.name, person);
const inTeam = (kudos: Praise, team: string) =>
  (kudos.to.kind === 'team' && same(kudos.to.name, team)) || same(kudos.to.team, team);
const hasPromise = (kudos: Praise, promise: string) =>
  promise === NO_PROMISE ? !kudos.promiseId : kudos.promiseId === promise;

/** The kudos that pass every filter, in the order given. */
export function filterKudos<K extends Praise>(kudos: readonly K[], filter: WallFilter, me: Me): K[] {
  const from = localDayStart(filter.from);
  const to = localDayEnd(filter.to);
  return kudos.filter(
    (k) =>
      (!filter.person || involves(k, filter.person)) &&
      (!filter.team || inTeam(k, filter.team)) &&
      (!filter.promise || hasPromise(k, filter.promise)) &&
      (from === undefined || k.createdAt >= from) &&
      (to === undefined || k.createdAt < to) &&
      (!filter.onlyMine || isForMe(k, me)),
  );
}

/** Case-insensitively unique, first spelling kept, sorted. */
function distinct(values: Array<string | undefined>): string[] {
  const seen = new Map<string, string>();
  for (const value of values) {
    const key = norm(value);
    if (key && value && !seen.has(key)) seen.set(key, value.trim());
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/** The people and teams the filters offer: everyone who gave or received a kudos, every team praised or named. */
export function wallChoices(kudos: readonly Praise[]): { people: string[]; teams: string[] } {
  return {
    people: distinct(kudos.flatMap((k) => [k.to.kind === 'person' ? k.to.name : undefined, k.from.name])),
    teams: distinct(kudos.flatMap((k) => [k.to.kind === 'team' ? k.to.name : undefined, k.to.team])),
  };
}

/** The playbook's promises in its order, then promise ids kudos hold that the playbook no longer has. */
export function promiseChoices(kudos: readonly Praise[], promises: readonly PromiseRef[]): PromiseRef[] {
  const known = new Set(promises.map((p) => p.id));
  const unknown = new Set<string>();
  for (const k of kudos) if (k.promiseId && !known.has(k.promiseId)) unknown.add(k.promiseId);
  return [...promises, ...[...unknown].sort().map((id) => ({ id, title: id }))];
}

export interface Period {
  start: number;
  /** The first moment after it. */
  end: number;
  /** `YYYY-MM`, for `<time dateTime>`. */
  month: string;
}

export interface PromiseCounts {
  periods: Period[];
  rows: Array<{ id: string; title: string; counts: number[] }>;
}

/** The last `months` local calendar months, oldest first, the current one last. */
export function lastMonths(now: number, months = 6): Period[] {
  const current = new Date(now);
  return Array.from({ length: months }, (_, i) => {
    const start = new Date(current.getFullYear(), current.getMonth() - (months - 1 - i), 1);
    const end = new Date(start.getFullYear(), start.getMonth() + 1, 1);
    const month = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}`;
    return { start: start.getTime(), end: end.getTime(), month };
  });
}

/**
 * How many kudos each promise got in each of the last `months` months: a row per promise (the playbook's, then
 * unknown ids), then "No promise" (id `NO_PROMISE`).
 */
export function countsPerPromise(
  kudos: readonly Praise[],
  promises: readonly PromiseRef[],
  now: number,
  months = 6,
): PromiseCounts {
  const periods = lastMonths(now, months);
  const rows = [...promiseChoices(kudos, promises), { id: NO_PROMISE, title: NO_PROMISE_TITLE }].map((p) => ({
    ...p,
    counts: periods.map(() => 0),
  }));
  const rowOf = new Map(rows.map((row) => [row.id, row]));
  for (const k of kudos) {
    const period = periods.findIndex((p) => k.createdAt >= p.start && k.createdAt < p.end);
    const row = rowOf.get(k.promiseId ?? NO_PROMISE);
    if (period >= 0 && row) row.counts[period] = (row.counts[period] ?? 0) + 1;
  }
  return { periods, rows };
}

/** The newest kudos that carry a customer's words. */
export function latestQuotes<K extends Praise>(kudos: readonly K[], limit = 6): K[] {
  return kudos
    .filter((k) => k.quote?.trim())
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, limit);
}

/**
 * The team's kudos and this browser's in one list, newest first, each kudos once: one this browser sent and read
 * back from the feed is shown as sent here (with its delivery state and actions).
 */
export function mergeTeamKudos<A extends Praise, B extends Praise>(
  mine: readonly A[],
  team: readonly B[],
): Array<A | B> {
  const sentHere = new Set(mine.map((k) => k.id));
  return [...mine, ...team.filter((k) => !sentHere.has(k.id))].sort((a, b) => b.createdAt - a.createdAt);
}

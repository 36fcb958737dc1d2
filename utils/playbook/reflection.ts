// The rep's own reflection: how often this week and this month they ticked each promise's behaviours, counted from
// the per-case and routine ticks in this browser. Pure; it is never sent anywhere, only exported by the rep.
import Papa from 'papaparse';
import { i18n } from '#i18n';
import { FORMULA_START } from '../kudos/export';
import type { BehaviourCheck } from '../schemas';
import type { Behaviour, BrandPromise, Playbook } from './schema';

export interface BehaviourCount {
  behaviour: Pick<Behaviour, 'id' | 'text'>;
  week: number;
  month: number;
}

export interface PromiseCount {
  promise: Pick<BrandPromise, 'id' | 'title'>;
  week: number;
  month: number;
  /** The behaviours ticked at least once this month, in playbook order. */
  behaviours: BehaviourCount[];
}

export interface Reflection {
  /** Every promise of the playbook, in its order, then ticks of behaviours the playbook no longer has. */
  promises: PromiseCount[];
  /** Local midnight of this week's Monday and of the month's first day. */
  weekStart: number;
  monthStart: number;
}

/** Ticks of behaviours the playbook has since dropped: still the rep's work, under one heading. */
export const NO_LONGER_IN_PLAYBOOK = { id: '', title: i18n.t('options.reflection.gone') } as const;

/** Local midnight of the Monday of `now`'s week, and of the first of its month. */
export function periodStarts(now: number): Pick<Reflection, 'weekStart' | 'monthStart'> {
  const at = new Date(now);
  const weekStart = new Date(at.getFullYear(), at.getMonth(), at.getDate() - ((at.getDay() + 6) % 7)).getTime();
  const monthStart = new Date(at.getFullYear(), at.getMonth(), 1).getTime();
  return { weekStart, monthStart };
}

/** Ticks this week and this month per behaviour id (ticks in the future, from a wrong clock, count as now). */
function tally(checks: readonly BehaviourCheck[], starts: Pick<Reflection, 'weekStart' | 'monthStart'>) {
  const counts = new Map<string, { week: number; month: number }>();
  for (const check of checks) {
    if (check.checkedAt < starts.monthStart && check.checkedAt < starts.weekStart) continue;
    const count = counts.get(check.behaviourId) ?? { week: 0, month: 0 };
    if (check.checkedAt >= starts.weekStart) count.week += 1;
    if (check.checkedAt >= starts.monthStart) count.month += 1;
    counts.set(check.behaviourId, count);
  }
  return counts;
}

const sum = (list: readonly BehaviourCount[], key: 'week' | 'month') => list.reduce((n, b) => n + b[key], 0);

const promiseCount = (promise: PromiseCount['promise'], behaviours: BehaviourCount[]): PromiseCount => ({
  promise,
  week: sum(behaviours, 'week'),
  month: sum(behaviours, 'month'),
  behaviours,
});

/**
 * How many times this week and this month the rep ticked each promise's behaviours. A week starts on Monday; a week
 * that began last month counts its days of last month in the week only.
 */
export function reflect(checks: readonly BehaviourCheck[], playbook: Playbook, now: number): Reflection {
  const starts = periodStarts(now);
  const counts = tally(checks, starts);
  const ticked = (b: Pick<Behaviour, 'id' | 'text'>): BehaviourCount[] => {
    const count = counts.get(b.id);
    return count ? [{ behaviour: { id: b.id, text: b.text }, ...count }] : [];
  };
  const known = new Set(playbook.behaviours.map((b) => b.id));
  const promises = playbook.promises.map((promise) =>
    promiseCount(
      { id: promise.id, title: promise.title },
      playbook.behaviours.filter((b) => b.promiseId === promise.id).flatMap(ticked),
    ),
  );
  const gone = [...counts.keys()].filter((id) => !known.has(id)).flatMap((id) => ticked({ id, text: id }));
  return { ...starts, promises: gone.length ? [...promises, promiseCount(NO_LONGER_IN_PLAYBOOK, gone)] : promises };
}

export const REFLECTION_CSV_FILE_NAME = 'kept-reflection.csv';
export const REFLECTION_JSON_FILE_NAME = 'kept-reflection.json';
export const REFLECTION_CSV_COLUMNS = [
  'promise_id',
  'promise',
  'behaviour_id',
  'behaviour',
  'this_week',
  'this_month',
] as const;

/** One row per promise (its behaviour columns empty), then one per behaviour ticked under it. */
export function reflectionToCsv(reflection: Reflection): string {
  const rows = reflection.promises.flatMap(({ promise, week, month, behaviours }) => [
    [promise.id, promise.title, '', '', week, month],
    ...behaviours.map((b) => [promise.id, promise.title, b.behaviour.id, b.behaviour.text, b.week, b.month]),
  ]);
  return Papa.unparse({ fields: [...REFLECTION_CSV_COLUMNS], data: rows }, { escapeFormulae: FORMULA_START });
}

/** The reflection with its periods as ISO dates, as pretty-printed JSON. */
export function reflectionToJson(reflection: Reflection, now: number): string {
  const { weekStart, monthStart, promises } = reflection;
  const iso = (at: number) => new Date(at).toISOString();
  return `${JSON.stringify({ exportedAt: iso(now), weekStart: iso(weekStart), monthStart: iso(monthStart), promises }, null, 2)}\n`;
}

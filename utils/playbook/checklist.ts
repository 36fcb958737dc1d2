import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db';
import { sourceOf } from '../history/sync';
import type { TicketRef } from '../schemas';

/** One key per ticket, across helpdesk instances. */
export const caseKeyOf = (ref: TicketRef) => `${sourceOf(ref)}#${ref.ticketId}`;

export async function setBehaviourDone(caseKey: string, behaviourId: string, done: boolean, now = Date.now()) {
  if (done) await db.checks.put({ caseKey, behaviourId, checkedAt: now });
  else await db.checks.delete([caseKey, behaviourId]);
}

/** Ids of the behaviours ticked on this case, live. */
export function useDoneBehaviours(caseKey: string): Set<string> | undefined {
  return useLiveQuery(
    async () => new Set((await db.checks.where('caseKey').equals(caseKey).toArray()).map((c) => c.behaviourId)),
    [caseKey],
  );
}

const two = (n: number) => String(n).padStart(2, '0');

/** The ISO week of a local date: "2026-W49" (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(at: Date): string {
  // The Thursday of this date's week decides the year and the week number.
  const thursday = new Date(at.getFullYear(), at.getMonth(), at.getDate() - ((at.getDay() + 6) % 7) + 3);
  const january1 = new Date(thursday.getFullYear(), 0, 1);
  const week = 1 + Math.floor(Math.round((thursday.getTime() - january1.getTime()) / 86_400_000) / 7);
  return `${thursday.getFullYear()}-W${two(week)}`;
}

/** The checklist a routine is ticked in: one per local day or per ISO week, so it starts fresh each period. */
export function routineKeyOf(cadence: 'day' | 'week', now: number): string {
  const at = new Date(now);
  return cadence === 'day'
    ? `day:${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`
    : `week:${isoWeek(at)}`;
}

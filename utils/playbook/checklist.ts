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

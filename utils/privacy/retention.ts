import { db as defaultDb, type KeptDB } from '../db';

const DAY_MS = 24 * 60 * 60_000;

export interface Purged {
  conversations: number;
  customers: number;
  syncStates: number;
  checks: number;
}

/**
 * Forgets what Kept has not stored or shown within the retention period. The clock is Kept's own, never the
 * helpdesk's: a conversation goes when it was last stored before the cutoff and its customer was not seen since; a
 * customer goes when not seen since. However old a ticket is, history the rep saw within the period stays.
 * Kudos are the rep's own words and stay until deleted.
 *
 * Every customer who lost conversations also loses their sync state, so the next view fetches the history again
 * instead of reporting a partial one as up to date.
 */
export async function purgeExpired(retentionDays: number, now: number, database: KeptDB = defaultDb): Promise<Purged> {
  const cutoff = now - retentionDays * DAY_MS;
  return database.transaction(
    'rw',
    [database.conversations, database.customers, database.syncState, database.checks],
    async () => {
      const unseen = await database.customers.where('updatedAt').below(cutoff).primaryKeys();
      const seen = new Set(await database.customers.where('updatedAt').aboveOrEqual(cutoff).primaryKeys());
      const expired = await database.conversations
        .where('storedAt')
        .below(cutoff)
        .filter((c) => !seen.has(c.customerKey))
        .toArray();
      await database.conversations.bulkDelete(expired.map((c): [string, string] => [c.source, c.id]));
      await database.customers.bulkDelete(unseen);
      const touched = new Set([...unseen, ...expired.map((c) => c.customerKey)]);
      const syncStates = await database.syncState
        .where('customerKey')
        .anyOf([...touched])
        .delete();
      const checks = await database.checks.filter((c) => c.checkedAt < cutoff).delete();
      return { conversations: expired.length, customers: unseen.length, syncStates, checks };
    },
  );
}

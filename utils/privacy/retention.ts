import { db as defaultDb, type KeptDB } from '../db';

const DAY_MS = 24 * 60 * 60_000;

export interface Purged {
  conversations: number;
  customers: number;
  syncStates: number;
  checks: number;
}

/**
 * Forgets cached helpdesk data older than the retention period: conversations not updated since, customers not seen
 * since (with their sync state and checklists). Kudos are the rep's own words and stay until deleted.
 */
export async function purgeExpired(retentionDays: number, now: number, database: KeptDB = defaultDb): Promise<Purged> {
  const cutoff = now - retentionDays * DAY_MS;
  return database.transaction(
    'rw',
    [database.conversations, database.customers, database.syncState, database.checks],
    async () => {
      const conversations = await database.conversations.where('updatedAt').below(cutoff).delete();
      const stale = await database.customers.where('updatedAt').below(cutoff).primaryKeys();
      const customers = await database.customers.bulkDelete(stale).then(() => stale.length);
      const syncStates = await database.syncState.where('customerKey').anyOf(stale).delete();
      const checks = await database.checks.filter((c) => c.checkedAt < cutoff).delete();
      return { conversations, customers, syncStates, checks };
    },
  );
}

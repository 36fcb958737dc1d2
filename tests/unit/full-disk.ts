// A full disk for tests: what the browser does when Kept's origin is over its storage quota.
import type { DBCore, Middleware } from 'dexie';
import type { KeptDB } from '@/utils/db';

/**
 * The browser's "disk full", as Chrome reports it: the writes go through, then the transaction aborts at commit
 * with a QuotaExceededError and everything it wrote is rolled back. `when` picks the write that does not fit.
 * fake-indexeddb's own abort path (`_abort`, the one its spec tests use) sets the transaction's error, so Dexie
 * wraps it exactly as in a browser: an AbortError whose `inner` is the QuotaExceededError.
 */
export function fullDisk(when: (table: string, storesInTransaction: string[]) => boolean): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'full-disk',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: async (request) => {
            const result = await table.mutate(request);
            const trans = request.trans as unknown as IDBTransaction & { _abort(name: string): void };
            if (when(name, [...trans.objectStoreNames])) trans._abort('QuotaExceededError');
            return result;
          },
        };
      },
    }),
  };
}

/** Reopens `database` with the disk full (or, given null, with room again). */
export async function setDisk(database: KeptDB, middleware: Middleware<DBCore> | null, previous?: Middleware<DBCore>) {
  database.close();
  if (previous) database.unuse({ stack: 'dbcore', name: previous.name ?? '' });
  if (middleware) database.use(middleware);
  await database.open();
}

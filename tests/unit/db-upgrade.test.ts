import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { KeptDB } from '@/utils/db';
import { conversationsOf } from '@/utils/db/queries';
import { Conversation, Customer, Kudos, OutboxEntry, SyncState } from '@/utils/schemas';
import fixture from '../fixtures/db/v1.json';

const v1 = fixture as { stores: Record<string, string>; rows: Record<string, unknown[]> };

/** Writes the fixture the way version 1 of Kept did: its schema, copied as it shipped, and its rows. */
async function writeVersion1(name: string) {
  const old = new Dexie(name);
  old.version(1).stores(v1.stores);
  await old.open();
  for (const [table, rows] of Object.entries(v1.rows)) await old.table(table).bulkPut(rows);
  old.close();
}

describe('database upgrades', () => {
  it('opens a database written by version 1 with every row intact', async () => {
    await writeVersion1('kept-upgrade-test');
    const db = new KeptDB('kept-upgrade-test');
    await db.open();
    for (const [table, rows] of Object.entries(v1.rows)) {
      const stored = await db.table(table).toArray();
      expect(stored, table).toHaveLength(rows.length);
      expect(stored, table).toEqual(expect.arrayContaining(rows));
    }
    // What is installed is what today's code declares: a changed key without an upgrade shows up here.
    const installed = db.backendDB();
    for (const table of db.tables) {
      const store = installed.transaction(table.name).objectStore(table.name);
      expect(store.keyPath, table.name).toEqual(table.schema.primKey.keyPath);
      for (const index of table.schema.indexes) expect([...store.indexNames], table.name).toContain(index.name);
    }
    // The indexes still answer the panel's question.
    const newestFirst = await conversationsOf('zoe@example.com', db);
    expect(newestFirst.map((c) => c.id)).toEqual(['1042', '1031', '1007']);
    db.close();
  });

  it('keeps rows that still satisfy today’s record schemas', () => {
    const schemas = {
      customers: Customer,
      conversations: Conversation,
      kudos: Kudos,
      outbox: OutboxEntry,
      syncState: SyncState,
    };
    for (const [table, rows] of Object.entries(v1.rows)) {
      for (const row of rows) expect(schemas[table as keyof typeof schemas].safeParse(row).success, table).toBe(true);
    }
  });
});

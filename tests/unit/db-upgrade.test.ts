import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { KeptDB } from '@/utils/db';
import { conversationsOf } from '@/utils/db/queries';
import { FeedState, TeamKudos } from '@/utils/feed/schema';
import {
  BehaviourCheck,
  Conversation,
  ConversationThread,
  Customer,
  Kudos,
  OutboxEntry,
  SyncState,
} from '@/utils/schemas';
import v1 from '../fixtures/db/v1.json';
import v2 from '../fixtures/db/v2.json';
import v3 from '../fixtures/db/v3.json';
import v4 from '../fixtures/db/v4.json';

interface Fixture {
  stores: Record<string, string>;
  rows: Record<string, Array<Record<string, unknown>>>;
}

/** A database as each earlier version of Kept wrote it: its schema, copied as it shipped, and its rows. */
const FIXTURES: Array<[number, Fixture]> = [
  [1, v1],
  [2, v2],
  [3, v3],
  [4, v4],
];

const schemas = {
  customers: Customer,
  conversations: Conversation,
  kudos: Kudos,
  outbox: OutboxEntry,
  syncState: SyncState,
  checks: BehaviourCheck,
  threads: ConversationThread,
  teamKudos: TeamKudos,
  feedState: FeedState,
};

async function writeOld(name: string, version: number, fixture: Fixture) {
  await Dexie.delete(name);
  const old = new Dexie(name);
  old.version(version).stores(fixture.stores);
  await old.open();
  for (const [table, rows] of Object.entries(fixture.rows)) await old.table(table).bulkPut(rows);
  old.close();
}

/** What version 3's upgrade does on purpose: rows count as stored now; every history is fetched again. */
function expectedAfterUpgrade(version: number, table: string, row: Record<string, unknown>) {
  if (version >= 3) return row;
  if (table === 'conversations') return { ...row, storedAt: expect.any(Number) };
  if (table === 'syncState') {
    const { fetchedAt: _forgotten, ...rest } = row;
    return rest;
  }
  return row;
}

describe.each(FIXTURES)('a database written by version %i', (version, fixture) => {
  const name = `kept-upgrade-v${version}`;

  it('opens under today’s schema with every row kept', async () => {
    await writeOld(name, version, fixture);
    const db = new KeptDB(name);
    await db.open();
    for (const [table, rows] of Object.entries(fixture.rows)) {
      const stored = await db.table(table).toArray();
      expect(stored, table).toHaveLength(rows.length);
      expect(stored, table).toEqual(
        expect.arrayContaining(rows.map((row) => expectedAfterUpgrade(version, table, row))),
      );
    }
    // What is installed is what today's code declares: a changed key without an upgrade shows up here.
    const installed = db.backendDB();
    for (const table of db.tables) {
      const store = installed.transaction(table.name).objectStore(table.name);
      expect(store.keyPath, table.name).toEqual(table.schema.primKey.keyPath);
      expect([...store.indexNames].sort(), table.name).toEqual(table.schema.indexes.map((i) => i.name).sort());
    }
    // The indexes still answer the panel's question.
    const newestFirst = await conversationsOf('zoe@example.com', db);
    expect(newestFirst.map((c) => c.id)).toEqual(['1042', '1031', '1007']);
    db.close();
  });

  it('keeps rows that still satisfy today’s record schemas', () => {
    for (const [table, rows] of Object.entries(fixture.rows)) {
      for (const row of rows) expect(schemas[table as keyof typeof schemas].safeParse(row).success, table).toBe(true);
    }
  });
});

describe('the version 3 upgrade', () => {
  it('counts cached conversations as stored at the upgrade, so retention keeps them a full period', async () => {
    await writeOld('kept-upgrade-retention', 2, v2);
    const before = Date.now();
    const db = new KeptDB('kept-upgrade-retention');
    const stored = await db.conversations.toArray();
    expect(stored.every((c) => (c.storedAt ?? 0) >= before && (c.storedAt ?? 0) <= Date.now())).toBe(true);
    db.close();
  });

  it('forgets when every history was fetched, so each customer is fetched again instead of reported fresh', async () => {
    await writeOld('kept-upgrade-sync', 2, v2);
    const db = new KeptDB('kept-upgrade-sync');
    const states = await db.syncState.toArray();
    expect(states).toHaveLength(v2.rows.syncState.length);
    expect(states.every((s) => s.fetchedAt === undefined && s.attemptedAt > 0)).toBe(true);
    db.close();
  });
});

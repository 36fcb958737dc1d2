// Runs inside an extension page (the extension's origin and its IndexedDB), bundled by esbuild for the benchmark
// only: the shipped build never contains it. Uses Kept's own database class and queries, and raw IndexedDB on the
// same data for comparison.

import Dexie from 'dexie';
import { KeptDB } from '@/utils/db';
import { conversationsOf, saveConversations } from '@/utils/db/queries';
import { enqueueKudos, processOutbox } from '@/utils/kudos/outbox';
import type { Conversation, ConversationStatus } from '@/utils/schemas';

const SOURCE = 'zendesk:acme.zendesk.com';
const STATUSES: ConversationStatus[] = ['solved', 'closed', 'closed', 'solved', 'open', 'pending', 'hold', 'new'];
const CHANNELS = ['email', 'web', 'chat', 'api', 'voice'] as const;
const TOPICS = [
  'Refund not received for order',
  'Cannot sign in after password reset',
  'Charged twice this month',
  'Parcel held at customs',
  'Invoice address is wrong',
  'SSO users cannot reach the billing page',
  'Export to CSV times out',
  'Change the plan for our team',
];
const THREE_YEARS = 3 * 365 * 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 2, 12, 9, 0);
/** Customers the filler conversations belong to: about ten each at 1M. */
const CUSTOMER_POOL = 100_000;

/** The same PRNG as the demo seed: deterministic figures from run to run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(list: readonly T[], r: number): T => list[Math.floor(r * list.length)] as T;

/** A conversation as the history sync stores it (about 400 bytes, like Zendesk's). */
function conversation(n: number, customerKey: string, rand: () => number): Conversation {
  const updatedAt = NOW - Math.floor(rand() * THREE_YEARS);
  const topic = pick(TOPICS, rand());
  return {
    source: SOURCE,
    id: String(1_000_000 + n),
    customerKey,
    subject: `${topic} #${10_000 + (n % 90_000)}`,
    status: pick(STATUSES, rand()),
    channel: pick(CHANNELS, rand()),
    createdAt: updatedAt - Math.floor(rand() * 7 * 24 * 3600 * 1000),
    updatedAt,
    ...(rand() < 0.3 ? { satisfaction: rand() < 0.8 ? ('good' as const) : ('bad' as const) } : {}),
    excerpt: `${topic}: I wrote on the ${1 + (n % 28)}th and have not heard back since. Order ${50_000 + (n % 9999)}.`,
    url: `https://acme.zendesk.com/agent/tickets/${1_000_000 + n}`,
    tags: [topic.split(' ')[0]?.toLowerCase() ?? 'misc', rand() < 0.5 ? 'vip' : 'standard'],
    assigneeId: String(370_000 + Math.floor(rand() * 40)),
    storedAt: NOW,
  };
}

export const targetKey = (i: number) => `target-${i}@bench.example`;

let database: KeptDB | undefined;
let raw: IDBDatabase | undefined;
let written = 0;

const db = (): KeptDB => {
  if (!database) throw new Error('open a database first');
  return database;
};

export async function open(name: string): Promise<void> {
  await Dexie.delete(name);
  database = new KeptDB(name);
  await database.open();
  raw = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  written = 0;
}

/**
 * Stores rows with raw IndexedDB puts in one relaxed-durability transaction: seeding is setup, not a measured
 * figure, and Chromium stores about 5–7k conversations a second either way (the 1M stage dominates the run).
 */
function putAll(rows: Conversation[]): Promise<void> {
  const idb = raw;
  if (!idb) throw new Error('open a database first');
  return new Promise((resolve, reject) => {
    const tx = idb.transaction('conversations', 'readwrite', { durability: 'relaxed' });
    const store = tx.objectStore('conversations');
    for (const row of rows) store.put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Adds `count` conversations of random customers in chunks; answers the time taken and the rows stored. */
export async function fill(count: number, chunk = 10_000): Promise<{ ms: number; rows: number }> {
  const rand = mulberry32(written + 1);
  const started = performance.now();
  for (let done = 0; done < count; done += chunk) {
    const size = Math.min(chunk, count - done);
    const rows = Array.from({ length: size }, (_, i) =>
      conversation(written + i, `c${Math.floor(rand() * CUSTOMER_POOL)}@bench.example`, rand),
    );
    await putAll(rows);
    written += size;
  }
  return { ms: performance.now() - started, rows: written };
}

/** `customers` customers with `each` conversations, the ones the lookups read. */
export async function addTargets(customers: number, each: number): Promise<void> {
  const rand = mulberry32(7);
  for (let c = 0; c < customers; c++) {
    const rows = Array.from({ length: each }, (_, i) => conversation(written + i, targetKey(c), rand));
    await putAll(rows);
    written += each;
  }
}

function rawConversationsOf(customerKey: string): Promise<Conversation[]> {
  const idb = raw;
  if (!idb) throw new Error('open a database first');
  return new Promise((resolve, reject) => {
    const request = idb
      .transaction('conversations', 'readonly')
      .objectStore('conversations')
      .index('[customerKey+updatedAt]')
      .getAll(IDBKeyRange.bound([customerKey, Dexie.minKey], [customerKey, Dexie.maxKey]));
    request.onsuccess = () => resolve((request.result as Conversation[]).reverse());
    request.onerror = () => reject(request.error);
  });
}

/** One customer's conversations, newest first: Kept's query and raw IndexedDB, alternating; ms each. */
export async function lookups(count: number, customers: number, expected: number) {
  const dexie: number[] = [];
  const idb: number[] = [];
  for (let i = 0; i < count + 20; i++) {
    const key = targetKey(i % customers);
    const order = i % 2 === 0 ? (['dexie', 'raw'] as const) : (['raw', 'dexie'] as const);
    for (const which of order) {
      const started = performance.now();
      const rows = which === 'dexie' ? await conversationsOf(key, db()) : await rawConversationsOf(key);
      const ms = performance.now() - started;
      if (rows.length !== expected) throw new Error(`${which} found ${rows.length} conversations, not ${expected}`);
      if ((rows[0]?.updatedAt ?? 0) < (rows[rows.length - 1]?.updatedAt ?? 0)) throw new Error('not newest first');
      // The first 20 warm the caches and are not counted.
      if (i >= 20) (which === 'dexie' ? dexie : idb).push(ms);
    }
  }
  return { dexie, raw: idb };
}

/** Upserts 10k conversations, half already stored (updated), half new, as a history sync does; ms. */
export async function upsert(count = 10_000): Promise<number> {
  const rand = mulberry32(99 + written);
  const existing = Array.from({ length: count / 2 }, (_, i) => ({
    ...conversation(i * 7, `c${i}@bench.example`, rand),
    subject: `Updated ${i}`,
  }));
  const fresh = Array.from({ length: count / 2 }, (_, i) =>
    conversation(written + i, `c${Math.floor(rand() * CUSTOMER_POOL)}@bench.example`, rand),
  );
  const started = performance.now();
  await saveConversations([...existing, ...fresh], NOW, db());
  written += count / 2;
  return performance.now() - started;
}

/** Enqueues `count` kudos one by one, then delivers them all with a channel that answers at once; ms each phase. */
export async function outbox(count: number): Promise<{ enqueueMs: number; deliverMs: number; sent: number }> {
  const name = 'kept-bench-outbox';
  await Dexie.delete(name);
  const box = new KeptDB(name);
  const now = () => NOW;
  let started = performance.now();
  for (let i = 0; i < count; i++) {
    await enqueueKudos(
      {
        id: `bench-${i}`,
        createdAt: NOW,
        from: { name: 'Ana Rep' },
        to: { kind: 'team', name: 'Billing' },
        message: `Thanks for sorting out the refund so quickly #${i}`,
      },
      'slack',
      NOW,
      box,
    );
  }
  const enqueueMs = performance.now() - started;
  started = performance.now();
  const run = await processOutbox({ now, database: box, deliver: async () => ({ kind: 'sent' }) });
  const deliverMs = performance.now() - started;
  box.close();
  await Dexie.delete(name);
  return { enqueueMs, deliverMs, sent: run.sent };
}

/** One customer with `count` conversations in Kept's own database, for the side panel. */
export async function seedPanelCustomer(customerKey: string, name: string, count: number): Promise<void> {
  const kept = new KeptDB();
  const rand = mulberry32(2000);
  await kept.customers.put({
    key: customerKey,
    email: customerKey,
    name,
    externalIds: { [SOURCE]: '373999999' },
    firstSeenAt: NOW - THREE_YEARS,
    updatedAt: NOW,
  });
  await saveConversations(
    Array.from({ length: count }, (_, i) => conversation(5_000_000 + i, customerKey, rand)),
    NOW,
    kept,
  );
  await kept.syncState.put({ source: SOURCE, customerKey, fetchedAt: Date.now(), attemptedAt: Date.now() });
  kept.close();
}

export async function close(): Promise<void> {
  raw?.close();
  raw = undefined;
  const name = database?.name;
  database?.close();
  database = undefined;
  if (name) await Dexie.delete(name);
}

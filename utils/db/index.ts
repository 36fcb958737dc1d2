import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { FeedState, TeamKudos } from '../feed/schema';
import type { Feedback } from '../feedback/schema';
import type {
  BehaviourCheck,
  Conversation,
  ConversationThread,
  Customer,
  Kudos,
  OutboxEntry,
  SyncState,
} from '../schemas';

/**
 * Version 1 of the schema. A change of primary key needs a new version with an upgrade;
 * tests/unit/db-upgrade.test.ts opens a saved database of every version under the current one.
 */
export const STORES_V1 = {
  customers: 'key, email, updatedAt',
  // "This customer's conversations, newest first" is one range scan on [customerKey+updatedAt].
  conversations: '[source+id], [customerKey+updatedAt], updatedAt',
  kudos: 'id, createdAt, state, to.name',
  outbox: 'kudosId, nextAttemptAt',
  syncState: '[source+customerKey], customerKey',
} as const;

/** Version 2 adds the per-case checklist of behaviours. */
export const STORES_V2 = {
  ...STORES_V1,
  checks: '[caseKey+behaviourId], caseKey',
} as const;

/**
 * Version 3: retention counts from when Kept stored a conversation (`storedAt`), not from the helpdesk's
 * `updatedAt`, which version 2 purged by (and so threw away every old ticket at each start of the worker).
 */
export const STORES_V3 = {
  ...STORES_V2,
  conversations: '[source+id], [customerKey+updatedAt], storedAt',
} as const;

/**
 * Version 4 caches the threads of earlier conversations, fetched when the rep expands one; and holds the team feed:
 * kudos read back from it (newest first, praise for the rep not yet looked at) and where each feed's reading stands.
 */
export const STORES_V4 = {
  ...STORES_V3,
  threads: '[source+id]',
  // The team feed.
  teamKudos: 'id, createdAt, unread',
  feedState: 'feed',
} as const;

/**
 * Version 5 keeps what reps said about the playbook ("Suggest a change", "This got in my way"), newest first; its
 * deliveries share the kudos outbox, whose rows say what they carry.
 */
export const STORES_V5 = {
  ...STORES_V4,
  feedback: 'id, createdAt',
} as const;

/**
 * Whether this page can use the database: `upgrade-blocked` while a newer version waits for older Kept pages to
 * close; `outdated` once a newer Kept upgraded it (this page's code is older than the data now); `deleted` once
 * another page deleted it. Both of the last two need a reload.
 */
export type DatabaseState = 'open' | 'upgrade-blocked' | 'outdated' | 'deleted';

export class KeptDB extends Dexie {
  customers!: EntityTable<Customer, 'key'>;
  conversations!: Table<Conversation, [string, string]>;
  kudos!: EntityTable<Kudos, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'kudosId'>;
  syncState!: Table<SyncState, [string, string]>;
  checks!: Table<BehaviourCheck, [string, string]>;
  threads!: Table<ConversationThread, [string, string]>;
  teamKudos!: EntityTable<TeamKudos, 'id'>;
  feedState!: EntityTable<FeedState, 'feed'>;
  feedback!: EntityTable<Feedback, 'id'>;
  state: DatabaseState = 'open';
  private readonly stateListeners = new Set<(state: DatabaseState) => void>();

  constructor(name = 'kept') {
    super(name);
    this.version(1).stores(STORES_V1);
    this.version(2).stores(STORES_V2);
    this.version(3).stores(STORES_V3).upgrade(upgradeToVersion3);
    this.version(4).stores(STORES_V4);
    this.version(5).stores(STORES_V5);
    this.watchUpgrades();
  }

  /** Calls `listener` with every change of `state`; answers the way to stop. */
  onStateChange(listener: (state: DatabaseState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  private setState(state: DatabaseState): void {
    if (this.state === state) return;
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }

  private watchUpgrades(): void {
    // Another connection (a newer Kept) wants to upgrade or delete the database. Close at once so it is not blocked,
    // and stay closed: Dexie's default would reopen on the next query with this page's older schema. Returning
    // false stops Dexie's default handler, which runs after this one.
    this.on('versionchange', (event) => {
      this.close({ disableAutoOpen: true });
      this.setState(event.newVersion ? 'outdated' : 'deleted');
      return false;
    });
    // This connection's upgrade waits for an older page that keeps the database open; the upgrade goes on by
    // itself once that page closes or reloads, and `ready` fires.
    this.on('blocked', () => {
      if (this.state === 'open') this.setState('upgrade-blocked');
    });
    // Sticky: every successful open (the blocked upgrade done, an explicit reopen) makes the database usable again.
    this.on('ready', () => this.setState('open'), true);
  }
}

/**
 * Rows cached before version 3 count as stored now, so none is lost to the upgrade. Version 2 may already have
 * purged a customer's older tickets while their sync state still said "fresh": every sync state forgets when it
 * fetched, so each customer's history is fetched again on the next view instead of being reported complete.
 */
async function upgradeToVersion3(tx: Transaction): Promise<void> {
  const now = Date.now();
  await tx
    .table<Conversation>('conversations')
    .toCollection()
    .modify((row) => {
      row.storedAt = now;
    });
  await tx
    .table<SyncState>('syncState')
    .toCollection()
    .modify((row) => {
      delete row.fetchedAt;
    });
}

/** The one database of the extension origin: background writes, extension pages read. */
export const db = new KeptDB();

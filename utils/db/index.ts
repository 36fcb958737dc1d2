import Dexie, { type EntityTable, type Table } from 'dexie';
import type { BehaviourCheck, Conversation, Customer, Kudos, OutboxEntry, SyncState } from '../schemas';

/**
 * Version 1 of the schema. A change of primary key needs a new version with an upgrade;
 * tests/unit/db-upgrade.test.ts opens a saved version-1 database under the current one.
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

export class KeptDB extends Dexie {
  customers!: EntityTable<Customer, 'key'>;
  conversations!: Table<Conversation, [string, string]>;
  kudos!: EntityTable<Kudos, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'kudosId'>;
  syncState!: Table<SyncState, [string, string]>;
  checks!: Table<BehaviourCheck, [string, string]>;

  constructor(name = 'kept') {
    super(name);
    this.version(1).stores(STORES_V1);
    this.version(2).stores(STORES_V2);
  }
}

/** The one database of the extension origin: background writes, extension pages read. */
export const db = new KeptDB();

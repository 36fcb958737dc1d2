import Dexie from 'dexie';
import type { Conversation, Customer, SyncState } from '../schemas';
import { db, type KeptDB } from './index';

/** This customer's conversations, newest first. */
export function conversationsOf(customerKey: string, database: KeptDB = db): Promise<Conversation[]> {
  return database.conversations
    .where('[customerKey+updatedAt]')
    .between([customerKey, Dexie.minKey], [customerKey, Dexie.maxKey])
    .reverse()
    .toArray();
}

/** Stores (or stores again) conversations; `now` restarts their retention clock. */
export function saveConversations(list: Conversation[], now: number, database: KeptDB = db): Promise<unknown> {
  return database.conversations.bulkPut(list.map((conversation) => ({ ...conversation, storedAt: now })));
}

/** Merges what one helpdesk says about a person into the stored customer. */
export function saveCustomer(
  update: Omit<Customer, 'firstSeenAt' | 'updatedAt'>,
  now: number,
  database: KeptDB = db,
): Promise<Customer> {
  return database.transaction('rw', database.customers, async () => {
    const known = await database.customers.get(update.key);
    const merged: Customer = {
      ...known,
      ...update,
      name: update.name || known?.name || update.email || 'Unknown customer',
      organisation: update.organisation ?? known?.organisation,
      email: update.email ?? known?.email,
      externalIds: { ...known?.externalIds, ...update.externalIds },
      firstSeenAt: known?.firstSeenAt ?? now,
      updatedAt: now,
    };
    await database.customers.put(merged);
    return merged;
  });
}

export function syncStatesOf(customerKey: string, database: KeptDB = db): Promise<SyncState[]> {
  return database.syncState.where('customerKey').equals(customerKey).toArray();
}

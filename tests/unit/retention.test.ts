// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/utils/db';
import { conversationsOf, saveConversations, saveCustomer } from '@/utils/db/queries';
import type { Transport } from '@/utils/history/http';
import { refreshHistory, resolveCase, type SyncDeps } from '@/utils/history/sync';
import { purgeExpired } from '@/utils/privacy/retention';
import type { PageCase } from '@/utils/schemas';
import { type DemoHelpdesk, startDemoHelpdesk } from '../../scripts/demo-helpdesk/server';
import { hostTransport } from './demo-request';
import { CUSTOMER_KEY, conversation, DAY, NOW, SOURCE } from './history-fixtures';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

const seenAt = (key: string, at: number) => saveCustomer({ key, name: key, externalIds: {} }, at, db);

describe('retention counts from when Kept stored or saw a row', () => {
  it('keeps a row stored yesterday for a ticket updated two years ago', async () => {
    await seenAt(CUSTOMER_KEY, NOW - DAY);
    await saveConversations([conversation('1', { updatedAt: NOW - 730 * DAY, createdAt: NOW - 731 * DAY })], NOW - DAY);
    const purged = await purgeExpired(90, NOW);
    expect(purged.conversations).toBe(0);
    expect((await conversationsOf(CUSTOMER_KEY)).map((c) => c.id)).toEqual(['1']);
  });

  it('removes a row last stored longer ago than the window, with its unseen customer and sync state', async () => {
    await seenAt(CUSTOMER_KEY, NOW - 100 * DAY);
    await saveConversations([conversation('1', { updatedAt: NOW - 101 * DAY })], NOW - 100 * DAY);
    await db.syncState.put({ source: SOURCE, customerKey: CUSTOMER_KEY, fetchedAt: NOW - 100 * DAY, attemptedAt: 0 });
    const purged = await purgeExpired(90, NOW);
    expect(purged).toMatchObject({ conversations: 1, customers: 1, syncStates: 1 });
    expect(await db.conversations.count()).toBe(0);
    expect(await db.customers.count()).toBe(0);
    expect(await db.syncState.count()).toBe(0);
  });

  it('keeps rows stored long ago while their customer was seen within the window', async () => {
    await saveConversations([conversation('1', { updatedAt: NOW - 400 * DAY })], NOW - 200 * DAY);
    await seenAt(CUSTOMER_KEY, NOW - 3 * DAY);
    expect((await purgeExpired(90, NOW)).conversations).toBe(0);
    expect(await db.conversations.count()).toBe(1);
  });

  it('forgets when it fetched a customer whose rows it purged, so their history is not reported complete', async () => {
    // Rows of a customer Kept holds no customer record for (say, one whose record a shorter retention removed).
    await saveConversations([conversation('1'), conversation('2')], NOW - 120 * DAY);
    await saveConversations([conversation('3', { customerKey: 'kim@example.com' })], NOW - DAY);
    await db.syncState.bulkPut([
      { source: SOURCE, customerKey: CUSTOMER_KEY, fetchedAt: NOW - DAY, attemptedAt: NOW - DAY },
      { source: SOURCE, customerKey: 'kim@example.com', fetchedAt: NOW - DAY, attemptedAt: NOW - DAY },
    ]);
    const purged = await purgeExpired(90, NOW);
    expect(purged).toMatchObject({ conversations: 2, syncStates: 1 });
    expect((await db.syncState.toArray()).map((s) => s.customerKey)).toEqual(['kim@example.com']);
  });

  it('keeps kudos, the rep’s own words, whatever their age', async () => {
    await db.kudos.put({
      id: 'k1',
      createdAt: NOW - 400 * DAY,
      from: { name: 'Sam' },
      to: { kind: 'team', name: 'Billing' },
      message: 'Refund sorted the same day.',
      state: 'sent',
    });
    await purgeExpired(90, NOW);
    expect(await db.kudos.count()).toBe(1);
  });
});

describe('a customer’s history across a purge, against the demo helpdesk', () => {
  const ZENDESK = 'acme.zendesk.com';
  let helpdesk: DemoHelpdesk;
  let transport: Transport;
  beforeAll(async () => {
    helpdesk = await startDemoHelpdesk({ tls: false });
    transport = await hostTransport(helpdesk, ZENDESK);
  });
  afterAll(() => helpdesk.close());
  beforeEach(() => helpdesk.setApiFailure('none'));

  const zoe = (): PageCase => {
    const id = helpdesk.seed.demo.zoeTicketId;
    return {
      helpdesk: 'zendesk',
      host: ZENDESK,
      ticketId: String(id),
      url: `https://${ZENDESK}/agent/tickets/${id}`,
      customer: { name: 'Zoë Ångström' },
    };
  };

  it('keeps tickets older than the window that were fetched within it, then fetches again after a purge', async () => {
    let now = Date.now();
    const deps: SyncDeps = { transport, now: () => now, cap: 500 };
    const tabCase = await resolveCase(zoe(), deps);
    expect((await refreshHistory(tabCase, deps)).ok).toBe(true);
    const key = tabCase.customerKey ?? '';
    const cached = await conversationsOf(key);
    // The point of the test: some of Zoë's tickets are older than the window by the helpdesk's dates.
    expect(cached.some((c) => c.updatedAt < now - 90 * DAY)).toBe(true);

    now += DAY;
    expect((await purgeExpired(90, now)).conversations).toBe(0);
    expect(await conversationsOf(key)).toHaveLength(cached.length);

    // Unseen for longer than the window: gone, and the next view fetches instead of trusting a stale sync state.
    now += 91 * DAY;
    await purgeExpired(90, now);
    expect(await conversationsOf(key)).toHaveLength(0);
    const requests = helpdesk.requestLog.length;
    const again = await resolveCase(zoe(), deps);
    expect((await refreshHistory(again, deps)).ok).toBe(true);
    expect(helpdesk.requestLog.length).toBeGreaterThan(requests + 1);
    expect(await conversationsOf(key)).toHaveLength(cached.length);
  });
});

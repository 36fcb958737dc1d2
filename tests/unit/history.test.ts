// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/utils/db';
import { conversationsOf } from '@/utils/db/queries';
import { zendesk } from '@/utils/helpdesks/zendesk/api';
import { fetchHistory } from '@/utils/history/fetch-history';
import type { Transport } from '@/utils/history/http';
import { refreshHistory, resolveCase, STALE_AFTER_MS, type SyncDeps } from '@/utils/history/sync';
import type { PageCase, TicketRef } from '@/utils/schemas';
import { type DemoHelpdesk, sessionCookieFor, startDemoHelpdesk } from '../../scripts/demo-helpdesk/server';
import { apiOf } from './fixtures';

// The fake helpdesk answers on 127.0.0.1, so that is the host its next-page links name.
const HOST = '127.0.0.1';
let helpdesk: DemoHelpdesk;
let transport: Transport;

beforeAll(async () => {
  helpdesk = await startDemoHelpdesk({ tls: false });
  const cookie = await sessionCookieFor(helpdesk);
  // The same request the content script makes: a same-origin GET with the rep's session cookie.
  transport = async (path) => {
    const response = await fetch(`${helpdesk.localUrl}${path}`, { headers: { cookie, accept: 'application/json' } });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      retryAfter: response.headers.get('retry-after') ?? undefined,
      body: await response.text(),
    };
  };
});
afterAll(() => helpdesk.close());
beforeEach(async () => {
  helpdesk.setApiFailure('none');
  helpdesk.requestLog.length = 0;
  await Promise.all(db.tables.map((t) => t.clear()));
});
afterEach(() => helpdesk.setApiFailure('none'));

const ticketOf = (id: number) => {
  const ticket = helpdesk.seed.tickets.find((t) => t.id === id);
  if (!ticket) throw new Error(`no ticket ${id}`);
  return ticket;
};
const refFor = (id: number): TicketRef => ({ helpdesk: 'zendesk', host: HOST, ticketId: String(id) });
const pageFor = (id: number): PageCase => ({
  ...refFor(id),
  url: `https://${HOST}/agent/tickets/${id}`,
  subject: 'As the page shows it',
  customer: { name: 'From the page' },
});
const deps = (over: Partial<SyncDeps> = {}): SyncDeps => ({ transport, now: Date.now, cap: 500, ...over });

describe('fetching a customer’s earlier tickets', () => {
  it('follows cursor pages newest first up to the cap', async () => {
    const ticket = ticketOf(helpdesk.seed.demo.bulkCustomerTicketId);
    const result = await fetchHistory(
      apiOf(zendesk),
      zendesk.name,
      transport,
      refFor(ticket.id),
      { externalId: String(ticket.requester_id) },
      500,
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.conversations).toHaveLength(500);
    expect(helpdesk.requestLog).toHaveLength(5);
    const times = result.value.conversations.map((c) => c.updatedAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('reads all 2,000 tickets of the biggest customer in pages of 100', async () => {
    const ticket = ticketOf(helpdesk.seed.demo.bulkCustomerTicketId);
    const result = await fetchHistory(
      apiOf(zendesk),
      zendesk.name,
      transport,
      refFor(ticket.id),
      { externalId: String(ticket.requester_id) },
      5000,
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(new Set(result.value.conversations.map((c) => c.id)).size).toBe(2000);
    expect(helpdesk.requestLog).toHaveLength(20);
    expect(helpdesk.requestLog.every((r) => r.path.includes('page[size]=100'))).toBe(true);
  });

  it.each([
    ['401', 'signed-out', 'Signed out of Zendesk'],
    ['403', 'signed-out', 'Signed out of Zendesk'],
    ['html-login', 'signed-out', 'Signed out of Zendesk'],
    ['500', 'server', 'HTTP 500'],
    ['malformed-json', 'malformed', 'could not read'],
    ['bad-shape', 'malformed', 'could not read'],
    ['down', 'network', 'Could not reach Zendesk'],
  ] as const)('turns a %s answer into a "%s" problem', async (mode, kind, message) => {
    helpdesk.setApiFailure(mode);
    const ticket = ticketOf(helpdesk.seed.demo.zoeTicketId);
    const result = await fetchHistory(
      apiOf(zendesk),
      zendesk.name,
      transport,
      refFor(ticket.id),
      { externalId: String(ticket.requester_id) },
      500,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe(kind);
    expect(result.error.message).toContain(message);
  });

  it('honours Retry-After on 429', async () => {
    helpdesk.setApiFailure('429', { retryAfterSeconds: 7 });
    const ticket = ticketOf(helpdesk.seed.demo.zoeTicketId);
    const now = 1_800_000_000_000;
    const result = await fetchHistory(
      apiOf(zendesk),
      zendesk.name,
      transport,
      refFor(ticket.id),
      { externalId: String(ticket.requester_id) },
      500,
      () => now,
    );
    expect(result).toEqual({
      ok: false,
      error: { kind: 'rate-limited', message: 'Zendesk asked Kept to slow down.', retryAt: now + 7000 },
    });
  });
});

describe('resolving a case and caching its history', () => {
  it('completes the case from the API and saves the customer and this ticket', async () => {
    const id = helpdesk.seed.demo.zoeTicketId;
    const tabCase = await resolveCase(pageFor(id), deps());
    expect(tabCase.case).toMatchObject({
      from: 'api',
      subject: ticketOf(id).subject,
      customer: { name: 'Zoë Ångström' },
    });
    expect(tabCase.customerKey).toBe('zoe.angstrom@fabrikam.com');
    expect(await db.customers.get('zoe.angstrom@fabrikam.com')).toMatchObject({ organisation: 'Fabrikam, Inc.' });
    expect((await conversationsOf('zoe.angstrom@fabrikam.com')).map((c) => c.id)).toEqual([String(id)]);
  });

  it('falls back to the page and still captures the ticket when the API fails', async () => {
    helpdesk.setApiFailure('500');
    const page = { ...pageFor(4242), customer: { name: 'Ольга Петрова', email: 'Olga@Example.com ' } };
    const tabCase = await resolveCase(page, deps());
    expect(tabCase.case?.from).toBe('page');
    expect(tabCase.lookup?.problem).toContain('HTTP 500');
    expect(tabCase.customerKey).toBe('olga@example.com');
    expect(await conversationsOf('olga@example.com')).toMatchObject([{ id: '4242', subject: 'As the page shows it' }]);
  });

  it('lets a later page read correct an earlier capture, but never what the API said', async () => {
    helpdesk.setApiFailure('500');
    const early = { ...pageFor(4343), subject: undefined, customer: { email: 'olga@example.com' } };
    await resolveCase(early, deps());
    expect((await conversationsOf('olga@example.com'))[0]?.subject).toBe('Ticket #4343');
    await resolveCase({ ...early, subject: 'Где мой заказ?' }, deps());
    expect((await conversationsOf('olga@example.com'))[0]).toMatchObject({ subject: 'Где мой заказ?', captured: true });

    helpdesk.setApiFailure('none');
    const id = helpdesk.seed.demo.zoeTicketId;
    await resolveCase(pageFor(id), deps());
    helpdesk.setApiFailure('500');
    await resolveCase({ ...pageFor(id), subject: 'stale', customer: { email: 'zoe.angstrom@fabrikam.com' } }, deps());
    const [fromApi] = await conversationsOf('zoe.angstrom@fabrikam.com');
    expect(fromApi?.subject).not.toBe('stale');
    expect(fromApi?.captured).toBeUndefined();
  });

  it('fetches history once, then serves the cache until it is 5 minutes old', async () => {
    let now = 1_800_000_000_000;
    const clock = deps({ now: () => now });
    const tabCase = await resolveCase(pageFor(helpdesk.seed.demo.repeatContactTicketId), clock);
    const first = await refreshHistory(tabCase, clock);
    expect(first.ok && first.value).toBeGreaterThan(1);
    const requests = helpdesk.requestLog.length;

    now += STALE_AFTER_MS - 1000;
    expect(await refreshHistory(tabCase, clock)).toEqual({ ok: true, value: 0 });
    expect(helpdesk.requestLog).toHaveLength(requests);

    now += 2000;
    await refreshHistory(tabCase, clock);
    expect(helpdesk.requestLog.length).toBeGreaterThan(requests);
  });

  it('caches every row of a page but the one it cannot read, and records how many it left out', async () => {
    const id = helpdesk.seed.demo.repeatContactTicketId;
    const tabCase = await resolveCase(pageFor(id), deps());
    helpdesk.setApiFailure('bad-row');
    const result = await refreshHistory(tabCase, deps());
    const key = tabCase.customerKey ?? '';
    const requester = ticketOf(id).requester_id;
    const theirs = helpdesk.seed.tickets.filter((t) => t.requester_id === requester);
    expect(result).toEqual({ ok: true, value: theirs.length - 1 });
    const [state] = await db.syncState.where('customerKey').equals(key).toArray();
    expect(state).toMatchObject({ unreadable: 1 });
    expect(state?.problem).toBeUndefined();
    // A clean read afterwards says nothing was left out.
    helpdesk.setApiFailure('none');
    await refreshHistory(tabCase, deps(), 'now');
    const [after] = await db.syncState.where('customerKey').equals(key).toArray();
    expect(after?.unreadable).toBeUndefined();
    expect(await conversationsOf(key)).toHaveLength(theirs.length);
  });

  it('keeps every cached conversation when a refresh fails, and records why', async () => {
    const tabCase = await resolveCase(pageFor(helpdesk.seed.demo.repeatContactTicketId), deps());
    await refreshHistory(tabCase, deps());
    const key = tabCase.customerKey ?? '';
    const cached = await conversationsOf(key);

    helpdesk.setApiFailure('down');
    const result = await refreshHistory(tabCase, deps(), 'now');
    expect(result.ok).toBe(false);
    expect(await conversationsOf(key)).toEqual(cached);
    const [state] = await db.syncState.where('customerKey').equals(key).toArray();
    expect(state?.problem?.kind).toBe('network');
    expect(state?.fetchedAt).toBeDefined();
  });

  it('retries no sooner than Retry-After asked, but the rep’s Refresh always tries', async () => {
    let now = 1_800_000_000_000;
    const clock = deps({ now: () => now });
    const tabCase = await resolveCase(pageFor(helpdesk.seed.demo.zoeTicketId), clock);
    helpdesk.setApiFailure('429', { retryAfterSeconds: 60 });
    const limited = await refreshHistory(tabCase, clock, 'now');
    expect(limited.ok ? undefined : limited.error.retryAt).toBe(now + 60_000);
    helpdesk.setApiFailure('none');
    helpdesk.requestLog.length = 0;

    now += 30_000;
    expect((await refreshHistory(tabCase, clock, 'now')).ok).toBe(false);
    expect((await refreshHistory(tabCase, clock)).ok).toBe(false);
    expect(helpdesk.requestLog).toHaveLength(0);
    expect((await refreshHistory(tabCase, clock, 'rep')).ok).toBe(true);
    expect(helpdesk.requestLog).toHaveLength(1);

    now += 31_000;
    expect((await refreshHistory(tabCase, clock, 'now')).ok).toBe(true);
    expect(helpdesk.requestLog).toHaveLength(2);
  });

  it('shares one fetch between concurrent refreshes of the same customer', async () => {
    const tabCase = await resolveCase(pageFor(helpdesk.seed.demo.zoeTicketId), deps());
    helpdesk.requestLog.length = 0;
    await Promise.all([refreshHistory(tabCase, deps(), 'now'), refreshHistory(tabCase, deps(), 'now')]);
    expect(helpdesk.requestLog).toHaveLength(1);
  });
});

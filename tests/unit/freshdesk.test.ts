import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/utils/db';
import { conversationsOf } from '@/utils/db/queries';
import { findTicket } from '@/utils/helpdesks';
import { freshdesk } from '@/utils/helpdesks/freshdesk/api';
import type { ApiRequest } from '@/utils/helpdesks/types';
import { fetchHistory } from '@/utils/history/fetch-history';
import { getJson, type Transport } from '@/utils/history/http';
import { refreshHistory, resolveCase, type SyncDeps } from '@/utils/history/sync';
import { sourceName } from '@/utils/panel/history-state';
import type { PageCase, TicketRef } from '@/utils/schemas';
import { type DemoHelpdesk, startDemoHelpdesk } from '../../scripts/demo-helpdesk/server';
import { hostTransport } from './demo-request';
import { apiOf, historyPath, loadFixture, prefixOf } from './fixtures';

const HOST = 'acme.freshdesk.com';
const ref = (ticketId: string): TicketRef => ({ helpdesk: 'freshdesk', host: HOST, ticketId });
const api = freshdesk.session;
const ticketApi = api?.ticket;
if (!api || !ticketApi) throw new Error('the Freshdesk adapter has an API');
const history = api.history;
if (!history) throw new Error('this adapter reads history');

describe('Freshdesk URLs', () => {
  it.each([
    ['https://acme.freshdesk.com/a/tickets/316', '316'],
    ['https://acme.freshdesk.com/a/tickets/316/', '316'],
    ['https://acme.freshdesk.com/a/tickets/316?current_tab=details#reply', '316'],
  ])('finds the ticket in %s', (url, id) => {
    expect(freshdesk.parseUrl(new URL(url))).toEqual(ref(id));
    expect(findTicket(url)?.adapter.id).toBe('freshdesk');
  });

  it.each([
    'https://acme.freshdesk.com/a/tickets/filters/all_tickets',
    'https://acme.freshdesk.com/a/tickets/filters/unresolved',
    'https://acme.freshdesk.com/a/dashboard/default',
    'https://acme.freshdesk.com/a/contacts/43000100001',
    'https://acme.freshdesk.com/support/tickets/316',
    'http://acme.freshdesk.com/a/tickets/316',
    'https://freshdesk.com.evil.example/a/tickets/316',
    'https://acme.zendesk.com/a/tickets/316',
  ])('sees no ticket at %s', (url) => {
    expect(freshdesk.parseUrl(new URL(url))).toBeNull();
  });
});

describe('Freshdesk pages', () => {
  it.each(['freshdesk-ticket.html', 'freshdesk-ticket-phone-only.html'])(
    'reads the subject, status and requester of %s',
    (name) => {
      const fixture = loadFixture(name);
      const found = findTicket(fixture.url);
      expect(found?.adapter.id).toBe('freshdesk');
      expect(found?.ref.ticketId).toBe(String(fixture.expect.activeTicketId));
      const read = freshdesk.readPage(fixture.doc, ref(String(fixture.expect.activeTicketId)));
      const requester = fixture.expect.requester;
      expect(read).toEqual({
        subject: fixture.expect.subject,
        status: fixture.expect.status,
        customer: {
          name: requester?.name,
          // The contact link names the Freshdesk contact: the history key even without the API.
          externalId: expect.stringMatching(/^\d+$/),
          ...(requester?.email ? { email: requester.email } : {}),
          ...(requester?.organization ? { organisation: requester.organization } : {}),
        },
      });
    },
  );

  it('takes the contact id from the requester link', () => {
    const fixture = loadFixture('freshdesk-ticket.html');
    const href = fixture.doc.querySelector('.requester-wrap a[data-test-id="user-name"]')?.getAttribute('href');
    const read = freshdesk.readPage(fixture.doc, ref(String(fixture.expect.activeTicketId)));
    expect(href).toBe(`/a/contacts/${read.customer.externalId}`);
  });

  it('finds no ticket on a ticket list, though it links to many', () => {
    const fixture = loadFixture('freshdesk-tickets-list.html');
    expect(findTicket(fixture.url)).toBeNull();
    expect(fixture.doc.querySelectorAll('a[data-demo-nav][href^="/a/tickets/"]').length).toBeGreaterThan(10);
  });

  it('reads nothing while the page still shows the previous ticket', () => {
    const fixture = loadFixture('freshdesk-ticket.html');
    expect(freshdesk.readPage(fixture.doc, ref('999'))).toEqual({ customer: {} });
  });

  it('reads the requester from the older layout inside the contact-info shadow root', () => {
    const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
    const doc = parse(
      '<nav class="breadcrumb"><span class="breadcrumb__item active">42</span></nav><h2 class="ticket-subject-heading">Where is my order?</h2><mfe-application app-id="fw-unified-mfe--contact-info"></mfe-application>',
    );
    const shadow = doc.querySelector('mfe-application')?.attachShadow({ mode: 'open' });
    if (!shadow) throw new Error('no shadow root');
    const widget = parse(
      '<a data-test-id="user-name" href="/a/contacts/77">Ada Lovelace</a><div data-test-id="requester-info-contact-email"><div class="info-details-content"> ada@example.com </div></div>',
    );
    shadow.append(...widget.body.childNodes);
    expect(doc.querySelector('a[href*="/a/contacts/"]')).toBeNull();
    expect(freshdesk.readPage(doc, ref('42'))).toEqual({
      subject: 'Where is my order?',
      status: undefined,
      customer: { name: 'Ada Lovelace', email: 'ada@example.com', externalId: '77' },
    });
  });

  it('leaves unknown status labels (custom statuses, other languages) to the API', () => {
    for (const label of ['Waiting on Third Party', 'Offen', 'constructor']) {
      const doc = new DOMParser().parseFromString(
        `<div data-test-id="tkt-properties-status"><span class="ember-power-select-selected-item">${label}</span></div>`,
        'text/html',
      );
      expect(freshdesk.readPage(doc, ref('1')).status).toBeUndefined();
    }
  });

  it('keeps payloads in names as text', () => {
    const doc = new DOMParser().parseFromString(
      '<div class="requester-wrap"><a data-test-id="user-name" href="/a/contacts/5">&lt;img src=x onerror=alert(1)&gt;Mallory</a></div>',
      'text/html',
    );
    expect(freshdesk.readPage(doc, ref('1')).customer.name).toBe('<img src=x onerror=alert(1)>Mallory');
  });
});

describe('Freshdesk API payloads', () => {
  const ticket = {
    id: 316,
    subject: "SSO users can't reach the billing page",
    description: '<div>Hi team,<br><br>Since SSO ...</div>',
    description_text: 'Hi team,\n\nSince we turned on SSO, finance gets "access denied".',
    status: 2,
    priority: 2,
    source: 7,
    requester_id: 43000100001,
    responder_id: 43000000002,
    company_id: 43000500003,
    tags: ['sso'],
    custom_fields: { cf_order_number: null },
    created_at: '2026-10-30T09:00:00Z',
    updated_at: '2026-10-31T10:00:00Z',
    requester: { id: 43000100001, name: 'Zoë Ångström', email: 'zoe@example.com', mobile: null, phone: null },
    company: { id: 43000500003, name: 'Fabrikam, Inc.' },
  };

  it('completes the case from the ticket with its requester and company', () => {
    const result = ticketApi.parse(ticket, ref('316'));
    expect(result.ok && result.value).toEqual({
      customer: {
        name: 'Zoë Ångström',
        email: 'zoe@example.com',
        externalId: '43000100001',
        organisation: 'Fabrikam, Inc.',
      },
      subject: "SSO users can't reach the billing page",
      status: 'open',
      tags: ['sso'],
      channel: 'chat',
      channelName: 'Chat',
      conversation: {
        source: 'freshdesk:acme.freshdesk.com',
        id: '316',
        subject: "SSO users can't reach the billing page",
        status: 'open',
        channel: 'chat',
        channelName: 'Chat',
        createdAt: Date.parse('2026-10-30T09:00:00Z'),
        updatedAt: Date.parse('2026-10-31T10:00:00Z'),
        excerpt: 'Since we turned on SSO, finance gets "access denied".',
        url: 'https://acme.freshdesk.com/a/tickets/316',
        tags: ['sso'],
        assigneeId: '43000000002',
      },
    });
  });

  it.each([
    [2, 'open'],
    [3, 'pending'],
    [4, 'solved'],
    [5, 'closed'],
    // An account's own statuses: named only by the status field's choices, which a ticket read does not have.
    [6, 'other'],
    [11, 'other'],
  ] as const)('reads status %i as %s', (status, expected) => {
    const result = ticketApi.parse({ ...ticket, status }, ref('316'));
    expect(result.ok && result.value.status).toBe(expected);
  });

  it.each([
    [1, 'email', 'Email'],
    [2, 'web', 'Portal'],
    [3, 'voice', 'Phone'],
    [7, 'chat', 'Chat'],
    [9, 'web', 'Feedback Widget'],
    [10, 'email', 'Outbound Email'],
    [13, 'messaging', 'WhatsApp'],
    [99, 'other', 'Source 99'],
  ] as const)('names source %i as channel %s (%s)', (source, channel, name) => {
    const result = ticketApi.parse({ ...ticket, source }, ref('316'));
    expect(result.ok && result.value.channel).toBe(channel);
    expect(result.ok && result.value.channelName).toBe(name);
  });

  it('accepts a ticket without requester, company or email (a caller known by phone)', () => {
    const { requester: _r, company: _c, ...bare } = ticket;
    const result = ticketApi.parse({ ...bare, requester: { id: 9, name: 'Kofi', email: null } }, ref('316'));
    expect(result.ok && result.value.customer).toEqual({ name: 'Kofi', externalId: '43000100001' });
    expect(ticketApi.parse({ ...ticket, company: {} }, ref('316')).ok).toBe(true);
  });

  it('refuses a ticket of the wrong shape with a clear message', () => {
    expect(ticketApi.parse({ ...ticket, status: 'Open' }, ref('316'))).toEqual({
      ok: false,
      error: { kind: 'malformed', message: 'Freshdesk sent a ticket Kept could not read.' },
    });
    expect(history.parsePage({ tickets: [ticket] }, ref('316'), '')).toEqual({
      ok: false,
      error: { kind: 'malformed', message: 'Freshdesk sent a ticket history page Kept could not read.' },
    });
  });

  it('asks for every ticket of the contact, not only the last 30 days, newest update first', () => {
    const path = historyPath(history, '43000100001', 100);
    expect(path.startsWith(prefixOf(freshdesk))).toBe(true);
    const params = new URL(path, `https://${HOST}`).searchParams;
    expect(Object.fromEntries(params)).toEqual({
      requester_id: '43000100001',
      updated_since: '2010-01-01T00:00:00Z',
      order_by: 'updated_at',
      order_type: 'desc',
      per_page: '100',
      page: '1',
      include: 'description',
    });
  });

  it('asks for the next page number after a full page, and stops after a short one', () => {
    const path = historyPath(history, '7', 2);
    const full = history.parsePage([ticket, { ...ticket, id: 317 }], ref('1'), path);
    const next = full.ok ? full.value.next : null;
    expect(typeof next === 'string' && new URL(next, `https://${HOST}`).searchParams.get('page')).toBe('2');
    const paramsOf = (p: string) => Object.fromEntries(new URL(p, `https://${HOST}`).searchParams);
    expect(paramsOf(String(next))).toEqual({ ...paramsOf(path), page: '2' });
    const short = history.parsePage([ticket], ref('1'), next ?? '');
    expect(short.ok && short.value.next).toBeNull();
    const last = history.parsePage([ticket, ticket], ref('1'), path.replace('page=1', 'page=300'));
    expect(last.ok && last.value.next).toBeNull();
    // A path without a readable page number: no guessing.
    const unknown = history.parsePage([ticket, ticket], ref('1'), path.replace('page=1', 'page=x'));
    expect(unknown.ok && unknown.value.next).toBeNull();
  });
});

describe('source badges', () => {
  it('name each conversation’s helpdesk from its adapter', () => {
    expect(sourceName('freshdesk:acme.freshdesk.com')).toBe('Freshdesk');
    expect(sourceName('zendesk:acme.zendesk.com')).toBe('Zendesk');
    expect(sourceName('jsm:acme.atlassian.net')).toBe('Jira SM');
    expect(sourceName('nowhere:desk.example.org')).toBe('nowhere');
  });
});

describe('Freshdesk history from the demo helpdesk', () => {
  let helpdesk: DemoHelpdesk;
  let transport: Transport;
  beforeAll(async () => {
    helpdesk = await startDemoHelpdesk({ tls: false });
    transport = await hostTransport(helpdesk, HOST);
  });
  afterAll(() => helpdesk.close());
  beforeEach(async () => {
    helpdesk.requestLog.length = 0;
    await Promise.all(db.tables.map((t) => t.clear()));
  });
  afterEach(() => helpdesk.setApiFailure('none'));

  const zoe = () => {
    const contact = helpdesk.seed.freshdesk.contacts.find((c) => c.email === 'zoe.angstrom@fabrikam.com');
    if (!contact) throw new Error('Zoë has no Freshdesk contact');
    return contact;
  };

  it('loads every ticket of the contact, a year-old one too, page by page', async () => {
    const all = helpdesk.seed.freshdesk.tickets.filter((t) => t.requester_id === zoe().id);
    expect(all.some((t) => Date.parse(t.created_at) < helpdesk.seed.now - 365 * 86_400_000)).toBe(true);
    let path: ApiRequest | null = historyPath(history, String(zoe().id), 1);
    const ids: string[] = [];
    while (path) {
      const reply = await transport(path);
      const page = history.parsePage(JSON.parse(reply.body), ref('1'), path);
      if (!page.ok) throw new Error(page.error.message);
      ids.push(...page.value.conversations.map((c) => c.id));
      path = page.value.next;
    }
    expect(ids).toEqual([...all].sort((a, b) => b.updated_at.localeCompare(a.updated_at)).map((t) => String(t.id)));
    // One request per ticket, and one more that comes back empty: the body does not say it was the last page.
    expect(helpdesk.requestLog.map((r) => new URL(r.path, `https://${HOST}`).searchParams.get('page'))).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
  });

  it('reads a handled ticket’s replies and notes as its thread, the note marked internal', async () => {
    const handled = helpdesk.seed.freshdesk.tickets.find((t) => t.responder_id !== null);
    const thread = apiOf(freshdesk).thread;
    if (!handled || !thread) throw new Error('no handled ticket, or no thread read');
    const id = String(handled.id);
    const request = thread.request({ source: 'freshdesk:x', id, url: `https://x/a/tickets/${id}` }, ref(id));
    const json = await getJson(transport, request, freshdesk.name, Date.now);
    const page = json.ok ? thread.parsePage(json.value, ref(id), request) : json;
    expect(page.ok && page.value.messages.map((m) => [m.author, m.internal])).toEqual([
      ['agent', true],
      ['agent', false],
    ]);
  });

  it('fetches the history as the background does', async () => {
    const result = await fetchHistory(
      apiOf(freshdesk),
      freshdesk.name,
      transport,
      ref('1'),
      { externalId: String(zoe().id) },
      500,
    );
    expect(result.ok && result.value.conversations.map((c) => c.source)).toEqual(
      Array(3).fill('freshdesk:acme.freshdesk.com'),
    );
  });

  it('reads the account’s own statuses by the status field’s words, asked once before the pages', async () => {
    const waiting = helpdesk.seed.freshdesk.tickets.find((t) => t.status === 6);
    if (!waiting) throw new Error('no ticket in a custom status');
    const customer = { externalId: String(waiting.requester_id) };
    const result = await fetchHistory(apiOf(freshdesk), freshdesk.name, transport, ref('1'), customer, 500);
    const row = result.ok && result.value.conversations.find((c) => c.id === String(waiting.id));
    expect(row).toMatchObject({ status: 'hold', statusName: 'Waiting on Third Party' });
    const asked = helpdesk.requestLog.map((r) => new URL(r.path, `https://${HOST}`).pathname);
    expect(asked.filter((path) => path === '/api/v2/ticket_fields')).toHaveLength(1);
    expect(asked[0]).toBe('/api/v2/ticket_fields');
  });

  it('reads the ratings Freshdesk keeps apart, for the finished tickets only, and keeps them without asking again', async () => {
    const open = helpdesk.seed.freshdesk.tickets.find((t) => t.requester_id === zoe().id && t.status === 2);
    if (!open) throw new Error('Zoë has no open Freshdesk ticket');
    const page: PageCase = { ...ref(String(open.id)), url: `https://${HOST}/a/tickets/${open.id}`, customer: {} };
    const deps: SyncDeps = { transport, now: Date.now, cap: 500 };
    const ratingsAsked = () => helpdesk.requestLog.filter((r) => r.path.endsWith('/satisfaction_ratings')).length;
    const tabCase = await resolveCase(page, deps);
    expect(await refreshHistory(tabCase, deps, 'now')).toEqual({ ok: true, value: 3 });
    const rated = (await conversationsOf(tabCase.customerKey ?? '')).filter((c) => c.satisfaction);
    expect(rated).toEqual([
      expect.objectContaining({
        subject: 'Question about our annual renewal quote',
        satisfaction: 'good',
        satisfactionComment: 'Clear answer on the first reply.',
      }),
    ]);
    // Her two finished tickets, not the open one.
    expect(ratingsAsked()).toBe(2);

    helpdesk.requestLog.length = 0;
    await refreshHistory(tabCase, deps, 'now');
    expect((await conversationsOf(tabCase.customerKey ?? '')).filter((c) => c.satisfaction)).toHaveLength(1);
    // The rated one is known; only the unrated one is asked again.
    expect(ratingsAsked()).toBe(1);
  });

  it.each([
    ['401', 'signed-out', 'Signed out of Freshdesk'],
    ['html-login', 'signed-out', 'Signed out of Freshdesk'],
    ['429', 'rate-limited', 'Freshdesk asked Kept to slow down'],
    ['bad-shape', 'malformed', 'Freshdesk sent a ticket history page Kept could not read.'],
    ['down', 'network', 'Could not reach Freshdesk'],
  ] as const)('reports %s from the API as %s', async (mode, kind, message) => {
    helpdesk.setApiFailure(mode);
    const result = await fetchHistory(
      apiOf(freshdesk),
      freshdesk.name,
      transport,
      ref('1'),
      { externalId: String(zoe().id) },
      500,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe(kind);
      expect(result.error.message).toContain(message);
    }
  });

  it('keeps one customer across Zendesk, Freshdesk and Jira: the same email merges their conversations', async () => {
    const deps: SyncDeps = { transport, now: Date.now, cap: 500 };
    const ticketId = String(helpdesk.seed.demo.freshdesk.zoeTicketId);
    const page: PageCase = { ...ref(ticketId), url: `https://${HOST}/a/tickets/${ticketId}`, customer: {} };
    const freshdeskCase = await resolveCase(page, deps);
    expect(freshdeskCase.customerKey).toBe('zoe.angstrom@fabrikam.com');
    await refreshHistory(freshdeskCase, deps);

    const jiraHost = 'acme.atlassian.net';
    const jira: SyncDeps = { ...deps, transport: await hostTransport(helpdesk, jiraHost) };
    const key = helpdesk.seed.demo.jsm.issueKey;
    const jiraPage: PageCase = {
      helpdesk: 'jsm',
      host: jiraHost,
      ticketId: key,
      url: `https://${jiraHost}/browse/${key}`,
      customer: { name: 'Zoë Ångström' },
    };
    const jiraCase = await resolveCase(jiraPage, jira);
    expect(jiraCase.customerKey).toBe('zoe.angstrom@fabrikam.com');
    await refreshHistory(jiraCase, jira);

    const zendeskHost = 'acme.zendesk.com';
    const zendesk: SyncDeps = { ...deps, transport: await hostTransport(helpdesk, zendeskHost) };
    const zendeskId = String(helpdesk.seed.demo.zoeTicketId);
    const zendeskPage: PageCase = {
      helpdesk: 'zendesk',
      host: zendeskHost,
      ticketId: zendeskId,
      url: `https://${zendeskHost}/agent/tickets/${zendeskId}`,
      customer: {},
    };
    const zendeskCase = await resolveCase(zendeskPage, zendesk);
    expect(zendeskCase.customerKey).toBe('zoe.angstrom@fabrikam.com');
    await refreshHistory(zendeskCase, zendesk);

    const conversations = await conversationsOf('zoe.angstrom@fabrikam.com');
    const count = (source: string) => conversations.filter((c) => c.source === source).length;
    expect(count('freshdesk:acme.freshdesk.com')).toBe(3);
    expect(count('jsm:acme.atlassian.net')).toBe(3);
    expect(count('zendesk:acme.zendesk.com')).toBe(5);
    const customer = await db.customers.get('zoe.angstrom@fabrikam.com');
    expect(Object.keys(customer?.externalIds ?? {}).sort()).toEqual([
      'freshdesk:acme.freshdesk.com',
      'jsm:acme.atlassian.net',
      'zendesk:acme.zendesk.com',
    ]);
  });
});

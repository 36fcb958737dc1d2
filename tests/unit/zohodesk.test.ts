import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchForBackground } from '@/utils/content-script/page-fetch';
import { db } from '@/utils/db';
import { conversationsOf } from '@/utils/db/queries';
import { adapterById, findTicket, isHelpdeskUrl } from '@/utils/helpdesks';
import { pathOf } from '@/utils/helpdesks/payload';
import { zohodesk } from '@/utils/helpdesks/zohodesk/api';
import { zohodeskPage } from '@/utils/helpdesks/zohodesk/page';
import { fetchHistory } from '@/utils/history/fetch-history';
import { getJson, type Transport } from '@/utils/history/http';
import { refreshHistory, resolveCase, type SyncDeps } from '@/utils/history/sync';
import { answerOrgIdRequests, askOrgId, ORG_ID_ANSWER, ORG_ID_REQUEST, orgIdIn } from '@/utils/page-world/zohodesk-org';
import type { CustomerIdentity, PageCase, TicketRef } from '@/utils/schemas';
import { apiAt, historyPath, loadFixture, prefixOf } from './fixtures';
import { hostFetch } from './host-fetch';
import { type SeenRequest, startRecordingServer } from './recording-server';
import { expectRowLeftOut } from './vendor-fixtures';

const HOST = 'desk.zoho.eu';
const BASE = '/agent/acmesupport/customer-care';
const ref = (ticketId: string, host = HOST): TicketRef => ({ helpdesk: 'zohodesk', host, ticketId });

/** The fixture header's customer; Zoho ids are 17 digits (beyond a JSON number's precision), so strings here. */
interface Requester {
  name: string | null;
  email: string | null;
  organization: string | null;
  externalId: string | null;
}
function customerOf(fixture: ReturnType<typeof loadFixture>): CustomerIdentity {
  const r = fixture.expect.requester as unknown as Requester;
  const customer: CustomerIdentity = {};
  if (r.name) customer.name = r.name;
  if (r.email) customer.email = r.email;
  if (r.externalId) customer.externalId = r.externalId;
  if (r.organization) customer.organisation = r.organization;
  return customer;
}

describe('Zoho Desk URLs', () => {
  it.each(['desk.zoho.com', 'desk.zoho.eu', 'desk.zoho.in', 'desk.zoho.com.au', 'desk.zoho.jp'])(
    'finds the ticket on the regional host %s',
    (host) => {
      const url = `https://${host}${BASE}/tickets/details/80000000001234567`;
      expect(zohodesk.parseUrl(new URL(url))).toEqual(ref('80000000001234567', host));
      expect(findTicket(url)?.adapter).toBe(zohodeskPage);
      expect(isHelpdeskUrl(url)).toBe(true);
    },
  );

  it.each([
    `https://${HOST}${BASE}/tickets/details/80000000001234567/`,
    `https://${HOST}${BASE}/tickets/details/80000000001234567/conversation`,
    `https://${HOST}${BASE}/tickets/details/80000000001234567?tab=history`,
  ])('finds the ticket in %s', (url) => {
    expect(zohodesk.parseUrl(new URL(url))).toEqual(ref('80000000001234567'));
  });

  it.each([
    `https://${HOST}${BASE}/tickets/list/my-open-tickets`,
    `https://${HOST}${BASE}/contacts/details/80000000000998877`,
    `https://${HOST}/agent/acmesupport/tickets/details/80000000001234567`,
    `https://${HOST}${BASE}/tickets/details/new`,
    `https://${HOST}/support/acmesupport/ShowHomePage.do#Cases/dv/80000000001234567`,
    `http://${HOST}${BASE}/tickets/details/80000000001234567`,
    `https://desk.zoho.eu.evil.example${BASE}/tickets/details/80000000001234567`,
    `https://evil-desk.zoho.eu${BASE}/tickets/details/80000000001234567`,
    `https://help.zoho.eu${BASE}/tickets/details/80000000001234567`,
    `https://desk.zoho.co${BASE}/tickets/details/80000000001234567`,
  ])('sees no ticket at %s', (url) => {
    expect(zohodesk.parseUrl(new URL(url))).toBeNull();
    expect(findTicket(url)).toBeNull();
  });

  it('is registered', () => {
    expect(adapterById('zohodesk')).toBe(zohodesk);
  });
});

describe('Zoho Desk pages', () => {
  it.each(['zohodesk-ticket.html', 'zohodesk-ticket-switched.html', 'zohodesk-ticket-missing-fields.html'])(
    'reads the ticket in view on %s',
    (name) => {
      const fixture = loadFixture(name);
      const id = String(fixture.expect.activeTicketId);
      expect(findTicket(fixture.url)?.ref).toEqual(ref(id));
      expect(zohodesk.readPage(fixture.doc, ref(id))).toEqual({
        subject: fixture.expect.subject,
        customer: customerOf(fixture),
      });
    },
  );

  it('reads the ticket view, not the contacts of the ticket list beside it', () => {
    const fixture = loadFixture('zohodesk-ticket.html');
    expect(fixture.expect.openTicketIds.length).toBeGreaterThan(1);
    // The list's first contact link is another customer's.
    expect(fixture.doc.querySelector('a[href*="/contacts/details/"]')?.textContent).toBe('Mateo Fernández');
    expect(zohodesk.readPage(fixture.doc, ref('80000000001234567')).customer).toEqual({
      name: 'Ingrid Solberg',
      externalId: '80000000000998877',
      organisation: 'Nordlys Energi AS',
    });
  });

  it('after in-app navigation reads the new ticket’s view, not the previous one still in the DOM', () => {
    const fixture = loadFixture('zohodesk-ticket-switched.html');
    expect(fixture.doc.querySelectorAll('.zd_v2-ticketdetailview-container')).toHaveLength(2);
    const read = zohodesk.readPage(fixture.doc, ref('80000000001234601'));
    expect(read.customer.name).toBe('Mateo Fernández');
    // The URL already names a third ticket whose view is not rendered yet: nothing on the page is its.
    expect(zohodesk.readPage(fixture.doc, ref('80000000001234999'))).toEqual({ subject: undefined, customer: {} });
  });

  it('takes a single view that names no ticket as the one in view, but not one naming another ticket', () => {
    const fixture = loadFixture('zohodesk-ticket.html');
    const view = fixture.doc.querySelector('.zd_v2-ticketdetailview-container');
    expect(zohodesk.readPage(fixture.doc, ref('80000000001234999')).customer).toEqual({});
    view?.removeAttribute('data-id');
    expect(zohodesk.readPage(fixture.doc, ref('80000000001234999')).customer.name).toBe('Ingrid Solberg');
  });

  it('finds no ticket on a contact page, and reads nothing without a ticket view', () => {
    const fixture = loadFixture('zohodesk-contact.html');
    expect(findTicket(fixture.url)).toBeNull();
    expect(zohodesk.readPage(fixture.doc, ref('80000000001234567'))).toEqual({ subject: undefined, customer: {} });
  });

  it('keeps payloads in names as text', () => {
    const doc = new DOMParser().parseFromString(
      `<div class="zd_v2-ticketdetailview-container"><a href="${BASE}/contacts/details/1">&lt;img src=x onerror=alert(1)&gt;Mallory</a></div>`,
      'text/html',
    );
    expect(zohodesk.readPage(doc, ref('9')).customer.name).toBe('<img src=x onerror=alert(1)>Mallory');
  });
});

describe('Zoho Desk local capture', () => {
  beforeEach(() => Promise.all(db.tables.map((t) => t.clear())));

  it('keeps the ticket under the Zoho contact id when the API cannot be reached', async () => {
    const fixture = loadFixture('zohodesk-ticket.html');
    const found = findTicket(fixture.url);
    if (!found) throw new Error('no ticket');
    const page = { ...found.ref, url: fixture.url, ...found.adapter.readPage(fixture.doc, found.ref) };
    const offline: Transport = () => Promise.reject(new Error('offline'));
    const tabCase = await resolveCase(page, { transport: offline, now: () => 1_800_000_000_000, cap: 500 });
    expect(tabCase.lookup?.problem).toMatch(/^Could not reach Zoho Desk/);
    expect(tabCase.customerKey).toBe(`zohodesk:${HOST}#80000000000998877`);
    expect(await conversationsOf(tabCase.customerKey ?? '')).toMatchObject([
      { id: '80000000001234567', subject: 'Invoice INV-20931 charged twice' },
    ]);
  });
});

// The session API. Payloads below are shaped like the documented ones (desk.zoho.com/DeskAPIDocument: Get ticket with
// include=contacts, List tickets by contact): ids as strings, ISO times, `webUrl`, `statusType`.

const api = zohodesk.session;
const ticketApi = api?.ticket;
if (!api || !ticketApi) throw new Error('the Zoho Desk adapter has an API');
const history = api.history;
if (!history) throw new Error('the Zoho Desk adapter reads history');

const ORG = '20078282365';
const PORTAL = 'acmesupport';
const TICKET = '80000000001234567';
const CONTACT = '80000000000998877';
const PAGE_URL = `https://${HOST}${BASE}/tickets/details/${TICKET}`;
const API_BASE = `/supportapi/zd/${PORTAL}/api/v1`;
const page = (ticketId = TICKET, url = PAGE_URL): PageCase => ({ ...ref(ticketId), url, customer: {} });

type ZohoTicketJson = Record<string, unknown>;

/** A ticket as Get ticket (include=contacts) documents it. */
function ticketJson(over: ZohoTicketJson = {}): ZohoTicketJson {
  return {
    id: TICKET,
    ticketNumber: '2093',
    subject: 'Invoice INV-20931 charged twice',
    description: '<div>Hi,<br></div><div>My card was charged twice for INV-20931 &amp; I need one refunded.</div>',
    status: 'Open',
    statusType: 'Open',
    priority: 'High',
    channel: 'Email',
    departmentId: '80000000000006907',
    contactId: CONTACT,
    accountId: '80000000000998001',
    assigneeId: '80000000000056007',
    email: 'billing-forward@nordlys.example',
    dueDate: '2026-08-10T09:00:00.000Z',
    createdTime: '2026-08-01T09:00:00.000Z',
    modifiedTime: '2026-08-02T09:30:00.000Z',
    closedTime: null,
    webUrl: `https://${HOST}${BASE}/tickets/details/${TICKET}`,
    isEscalated: false,
    cf: { cf_severity: 'Sev2' },
    contact: {
      firstName: 'Ingrid',
      lastName: 'Solberg',
      email: 'ingrid@nordlys.example',
      id: CONTACT,
      type: null,
      account: { accountName: 'Nordlys Energi AS', id: '80000000000998001', website: null },
    },
    ...over,
  };
}

/** The contact's tickets as List tickets by contact documents them (no description, no contact). */
function listedTicket(i: number): ZohoTicketJson {
  const id = i === 0 ? TICKET : `8000000000110${String(i).padStart(4, '0')}`;
  const {
    contact: _,
    description: __,
    ...listed
  } = ticketJson({
    id,
    ticketNumber: String(2093 - i),
    subject: `Earlier ticket ${i}`,
    status: i % 2 ? 'Closed' : 'Open',
    statusType: i % 2 ? 'Closed' : 'Open',
    createdTime: new Date(Date.UTC(2026, 7, 1) - i * 86_400_000).toISOString(),
    modifiedTime: null,
    webUrl: `https://${HOST}${BASE}/tickets/details/${id}`,
  });
  return listed;
}

describe('Zoho Desk ticket API', () => {
  it('asks the portal of the page the ticket was seen on, with its contact', () => {
    const path = String(ticketApi.request(page()));
    expect(path).toBe(`${API_BASE}/tickets/${TICKET}?include=contacts`);
    expect(path.startsWith(zohodeskPage.api.pathPrefix)).toBe(true);
    expect(prefixOf(zohodesk)).toBe(zohodeskPage.api.pathPrefix);
  });

  it.each([
    [`https://desk.zoho.com${BASE}/tickets/details/1/conversation`, PORTAL],
    [`https://desk.zoho.jp/agent/acme-jp_2/sales/tickets/details/1?tab=history`, 'acme-jp_2'],
    [`https://desk.zoho.eu/agent/acme%20eu/customer-care/tickets/details/1`, 'acme%20eu'],
  ])('builds the API path of every ticket page it finds: %s', (url, portal) => {
    const found = findTicket(url);
    if (!found) throw new Error(`no ticket at ${url}`);
    expect(ticketApi.request({ ...found.ref, url })).toBe(`/supportapi/zd/${portal}/api/v1/tickets/1?include=contacts`);
  });

  it.each([
    ['no page address', ref(TICKET)],
    ['a page on another host', page(TICKET, `https://desk.zoho.com${BASE}/tickets/details/${TICKET}`)],
    ['a page outside the agent app', page(TICKET, `https://${HOST}/support/${PORTAL}/ShowHomePage.do`)],
  ])('refuses to guess the portal from %s', (_, ticket) => {
    expect(() => ticketApi.request(ticket)).toThrow(/no portal/);
  });

  it('reads the documented ticket: the contact as the customer, the ticket as a conversation', () => {
    expect(ticketApi.parse(ticketJson(), page())).toEqual({
      ok: true,
      value: {
        customer: {
          name: 'Ingrid Solberg',
          email: 'ingrid@nordlys.example',
          externalId: CONTACT,
          organisation: 'Nordlys Energi AS',
        },
        // The number agents see, for the panel's header; the id stays Zoho's internal one.
        number: '2093',
        subject: 'Invoice INV-20931 charged twice',
        status: 'open',
        tags: [],
        channel: 'email',
        channelName: 'Email',
        conversation: {
          source: `zohodesk:${HOST}`,
          id: TICKET,
          subject: 'Invoice INV-20931 charged twice',
          status: 'open',
          channel: 'email',
          channelName: 'Email',
          createdAt: Date.parse('2026-08-01T09:00:00.000Z'),
          updatedAt: Date.parse('2026-08-02T09:30:00.000Z'),
          excerpt: 'My card was charged twice for INV-20931 & I need one refunded.',
          url: `https://${HOST}${BASE}/tickets/details/${TICKET}`,
          tags: [],
          assigneeId: '80000000000056007',
        },
      },
    });
  });

  it('falls back to the ticket’s own email and number, and links on this host only', () => {
    const parsed = ticketApi.parse(
      ticketJson({
        contact: null,
        subject: '  ',
        description: null,
        modifiedTime: null,
        webUrl: 'https://evil.example/agent/x/y/tickets/details/1',
      }),
      page(),
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.customer).toEqual({ email: 'billing-forward@nordlys.example', externalId: CONTACT });
    expect(parsed.value.conversation).toMatchObject({
      subject: 'Ticket #2093',
      updatedAt: Date.parse('2026-08-01T09:00:00.000Z'),
      url: `https://${HOST}/agent/${PORTAL}/customer-care/tickets/details/${TICKET}`,
    });
    expect(parsed.value.conversation.excerpt).toBeUndefined();
  });

  it.each([
    ['a numeric id (Zoho’s 17 digits would not survive one)', ticketJson({ id: 1234567 })],
    ['no creation time', ticketJson({ createdTime: undefined })],
    ['no status', ticketJson({ status: undefined })],
    ['a contact id that is no id', ticketJson({ contactId: '../../agents' })],
    ['an error body', { errorCode: 'URL_NOT_FOUND', message: 'The URL you requested could not be found' }],
    ['a list', [ticketJson()]],
  ])('refuses a ticket with %s as malformed', (_, json) => {
    expect(ticketApi.parse(json, page())).toEqual({
      ok: false,
      error: { kind: 'malformed', message: 'Zoho Desk sent a ticket Kept could not read.' },
    });
  });

  it.each([
    ['Open', 'Open', 'open'],
    ['On Hold', 'On Hold', 'hold'],
    ['Escalated', 'Open', 'open'],
    ['Closed', 'Closed', 'closed'],
    ['closed', null, 'closed'],
    ['Waiting on customer', 'On Hold', 'hold'],
    ['Resolved', 'Closed', 'closed'],
    ['In progress', 'Open', 'open'],
    ['Something new', null, 'open'],
    ['constructor', 'toString', 'open'],
  ])('maps the status %s (type %s) to %s', (status, statusType, expected) => {
    const parsed = ticketApi.parse(ticketJson({ status, statusType }), page());
    expect(parsed.ok && parsed.value.status).toBe(expected);
  });

  it.each([
    ['Email', 'email'],
    ['Phone', 'voice'],
    ['Web', 'web'],
    ['Chat', 'chat'],
    ['Customer Portal', 'web'],
    ['Feedback Widget', 'web'],
    ['Twitter', 'social'],
    ['WhatsApp', 'messaging'],
    ['Kiosk', 'other'],
    [null, undefined],
  ])('maps the channel %s to %s, keeping Zoho’s word', (channel, expected) => {
    const parsed = ticketApi.parse(ticketJson({ channel }), page());
    expect(parsed.ok && parsed.value.channel).toBe(expected);
    expect(parsed.ok && parsed.value.channelName).toBe(channel ?? undefined);
  });
});

describe('Zoho Desk history pages', () => {
  it('lists the contact’s tickets newest first, one more than a page to see whether more follow', () => {
    expect(historyPath(history, CONTACT, 100, page())).toBe(
      `${API_BASE}/contacts/${CONTACT}/tickets?from=0&limit=100&sortBy=-createdTime`,
    );
    expect(historyPath(history, CONTACT, 10, page())).toContain('limit=11');
    expect(historyPath(history, CONTACT, 1, page())).toContain('limit=2');
    expect(historyPath(history, CONTACT, 500, page())).toContain('limit=100');
    expect(historyPath(history, 'a/b', 5, page())).toContain('/contacts/a%2Fb/tickets');
    expect(() => historyPath(history, CONTACT, 100)).toThrow(/portal/);
  });

  it('keeps all of a short page and stops there', () => {
    const path = historyPath(history, CONTACT, 100, page());
    const parsed = history.parsePage({ data: [0, 1, 2].map(listedTicket) }, page(), path);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.next).toBeNull();
    expect(parsed.value.conversations.map((c) => [c.id, c.status])).toEqual([
      [TICKET, 'open'],
      ['80000000001100001', 'closed'],
      ['80000000001100002', 'open'],
    ]);
    expect(parsed.value.conversations[1]?.url).toBe(`https://${HOST}${BASE}/tickets/details/80000000001100001`);
  });

  it('on a full page keeps all but the extra ticket and starts the next page at it', () => {
    const first = historyPath(history, CONTACT, 10, page());
    const one = history.parsePage({ data: Array.from({ length: 11 }, (_, i) => listedTicket(i)) }, page(), first);
    if (!one.ok) throw new Error(one.error.message);
    expect(one.value.conversations).toHaveLength(10);
    expect(one.value.conversations.at(-1)?.subject).toBe('Earlier ticket 9');
    expect(one.value.next).toBe(`${API_BASE}/contacts/${CONTACT}/tickets?from=10&limit=11&sortBy=-createdTime`);
    const next = one.value.next ?? '';
    const two = history.parsePage({ data: Array.from({ length: 11 }, (_, i) => listedTicket(i + 10)) }, page(), next);
    expect(two.ok && two.value.next).toBe(
      `${API_BASE}/contacts/${CONTACT}/tickets?from=20&limit=11&sortBy=-createdTime`,
    );
  });

  it.each([
    ['a list without data', {}],
    ['a bare list', [listedTicket(0)]],
  ])('refuses %s as malformed', (_, json) => {
    expect(history.parsePage(json, page(), historyPath(history, CONTACT, 100, page()))).toEqual({
      ok: false,
      error: { kind: 'malformed', message: 'Zoho Desk sent a ticket history page Kept could not read.' },
    });
  });

  it.each([
    ['a numeric id', { data: [{ ...listedTicket(0), id: 1 }] }],
    ['an unreadable time', { data: [{ ...listedTicket(0), createdTime: 'yesterday' }] }],
  ])('leaves out a ticket with %s', (_, json) => {
    expectRowLeftOut(() => history.parsePage(json, page(), historyPath(history, CONTACT, 100, page())));
  });
});

describe('the org id bridge', () => {
  const desk = window as Window & { desk_urls?: unknown };
  const answers: string[] = [];
  const hear = (event: Event) => answers.push(String((event as CustomEvent<unknown>).detail));
  beforeEach(() => {
    answers.length = 0;
    window.addEventListener(ORG_ID_ANSWER, hear);
  });
  afterEach(() => {
    window.removeEventListener(ORG_ID_ANSWER, hear);
    delete desk.desk_urls;
  });

  it('answers a well-formed request with the org id and nothing else of desk_urls', async () => {
    desk.desk_urls = { orgId: ORG, csrf_token: 'csrf-secret', portalName: PORTAL };
    const stop = answerOrgIdRequests(window);
    try {
      expect(await askOrgId(window)).toBe(ORG);
    } finally {
      stop();
    }
    expect(answers).toHaveLength(1);
    const answer = JSON.parse(answers[0] ?? '{}') as Record<string, unknown>;
    expect(Object.keys(answer).sort()).toEqual(['id', 'orgId']);
    expect(answer.orgId).toBe(ORG);
    expect(answers[0]).not.toContain('csrf-secret');
  });

  it('reads desk_urls when asked, not when loaded', async () => {
    const stop = answerOrgIdRequests(window);
    try {
      desk.desk_urls = { orgId: ORG };
      expect(await askOrgId(window)).toBe(ORG);
    } finally {
      stop();
    }
  });

  it.each([
    [{ orgId: '2389290' }, '2389290'],
    [{ orgid: '2389290' }, '2389290'],
    [{ organizationId: 2389290 }, '2389290'],
    [{ zdOrgId: '2389290' }, '2389290'],
    [{ orgId: 'acme', orgid: '2389290' }, '2389290'],
    [{ orgId: '' }, null],
    [{ orgId: '2389290; evil' }, null],
    [{ orgId: 1e20 }, null],
    [{ orgId: { valueOf: (): number => 1 } }, null],
    [{ csrf_token: 'x' }, null],
    [null, null],
    ['2389290', null],
  ])('finds the org id in desk_urls %j: %s', (deskUrls, expected) => {
    expect(orgIdIn(deskUrls)).toBe(expected);
  });

  it.each([
    ['no detail', undefined],
    ['an object', { id: 'abc' }],
    ['an empty id', ''],
    ['an id with spaces', 'a b'],
    ['an id of 41 characters', 'a'.repeat(41)],
    ['markup', '<img src=x>'],
  ])('ignores a request with %s', (_, detail) => {
    desk.desk_urls = { orgId: ORG };
    const stop = answerOrgIdRequests(window);
    try {
      window.dispatchEvent(new CustomEvent(ORG_ID_REQUEST, { detail }));
    } finally {
      stop();
    }
    expect(answers).toEqual([]);
  });

  it('answers null without an org id, and the content script stops waiting at once', async () => {
    Object.defineProperty(window, 'desk_urls', {
      configurable: true,
      get() {
        throw new Error('not yet');
      },
    });
    const stop = answerOrgIdRequests(window);
    try {
      // A wait for the timeout would outlast the test's.
      expect(await askOrgId(window, 60_000)).toBeNull();
    } finally {
      stop();
    }
    expect(answers.map((a) => (JSON.parse(a) as { orgId: unknown }).orgId)).toEqual([null]);
  });

  it('the content script ignores answers to other requests and malformed answers, then gives up', async () => {
    const impostor = (event: Event) => {
      const id = String((event as CustomEvent<unknown>).detail);
      for (const detail of [
        JSON.stringify({ id: `${id}0`, orgId: '1' }),
        JSON.stringify({ id, orgId: 'not digits' }),
        JSON.stringify({ id, orgId: 42 }),
        `{"id": "${id}", `,
        JSON.stringify([id, '1']),
      ]) {
        window.dispatchEvent(new CustomEvent(ORG_ID_ANSWER, { detail }));
      }
    };
    window.addEventListener(ORG_ID_REQUEST, impostor);
    try {
      expect(await askOrgId(window, 50)).toBeNull();
    } finally {
      window.removeEventListener(ORG_ID_REQUEST, impostor);
    }
    expect(answers).toHaveLength(5);
  });

  it('hears requests on its own window only', async () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const other = frame.contentWindow;
    if (!other) throw new Error('no frame window');
    desk.desk_urls = { orgId: ORG };
    const stop = answerOrgIdRequests(window);
    try {
      expect(await askOrgId(other, 50)).toBeNull();
      expect(await askOrgId(window, 50)).toBe(ORG);
    } finally {
      stop();
      frame.remove();
    }
  });

  it('gives the content script the orgId header, or none when no bridge answers', async () => {
    desk.desk_urls = { orgId: ORG };
    expect(await zohodeskPage.api.requestHeaders(window)).toEqual({});
    const stop = answerOrgIdRequests(window);
    try {
      expect(await zohodeskPage.api.requestHeaders(window)).toEqual({ orgId: ORG });
    } finally {
      stop();
    }
  });

  it('is a MAIN-world script on the Zoho Desk hosts that answers from the page', async () => {
    const { default: bridge } = await import('@/entrypoints/zohodesk-bridge.content');
    if (bridge.world !== 'MAIN') throw new Error('the bridge runs in the isolated world');
    expect(bridge.matches).toEqual(zohodeskPage.matches);
    desk.desk_urls = { orgId: ORG };
    const stop: unknown = bridge.main();
    try {
      expect(await askOrgId(window)).toBe(ORG);
    } finally {
      if (typeof stop === 'function') stop();
    }
    expect(await askOrgId(window, 20)).toBeNull();
  });
});

describe('Zoho Desk with the rep’s session, through the content script', () => {
  type Server = Awaited<ReturnType<typeof startRecordingServer>>;
  let server: Server;
  let listed: ZohoTicketJson[] = [];
  const desk = window as Window & { desk_urls?: unknown };
  let stopBridge: () => void = () => undefined;

  /** Zoho Desk's agent API as far as Kept uses it: the org id header, the ticket, the contact's tickets. */
  function zoho(request: SeenRequest) {
    const json = (status: number, body: unknown) => ({
      status,
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json;charset=UTF-8' },
    });
    if (request.headers.orgid !== ORG) return json(400, { errorCode: 'INVALID_DATA', message: 'orgId is missing' });
    const url = new URL(request.url, 'https://desk.zoho.eu');
    if (url.pathname === `${API_BASE}/tickets/${TICKET}` && url.searchParams.get('include') === 'contacts') {
      return json(200, ticketJson());
    }
    if (url.pathname === `${API_BASE}/contacts/${CONTACT}/tickets`) {
      const from = Number(url.searchParams.get('from'));
      const limit = Number(url.searchParams.get('limit'));
      if (!(limit >= 1 && limit <= 100)) return json(422, { errorCode: 'INVALID_DATA' });
      const data = listed.slice(from, from + limit);
      // Zoho answers an empty list with no content at all.
      return data.length ? json(200, { data }) : { status: 204 };
    }
    return json(404, { errorCode: 'URL_NOT_FOUND' });
  }

  const transport: Transport = (request) =>
    fetchForBackground(pathOf(request), {
      api: apiAt(PAGE_URL),
      href: PAGE_URL,
      page: window,
      scope: { fetch: hostFetch(server.base) },
    });
  const deps: SyncDeps = { transport, now: () => 1_800_000_000_000, cap: 500 };
  const historyRequests = () => server.seen.filter((s) => s.url.includes('/contacts/')).map((s) => s.url);

  beforeAll(async () => {
    server = await startRecordingServer(zoho);
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
    server.seen.length = 0;
    desk.desk_urls = { orgId: ORG };
    stopBridge = answerOrgIdRequests(window);
  });
  afterEach(() => {
    stopBridge();
    delete desk.desk_urls;
  });

  it('reads the ticket, then the customer’s whole history page by page, each request with the org id', async () => {
    listed = Array.from({ length: 250 }, (_, i) => listedTicket(i));
    const fixture = loadFixture('zohodesk-ticket.html');
    const found = findTicket(fixture.url);
    if (!found) throw new Error('no ticket');
    const seen = { ...found.ref, url: fixture.url, ...found.adapter.readPage(fixture.doc, found.ref) };

    const tabCase = await resolveCase(seen, deps);
    expect(tabCase.lookup).toBeUndefined();
    expect(tabCase.case).toMatchObject({ from: 'api', status: 'open', channel: 'email' });
    expect(tabCase.customerKey).toBe('ingrid@nordlys.example');
    expect(await refreshHistory(tabCase, deps, 'now')).toEqual({ ok: true, value: 250 });

    const saved = await conversationsOf('ingrid@nordlys.example');
    expect(saved).toHaveLength(250);
    expect(new Set(saved.map((c) => c.id)).size).toBe(250);
    expect(historyRequests()).toEqual([
      `${API_BASE}/contacts/${CONTACT}/tickets?from=0&limit=100&sortBy=-createdTime`,
      `${API_BASE}/contacts/${CONTACT}/tickets?from=99&limit=100&sortBy=-createdTime`,
      `${API_BASE}/contacts/${CONTACT}/tickets?from=198&limit=100&sortBy=-createdTime`,
    ]);
    expect(server.seen.every((s) => s.headers.orgid === ORG && s.headers.host === HOST)).toBe(true);
  });

  it('never asks past the last ticket, where Zoho would answer with no content', async () => {
    listed = Array.from({ length: 198 }, (_, i) => listedTicket(i));
    const result = await fetchHistory(api, 'Zoho Desk', transport, page(), { externalId: CONTACT }, 500);
    expect(result.ok && result.value.conversations.length).toBe(198);
    expect(historyRequests()).toHaveLength(2);
    // What an empty list looks like to Kept, had it asked: a broken answer, so the whole history would fail.
    const past = await getJson(
      transport,
      `${API_BASE}/contacts/${CONTACT}/tickets?from=198&limit=100`,
      'Zoho Desk',
      Date.now,
    );
    expect(past).toMatchObject({ ok: false, error: { kind: 'malformed' } });
  });

  it('stops at the cap', async () => {
    listed = Array.from({ length: 250 }, (_, i) => listedTicket(i));
    const result = await fetchHistory(api, 'Zoho Desk', transport, page(), { externalId: CONTACT }, 120);
    expect(result.ok && result.value.conversations.length).toBe(120);
    expect(historyRequests()).toHaveLength(2);
  });

  it('without the bridge sends no org id, and Zoho’s refusal is the usual problem; the ticket is still kept', async () => {
    stopBridge();
    const fixture = loadFixture('zohodesk-ticket.html');
    const found = findTicket(fixture.url);
    if (!found) throw new Error('no ticket');
    const seen = { ...found.ref, url: fixture.url, ...found.adapter.readPage(fixture.doc, found.ref) };

    const tabCase = await resolveCase(seen, deps);

    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]?.headers.orgid).toBeUndefined();
    expect(tabCase.lookup).toEqual({ problem: 'Zoho Desk refused the request (HTTP 400).' });
    expect(tabCase.case?.from).toBe('page');
    expect(await conversationsOf(`zohodesk:${HOST}#${CONTACT}`)).toMatchObject([{ id: TICKET, captured: true }]);
  });
});

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchForBackground } from '@/utils/content-script/page-fetch';
import { db } from '@/utils/db';
import { conversationsOf } from '@/utils/db/queries';
import { findTicket } from '@/utils/helpdesks';
import { pathOf } from '@/utils/helpdesks/payload';
import { zohodesk } from '@/utils/helpdesks/zohodesk/api';
import { zohodeskPage } from '@/utils/helpdesks/zohodesk/page';
import type { Transport } from '@/utils/history/http';
import { refreshHistory, resolveCase, type SyncDeps } from '@/utils/history/sync';
import { answerOrgIdRequests, orgIdIn } from '@/utils/page-world/zohodesk-org';
import type { ZohoTicket } from '../../scripts/demo-helpdesk/seed';
import { type DemoHelpdesk, sessionCookieFor, startDemoHelpdesk } from '../../scripts/demo-helpdesk/server';
import { DESK_URLS_SCRIPT } from '../../scripts/demo-helpdesk/zohodesk-pages';
import { hostGet } from './demo-request';
import { apiAt } from './fixtures';
import { hostFetch } from './host-fetch';

const HOST = 'desk.zoho.com';

describe('demo helpdesk as Zoho Desk (desk.zoho.com)', () => {
  let helpdesk: DemoHelpdesk;
  let cookie: string;
  const zoho = () => helpdesk.seed.zohodesk;
  const get = (path: string, headers: Record<string, string> = {}) => hostGet(helpdesk, HOST, path, headers);
  const api = (path: string, headers: Record<string, string> = {}) =>
    get(`/supportapi/zd/${zoho().portal}/api/v1${path}`, { cookie, orgid: zoho().orgId, ...headers });
  const ticket = (id: string): ZohoTicket => {
    const found = zoho().tickets.find((t) => t.id === id);
    if (!found) throw new Error(`no ticket ${id}`);
    return found;
  };
  const pagePath = (t: ZohoTicket) => `/agent/${zoho().portal}/${zoho().department.slug}/tickets/details/${t.id}`;

  beforeAll(async () => {
    helpdesk = await startDemoHelpdesk({ tls: false });
    cookie = await sessionCookieFor(helpdesk, HOST);
  });
  afterAll(() => helpdesk.close());
  afterEach(() => helpdesk.setApiFailure('none'));

  it('answers a ticket’s threads, newest first: the customer’s description, then the assignee’s reply', async () => {
    const current = ticket(helpdesk.seed.demo.zohodesk.zoeTicketId);
    const thread = zohodesk.session?.thread;
    if (!thread) throw new Error('no thread read');
    const ref = {
      helpdesk: 'zohodesk' as const,
      host: HOST,
      ticketId: current.id,
      url: `https://${HOST}${pagePath(current)}`,
    };
    const request = pathOf(thread.request({ source: `zohodesk:${HOST}`, id: current.id, url: ref.url }, ref));
    const reply = await api(request.replace(/^.*\/api\/v1/, ''));
    const page = thread.parsePage(JSON.parse(reply.body), ref, request);
    expect(page.ok && page.value.messages.map((m) => m.author)).toEqual(
      current.assigneeId ? ['customer', 'agent'] : ['customer'],
    );
    expect(page.ok && page.value.messages[0]?.body).toBe(current.description);
  });

  describe('agent pages', () => {
    it('serve the ticket under a CSP without inline scripts, desk_urls from a script file, and a session cookie', async () => {
      const page = await get(pagePath(ticket(helpdesk.seed.demo.zohodesk.zoeTicketId)));
      expect(page.status).toBe(200);
      expect(page.headers['content-security-policy']).toContain("script-src 'self';");
      expect(String(page.headers['set-cookie'])).toMatch(/^_iamadt=[0-9a-f]{48}; Path=\/; HttpOnly/);
      expect(page.body).toContain(`<script src="${DESK_URLS_SCRIPT}"></script>`);
      expect(page.body).not.toMatch(/<script(?![^>]*\ssrc=)/);

      const script = await get(DESK_URLS_SCRIPT);
      expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
      const [, value = ''] = /^window\.desk_urls = (.*);\n$/.exec(script.body) ?? [];
      const deskUrls: unknown = JSON.parse(value);
      expect(orgIdIn(deskUrls)).toBe(zoho().orgId);
      expect(deskUrls).toHaveProperty('csrf_token');
    });

    it('set desk_urls in an inline script instead when asked with ?desk_urls=inline', async () => {
      const page = await get(`${pagePath(ticket(helpdesk.seed.demo.zohodesk.zohoOnlyTicketId))}?desk_urls=inline`);
      expect(page.headers['content-security-policy']).toContain("script-src 'self';");
      expect(page.body).toContain(`<script>window.desk_urls = {"orgId":"${zoho().orgId}"`);
      expect(page.body).not.toContain(DESK_URLS_SCRIPT);
    });

    it('are pages Kept reads: the ticket in view, its contact and account, not the list’s other contacts', async () => {
      const current = ticket(helpdesk.seed.demo.zohodesk.zoeTicketId);
      const page = await get(pagePath(current));
      const doc = new DOMParser().parseFromString(page.body, 'text/html');
      expect(doc.querySelectorAll('a[href*="/contacts/details/"]').length).toBeGreaterThan(2);
      const found = findTicket(`https://${HOST}${pagePath(current)}`);
      expect(found?.ref).toEqual({ helpdesk: 'zohodesk', host: HOST, ticketId: current.id });
      expect(zohodeskPage.readPage(doc, { helpdesk: 'zohodesk', host: HOST, ticketId: current.id })).toEqual({
        subject: current.subject,
        customer: { name: 'Zoë Ångström', externalId: current.contactId, organisation: 'Fabrikam, Inc.' },
      });
    });

    it('redirect the app’s root to the ticket list and answer unknown tickets with 404', async () => {
      const root = await get('/agent/');
      expect([root.status, root.headers.location]).toEqual([
        302,
        `/agent/${zoho().portal}/${zoho().department.slug}/tickets/list/all-tickets`,
      ]);
      const missing = await get(`/agent/${zoho().portal}/${zoho().department.slug}/tickets/details/123`);
      expect(missing.status).toBe(404);
    });
  });

  describe('the session API', () => {
    const zoe = () => ticket(helpdesk.seed.demo.zohodesk.zoeTicketId);

    it('wants the session cookie, then the org id in the orgId header, and answers in Zoho’s error shape', async () => {
      const path = `/tickets/${zoe().id}?include=contacts`;
      const signedOut = await api(path, { cookie: '' });
      expect([signedOut.status, JSON.parse(signedOut.body).errorCode]).toEqual([401, 'UNAUTHORIZED']);
      const noOrg = await get(`/supportapi/zd/${zoho().portal}/api/v1${path}`, { cookie });
      expect([noOrg.status, JSON.parse(noOrg.body).errorCode]).toEqual([400, 'INVALID_DATA']);
      const otherOrg = await api(path, { orgid: '12345' });
      expect([otherOrg.status, JSON.parse(otherOrg.body).errorCode]).toEqual([401, 'UNAUTHORIZED']);
      expect((await api(path)).status).toBe(200);
      expect(helpdesk.requestLog.slice(-4).map((r) => r.orgId)).toEqual([zoho().orgId, null, '12345', zoho().orgId]);
    });

    it('shows a ticket with its contact and account, ids as strings, the description as HTML', async () => {
      const reply = await api(`/tickets/${zoe().id}?include=contacts`);
      expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
      const body = JSON.parse(reply.body);
      expect(body).toMatchObject({
        id: zoe().id,
        ticketNumber: zoe().ticketNumber,
        subject: zoe().subject,
        status: 'Open',
        statusType: 'Open',
        channel: 'Email',
        contactId: zoe().contactId,
        contact: {
          firstName: 'Zoë',
          lastName: 'Ångström',
          email: 'zoe.angstrom@fabrikam.com',
          account: { accountName: 'Fabrikam, Inc.' },
        },
      });
      expect(body.createdTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
      expect(body.description).toMatch(/^<div>Hi team,<\/div><div><br><\/div>/);
      const plain = JSON.parse((await api(`/tickets/${zoe().id}`)).body);
      expect(plain).not.toHaveProperty('contact');
      expect((await api('/tickets/70000000209999999')).status).toBe(404);
    });

    it('lists a contact’s tickets newest first in from/limit pages, with no content past the end', async () => {
      const grace = ticket(helpdesk.seed.demo.zohodesk.bulkTicketId).contactId;
      const list = (query: string) => api(`/contacts/${grace}/tickets?${query}`);
      const first = JSON.parse((await list('from=0&limit=100&sortBy=-createdTime')).body);
      const second = JSON.parse((await list('from=99&limit=100&sortBy=-createdTime')).body);
      expect([first.data.length, second.data.length]).toEqual([100, 21]);
      expect(first.data[99].id).toBe(second.data[0].id);
      const created = [...first.data, ...second.data.slice(1)].map((t: ZohoTicket) => t.createdTime);
      expect(created).toEqual([...created].sort().reverse());
      expect(first.data[0]).not.toHaveProperty('description');
      expect(first.data[0]).not.toHaveProperty('contact');
      const past = await list('from=120&limit=100&sortBy=-createdTime');
      expect([past.status, past.body]).toEqual([204, '']);
      expect(JSON.parse((await list('sortBy=createdTime')).body).data).toHaveLength(10);
    });

    it.each([
      ['limit=101', 'limit'],
      ['limit=0', 'limit'],
      ['from=-1', 'from'],
      ['sortBy=-subject', 'sortBy'],
      ['sortOrder=desc', 'sortOrder'],
    ])('refuses %s with 422', async (query, name) => {
      const grace = ticket(helpdesk.seed.demo.zohodesk.bulkTicketId).contactId;
      const reply = await api(`/contacts/${grace}/tickets?${query}`);
      expect(reply.status).toBe(422);
      expect(JSON.parse(reply.body)).toMatchObject({
        errorCode: 'UNPROCESSABLE_ENTITY',
        message: expect.stringContaining(`'${name}'`),
      });
    });

    it('fails as switched on, and sends a signed-out call to the sign-in page in html-login mode', async () => {
      helpdesk.setApiFailure('500');
      expect((await api(`/tickets/${zoe().id}`)).status).toBe(500);
      helpdesk.setApiFailure('html-login');
      const login = await api(`/tickets/${zoe().id}`);
      expect([login.status, login.headers.location]).toEqual([302, '/accounts/signin']);
      expect((await get('/accounts/signin')).body).toContain('Sign in to access Zoho Desk');
    });
  });

  describe('read by Kept through the content script’s fetch', () => {
    const desk = window as Window & { desk_urls?: unknown };
    let stopBridge: () => void = () => undefined;
    beforeEach(async () => {
      await Promise.all(db.tables.map((t) => t.clear()));
      desk.desk_urls = { orgId: zoho().orgId };
      stopBridge = answerOrgIdRequests(window);
    });
    afterEach(() => {
      stopBridge();
      delete desk.desk_urls;
    });

    it('completes Grace’s ticket and reads her 120 tickets in two pages, each call with the org id', async () => {
      const current = ticket(helpdesk.seed.demo.zohodesk.bulkTicketId);
      const url = `https://${HOST}${pagePath(current)}`;
      const doc = new DOMParser().parseFromString((await get(pagePath(current))).body, 'text/html');
      const found = findTicket(url);
      if (!found) throw new Error('no ticket');
      const withCookie: typeof fetch = (input, init = {}) =>
        hostFetch(helpdesk.localUrl)(input, { ...init, headers: { ...init.headers, cookie } });
      const transport: Transport = (request) =>
        fetchForBackground(pathOf(request), { api: apiAt(url), href: url, page: window, scope: { fetch: withCookie } });
      const deps: SyncDeps = { transport, now: () => helpdesk.seed.now, cap: 500 };
      helpdesk.requestLog.length = 0;

      const tabCase = await resolveCase({ ...found.ref, url, ...found.adapter.readPage(doc, found.ref) }, deps);
      expect(tabCase.lookup).toBeUndefined();
      expect(tabCase.customerKey).toBe('grace.hopkins@northwindprocurement.com');
      expect(await refreshHistory(tabCase, deps, 'now')).toEqual({ ok: true, value: 120 });
      expect(await conversationsOf('grace.hopkins@northwindprocurement.com')).toHaveLength(120);
      expect(helpdesk.requestLog.map((r) => [r.path.replace(/^.*\/api\/v1/, ''), r.orgId])).toEqual([
        [`/tickets/${current.id}?include=contacts`, zoho().orgId],
        [`/contacts/${current.contactId}/tickets?from=0&limit=100&sortBy=-createdTime`, zoho().orgId],
        [`/contacts/${current.contactId}/tickets?from=99&limit=100&sortBy=-createdTime`, zoho().orgId],
      ]);
    });
  });

  it('has Zoë with the same email as in the other helpdesks and five earlier tickets, and a buyer beyond one page', () => {
    const { contacts, tickets } = zoho();
    const zoe = contacts.find((c) => c.email === 'zoe.angstrom@fabrikam.com');
    expect(helpdesk.seed.users.some((u) => u.email === zoe?.email)).toBe(true);
    expect(tickets.filter((t) => t.contactId === zoe?.id)).toHaveLength(6);
    const grace = ticket(helpdesk.seed.demo.zohodesk.bulkTicketId).contactId;
    expect(tickets.filter((t) => t.contactId === grace).length).toBeGreaterThan(100);
    expect(new Set(tickets.map((t) => t.id)).size).toBe(tickets.length);
    expect(tickets.every((t) => /^\d{17}$/.test(t.id))).toBe(true);
  });
});

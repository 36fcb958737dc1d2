// @vitest-environment node
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_DIR, type FixtureExpectations, renderFixtures } from '../../scripts/demo-helpdesk/save-fixtures';
import { byUpdatedDesc, makeSeed, ticketsRequestedBy } from '../../scripts/demo-helpdesk/seed';
import {
  type ApiFailure,
  type DemoHelpdesk,
  SESSION_COOKIE,
  sessionCookieFor,
  startDemoHelpdesk,
} from '../../scripts/demo-helpdesk/server';
import { hostGet } from './demo-request';

interface ApiTicket {
  id: number;
  url: string;
  subject: string;
  status: string;
  requester_id: number;
  updated_at: string;
  satisfaction_rating: { score: string; comment?: string };
}
interface ApiUser {
  id: number;
  name: string;
  email: string | null;
  role: string;
  organization_id: number | null;
}
interface TicketShow {
  ticket: ApiTicket;
  users: ApiUser[];
  organizations: Array<{ id: number; name: string }>;
}
interface RequestedPage {
  tickets: ApiTicket[];
  meta: { has_more: boolean; after_cursor: string | null; before_cursor: string | null };
  links: { next: string | null; prev: string | null };
}

const count = (text: string, needle: string): number => text.split(needle).length - 1;
const ticketLinks = (page: string): number =>
  (page.match(/<a href="\/agent\/tickets\/\d+" data-demo-nav>/g) ?? []).length;

describe('demo helpdesk over HTTP', () => {
  let helpdesk: DemoHelpdesk;
  let cookie: string;
  const api = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${helpdesk.localUrl}${path}`, { ...init, headers: { cookie, ...init.headers } });
  const page = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${helpdesk.localUrl}${path}`, { headers, redirect: 'manual' });

  beforeAll(async () => {
    helpdesk = await startDemoHelpdesk({ tls: false });
    cookie = await sessionCookieFor(helpdesk);
  });
  afterAll(() => helpdesk.close());
  afterEach(() => helpdesk.setApiFailure('none'));

  describe('session cookie', () => {
    it('sets the Zendesk session cookie on every agent page', async () => {
      const res = await page('/agent/dashboard');
      const setCookie = res.headers.get('set-cookie') ?? '';
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[0-9a-f]{48}; Path=/; HttpOnly; SameSite=Lax$`));
      expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    });

    it('answers API calls without the cookie with 401', async () => {
      const res = await fetch(`${helpdesk.localUrl}/api/v2/tickets/${helpdesk.seed.demo.zoeTicketId}.json`);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: "Couldn't authenticate you" });
    });

    it('refuses a made-up session', async () => {
      const res = await fetch(`${helpdesk.localUrl}/api/v2/users/me.json`, {
        headers: { cookie: `${SESSION_COOKIE}=guess` },
      });
      expect(res.status).toBe(401);
    });
  });

  describe('tickets API', () => {
    it('shows a ticket with its requester and organisation included', async () => {
      const id = helpdesk.seed.demo.zoeTicketId;
      const res = await api(`/api/v2/tickets/${id}.json?include=users,organizations`);
      const body = (await res.json()) as TicketShow;
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(body.ticket.id).toBe(id);
      expect(body.ticket.url).toBe(`${helpdesk.localUrl}/api/v2/tickets/${id}.json`);
      expect(body.ticket.updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const requester = body.users.find((u) => u.id === body.ticket.requester_id);
      expect(requester).toMatchObject({ name: 'Zoë Ångström', email: 'zoe.angstrom@fabrikam.com', role: 'end-user' });
      expect(body.organizations.find((o) => o.id === requester?.organization_id)?.name).toBe('Fabrikam, Inc.');
    });

    it('answers unknown tickets and users with RecordNotFound', async () => {
      const ticket = await api('/api/v2/tickets/999999.json');
      expect(ticket.status).toBe(404);
      expect(await ticket.json()).toEqual({ error: 'RecordNotFound', description: 'Not found' });
      expect((await api('/api/v2/users/42/tickets/requested.json')).status).toBe(404);
    });

    it('pages through the 2,000-ticket customer by following links.next', async () => {
      const grace = helpdesk.seed.users.find((u) => u.name === 'Grace Hopkins');
      helpdesk.requestLog.length = 0;
      let next: string | null = `/api/v2/users/${grace?.id}/tickets/requested.json?page[size]=100&sort=-updated_at`;
      const tickets: ApiTicket[] = [];
      while (next) {
        const body = (await (await api(next)).json()) as RequestedPage;
        tickets.push(...body.tickets);
        expect(body.tickets.length).toBe(100);
        if (body.meta.has_more) expect(body.links.next?.startsWith(`${helpdesk.localUrl}/api/v2/users/`)).toBe(true);
        else expect(body.links.next).toBeNull();
        next = body.meta.has_more && body.links.next ? body.links.next.replace(helpdesk.localUrl, '') : null;
      }
      expect(helpdesk.requestLog.length).toBe(20);
      expect(new Set(tickets.map((t) => t.id)).size).toBe(2000);
      expect(tickets[0]?.id).toBe(helpdesk.seed.demo.bulkCustomerTicketId);
      const updated = tickets.map((t) => t.updated_at);
      expect(updated).toEqual([...updated].sort().reverse());
    });

    it('clamps page[size] to 100 and goes back with links.prev', async () => {
      const grace = helpdesk.seed.users.find((u) => u.name === 'Grace Hopkins');
      const first = (await (
        await api(`/api/v2/users/${grace?.id}/tickets/requested.json?page[size]=500`)
      ).json()) as RequestedPage;
      expect(first.tickets.length).toBe(100);
      expect(first.links.prev).toBeNull();
      const second = (await (await fetch(first.links.next ?? '', { headers: { cookie } })).json()) as RequestedPage;
      const back = (await (await fetch(second.links.prev ?? '', { headers: { cookie } })).json()) as RequestedPage;
      expect(back.tickets.map((t) => t.id)).toEqual(first.tickets.map((t) => t.id));
    });
  });

  describe('API failure modes', () => {
    const ticketPath = (): string => `/api/v2/tickets/${helpdesk.seed.demo.zoeTicketId}.json?include=users`;
    const statuses: Array<[ApiFailure, number, unknown]> = [
      ['401', 401, { error: "Couldn't authenticate you" }],
      ['403', 403, { error: 'Forbidden' }],
      ['500', 500, { error: 'InternalServerError', description: 'Something went wrong' }],
    ];

    it.each(statuses)('%s answers HTTP %i with a JSON error', async (mode, status, body) => {
      helpdesk.setApiFailure(mode);
      const res = await api(ticketPath());
      expect(res.status).toBe(status);
      expect(await res.json()).toEqual(body);
    });

    it('429 sends Retry-After (default 5 s, or as asked)', async () => {
      helpdesk.setApiFailure('429');
      expect((await api(ticketPath())).headers.get('retry-after')).toBe('5');
      helpdesk.setApiFailure('429', { retryAfterSeconds: 7 });
      const res = await api(ticketPath());
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(await res.json()).toMatchObject({ error: 'TooManyRequests' });
    });

    it('html-login redirects to the Zendesk sign-in page', async () => {
      helpdesk.setApiFailure('html-login');
      const redirect = await api(ticketPath(), { redirect: 'manual' });
      expect(redirect.status).toBe(302);
      expect(redirect.headers.get('location')).toBe('/access/login');
      const followed = await api(ticketPath());
      expect(followed.status).toBe(200);
      expect(followed.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await followed.text()).toContain('Sign in to Zendesk');
    });

    it('malformed-json answers 200 JSON that does not parse', async () => {
      helpdesk.setApiFailure('malformed-json');
      const res = await api(ticketPath());
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/json');
      const text = await res.text();
      expect(text.startsWith('{"ticket":')).toBe(true);
      expect(() => JSON.parse(text)).toThrow();
    });

    it('bad-shape answers valid JSON with the wrong shapes', async () => {
      helpdesk.setApiFailure('bad-shape');
      const show = (await (await api(ticketPath())).json()) as Record<string, unknown>;
      expect(show.users).toBe('oops');
      expect(show.ticket).not.toHaveProperty('id');
      const user = helpdesk.seed.users[0];
      const list = (await (await api(`/api/v2/users/${user?.id}/tickets/requested.json`)).json()) as Record<
        string,
        unknown
      >;
      expect(list.tickets).toBe('oops');
    });

    it('down drops the connection without an answer', async () => {
      helpdesk.setApiFailure('down');
      await expect(api(ticketPath())).rejects.toThrow();
    });

    it('keeps agent pages loading while the API fails', async () => {
      helpdesk.setApiFailure('500');
      expect((await page('/agent/dashboard')).status).toBe(200);
    });

    it('is switchable over HTTP by another process', async () => {
      const post = (body: unknown): Promise<Response> =>
        fetch(`${helpdesk.localUrl}/__demo/api-failure`, { method: 'POST', body: JSON.stringify(body) });
      expect((await post({ mode: '429', retryAfterSeconds: 7 })).status).toBe(204);
      const res = await api(ticketPath());
      expect([res.status, res.headers.get('retry-after')]).toEqual([429, '7']);
      expect((await post({ mode: 'sometimes' })).status).toBe(400);
      expect((await post({ mode: 'none' })).status).toBe(204);
      expect((await api(ticketPath())).status).toBe(200);
    });

    it('logs every API request', async () => {
      helpdesk.requestLog.length = 0;
      helpdesk.setApiFailure('down');
      await api('/api/v2/tickets/1001.json').catch(() => undefined);
      helpdesk.setApiFailure('none');
      await api('/api/v2/tickets/1001.json?include=users');
      await page('/agent/dashboard');
      expect(helpdesk.requestLog.map((r) => `${r.method} ${r.path}`)).toEqual([
        'GET /api/v2/tickets/1001.json',
        'GET /api/v2/tickets/1001.json?include=users',
      ]);
    });
  });

  describe('seed summary', () => {
    it('lists customers with their ids, emails and tickets', async () => {
      const res = await fetch(`${helpdesk.localUrl}/__demo/seed`);
      const summary = (await res.json()) as {
        customers: Array<{ userId: number; name: string; email: string | null; ticketIds: number[] }>;
      };
      const grace = summary.customers.find((c) => c.name === 'Grace Hopkins');
      expect(grace?.email).toBe('grace.hopkins@northwindprocurement.com');
      expect(grace?.ticketIds.length).toBe(2000);
      expect(summary.customers.length).toBe(helpdesk.seed.users.length);
    });
  });

  describe('agent pages', () => {
    it('opens a ticket with three tabs and one active workspace', async () => {
      const id = helpdesk.seed.demo.zoeTicketId;
      const res = await page(`/agent/tickets/${id}`);
      const html = await res.text();
      expect(html).toContain('<meta charset="utf-8">');
      expect(html).toContain(`<title>Ticket #${id} – Acme Support – Zendesk</title>`);
      expect(html).toContain('<script src="/assets/agent.js" defer></script>');
      expect(count(html, 'data-test-id="header-tab"')).toBe(3);
      expect(count(html, 'class="ticket-panes-grid-layout"')).toBe(3);
      expect(count(html, 'data-is-active="true"')).toBe(1);
      expect(html).toContain(`data-is-active="true" data-side-conversations-anchor-id="${id}">`);
      expect(html).toContain(`data-entity-id="${id}" data-selected="true"`);
      expect(html).toContain('<div data-test-id="customer-context-name" class="customer-name">Zoë Ångström</div>');
    });

    it('renders XSS payloads as escaped text', async () => {
      const html = await (await page(`/agent/tickets/${helpdesk.seed.demo.xssTicketId}`)).text();
      expect(html).not.toContain('<script>window.__keptXss');
      expect(html).not.toContain('<img src=x');
      expect(html).toContain('&lt;script&gt;window.__keptXss=1&lt;/script&gt; Refund not received');
      expect(html).toContain('&lt;img src=x onerror=&quot;window.__keptXss=1&quot;&gt;Mallory');
    });

    it('renders only the main pane for in-app navigation', async () => {
      const { zoeTicketId, repeatContactTicketId, bulkCustomerTicketId, xssTicketId, badRatingTicketId } =
        helpdesk.seed.demo;
      const res = await page(`/agent/tickets/${bulkCustomerTicketId}`, {
        'X-Demo-Partial': '1',
        'X-Demo-Open-Tabs': `${zoeTicketId},${repeatContactTicketId},${xssTicketId}`,
      });
      const html = await res.text();
      expect(html.startsWith('<div data-test-id="header-tablist"')).toBe(true);
      expect(html).not.toContain('<html');
      expect(decodeURIComponent(res.headers.get('x-demo-title') ?? '')).toBe(
        `Ticket #${bulkCustomerTicketId} – Acme Support – Zendesk`,
      );
      expect(count(html, 'data-test-id="header-tab"')).toBe(4);
      expect(html).toContain(`data-entity-id="${bulkCustomerTicketId}" data-selected="true"`);
      expect(html).toContain(`data-entity-id="${zoeTicketId}" data-selected="false"`);
      // A fifth ticket pushes out the oldest tab.
      const fifth = await (
        await page(`/agent/tickets/${badRatingTicketId}`, {
          'X-Demo-Partial': '1',
          'X-Demo-Open-Tabs': `${zoeTicketId},${repeatContactTicketId},${xssTicketId},${bulkCustomerTicketId}`,
        })
      ).text();
      expect(count(fifth, 'data-test-id="header-tab"')).toBe(4);
      expect(fifth).not.toContain(`data-entity-id="${zoeTicketId}"`);
    });

    it.each(['/agent/dashboard', '/agent/filters/360094000003', '/agent/users/373000000015'])(
      '%s has ticket links but no open ticket',
      async (path) => {
        const res = await page(path);
        const html = await res.text();
        expect(res.status).toBe(200);
        expect(html).not.toContain('ticket-panes-grid-layout');
        expect(html).not.toContain('data-test-id="header-tab"');
        expect(ticketLinks(html)).toBeGreaterThanOrEqual(20);
      },
    );

    it('redirects / to the dashboard and answers unknown pages with 404', async () => {
      const root = await page('/');
      expect([root.status, root.headers.get('location')]).toEqual([302, '/agent/dashboard']);
      expect((await page('/agent/tickets/999999')).status).toBe(404);
      expect((await page('/agent/nowhere')).status).toBe(404);
      expect((await page('/nowhere')).status).toBe(404);
    });

    it('serves the in-app navigation script', async () => {
      const res = await page('/assets/agent.js');
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(await res.text()).toContain('history.pushState');
    });
  });
});

describe('demo helpdesk over HTTPS', () => {
  it('serves pages with a throwaway certificate for *.zendesk.com', async () => {
    const helpdesk = await startDemoHelpdesk();
    try {
      expect(helpdesk.localUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(helpdesk.origin('acme.zendesk.com')).toBe(`https://acme.zendesk.com:${helpdesk.port}`);
      const answer = await new Promise<{ status?: number; cookie: string; san: string }>((resolve, reject) => {
        https
          .get(
            `${helpdesk.localUrl}/agent/dashboard`,
            { rejectUnauthorized: false, servername: 'acme.zendesk.com' },
            (res) => {
              res.resume();
              const san = (res.socket as TLSSocket).getPeerCertificate().subjectaltname ?? '';
              resolve({ status: res.statusCode, cookie: res.headers['set-cookie']?.join('\n') ?? '', san });
            },
          )
          .on('error', reject);
      });
      expect(answer.status).toBe(200);
      expect(answer.cookie).toContain('; Secure;');
      expect(answer.san).toContain('DNS:*.zendesk.com');
      expect(answer.san).toContain('IP Address:127.0.0.1');
      const cookie = await sessionCookieFor(helpdesk);
      expect(cookie.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
    } finally {
      await helpdesk.close();
    }
  });
});

describe('seed', () => {
  const now = Date.parse('2026-11-01T12:00:00Z');
  const seed = makeSeed(now);
  const DAY = 86_400_000;
  const ticketsOf = (name: string) => {
    const user = seed.users.find((u) => u.name === name);
    return user ? ticketsRequestedBy(seed, user.id) : [];
  };

  it('is deterministic for the same clock', () => {
    expect(makeSeed(now)).toEqual(seed);
    expect(makeSeed(now + DAY).demo).toEqual(seed.demo);
  });

  it('has the customers the scenarios need', () => {
    const names = seed.users.map((u) => u.name);
    expect(names).toEqual(
      expect.arrayContaining(['Zoë Ångström', '李小龙', 'Ольга Петрова', 'José Álvarez', 'Grace Hopkins']),
    );
    expect(seed.users.length).toBeGreaterThanOrEqual(30);
    expect(seed.organizations.length).toBe(8);
    expect(seed.tickets[0]?.id).toBe(1001);
    for (const u of seed.users) if (u.email) expect(u.email).toMatch(/^[a-z0-9.\-_]+@[a-z0-9.-]+$/);
  });

  it('opens each scenario on the customer’s most recent ticket', () => {
    const { demo } = seed;
    expect(ticketsOf('Amara Okafor').map((t) => t.id)).toEqual([demo.firstContactTicketId]);
    expect(ticketsOf('Grace Hopkins').length).toBe(2000);
    expect(ticketsOf('Grace Hopkins')[0]?.id).toBe(demo.bulkCustomerTicketId);
    expect(ticketsOf('Zoë Ångström')[0]?.id).toBe(demo.zoeTicketId);
    const lastWeek = ticketsOf('Hannah Schmidt').filter((t) => Date.parse(t.created_at) > now - 7 * DAY);
    expect(lastWeek.length).toBe(3);
    expect(lastWeek.filter((t) => t.status === 'open').map((t) => t.id)).toEqual([demo.repeatContactTicketId]);
    const lukas = ticketsOf('Lukas Nowak');
    expect(lukas[0]?.id).toBe(demo.badRatingTicketId);
    expect(lukas.find((t) => t.status === 'solved')?.satisfaction_rating).toMatchObject({
      score: 'bad',
      comment: expect.any(String),
    });
    expect(seed.tickets.find((t) => t.id === demo.xssTicketId)?.subject).toContain('<script>');
  });

  it('sorts a customer’s tickets newest update first', () => {
    const list = ticketsOf('Yuki Tanaka');
    expect([...list].sort(byUpdatedDesc)).toEqual(list);
    expect(list.length).toBeGreaterThanOrEqual(30);
  });
});

describe('saved Zendesk fixtures', () => {
  const files = renderFixtures();
  const expectations = (html: string): FixtureExpectations =>
    JSON.parse(/^<!-- url: \S+ expect: (.*) -->\n/.exec(html)?.[1] ?? 'null') as FixtureExpectations;
  const activeWorkspace = (html: string): string =>
    html.split('<div class="ticket-panes-grid-layout"').find((part) => part.startsWith(' data-is-active="true"')) ?? '';

  it.each(Object.keys(files))('%s is up to date (run scripts/demo-helpdesk/save-fixtures.ts)', (name) => {
    expect(readFileSync(new URL(name, FIXTURE_DIR), 'utf8')).toBe(files[name]);
  });

  it('states the page and its expectations on line 1', () => {
    const ticket = files['zendesk-ticket.html'] ?? '';
    expect(ticket).toMatch(/^<!-- url: https:\/\/acme\.zendesk\.com\/agent\/tickets\/\d+ /);
    const expected = expectations(ticket);
    expect(expected.openTicketIds.length).toBe(3);
    expect(expected.requester).toEqual({
      name: 'Zoë Ångström',
      email: 'zoe.angstrom@fabrikam.com',
      organization: 'Fabrikam, Inc.',
    });
    expect(activeWorkspace(ticket)).toContain(`data-side-conversations-anchor-id="${expected.activeTicketId}"`);
  });

  it('has a ticket whose customer panel lacks email and organisation', () => {
    const html = files['zendesk-ticket-missing-fields.html'] ?? '';
    const active = activeWorkspace(html);
    expect(expectations(html).requester).toMatchObject({ email: null, organization: null });
    expect(active).toContain('data-test-id="customer-context-name"');
    expect(active).not.toContain('customer-context-email');
    expect(active).not.toContain('customer-context-organization');
  });

  it('has the same tabs after switching to the second ticket', () => {
    const before = expectations(files['zendesk-ticket.html'] ?? '');
    const after = expectations(files['zendesk-ticket-switched.html'] ?? '');
    expect(after.openTicketIds).toEqual(before.openTicketIds);
    expect(after.activeTicketId).toBe(before.openTicketIds[1]);
    expect(files['zendesk-ticket-switched.html']).toContain(
      `data-entity-id="${before.activeTicketId}" data-selected="false"`,
    );
  });

  it.each(['zendesk-dashboard.html', 'zendesk-user.html'])('%s has no ticket open', (name) => {
    const html = files[name] ?? '';
    expect(expectations(html).activeTicketId).toBeNull();
    expect(html).not.toContain('ticket-panes-grid-layout');
    expect(ticketLinks(html)).toBeGreaterThanOrEqual(20);
  });
});

describe('demo helpdesk as Freshdesk and Jira Service Management (by Host)', () => {
  const FRESHDESK = 'acme.freshdesk.com';
  const JIRA = 'acme.atlassian.net';
  let helpdesk: DemoHelpdesk;
  let freshdeskCookie: string;
  let jiraCookie: string;
  const get = (host: string, path: string, headers: Record<string, string> = {}) =>
    hostGet(helpdesk, host, path, headers);
  const freshdeskApi = (path: string) => get(FRESHDESK, path, { cookie: freshdeskCookie });
  const jiraApi = (path: string) => get(JIRA, path, { cookie: jiraCookie });

  beforeAll(async () => {
    helpdesk = await startDemoHelpdesk({ tls: false });
    freshdeskCookie = await sessionCookieFor(helpdesk, FRESHDESK);
    jiraCookie = await sessionCookieFor(helpdesk, JIRA);
  });
  afterAll(() => helpdesk.close());
  afterEach(() => helpdesk.setApiFailure('none'));

  const zoeContact = () => helpdesk.seed.freshdesk.contacts.find((c) => c.email === 'zoe.angstrom@fabrikam.com');

  describe('sessions', () => {
    it('sets each helpdesk’s own session cookie on its agent pages', async () => {
      const freshdesk = await get(FRESHDESK, '/a/dashboard/default');
      expect(freshdesk.status).toBe(200);
      expect(String(freshdesk.headers['set-cookie'])).toMatch(/^_helpkit_session=[0-9a-f]{48}; Path=\/; HttpOnly/);
      const jira = await get(JIRA, '/jira/your-work');
      expect(String(jira.headers['set-cookie'])).toMatch(/^tenant\.session\.token=[0-9a-f]{48}; Path=\/; HttpOnly/);
      expect(freshdeskCookie.startsWith('_helpkit_session=')).toBe(true);
      expect(jiraCookie.startsWith('tenant.session.token=')).toBe(true);
    });

    it('answers API calls without that cookie with 401 in the helpdesk’s own words', async () => {
      const id = helpdesk.seed.demo.freshdesk.zoeTicketId;
      const freshdesk = await get(FRESHDESK, `/api/v2/tickets/${id}`);
      expect(freshdesk.status).toBe(401);
      expect(JSON.parse(freshdesk.body)).toMatchObject({ code: 'invalid_credentials' });
      // Another helpdesk's cookie is no session here.
      const zendeskCookie = await sessionCookieFor(helpdesk);
      expect((await get(FRESHDESK, `/api/v2/tickets/${id}`, { cookie: zendeskCookie })).status).toBe(401);
      const jira = await get(JIRA, `/rest/api/3/issue/${helpdesk.seed.demo.jsm.issueKey}`);
      expect(jira.status).toBe(401);
      expect(JSON.parse(jira.body)).toMatchObject({ errorMessages: [expect.stringContaining('not authenticated')] });
    });
  });

  describe('Freshdesk API', () => {
    it('shows a ticket with its requester and company included', async () => {
      const id = helpdesk.seed.demo.freshdesk.zoeTicketId;
      const reply = await freshdeskApi(`/api/v2/tickets/${id}?include=requester,company`);
      const ticket = JSON.parse(reply.body);
      expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(ticket).toMatchObject({
        id,
        status: 2,
        source: 1,
        requester: { id: zoeContact()?.id, name: 'Zoë Ångström', email: 'zoe.angstrom@fabrikam.com' },
        company: { name: 'Fabrikam, Inc.' },
      });
      expect(ticket.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect((await freshdeskApi('/api/v2/tickets/99999')).status).toBe(404);
    });

    it('lists only tickets created in the last 30 days unless updated_since asks for older ones', async () => {
      const id = zoeContact()?.id;
      const recent = JSON.parse((await freshdeskApi(`/api/v2/tickets?requester_id=${id}`)).body) as unknown[];
      const all = JSON.parse(
        (await freshdeskApi(`/api/v2/tickets?requester_id=${id}&updated_since=2010-01-01T00:00:00Z`)).body,
      ) as Array<{ id: number; created_at: string; description_text?: string }>;
      expect(recent.length).toBe(2);
      expect(all.length).toBe(3);
      expect(all.some((t) => Date.parse(t.created_at) < helpdesk.seed.now - 365 * 86_400_000)).toBe(true);
      // The list leaves descriptions out unless include=description asks.
      expect(all[0]).not.toHaveProperty('description_text');
    });

    it('orders by updated_at and pages by number, naming the next page in a Link header', async () => {
      const id = helpdesk.seed.freshdesk.contacts.find((c) => c.name === 'Hannah Schmidt')?.id;
      const query = `requester_id=${id}&updated_since=2010-01-01T00:00:00Z&order_by=updated_at&order_type=desc&per_page=3&include=description`;
      const first = await freshdeskApi(`/api/v2/tickets?${query}&page=1`);
      const second = await freshdeskApi(`/api/v2/tickets?${query}&page=2`);
      const tickets = [...JSON.parse(first.body), ...JSON.parse(second.body)] as Array<{ updated_at: string }>;
      expect(tickets).toHaveLength(4);
      const updated = tickets.map((t) => t.updated_at);
      expect(updated).toEqual([...updated].sort().reverse());
      expect(first.headers.link).toMatch(/^<http:\/\/acme\.freshdesk\.com\/api\/v2\/tickets\?.*page=2>; rel="next"$/);
      expect(second.headers.link).toBeUndefined();
      expect(JSON.parse(first.body)[0]).toHaveProperty('description_text');
    });

    it('refuses per_page above 100 like Freshdesk', async () => {
      const reply = await freshdeskApi('/api/v2/tickets?per_page=500');
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body)).toMatchObject({
        description: 'Validation failed',
        errors: [{ field: 'per_page' }],
      });
    });
  });

  describe('Jira REST API', () => {
    it('shows an issue with the fields asked for, hiding an email the person keeps private', async () => {
      const key = helpdesk.seed.demo.jsm.issueKey;
      const issue = JSON.parse((await jiraApi(`/rest/api/3/issue/${key}?fields=summary,status,reporter`)).body);
      expect(Object.keys(issue.fields).sort()).toEqual(['reporter', 'status', 'summary']);
      expect(issue).toMatchObject({
        key,
        fields: {
          status: { name: 'Waiting for support', statusCategory: { key: 'new' } },
          reporter: { displayName: 'Zoë Ångström', emailAddress: 'zoe.angstrom@fabrikam.com', accountType: 'customer' },
        },
      });
      const hidden = JSON.parse(
        (await jiraApi(`/rest/api/3/issue/${helpdesk.seed.demo.jsm.hiddenEmailIssueKey}?fields=reporter,created`)).body,
      );
      expect(hidden.fields.reporter.accountId).toMatch(/^qm:/);
      expect(hidden.fields.reporter).not.toHaveProperty('emailAddress');
      expect(hidden.fields.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
      expect((await jiraApi('/rest/api/3/issue/SUP-999')).status).toBe(404);
    });

    it('searches by reporter with JQL and pages with nextPageToken', async () => {
      const reporter = helpdesk.seed.jsm.issues.find((i) => i.key === helpdesk.seed.demo.jsm.issueKey)?.reporter;
      const jql = encodeURIComponent(`reporter = "${reporter}" ORDER BY updated DESC`);
      const first = JSON.parse((await jiraApi(`/rest/api/3/search/jql?jql=${jql}&maxResults=2&fields=summary`)).body);
      expect(first.issues).toHaveLength(2);
      expect(first.isLast).toBe(false);
      const second = JSON.parse(
        (
          await jiraApi(
            `/rest/api/3/search/jql?jql=${jql}&maxResults=2&fields=summary&nextPageToken=${first.nextPageToken}`,
          )
        ).body,
      );
      expect(second.issues).toHaveLength(1);
      expect(second).not.toHaveProperty('nextPageToken');
      expect(second.isLast).toBe(true);
      expect((await jiraApi('/rest/api/3/search/jql?jql=project%3DSUP')).status).toBe(400);
      expect((await jiraApi(`/rest/api/3/search?jql=${jql}`)).status).toBe(410);
    });
  });

  describe('failures on every helpdesk', () => {
    const paths = (): Array<[string, string, string]> => [
      [FRESHDESK, `/api/v2/tickets/${helpdesk.seed.demo.freshdesk.zoeTicketId}`, freshdeskCookie],
      [JIRA, `/rest/api/3/issue/${helpdesk.seed.demo.jsm.issueKey}`, jiraCookie],
    ];

    it('answers 429 with Retry-After and 500 on both', async () => {
      for (const [host, path, cookie] of paths()) {
        helpdesk.setApiFailure('429', { retryAfterSeconds: 9 });
        const limited = await get(host, path, { cookie });
        expect([limited.status, limited.headers['retry-after']]).toEqual([429, '9']);
        helpdesk.setApiFailure('500');
        expect((await get(host, path, { cookie })).status).toBe(500);
      }
    });

    it('redirects to each helpdesk’s own sign-in page in html-login mode', async () => {
      helpdesk.setApiFailure('html-login');
      const [[fdHost, fdPath, fdCookie], [jiraHost, jiraPath, jiraCookieValue]] = paths() as [
        [string, string, string],
        [string, string, string],
      ];
      const freshdesk = await get(fdHost, fdPath, { cookie: fdCookie });
      expect([freshdesk.status, freshdesk.headers.location]).toEqual([302, '/support/login']);
      expect((await get(fdHost, '/support/login')).body).toContain('Log in to Acme Support');
      const jira = await get(jiraHost, jiraPath, { cookie: jiraCookieValue });
      expect([jira.status, jira.headers.location]).toEqual([302, '/login.jsp']);
    });

    it('breaks the shapes Kept reads: Freshdesk’s bare list and Jira’s issue key', async () => {
      helpdesk.setApiFailure('bad-shape');
      expect(JSON.parse((await freshdeskApi('/api/v2/tickets')).body)).toBe('oops');
      const issue = JSON.parse((await jiraApi(`/rest/api/3/issue/${helpdesk.seed.demo.jsm.issueKey}`)).body);
      expect(issue).not.toHaveProperty('key');
    });

    it('logs Jira’s /rest/ calls with the others, and drops connections when down', async () => {
      helpdesk.requestLog.length = 0;
      await jiraApi('/rest/api/3/myself');
      helpdesk.setApiFailure('down');
      await expect(freshdeskApi('/api/v2/agents/me')).rejects.toThrow();
      expect(helpdesk.requestLog.map((r) => r.path)).toEqual(['/rest/api/3/myself', '/api/v2/agents/me']);
    });
  });

  describe('Freshdesk agent pages', () => {
    it('opens a ticket with the hooks Kept reads, and a requester widget with their other tickets', async () => {
      const id = helpdesk.seed.demo.freshdesk.zoeTicketId;
      const page = await get(FRESHDESK, `/a/tickets/${id}`);
      expect(page.status).toBe(200);
      expect(page.body).toContain('<script src="/assets/agent.js" defer></script>');
      expect(page.body).toContain(`<span class="breadcrumb__item active" aria-current="page">${id}</span>`);
      expect(page.body).toContain('<h2 class="ticket-subject-heading">SSO users can&#39;t reach the billing page</h2>');
      expect(page.body).toContain(
        '<div data-test-id="requester-info-contact-email" class="info-details"><span class="info-details-label">Email</span><div class="info-details-content">zoe.angstrom@fabrikam.com</div></div>',
      );
      expect(page.body).toContain(`<a data-test-id="user-name" href="/a/contacts/${zoeContact()?.id}" data-demo-nav`);
      // Her two other Freshdesk tickets, under "Recent tickets".
      expect(count(page.body, 'class="ticket-link"')).toBe(2);
    });

    it('lists several tickets in a view, and renders only the main pane for in-app navigation', async () => {
      const view = await get(FRESHDESK, '/a/tickets/filters/all_tickets');
      expect(count(view.body, '<tr class="ticket-row"')).toBe(helpdesk.seed.freshdesk.tickets.length);
      const partial = await get(FRESHDESK, `/a/tickets/${helpdesk.seed.demo.freshdesk.repeatContactTicketId}`, {
        'x-demo-partial': '1',
      });
      expect(partial.body.startsWith('<div id="ember')).toBe(true);
      expect(partial.body).not.toContain('<html');
      expect(decodeURIComponent(String(partial.headers['x-demo-title']))).toMatch(/^\[#\d+\] .* : Acme Support$/);
    });

    it('renders XSS payloads as escaped text', async () => {
      const page = await get(FRESHDESK, `/a/tickets/${helpdesk.seed.demo.freshdesk.xssTicketId}`);
      expect(page.body).not.toContain('<img src=x');
      expect(page.body).not.toContain('<b onmouseover');
      expect(page.body).toContain('&lt;b onmouseover=&quot;window.__keptXss=1&quot;&gt;Refund&lt;/b&gt; please');
    });

    it('redirects / to the dashboard and answers unknown pages with 404', async () => {
      const root = await get(FRESHDESK, '/');
      expect([root.status, root.headers.location]).toEqual([302, '/a/dashboard/default']);
      expect((await get(FRESHDESK, '/a/tickets/99999')).status).toBe(404);
      expect((await get(FRESHDESK, '/agent/tickets/1001')).status).toBe(404);
    });
  });

  describe('Jira Service Management agent pages', () => {
    it('lists a queue’s requests and opens one from the queue', async () => {
      const queue = await get(JIRA, '/jira/servicedesk/projects/SUP/queues/custom/1');
      expect(count(queue.body, '<tr data-issue-key=')).toBeGreaterThanOrEqual(4);
      const key = helpdesk.seed.demo.jsm.issueKey;
      const page = await get(JIRA, `/jira/servicedesk/projects/SUP/queues/custom/1/${key}`);
      expect(page.body).toContain(
        `<a data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item" href="/browse/${key}" data-demo-nav><span>${key}</span></a>`,
      );
      expect(page.body).toContain(
        '<h1 data-testid="issue.views.issue-base.foundation.summary.heading">Request access to the analytics workspace</h1>',
      );
      expect(page.body).toContain(
        '<span data-testid="issue.views.field.user.reporter.name.wrapper">Zoë Ångström</span>',
      );
    });

    it('opens /browse/KEY without the queue sidebar, and redirects the project root to its first queue', async () => {
      const page = await get(JIRA, `/browse/${helpdesk.seed.demo.jsm.hiddenEmailIssueKey}`);
      expect(page.body).toContain('data-testid="issue.views.field.user.reporter"');
      expect(page.body).not.toContain('navigation-apps-sidebar-project');
      const root = await get(JIRA, '/');
      expect([root.status, root.headers.location]).toEqual([302, '/jira/servicedesk/projects/SUP/queues/custom/1']);
      expect((await get(JIRA, '/browse/SUP-999')).status).toBe(404);
    });
  });
});

describe('the same people in three helpdesks', () => {
  const seed = makeSeed(Date.parse('2026-11-01T12:00:00Z'));
  const emailsIn = {
    zendesk: new Set(seed.users.map((u) => u.email)),
    freshdesk: new Set(seed.freshdesk.contacts.map((c) => c.email)),
    jsm: new Set(seed.jsm.users.map((u) => u.emailAddress)),
  };

  it('gives Zoë and the repeat-contact customer history in Zendesk and Freshdesk, and Zoë in Jira too', () => {
    for (const email of ['zoe.angstrom@fabrikam.com', 'hannah.schmidt@globex-logistics.de']) {
      expect(emailsIn.zendesk.has(email) && emailsIn.freshdesk.has(email)).toBe(true);
    }
    expect(emailsIn.jsm.has('zoe.angstrom@fabrikam.com')).toBe(true);
    const hannah = seed.freshdesk.contacts.find((c) => c.email === 'hannah.schmidt@globex-logistics.de');
    const current = seed.freshdesk.tickets.find((t) => t.id === seed.demo.freshdesk.repeatContactTicketId);
    expect(current?.requester_id).toBe(hannah?.id);
  });

  it('keeps the Zendesk scenarios where they were and names the new ones', () => {
    expect(seed.demo).toMatchObject({
      zoeTicketId: 3242,
      repeatContactTicketId: 3238,
      noEmailTicketId: 3243,
      freshdesk: { zoeTicketId: expect.any(Number), phoneOnlyTicketId: expect.any(Number) },
      jsm: { projectKey: 'SUP', issueKey: expect.stringMatching(/^SUP-\d+$/) },
    });
    const phoneOnly = seed.freshdesk.tickets.find((t) => t.id === seed.demo.freshdesk.phoneOnlyTicketId);
    expect(seed.freshdesk.contacts.find((c) => c.id === phoneOnly?.requester_id)?.email).toBeNull();
    const hidden = seed.jsm.issues.find((i) => i.key === seed.demo.jsm.hiddenEmailIssueKey);
    expect(seed.jsm.users.find((u) => u.accountId === hidden?.reporter)?.emailAddress).toBeNull();
  });
});

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

import { beforeEach, describe, expect, it } from 'vitest';
import { tokenFromInput } from '@/utils/connections/tokens';
import { db } from '@/utils/db';
import { conversationsOf } from '@/utils/db/queries';
import { adapterById, findTicket, isHelpdeskUrl } from '@/utils/helpdesks';
import { gorgias } from '@/utils/helpdesks/gorgias/api';
import { gorgiasPage } from '@/utils/helpdesks/gorgias/page';
import type { ApiRequest } from '@/utils/helpdesks/types';
import { getJson } from '@/utils/history/http';
import { refreshHistory, resolveCase } from '@/utils/history/sync';
import { urlOf } from '@/utils/history/token';
import type { CustomerIdentity, TicketRef } from '@/utils/schemas';
import { gorgiasApi } from '../../scripts/demo-helpdesk/gorgias-api';
import { loadFixture } from './fixtures';
import { expectTokenChecked, useTokenDemo } from './token-demo';

const HOST = 'acme-home.gorgias.com';
const ref = (ticketId: string): TicketRef => ({ helpdesk: 'gorgias', host: HOST, ticketId });

/** The fixture header's customer; these fixtures give ids as strings and add the helpdesk's customer id. */
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

describe('Gorgias URLs', () => {
  it.each([
    [`https://${HOST}/app/ticket/180507823`, '180507823'],
    [`https://${HOST}/app/ticket/180507823/`, '180507823'],
    [`https://${HOST}/app/ticket/180507823?source=search#message-2`, '180507823'],
    [`https://${HOST}/app/views/4120033/180507823`, '180507823'],
  ])('finds the ticket in %s', (url, id) => {
    expect(gorgias.parseUrl(new URL(url))).toEqual(ref(id));
    expect(findTicket(url)?.adapter).toBe(gorgiasPage);
  });

  it.each([
    `https://${HOST}/app/views/4120033`,
    `https://${HOST}/app/views`,
    `https://${HOST}/app/ticket/new`,
    `https://${HOST}/app/customer/553018742`,
    `https://${HOST}/app/customers`,
    `https://${HOST}/app/settings/integrations`,
    `http://${HOST}/app/ticket/180507823`,
    'https://gorgias.com/app/ticket/180507823',
    'https://acme-home.gorgias.com.evil.example/app/ticket/180507823',
    'https://evilgorgias.com/app/ticket/180507823',
    'https://acme-home.gorgias.io/app/ticket/180507823',
    'https://shop.acme-home.gorgias.com/app/ticket/180507823',
  ])('sees no ticket at %s', (url) => {
    expect(gorgias.parseUrl(new URL(url))).toBeNull();
    expect(findTicket(url)).toBeNull();
  });

  it('is registered and runs on the account subdomains only', () => {
    expect(adapterById('gorgias')).toBe(gorgias);
    expect(isHelpdeskUrl(`https://${HOST}/app/views`)).toBe(true);
    expect(isHelpdeskUrl('https://acme-home.gorgias.com.evil.example/app/views')).toBe(false);
  });
});

describe('Gorgias pages', () => {
  it.each(['gorgias-ticket.html', 'gorgias-ticket-switched.html', 'gorgias-ticket-missing-fields.html'])(
    'reads the customer of the ticket in view on %s',
    (name) => {
      const fixture = loadFixture(name);
      const found = findTicket(fixture.url);
      expect(found?.ref).toEqual(ref(String(fixture.expect.activeTicketId)));
      expect(gorgias.readPage(fixture.doc, ref(String(fixture.expect.activeTicketId)))).toEqual({
        customer: customerOf(fixture),
      });
    },
  );

  it('reads the ticket’s breadcrumbs, not the ticket list beside it', () => {
    const fixture = loadFixture('gorgias-ticket.html');
    // The list shows several tickets of other customers, the first one above the ticket in view.
    expect(fixture.expect.openTicketIds.length).toBeGreaterThan(1);
    expect(fixture.doc.querySelector('[class^="TicketListItem--customer"]')?.textContent).toBe('Dmitri Volkov');
    expect(gorgias.readPage(fixture.doc, ref('180507823')).customer).toEqual({
      name: 'Marisol Quintero',
      externalId: '553018742',
    });
  });

  it('follows in-app navigation to the next ticket of the view', () => {
    const before = gorgias.readPage(loadFixture('gorgias-ticket.html').doc, ref('180507823'));
    const after = gorgias.readPage(loadFixture('gorgias-ticket-switched.html').doc, ref('180507811'));
    expect(after.customer).toEqual({ name: 'Dmitri Volkov', externalId: '553017115' });
    expect(after.customer.externalId).not.toBe(before.customer.externalId);
  });

  it('takes a customer shown by their email address as their email, not their name', () => {
    const fixture = loadFixture('gorgias-ticket-missing-fields.html');
    expect(gorgias.readPage(fixture.doc, ref('180507790')).customer).toEqual({
      email: 'kenji.watanabe@example.jp',
      externalId: '553015507',
    });
  });

  it('finds no ticket on a view, and reads nothing there without throwing', () => {
    const fixture = loadFixture('gorgias-view.html');
    expect(findTicket(fixture.url)).toBeNull();
    expect(gorgias.readPage(fixture.doc, ref('180507823'))).toEqual({ customer: {} });
    expect(gorgias.readPage(new DOMParser().parseFromString('', 'text/html'), ref('1'))).toEqual({ customer: {} });
  });

  it('keeps payloads in names as text', () => {
    const doc = new DOMParser().parseFromString(
      '<nav aria-label="Breadcrumbs"><a href="/app/customer/1">&lt;img src=x onerror=alert(1)&gt;Mallory</a></nav>',
      'text/html',
    );
    expect(gorgias.readPage(doc, ref('9')).customer.name).toBe('<img src=x onerror=alert(1)>Mallory');
  });

  it('has no session API: Gorgias’ own API is unverified with the rep’s cookie', () => {
    expect(gorgias.api).toBeUndefined();
    expect(gorgias.token).toBeDefined();
  });
});

describe('Gorgias local capture', () => {
  beforeEach(() => Promise.all(db.tables.map((t) => t.clear())));

  it('keeps the ticket under the Gorgias customer id when no email shows', async () => {
    const fixture = loadFixture('gorgias-ticket.html');
    const found = findTicket(fixture.url);
    if (!found) throw new Error('no ticket');
    const page = { ...found.ref, url: fixture.url, ...found.adapter.readPage(fixture.doc, found.ref) };
    const refused = () => Promise.reject(new Error('no request expected'));
    const tabCase = await resolveCase(page, { transport: refused, now: () => 1_800_000_000_000, cap: 500 });
    expect(tabCase.customerKey).toBe(`gorgias:${HOST}#553018742`);
    expect(await conversationsOf(tabCase.customerKey ?? '')).toMatchObject([
      { id: '180507823', subject: 'Ticket #180507823', url: fixture.url },
    ]);
  });
});

describe('Gorgias with an API key', () => {
  const helpdesk = useTokenDemo(gorgias, gorgiasApi);
  const { api, token, demo, now, transport, syncDeps } = helpdesk;
  const zoe = { name: 'Zoë Ångström', externalId: '553020001' };

  it('asks the account’s own host, with Basic auth and no cookies', () => {
    expect(api.origin(token)).toBe(`https://${HOST}`);
    const [scheme, encoded] = (api.headers(token).authorization ?? '').split(' ');
    expect(scheme).toBe('Basic');
    expect(Buffer.from(encoded ?? '', 'base64').toString('utf8')).toBe(`${token.user}:${token.secret}`);
  });

  it('checks the key, and says when Gorgias refuses it', async () => {
    await expectTokenChecked(helpdesk, { ...token, secret: 'not-the-key-at-all' });
  });

  it('pages through a customer’s tickets with the cursor, newest first', async () => {
    const history = api.history;
    const pages: string[][] = [];
    let request: ApiRequest | null = history.request(zoe, ref('180600007'), 2);
    while (request) {
      const json = await getJson(transport(), request, 'Gorgias', now, 'token');
      if (!json.ok) throw new Error(json.error.message);
      const page = history.parsePage(json.value, ref('180600007'), request);
      if (!page.ok) throw new Error(page.error.message);
      pages.push(page.value.conversations.map((c) => c.id));
      request = page.value.next;
    }
    expect(pages).toEqual([
      ['180600007', '180600006'],
      ['180600005', '180600004'],
      ['180600003', '180600002'],
      ['180600001'],
    ]);
    expect(history.request({ email: 'zoe.angstrom@fabrikam.com' }, ref('1'), 2)).toBeNull();
  });

  it('completes the case from the ticket and saves the customer’s history', async () => {
    const page = { ...ref('180600007'), url: `https://${HOST}/app/ticket/180600007`, customer: zoe };
    const deps = syncDeps();
    const tabCase = await resolveCase(page, deps);
    expect(tabCase.case).toMatchObject({
      from: 'api',
      status: 'open',
      channel: 'email',
      tags: ['wrong-item'],
      subject: 'Slipcover arrived in the wrong colour',
      customer: { email: 'zoe.angstrom@fabrikam.com', externalId: '553020001', name: 'Zoë Ångström' },
    });
    expect(tabCase.customerKey).toBe('zoe.angstrom@fabrikam.com');
    expect(await refreshHistory(tabCase, deps, 'now')).toEqual({ ok: true, value: 7 });
    const saved = await conversationsOf('zoe.angstrom@fabrikam.com');
    expect(saved).toHaveLength(7);
    expect(saved.find((c) => c.id === '180600004')).toMatchObject({
      source: `gorgias:${HOST}`,
      status: 'closed',
      channel: 'voice',
      url: `https://${HOST}/app/ticket/180600004`,
      assigneeId: '90001',
    });
  });

  it('keeps what it saved when the key stops working, and says why', async () => {
    const page = { ...ref('180600007'), url: `https://${HOST}/app/ticket/180600007`, customer: zoe };
    const deps = syncDeps();
    const tabCase = await resolveCase(page, deps);
    await refreshHistory(tabCase, deps, 'now');
    demo().setApiFailure('401');
    const failed = await refreshHistory(tabCase, deps, 'now');
    expect(failed).toMatchObject({
      ok: false,
      error: { kind: 'signed-out', message: expect.stringContaining('refused the API token (HTTP 401)') },
    });
    expect(await conversationsOf('zoe.angstrom@fabrikam.com')).toHaveLength(7);
  });

  it('refuses a ticket payload of the wrong shape', () => {
    expect(api.ticket?.parse({ id: 'x', status: 3 }, ref('1'))).toEqual({
      ok: false,
      error: { kind: 'malformed', message: 'Gorgias sent a ticket Kept could not read.' },
    });
  });

  it('never sends the key to another origin named in a next link', () => {
    expect(urlOf(`https://${HOST}`, 'https://evil.example/api/tickets')).toBeNull();
    expect(urlOf(`https://${HOST}`, `https://${HOST}/api/tickets?cursor=x`)?.href).toBe(
      `https://${HOST}/api/tickets?cursor=x`,
    );
    expect(urlOf(`https://${HOST}`, '//evil.example/api')).toBeNull();
  });

  it('says what is wrong with the fields an admin typed, by their labels', () => {
    const result = tokenFromInput(api, { account: 'acme home', user: 'admin', secret: '' }, 1);
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'malformed',
        message:
          'Gorgias subdomain must be a subdomain such as acme (letters, digits and hyphens). Login email must be an email address. API key is required.',
      },
    });
    expect(
      tokenFromInput(api, { account: ' acme-home ', user: 'admin@acme-home.example', secret: 'short' }, 1),
    ).toMatchObject({
      ok: false,
      error: { message: 'API key must be at least 8 characters: paste the whole token.' },
    });
    expect(
      tokenFromInput(
        api,
        { account: 'acme-home', user: 'admin@acme-home.example', secret: ' gorgias-demo-api-key-1f4e ' },
        5,
      ),
    ).toEqual({
      ok: true,
      value: { account: 'acme-home', user: 'admin@acme-home.example', secret: 'gorgias-demo-api-key-1f4e', savedAt: 5 },
    });
  });
});

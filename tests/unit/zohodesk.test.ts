import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/utils/db';
import { conversationsOf } from '@/utils/db/queries';
import { adapterById, findTicket, isHelpdeskUrl } from '@/utils/helpdesks';
import { zohodesk } from '@/utils/helpdesks/zohodesk';
import { resolveCase } from '@/utils/history/sync';
import type { CustomerIdentity, TicketRef } from '@/utils/schemas';
import { loadFixture } from './fixtures';

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
      expect(findTicket(url)?.adapter).toBe(zohodesk);
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

  it('has no session API yet: the org id it needs is a page global only a MAIN-world bridge can read', () => {
    expect(zohodesk.api).toBeUndefined();
  });
});

describe('Zoho Desk local capture', () => {
  beforeEach(() => Promise.all(db.tables.map((t) => t.clear())));

  it('keeps the ticket under the Zoho contact id', async () => {
    const fixture = loadFixture('zohodesk-ticket.html');
    const found = findTicket(fixture.url);
    if (!found) throw new Error('no ticket');
    const page = { ...found.ref, url: fixture.url, ...found.adapter.readPage(fixture.doc, found.ref) };
    const refused = () => Promise.reject(new Error('no request expected'));
    const tabCase = await resolveCase(page, { transport: refused, now: () => 1_800_000_000_000, cap: 500 });
    expect(tabCase.customerKey).toBe(`zohodesk:${HOST}#80000000000998877`);
    expect(await conversationsOf(tabCase.customerKey ?? '')).toMatchObject([
      { id: '80000000001234567', subject: 'Invoice INV-20931 charged twice' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { adapterForUrl, findTicket } from '@/utils/helpdesks';
import { hubspot } from '@/utils/helpdesks/hubspot';
import type { TicketRef } from '@/utils/schemas';
import { loadFixture, reportsAcrossSwitch } from './fixtures';

const ref = (ticketId: string, host = 'app.hubspot.com'): TicketRef => ({ helpdesk: 'hubspot', host, ticketId });

describe('HubSpot URLs', () => {
  it.each([
    ['https://app.hubspot.com/help-desk/146225341/view/81234567/ticket/20014567891', '20014567891'],
    ['https://app.hubspot.com/help-desk/146225341/view/81234567/ticket/20014567891/thread/9912345', '20014567891'],
    ['https://app.hubspot.com/help-desk/146225341/view/search/ticket/20014567891?query=vat', '20014567891'],
    ['https://app.hubspot.com/contacts/146225341/record/0-5/20014567891', '20014567891'],
    ['https://app.hubspot.com/contacts/146225341/record/0-5/20014567891/', '20014567891'],
    ['https://app.hubspot.com/live-messages/146225341/inbox/7781234567', 'thread-7781234567'],
  ])('finds the case in %s', (url, id) => {
    expect(hubspot.parseUrl(new URL(url))).toEqual(ref(id));
    expect(findTicket(url)?.adapter.id).toBe('hubspot');
  });

  it('follows the EU host too', () => {
    const url = 'https://app-eu1.hubspot.com/help-desk/146225341/view/81234567/ticket/20014567891';
    expect(hubspot.parseUrl(new URL(url))).toEqual(ref('20014567891', 'app-eu1.hubspot.com'));
  });

  it.each([
    'https://app.hubspot.com/help-desk/146225341/view/81234567',
    'https://app.hubspot.com/help-desk/146225341/view/search',
    'https://app.hubspot.com/contacts/146225341/record/0-1/93051',
    'https://app.hubspot.com/contacts/146225341/record/0-2/41020',
    'https://app.hubspot.com/contacts/146225341/objects/0-5/views/all/list',
    'https://app.hubspot.com/live-messages/146225341/inbox',
    'https://app.hubspot.com/reports-dashboard/146225341/view/5512',
    'http://app.hubspot.com/help-desk/146225341/view/81234567/ticket/20014567891',
    'https://app.hubspot.com.evil.example/help-desk/146225341/view/81234567/ticket/20014567891',
    'https://knowledge.hubspot.com/help-desk/146225341/view/81234567/ticket/20014567891',
    'https://api.hubapi.com/crm/v3/objects/tickets/20014567891',
  ])('sees no case at %s', (url) => {
    expect(hubspot.parseUrl(new URL(url))).toBeNull();
    expect(findTicket(url)).toBeNull();
  });

  it('runs on the app hosts only', () => {
    expect(adapterForUrl('https://app.hubspot.com/contacts/146225341/record/0-1/93051')?.id).toBe('hubspot');
    expect(adapterForUrl('https://app-eu1.hubspot.com/help-desk/146225341/view/1')?.id).toBe('hubspot');
    expect(adapterForUrl('https://www.hubspot.com/products/service')).toBeUndefined();
  });
});

describe('HubSpot pages', () => {
  it.each(['hubspot-ticket.html', 'hubspot-ticket-switched.html', 'hubspot-ticket-missing-fields.html'])(
    'reads the ticket in view in %s, not the others in the list',
    (name) => {
      const fixture = loadFixture(name);
      const found = findTicket(fixture.url);
      expect(found?.ref).toEqual(ref(String(fixture.expect.activeTicketId)));
      expect(fixture.expect.openTicketIds.length).toBeGreaterThan(1);
      const requester = fixture.expect.requester;
      expect(hubspot.readPage(fixture.doc, ref(String(fixture.expect.activeTicketId)))).toEqual({
        subject: fixture.expect.subject,
        status: fixture.expect.status,
        customer: {
          name: requester?.name,
          ...(requester?.email ? { email: requester.email } : {}),
          ...(requester?.organization ? { organisation: requester.organization } : {}),
          externalId: expect.stringMatching(/^\d+$/),
        },
      });
    },
  );

  it('takes the contact id from the contact card’s record link', () => {
    const read = hubspot.readPage(loadFixture('hubspot-ticket-missing-fields.html').doc, ref('20014566913'));
    expect(read.customer).toEqual({ name: 'Kofi Boateng', externalId: '93410' });
  });

  it('reads nothing of the previous ticket right after in-app navigation', () => {
    // The URL already names the next ticket while the previous one is still drawn.
    const before = loadFixture('hubspot-ticket.html');
    expect(hubspot.readPage(before.doc, ref('20014567002'))).toEqual({ customer: {} });
    const after = loadFixture('hubspot-ticket-switched.html');
    expect(hubspot.readPage(after.doc, ref('20014567002')).customer.name).toBe('Amara Okafor');
  });

  it('names the contact of the selected inbox thread, not of the other threads', () => {
    const fixture = loadFixture('hubspot-inbox-thread.html');
    const found = findTicket(fixture.url);
    expect(found?.ref).toEqual(ref(String(fixture.expect.activeTicketId)));
    expect(hubspot.readPage(fixture.doc, ref(String(fixture.expect.activeTicketId)))).toEqual({
      subject: undefined,
      status: undefined,
      customer: { name: 'Kofi Boateng' },
    });
  });

  it('finds no case on a contact’s record, though it lists the contact’s tickets', () => {
    expect(findTicket(loadFixture('hubspot-contact.html').url)).toBeNull();
  });

  it('reads nothing and does not throw on an empty page', () => {
    const doc = new DOMParser().parseFromString('<main></main>', 'text/html');
    expect(hubspot.readPage(doc, ref('20014567891'))).toEqual({ subject: undefined, status: undefined, customer: {} });
  });

  it('never takes a second associated contact’s email for the first contact', () => {
    const doc = new DOMParser().parseFromString(
      `<section><h3>Contacts (2)</h3>
        <div><a data-selenium-test="contact-chicklet-title-link" href="/contacts/1/record/0-1/11">Kofi Boateng</a></div>
        <div><a data-selenium-test="contact-chicklet-title-link" href="/contacts/1/record/0-1/12">Ama Boateng</a>
          <a href="mailto:ama@example.com">ama@example.com</a></div></section>`,
      'text/html',
    );
    expect(hubspot.readPage(doc, ref('1')).customer).toEqual({ name: 'Kofi Boateng', externalId: '11' });
  });

  it.each([
    ['New', 'new'],
    ['Waiting on contact', 'pending'],
    ['Waiting on us', 'open'],
    ['Closed', 'closed'],
    ['Escalated to engineering', undefined],
  ])('maps the pipeline stage %s', (stage, status) => {
    const doc = new DOMParser().parseFromString(`<div id="stage-select">${stage}</div>`, 'text/html');
    expect(hubspot.readPage(doc, ref('1')).status).toBe(status);
  });

  it('has no session API: history comes from what the rep opens', () => {
    expect(hubspot.api).toBeUndefined();
  });
});

describe('HubSpot in the content script', () => {
  it('follows the rep to another conversation without a reload, never pinning the old customer on the new one', () => {
    const { first, next, seen } = reportsAcrossSwitch('hubspot-ticket.html', 'hubspot-ticket-switched.html');
    expect(seen.map((s) => s.ticketId)).toEqual([
      String(first.expect.activeTicketId),
      String(next.expect.activeTicketId),
      String(next.expect.activeTicketId),
    ]);
    expect(seen.map((s) => s.customer.name)).toEqual(['Hannah Schmidt', undefined, 'Amara Okafor']);
  });
});

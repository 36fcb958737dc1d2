import { describe, expect, it } from 'vitest';
import { tokenFromInput } from '@/utils/connections/tokens';
import { adapterForUrl, findTicket } from '@/utils/helpdesks';
import { hubspot } from '@/utils/helpdesks/hubspot/api';
import type { TicketRef } from '@/utils/schemas';
import { HUBSPOT_PORTAL, HUBSPOT_ZOE_CONTACT, hubspotApi } from '../../scripts/demo-helpdesk/hubspot-api';
import { loadFixture, reportsAcrossSwitch } from './fixtures';
import { expectTokenChecked, readHistory, useTokenDemo } from './token-demo';
import { expectRowLeftOut } from './vendor-fixtures';

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

  it('has no session API: HubSpot’s own wants a CSRF cookie; history needs the token', () => {
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

describe('HubSpot with a private app’s access token', () => {
  const helpdesk = useTokenDemo(hubspot, hubspotApi);
  const { api, token, demo, now, transport } = helpdesk;
  const PORTAL_URL = `https://app.hubspot.com/help-desk/${HUBSPOT_PORTAL}/view/81234567/ticket/20014560107`;
  /** A case as sync hands it over: its page's URL names the portal. */
  const caseRef = { ...ref('20014560107'), url: PORTAL_URL };
  const zoe = { name: 'Zoë Ångström', externalId: HUBSPOT_ZOE_CONTACT };
  const SEARCH = '/crm/v3/objects/tickets/search';
  const searches = () => demo().requestLog.filter((r) => r.path === SEARCH).length;

  /** A `POST /crm/v3/objects/tickets/search` answer as HubSpot documents it. */
  const documented = {
    total: 4,
    results: [
      {
        id: '20014567891',
        properties: {
          subject: 'Invoice INV-35387 shows the wrong VAT number',
          content: 'Hi there,\nOur VAT number on INV-35387 is DE 811 907 980, not DE 811 907 908.\nThanks, Hannah',
          hs_pipeline_stage: '2',
          source_type: 'EMAIL',
          hubspot_owner_id: '52011873',
          createdate: '2025-03-04T10:11:12.345Z',
          hs_lastmodifieddate: '2025-03-05T08:00:00Z',
          hs_object_id: '20014567891',
        },
        createdAt: '2025-03-04T10:11:12.345Z',
        updatedAt: '2025-03-05T08:00:00Z',
        archived: false,
      },
      {
        id: '20014567002',
        properties: {
          subject: null,
          content: null,
          hs_pipeline_stage: '99120433',
          source_type: 'FACEBOOK_MESSENGER',
          createdate: '2025-02-01T00:00:00Z',
          hs_object_id: '20014567002',
        },
        createdAt: '2025-02-01T00:00:00Z',
        updatedAt: '2025-02-02T00:00:00Z',
        archived: false,
      },
    ],
    paging: { next: { after: '2' } },
  };

  it('reads the documented search answer: subject, stage, source, owner, dates, excerpt and the record link', () => {
    const request = api.history.request(zoe, caseRef, 2);
    expect(api.history.parsePage(documented, caseRef, request ?? SEARCH)).toMatchObject({
      ok: true,
      value: {
        conversations: [
          {
            source: 'hubspot:app.hubspot.com',
            id: '20014567891',
            subject: 'Invoice INV-35387 shows the wrong VAT number',
            status: 'pending',
            channel: 'email',
            createdAt: Date.parse('2025-03-04T10:11:12.345Z'),
            updatedAt: Date.parse('2025-03-05T08:00:00Z'),
            excerpt: 'Our VAT number on INV-35387 is DE 811 907 980, not DE 811 907 908.',
            url: `https://app.hubspot.com/contacts/${HUBSPOT_PORTAL}/record/0-5/20014567891`,
            tags: [],
            assigneeId: '52011873',
          },
          {
            id: '20014567002',
            subject: 'Ticket #20014567002',
            // A stage of the portal's own pipeline, with no pipelines read: Kept cannot place it.
            status: 'other',
            channel: 'messaging',
            channelName: 'FACEBOOK_MESSENGER',
            // No hs_lastmodifieddate: the record's own updatedAt.
            updatedAt: Date.parse('2025-02-02T00:00:00Z'),
          },
        ],
      },
    });
  });

  it.each([
    ['1', 'new'],
    ['2', 'pending'],
    ['3', 'open'],
    ['4', 'closed'],
    ['87213344', 'other'],
    [null, 'other'],
  ])('maps the default pipeline’s stage %s to %s', (stage, status) => {
    const [first] = documented.results;
    const page = { results: [{ ...first, properties: { ...first?.properties, hs_pipeline_stage: stage } }] };
    const parsed = api.history.parsePage(page, caseRef, SEARCH);
    expect(parsed.ok && parsed.value.conversations[0]?.status).toBe(status);
  });

  it('bounds what it keeps: a long subject is cut, an unknown source kept short as the word shown', () => {
    const [first] = documented.results;
    const long = { ...first?.properties, subject: 'x'.repeat(900), source_type: 'S'.repeat(90) };
    const parsed = api.history.parsePage({ results: [{ ...first, properties: long }] }, caseRef, SEARCH);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.conversations[0]?.subject).toHaveLength(500);
    expect(parsed.value.conversations[0]?.channel).toBe('other');
    expect(parsed.value.conversations[0]?.channelName).toHaveLength(50);
  });

  it('links to the record without the portal id when the case has no page URL', () => {
    const parsed = api.history.parsePage(documented, ref('20014567891'), SEARCH);
    expect(parsed.ok && parsed.value.conversations[0]?.url).toBe(
      'https://app.hubspot.com/l/contacts/record/0-5/20014567891',
    );
  });

  it('refuses a page with no results list', () => {
    expect(api.history.parsePage({ total: 0 }, caseRef, SEARCH)).toEqual({
      ok: false,
      error: { kind: 'malformed', message: 'HubSpot sent a ticket search page Kept could not read.' },
    });
  });

  it.each([
    ['a ticket id that is not a number', { results: [{ ...documented.results[0], id: '../../admin' }] }],
    ['a date that is not one', { results: [{ ...documented.results[0], createdAt: 'yesterday' }] }],
    ['a property that is not text', { results: [{ ...documented.results[0], properties: { subject: 42 } }] }],
  ])('leaves out a ticket with %s', (_, page) => {
    expectRowLeftOut(() => api.history.parsePage(page, caseRef, SEARCH));
  });

  it('searches the contact’s tickets, most recently changed first, and asks the next page with the same body', () => {
    const body = {
      filterGroups: [
        { filters: [{ propertyName: 'associations.contact', operator: 'EQ', value: HUBSPOT_ZOE_CONTACT }] },
      ],
      sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'DESCENDING' }],
      properties: [
        'subject',
        'content',
        'hs_pipeline_stage',
        'createdate',
        'hs_lastmodifieddate',
        'source_type',
        'hubspot_owner_id',
      ],
      limit: 2,
    };
    const request = api.history.request(zoe, caseRef, 2);
    expect(request).toEqual({ path: SEARCH, json: body });
    if (!request || typeof request === 'string') throw new Error('a search is a POST');
    const next = api.history.parsePage(documented, caseRef, request);
    expect(next.ok && next.value.next).toEqual({ path: SEARCH, json: { ...body, after: '2' } });
    // The last page has no `paging`; an empty page ends the search even if it names a cursor.
    const last = api.history.parsePage({ ...documented, paging: undefined }, caseRef, request);
    expect(last.ok && last.value.next).toBeNull();
    const empty = api.history.parsePage({ results: [], paging: documented.paging }, caseRef, request);
    expect(empty.ok && empty.value.next).toBeNull();
  });

  it('asks at most 200 per page, and nothing without the contact’s record id', () => {
    const request = api.history.request(zoe, caseRef, 500);
    expect(typeof request !== 'string' && request?.json).toMatchObject({ limit: 200 });
    expect(api.history.request({ name: 'Zoë Ångström', email: 'zoe.angstrom@fabrikam.com' }, caseRef, 10)).toBeNull();
    expect(api.history.request({ externalId: '93117 OR 1=1' }, caseRef, 10)).toBeNull();
  });

  it('refuses credentials that are not a private app token, naming the field', () => {
    const input = (secret: string) => tokenFromInput(api, { account: '', user: '', secret }, 1);
    expect(input('')).toEqual({
      ok: false,
      error: { kind: 'malformed', message: 'Private app access token is required.' },
    });
    expect(input('CJSP5qf1KhICAQEYs-gDIIGOBii1hQIyGQAf3xBKmlwHjX7OIpuIFEavB2-qYAGQsF4')).toEqual({
      ok: false,
      error: {
        kind: 'malformed',
        message: 'Private app access token must be a private app access token, such as pat-na1-….',
      },
    });
    expect(input(`  ${token.secret} `)).toEqual({ ok: true, value: { secret: token.secret, savedAt: 1 } });
  });

  it('checks the token on api.hubapi.com, and says when HubSpot refuses it', async () => {
    expect(api.origin(token)).toBe('https://api.hubapi.com');
    await expectTokenChecked(helpdesk, { ...token, secret: 'pat-na1-00000000-0000-0000-0000-000000000000' });
  });

  it('reads all of Zoë’s tickets over HTTP, page after page, newest first', async () => {
    const before = searches();
    const result = await readHistory(helpdesk, caseRef, zoe, { cap: 100 });
    expect(result.map((c) => c.id)).toEqual([
      '20014560107',
      '20014560106',
      '20014560105',
      '20014560104',
      '20014560103',
      '20014560102',
      '20014560101',
    ]);
    // The demo answers 3 per page: three searches, each with the cursor of the page before.
    expect(searches() - before).toBe(3);
    expect(result[0]).toMatchObject({
      subject: "SSO users can't reach the billing page",
      status: 'open',
      channel: 'chat',
      url: `https://app.hubspot.com/contacts/${HUBSPOT_PORTAL}/record/0-5/20014560107`,
      updatedAt: now() - 45 * 60_000,
    });
    expect(result.map((c) => c.status)).toEqual(['open', 'new', 'open', 'pending', 'closed', 'closed', 'closed']);
  });

  it('gets HubSpot’s 400 for a search body it cannot read', async () => {
    const reply = await transport()({ path: SEARCH, json: { limit: 'ten', filterGroups: {} } });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
  });
});

import { describe, expect, it } from 'vitest';
import { tokenFromInput } from '@/utils/connections/tokens';
import { adapterForUrl, findTicket } from '@/utils/helpdesks';
import { front } from '@/utils/helpdesks/front/api';
import { frontPage } from '@/utils/helpdesks/front/page';
import type { TicketRef } from '@/utils/schemas';
import { frontApi } from '../../scripts/demo-helpdesk/front-api';
import { loadFixture, reportsAcrossSwitch } from './fixtures';
import { expectOneRecordEach, expectTokenChecked, readHistoryInSmallPages, useTokenDemo } from './token-demo';
import { expectRowLeftOut } from './vendor-fixtures';

const ref = (ticketId: string): TicketRef => ({ helpdesk: 'front', host: 'app.frontapp.com', ticketId });

describe('Front URLs', () => {
  it.each([
    ['https://app.frontapp.com/inboxes/teams/views/15931074/open/117421069338', 'cnv_1hxxh0yi'],
    ['https://app.frontapp.com/inboxes/teammates/20999898/inbox/all/117421069338', 'cnv_1hxxh0yi'],
    ['https://app.frontapp.com/inboxes/teams/folders/4808209/unassigned/117421069338?q=1', 'cnv_1hxxh0yi'],
    ['https://app.frontapp.com/inboxes/shared/support/archived/117421069338/', 'cnv_1hxxh0yi'],
    ['https://app.frontapp.com/open/cnv_1hxxh0yi', 'cnv_1hxxh0yi'],
    ['https://app.frontapp.com/inboxes/teams/4808209/inbox/4bj7r/cnv_1hxxh0yi', 'cnv_1hxxh0yi'],
  ])('finds the conversation in %s, by its API id', (url, id) => {
    expect(front.parseUrl(new URL(url))).toEqual(ref(id));
    expect(findTicket(url)?.adapter.id).toBe('front');
  });

  it.each([
    'https://app.frontapp.com/inboxes/teams/views/15931074/open',
    'https://app.frontapp.com/inboxes/teams/views/15931074',
    'https://app.frontapp.com/inboxes/teams/folders/4808209/unassigned',
    'https://app.frontapp.com/inboxes/teams/4808209/search/workspace/amara%40gmail.com/0',
    'https://app.frontapp.com/inboxes/teams/views/15931074/open/0',
    'https://app.frontapp.com/settings/tim:20999898/preferences',
    'https://app.frontapp.com/contacts/crd_4a2b9',
    'http://app.frontapp.com/open/cnv_1hxxh0yi',
    'https://app.frontapp.com.evil.example/open/cnv_1hxxh0yi',
    'https://frontapp.com/open/cnv_1hxxh0yi',
    'https://api2.frontapp.com/conversations/cnv_1hxxh0yi',
  ])('sees no conversation at %s', (url) => {
    expect(front.parseUrl(new URL(url))).toBeNull();
    expect(findTicket(url)).toBeNull();
  });

  it('runs on the app only', () => {
    expect(adapterForUrl('https://app.frontapp.com/inboxes/teams/views/15931074/open')?.id).toBe('front');
    expect(adapterForUrl('https://api2.frontapp.com/me')).toBeUndefined();
  });
});

describe('Front pages', () => {
  it.each(['front-conversation.html', 'front-conversation-switched.html', 'front-conversation-missing-fields.html'])(
    'reads the conversation in view in %s, not the others in the list',
    (name) => {
      const fixture = loadFixture(name);
      const found = findTicket(fixture.url);
      expect(found?.ref).toEqual(ref(String(fixture.expect.activeTicketId)));
      expect(fixture.expect.openTicketIds.length).toBeGreaterThan(1);
      const requester = fixture.expect.requester;
      expect(front.readPage(fixture.doc, ref(String(fixture.expect.activeTicketId)))).toEqual({
        subject: fixture.expect.subject,
        customer: {
          name: requester?.name,
          ...(requester?.email ? { email: requester.email } : {}),
          ...(requester?.organization ? { organisation: requester.organization } : {}),
        },
      });
    },
  );

  it('takes the customer from the first message, not the teammate’s reply or the comment', () => {
    const read = front.readPage(loadFixture('front-conversation.html').doc, ref('cnv_1hxxh0yi'));
    expect(read.customer).toEqual({
      name: 'Hannah Schmidt',
      email: 'hannah.schmidt@globex-logistics.de',
      organisation: 'Globex Logistics GmbH',
    });
  });

  it('reads no email from a phone handle', () => {
    const read = front.readPage(loadFixture('front-conversation-missing-fields.html').doc, ref('cnv_1hxxcfkz'));
    expect(read.customer).toEqual({ name: 'Kofi Boateng' });
  });

  it('reads nothing of the previous conversation right after in-app navigation', () => {
    // The URL already names the next conversation while the previous viewer is still drawn.
    const before = loadFixture('front-conversation.html');
    expect(front.readPage(before.doc, ref('cnv_1hxxh93u'))).toEqual({ subject: undefined, customer: {} });
    const after = loadFixture('front-conversation-switched.html');
    expect(front.readPage(after.doc, ref('cnv_1hxxh93u')).customer.name).toBe('Amara Okafor');
  });

  it('finds no conversation on the inbox list, and reads nothing there without throwing', () => {
    const fixture = loadFixture('front-inbox.html');
    expect(findTicket(fixture.url)).toBeNull();
    expect(front.readPage(fixture.doc, ref('cnv_1hxxh0yi'))).toEqual({ subject: undefined, customer: {} });
    expect(front.readPage(fixture.doc, ref('not-a-front-id'))).toEqual({ subject: undefined, customer: {} });
  });

  it('keeps markup in names as text', () => {
    const doc = new DOMParser().parseFromString(
      `<div data-testid="viewer-42"><div class="messageViewerBase__StyledMessageDiv-sc-1"><div class="messageViewerRecipient__StyledDetailsWrapperDiv-sc-2"><div>&lt;b&gt;Mallory&lt;/b&gt; &amp; co</div></div></div></div>`,
      'text/html',
    );
    expect(front.readPage(doc, ref(`cnv_${(42).toString(36)}`)).customer.name).toBe('<b>Mallory</b> & co');
  });

  it('has no session API: history needs an admin’s API token, and the content script gets the page part', () => {
    expect(front.api).toBeUndefined();
    expect(front.token).toBeDefined();
    expect(findTicket('https://app.frontapp.com/open/cnv_1hxxh0yi')?.adapter).toBe(frontPage);
  });
});

describe('Front in the content script', () => {
  it('follows the rep to another conversation without a reload, never pinning the old customer on the new one', () => {
    const { first, next, seen } = reportsAcrossSwitch('front-conversation.html', 'front-conversation-switched.html');
    expect(seen.map((s) => s.ticketId)).toEqual([
      String(first.expect.activeTicketId),
      String(next.expect.activeTicketId),
      String(next.expect.activeTicketId),
    ]);
    expect(seen.map((s) => s.customer.name)).toEqual(['Hannah Schmidt', undefined, 'Amara Okafor']);
  });
});

describe('Front with an API token', () => {
  const helpdesk = useTokenDemo(front, frontApi);
  const { api, token, fetcher } = helpdesk;
  const zoe = { name: 'Zoë Ångström', email: 'zoe.angstrom@fabrikam.com' };
  /** Zoë's conversations in the demo, most recent activity first. */
  const ZOES = [117421069400, 117421069391, 117421069377, 117421069352, 117421069340, 117421069333, 117421069321].map(
    (n) => `cnv_${n.toString(36)}`,
  );
  const OPEN = ZOES[0] ?? '';
  const teammate = {
    _links: { self: 'https://acme.api.frontapp.com/teammates/tea_6r55a' },
    id: 'tea_6r55a',
    email: 'priya.nair@acme.example',
    username: 'priya',
    first_name: 'Priya',
    last_name: 'Nair',
    is_admin: true,
    is_available: true,
    is_blocked: false,
  };
  /** A page of `GET /contacts/{contact_id}/conversations` as Front's Core API reference documents it. */
  const documented = {
    _pagination: {
      next: 'https://acme.api.frontapp.com/contacts/alt:email:zoe.angstrom%40fabrikam.com/conversations?limit=2&page_token=2d018a5809eb',
    },
    _links: { self: 'https://acme.api.frontapp.com/contacts/alt:email:zoe.angstrom%40fabrikam.com/conversations' },
    _results: [
      {
        _links: { self: 'https://acme.api.frontapp.com/conversations/cnv_1hxxh0yi', related: {} },
        id: 'cnv_1hxxh0yi',
        subject: 'Customs paperwork for shipment to Hamburg',
        status: 'archived',
        status_id: 'sts_5x',
        status_category: 'resolved',
        ticket_ids: ['TICKET-1'],
        assignee: teammate,
        recipient: { name: 'Hannah Schmidt', handle: 'hannah.schmidt@globex-logistics.de', role: 'from' },
        tags: [{ id: 'tag_2oxhvy', name: 'customs', highlight: 'blue', is_private: false }],
        links: [],
        custom_fields: {},
        created_at: 1701292649.333,
        updated_at: 1701300000.5,
        waiting_since: 1701292649.333,
        is_private: false,
        scheduled_reminders: [],
        metadata: {},
      },
      { id: 'cnv_1hxxh93u', subject: '', status: 'unassigned', assignee: null, tags: [], created_at: 1701000000 },
      {
        id: 'cnv_1hxxcfkz',
        subject: 'Seats',
        status: 'assigned',
        status_category: 'waiting',
        tags: [],
        created_at: 1700000000,
      },
      {
        id: 'cnv_1hxxa000',
        subject: 'x'.repeat(600),
        status: 'archived',
        created_at: 1690000000,
        tags: Array.from({ length: 60 }, (_, i) => ({ id: `tag_${i}`, name: `${i}`.padEnd(150, 't') })),
      },
      { id: 'cnv_1hxx9000', subject: 'Later', status: 'snoozed', created_at: 1680000000 },
      { id: 'cnv_1hxx8000', subject: 'Gone', status: 'deleted', created_at: 1670000000 },
    ],
  };

  it('reads a documented page: the API id names the conversation, statuses in Kept’s words', () => {
    const request = api.history.request(zoe, ref(OPEN), 2) ?? '';
    const page = api.history.parsePage(documented, ref(OPEN), request);
    if (!page.ok) throw new Error(page.error.message);
    const [first, ...rest] = page.value.conversations;
    expect(first).toEqual({
      source: 'front:app.frontapp.com',
      id: 'cnv_1hxxh0yi',
      subject: 'Customs paperwork for shipment to Hamburg',
      // With ticketing on, the ticket status decides.
      status: 'solved',
      createdAt: 1701292649333,
      updatedAt: 1701300000500,
      url: 'https://app.frontapp.com/open/cnv_1hxxh0yi',
      tags: ['customs'],
      assigneeId: 'tea_6r55a',
      assignee: { name: 'Priya Nair', email: 'priya.nair@acme.example' },
    });
    // The conversation in view (its folder URL or its `/open/` link) is the same record.
    expect(frontPage.parseUrl(new URL(first?.url ?? ''))?.ticketId).toBe(first?.id);
    expect(
      frontPage.parseUrl(new URL('https://app.frontapp.com/inboxes/teams/views/15931074/open/117421069338'))?.ticketId,
    ).toBe(first?.id);
    expect(rest.map((c) => c.status)).toEqual(['new', 'pending', 'closed', 'pending', 'closed']);
    expect(rest[0]).toMatchObject({
      subject: 'Conversation cnv_1hxxh93u',
      createdAt: 1701000000000,
      updatedAt: 1701000000000,
    });
    expect(rest[0]).not.toHaveProperty('assigneeId');
    expect(rest[2]?.subject).toHaveLength(500);
    expect(rest[2]?.tags).toHaveLength(50);
    expect(rest[2]?.tags.every((t) => t.length === 100)).toBe(true);
  });

  it('asks for the contact by their email alias, at most 100 a page', () => {
    expect(api.origin(token)).toBe('https://api2.frontapp.com');
    expect(api.headers(token)).toEqual({ authorization: `Bearer ${token.secret}` });
    expect(api.history.request(zoe, ref(OPEN), 500)).toBe(
      '/contacts/alt:email:zoe.angstrom%40fabrikam.com/conversations?limit=100',
    );
    expect(api.history.request({ email: 'a/b?c@example.com' }, ref(OPEN), 20)).toBe(
      '/contacts/alt:email:a%2Fb%3Fc%40example.com/conversations?limit=20',
    );
    expect(api.history.request({ name: 'Zoë Ångström' }, ref(OPEN), 100)).toBeNull();
  });

  it('follows the next link on api2.frontapp.com, wherever Front says it is, to the last page', () => {
    const request = api.history.request(zoe, ref(OPEN), 2) ?? '';
    expect(api.history.parsePage(documented, ref(OPEN), request)).toMatchObject({
      ok: true,
      value: {
        next: '/contacts/alt:email:zoe.angstrom%40fabrikam.com/conversations?limit=2&page_token=2d018a5809eb',
      },
    });
    const next = (url: string | null) =>
      api.history.parsePage({ ...documented, _pagination: { next: url } }, ref(OPEN), request);
    expect(next(null)).toMatchObject({ ok: true, value: { next: null } });
    expect(next('https://evil.example/contacts/x/conversations?page_token=1')).toMatchObject({
      ok: true,
      value: { next: null },
    });
    expect(next('https://api2.frontapp.com/contacts/x/conversations?page_token=1')).toMatchObject({
      ok: true,
      value: { next: '/contacts/x/conversations?page_token=1' },
    });
    // A next link after an empty page would never end.
    expect(api.history.parsePage({ ...documented, _results: [] }, ref(OPEN), request)).toMatchObject({
      ok: true,
      value: { conversations: [], next: null },
    });
  });

  it('refuses a page of the wrong shape, and leaves out a row of the wrong shape', () => {
    const malformed = {
      ok: false,
      error: { kind: 'malformed', message: 'Front sent a conversation history page Kept could not read.' },
    };
    expectRowLeftOut(() =>
      api.history.parsePage({ _results: [{ id: 'conversation-1', status: 'open', created_at: 1 }] }, ref(OPEN), '/x'),
    );
    expectRowLeftOut(() =>
      api.history.parsePage({ _results: [{ ...documented._results[1], created_at: '2024-01-01' }] }, ref(OPEN), '/x'),
    );
    expect(api.history.parsePage({ results: [] }, ref(OPEN), '/x')).toEqual(malformed);
  });

  it('says what is wrong with the token an admin typed, by its label', () => {
    expect(tokenFromInput(api, { account: '', user: '', secret: '' }, 1)).toEqual({
      ok: false,
      error: { kind: 'malformed', message: 'API token is required.' },
    });
    expect(tokenFromInput(api, { account: '', user: '', secret: 'my front password' }, 1)).toEqual({
      ok: false,
      error: {
        kind: 'malformed',
        message: 'API token must be the whole API token: three parts joined by dots, with no spaces.',
      },
    });
    expect(tokenFromInput(api, { account: 'x', user: 'y', secret: ` ${token.secret} ` }, 5)).toEqual({
      ok: true,
      value: { secret: token.secret, savedAt: 5 },
    });
  });

  it('fetches all of Zoë’s conversations over HTTP, in one page or in several', async () => {
    const { paged, asked } = await readHistoryInSmallPages(helpdesk, ref(OPEN), zoe, 3);
    expect(paged.map((c) => c.id)).toEqual(ZOES);
    expect(asked).toHaveLength(3);
    expect(
      asked.every((path) => path.startsWith('/contacts/alt:email:zoe.angstrom%40fabrikam.com/conversations?limit=3')),
    ).toBe(true);
    expect(asked.filter((path) => path.includes('page_token='))).toHaveLength(2);
    expect(paged[0]).toMatchObject({
      source: 'front:app.frontapp.com',
      subject: "SSO users can't reach the billing page",
      status: 'open',
      tags: ['sso', 'billing'],
      assignee: { name: 'Priya Nair', email: 'priya.nair@acme.example' },
    });
    expect(paged.map((c) => c.status)).toEqual(['open', 'closed', 'closed', 'closed', 'new', 'closed', 'closed']);
  });

  it('keeps the conversation in view and its history row as one record', async () => {
    const url = `https://app.frontapp.com/inboxes/teams/views/15931074/open/117421069400`;
    const found = findTicket(url);
    if (!found) throw new Error('no conversation');
    expect(found.ref.ticketId).toBe(OPEN);
    await expectOneRecordEach(helpdesk, { ...found.ref, url, customer: zoe }, zoe.email, ZOES.length);
  });

  it('checks the token, and says when Front refuses it', async () => {
    await expectTokenChecked(helpdesk, { ...token, secret: 'eyJhbGciOiJIUzI1NiJ9.e30.bm90LWEtcmVhbC10b2tlbg' });
    const reply = await fetcher()('https://api2.frontapp.com/me', {});
    expect(reply.status).toBe(401);
    expect(await reply.json()).toMatchObject({ _error: { status: 401, title: 'Unauthorized' } });
  });
});

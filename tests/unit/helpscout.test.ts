import { describe, expect, it, vi } from 'vitest';
import { tokenFromInput } from '@/utils/connections/tokens';
import { adapterForUrl, findTicket } from '@/utils/helpdesks';
import { helpscout } from '@/utils/helpdesks/helpscout/api';
import { helpscoutPage } from '@/utils/helpdesks/helpscout/page';
import type { ApiRequest } from '@/utils/helpdesks/types';
import { checkToken } from '@/utils/history/token';
import type { TicketRef } from '@/utils/schemas';
import { helpscoutApi } from '../../scripts/demo-helpdesk/helpscout-api';
import { loadFixture, reportsAcrossSwitch } from './fixtures';
import { expectOneRecordEach, expectTokenChecked, readHistory, useTokenDemo } from './token-demo';

const ref = (ticketId: string, host = 'secure.helpscout.net'): TicketRef => ({
  helpdesk: 'helpscout',
  host,
  ticketId,
});

describe('Help Scout URLs', () => {
  it.each([
    'https://secure.helpscout.net/conversation/2146893412/4821?folderId=7130521',
    'https://secure.helpscout.net/conversation/2146893412/4821/',
    'https://secure.helpscout.net/conversations/2146893412/4821#thread-9920',
  ])('finds conversation 2146893412 (#4821) at %s, by its id', (url) => {
    expect(helpscout.parseUrl(new URL(url))).toEqual(ref('2146893412'));
    expect(findTicket(url)?.adapter.id).toBe('helpscout');
  });

  it('follows the possible new host too', () => {
    expect(helpscout.parseUrl(new URL('https://app.helpscout.com/conversation/2146893412/4821'))).toEqual(
      ref('2146893412', 'app.helpscout.com'),
    );
  });

  it.each([
    'https://secure.helpscout.net/mailbox/7b0c3f1a2d4e5f60/7130521/',
    'https://secure.helpscout.net/customer/318554902/0/',
    'https://secure.helpscout.net/dashboard/',
    'https://secure.helpscout.net/conversation/2146893412',
    'http://secure.helpscout.net/conversation/2146893412/4821',
    'https://secure.helpscout.net.evil.example/conversation/2146893412/4821',
    'https://helpscout.net.evil.example/conversation/2146893412/4821',
    'https://docs.helpscout.com/conversation/2146893412/4821',
  ])('sees no conversation at %s', (url) => {
    expect(helpscout.parseUrl(new URL(url))).toBeNull();
    expect(findTicket(url)).toBeNull();
  });

  it('runs on the agent app only', () => {
    expect(adapterForUrl('https://secure.helpscout.net/mailbox/7b0c3f1a2d4e5f60/7130521/')?.id).toBe('helpscout');
    expect(adapterForUrl('http://secure.helpscout.net/mailbox/')).toBeUndefined();
    expect(adapterForUrl('https://www.helpscout.com/pricing/')).toBeUndefined();
  });
});

describe('Help Scout pages', () => {
  it.each([
    'helpscout-conversation.html',
    'helpscout-conversation-switched.html',
    'helpscout-conversation-missing-fields.html',
  ])('reads the conversation in view in %s, not the others in the list', (name) => {
    const fixture = loadFixture(name);
    const found = findTicket(fixture.url);
    expect(found?.ref).toEqual(ref(String(fixture.expect.activeTicketId)));
    expect(fixture.expect.openTicketIds.length).toBeGreaterThan(1);
    const requester = fixture.expect.requester;
    expect(helpscout.readPage(fixture.doc, ref(String(fixture.expect.activeTicketId)))).toEqual({
      subject: fixture.expect.subject,
      status: fixture.expect.status,
      customer: {
        name: requester?.name,
        ...(requester?.email ? { email: requester.email } : {}),
        externalId: expect.stringMatching(/^\d+$/),
      },
    });
  });

  it('takes the customer id from the profile link, and no email when the customer has none', () => {
    const read = helpscout.readPage(loadFixture('helpscout-conversation-missing-fields.html').doc, ref('2146891530'));
    expect(read.customer).toEqual({ name: 'Kofi Boateng', externalId: '318552877' });
  });

  it('ignores the Cc and the note’s addresses: the customer comes from the sidebar', () => {
    const read = helpscout.readPage(loadFixture('helpscout-conversation.html').doc, ref('2146893412'));
    expect(read.customer.email).toBe('hannah.schmidt@globex-logistics.de');
  });

  it('reads nothing of the previous conversation right after in-app navigation', () => {
    // The URL already names #4817 while #4821 is still drawn.
    const fixture = loadFixture('helpscout-conversation.html');
    expect(helpscout.readPage(fixture.doc, ref('2146890077'))).toEqual({ customer: {} });
    // Once #4817 is drawn, it is read.
    const switched = loadFixture('helpscout-conversation-switched.html');
    expect(helpscout.readPage(switched.doc, ref('2146890077')).customer.name).toBe('Amara Okafor');
  });

  it('finds no conversation on the mailbox list, and reads nothing there without throwing', () => {
    const fixture = loadFixture('helpscout-mailbox.html');
    expect(findTicket(fixture.url)).toBeNull();
    expect(helpscout.readPage(fixture.doc, ref('2146893412'))).toEqual({
      subject: undefined,
      status: undefined,
      customer: {},
    });
  });

  it('maps Help Scout’s statuses, never the assignee’s name, and leaves Spam without one', () => {
    const page = (status: string) =>
      new DOMParser().parseFromString(
        `<div class="StatusAssigneecss__ContainerUI-sc-2iztpe-0"><button>${status}</button><button>Pending Payments Team</button></div>`,
        'text/html',
      );
    expect(helpscout.readPage(page('Active'), ref('1')).status).toBe('open');
    expect(helpscout.readPage(page('Closed'), ref('1')).status).toBe('closed');
    expect(helpscout.readPage(page('Spam'), ref('1')).status).toBeUndefined();
  });

  it('has no session API: history needs an admin’s app credentials, and the content script gets the page part', () => {
    expect(helpscout.api).toBeUndefined();
    expect(helpscout.token).toBeDefined();
    expect(findTicket('https://secure.helpscout.net/conversation/2146893412/4821')?.adapter).toBe(helpscoutPage);
  });
});

describe('Help Scout in the content script', () => {
  it('follows the rep to another conversation without a reload, never pinning the old customer on the new one', () => {
    const { first, next, seen } = reportsAcrossSwitch(
      'helpscout-conversation.html',
      'helpscout-conversation-switched.html',
    );
    expect(seen.map((s) => s.ticketId)).toEqual([
      String(first.expect.activeTicketId),
      String(next.expect.activeTicketId),
      String(next.expect.activeTicketId),
    ]);
    expect(seen.map((s) => s.customer.name)).toEqual(['Hannah Schmidt', undefined, 'Amara Okafor']);
  });
});

describe('Help Scout with an app’s client credentials', () => {
  const DAY = 86_400_000;
  const helpdesk = useTokenDemo(helpscout, helpscoutApi);
  const { api, token, demo, fetcher, transport } = helpdesk;
  const appId = helpscoutApi.credentials.user ?? '';
  const zoe = { name: 'Zoë Ångström', email: 'zoe.angstrom@fabrikam.com', externalId: '318560114' };
  // The demo helpdesk's conversation ids: #4821 is 2146893412, and each number on is 7 ids on.
  const zoesIds = Array.from({ length: 30 }, (_, i) => String(2146893412 + (4903 - i - 4821) * 7));
  const tokenRequests = () => demo().requestLog.filter((r) => r.path === '/v2/oauth2/token').length;
  const paramsOf = (request: ApiRequest | null) =>
    Object.fromEntries(new URL(String(request), 'https://api.helpscout.net').searchParams);

  /** A page of `GET /v2/conversations` as the Mailbox API 2.0 documents it. */
  const documented = {
    _embedded: {
      conversations: [
        {
          id: 2146893412,
          number: 4821,
          threads: 3,
          type: 'email',
          folderId: 7130521,
          status: 'active',
          state: 'published',
          subject: 'Customs paperwork for shipment to Hamburg',
          preview: 'Hello,\nWe need the commercial invoice for the Hamburg shipment in German.',
          mailboxId: 245781,
          assignee: { id: 447723, first: 'Priya', last: 'Nair', email: 'priya.nair@acme.example', type: 'user' },
          createdBy: { id: 318554902, type: 'customer', email: 'hannah.schmidt@globex-logistics.de' },
          createdAt: '2025-03-04T10:11:12Z',
          userUpdatedAt: '2025-03-05T08:00:00Z',
          customerWaitingSince: { time: '2025-03-04T10:11:12Z', friendly: '20h' },
          source: { type: 'email', via: 'customer' },
          tags: [{ id: 9100, color: '#929499', tag: 'customs' }],
          cc: [],
          bcc: [],
          primaryCustomer: {
            id: 318554902,
            first: 'Hannah',
            last: 'Schmidt',
            email: 'hannah.schmidt@globex-logistics.de',
          },
          customFields: [],
          _links: { web: { href: 'https://secure.helpscout.net/conversation/2146893412/4821' } },
        },
        {
          id: 2146890001,
          number: 4700,
          type: 'phone',
          status: 'closed',
          subject: '',
          createdAt: '2024-11-01T09:00:00Z',
          closedAt: '2024-11-01T09:30:00Z',
        },
        {
          id: 2146890002,
          number: 4650,
          type: 'chat',
          status: 'pending',
          subject: 'x'.repeat(600),
          createdAt: '2024-10-01T09:00:00Z',
          tags: Array.from({ length: 60 }, (_, i) => ({ id: i, tag: `${i}`.padEnd(150, 't') })),
        },
        { id: 2146890003, number: 4600, type: 'messenger', status: 'spam', createdAt: '2024-09-01T09:00:00Z' },
      ],
    },
    _links: { next: { href: 'https://api.helpscout.net/v2/conversations?page=2' } },
    page: { size: 25, totalElements: 54, totalPages: 3, number: 1 },
  };

  it('reads a documented page: the id names the conversation, statuses and types in Kept’s words', () => {
    const request = api.history.request(zoe, ref('4903'), 100);
    const page = api.history.parsePage(documented, ref('2146893412'), request ?? '');
    if (!page.ok) throw new Error(page.error.message);
    const [first, second, third, fourth] = page.value.conversations;
    expect(first).toEqual({
      source: 'helpscout:secure.helpscout.net',
      id: '2146893412',
      subject: 'Customs paperwork for shipment to Hamburg',
      status: 'open',
      channel: 'email',
      channelName: 'email',
      createdAt: Date.parse('2025-03-04T10:11:12Z'),
      updatedAt: Date.parse('2025-03-05T08:00:00Z'),
      excerpt: 'We need the commercial invoice for the Hamburg shipment in German.',
      url: 'https://secure.helpscout.net/conversation/2146893412/4821',
      tags: ['customs'],
      assigneeId: '447723',
      assignee: { name: 'Priya Nair', email: 'priya.nair@acme.example' },
    });
    // The open conversation's URL names the same record.
    expect(helpscoutPage.parseUrl(new URL(first?.url ?? ''))?.ticketId).toBe(first?.id);
    expect(second).toMatchObject({
      id: '2146890001',
      subject: 'Conversation #4700',
      status: 'closed',
      channel: 'voice',
      updatedAt: Date.parse('2024-11-01T09:30:00Z'),
      tags: [],
    });
    expect(second).not.toHaveProperty('assigneeId');
    expect(third?.status).toBe('pending');
    expect(third?.subject).toHaveLength(500);
    expect(third?.tags).toHaveLength(50);
    expect(third?.tags.every((t) => t.length === 100)).toBe(true);
    // A type the Mailbox API may add later keeps its own word.
    expect(fourth).toMatchObject({ status: 'closed', channel: 'other', channelName: 'messenger' });
  });

  it('asks by the customer id from the page, else by email, for every status, last modified first', () => {
    const byId = api.history.request(zoe, ref('4903'), 100);
    expect(new URL(String(byId), 'https://api.helpscout.net').pathname).toBe('/v2/conversations');
    expect(paramsOf(byId)).toEqual({
      query: '(customerIds:318560114)',
      status: 'all',
      sortField: 'modifiedAt',
      sortOrder: 'desc',
      page: '1',
    });
    expect(paramsOf(api.history.request({ email: zoe.email }, ref('4903'), 100)).query).toBe(
      '(email:"zoe.angstrom@fabrikam.com")',
    );
    // A quote in the address cannot end the search term early.
    expect(paramsOf(api.history.request({ email: 'o"neil\\@example.com' }, ref('1'), 100)).query).toBe(
      '(email:"o\\"neil\\\\@example.com")',
    );
    expect(paramsOf(api.history.request({ externalId: '12) OR (x', email: zoe.email }, ref('1'), 100)).query).toBe(
      '(email:"zoe.angstrom@fabrikam.com")',
    );
    expect(api.history.request({ name: 'Zoë Ångström' }, ref('4903'), 100)).toBeNull();
  });

  it('follows the page numbers to the last page', () => {
    const request = api.history.request(zoe, ref('4903'), 100) ?? '';
    const first = api.history.parsePage(documented, ref('4903'), request);
    if (!first.ok) throw new Error(first.error.message);
    expect(paramsOf(first.value.next)).toEqual({ ...paramsOf(request), page: '2' });
    const last = { ...documented, page: { ...documented.page, number: 3 } };
    expect(api.history.parsePage(last, ref('4903'), request)).toMatchObject({ ok: true, value: { next: null } });
    // Nothing matched: Help Scout leaves `_embedded` out.
    const none = { page: { size: 25, totalElements: 0, totalPages: 1, number: 1 } };
    expect(api.history.parsePage(none, ref('4903'), request)).toEqual({
      ok: true,
      value: { conversations: [], unreadable: 0, next: null },
    });
  });

  it('refuses a page or a token answer of the wrong shape, and leaves out a row of the wrong shape', () => {
    const malformed = {
      ok: false,
      error: { kind: 'malformed', message: 'Help Scout sent a conversation history page Kept could not read.' },
    };
    const wrongId = { _embedded: { conversations: [{ id: 'x', number: 1, status: 'active' }] }, page: documented.page };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(api.history.parsePage(wrongId, ref('1'), '/v2/conversations')).toMatchObject({
      ok: true,
      value: { conversations: [], unreadable: 1 },
    });
    warn.mockRestore();
    expect(api.history.parsePage({ conversations: [] }, ref('1'), '/v2/conversations')).toEqual(malformed);
    expect(api.exchange?.parse({ token_type: 'bearer', expires_in: 172800 })).toEqual({
      ok: false,
      error: { kind: 'malformed', message: 'Help Scout sent a token answer Kept could not read.' },
    });
  });

  it('trades the app id and secret for an access token, which is then the bearer', () => {
    expect(api.origin(token)).toBe('https://api.helpscout.net');
    expect(api.exchange?.request(token)).toEqual({
      path: '/v2/oauth2/token',
      form: { grant_type: 'client_credentials', client_id: token.user, client_secret: token.secret },
    });
    expect(api.exchange?.parse({ token_type: 'bearer', access_token: 'abc123', expires_in: 172800 })).toEqual({
      ok: true,
      value: { accessToken: 'abc123', expiresInSeconds: 172800 },
    });
    expect(api.headers(token, 'abc123')).toEqual({ authorization: 'Bearer abc123' });
  });

  it('says what is wrong with the fields an admin typed, by their labels', () => {
    expect(tokenFromInput(api, { account: '', user: 'my app', secret: '' }, 1)).toEqual({
      ok: false,
      error: {
        kind: 'malformed',
        message: 'App ID must be the App ID from My Apps (letters and digits only). App secret is required.',
      },
    });
    expect(tokenFromInput(api, { account: '', user: appId, secret: 'short' }, 1)).toMatchObject({
      ok: false,
      error: { message: 'App secret must be at least 8 characters: paste the whole token.' },
    });
    expect(tokenFromInput(api, { account: 'ignored', user: ` ${appId} `, secret: ` ${token.secret}` }, 5)).toEqual({
      ok: true,
      value: { user: token.user, secret: token.secret, savedAt: 5 },
    });
  });

  it('fetches all of Zoë’s conversations over HTTP, page after page, by her customer id or her email', async () => {
    const before = demo().requestLog.length;
    const byId = await readHistory(helpdesk, ref('4903'), zoe);
    expect(byId.map((c) => c.id)).toEqual(zoesIds);
    const pages = demo()
      .requestLog.slice(before)
      .filter((r) => r.path.startsWith('/v2/conversations'));
    expect(pages.map((r) => paramsOf(r.path).page)).toEqual(['1', '2']);
    const [open] = byId;
    expect(open).toMatchObject({
      source: 'helpscout:secure.helpscout.net',
      status: 'open',
      subject: "SSO users can't reach the billing page",
      channel: 'email',
      excerpt: 'Since we turned on SSO, our finance people get "access denied" on the billing page.',
      tags: ['sso', 'billing'],
    });
    expect(helpscoutPage.parseUrl(new URL(open?.url ?? ''))?.ticketId).toBe('2146893986');
    expect(byId.map((c) => c.status).slice(0, 3)).toEqual(['open', 'pending', 'closed']);
    const byEmail = await readHistory(helpdesk, ref('4903'), { email: zoe.email });
    expect(byEmail.map((c) => c.id)).toEqual(zoesIds);
  });

  it('keeps the conversation in view and its history row as one record', async () => {
    const url = 'https://secure.helpscout.net/conversation/2146893986/4903?folderId=7130521';
    const found = findTicket(url);
    if (!found) throw new Error('no conversation');
    expect(found.ref.ticketId).toBe('2146893986');
    await expectOneRecordEach(helpdesk, { ...found.ref, url, customer: zoe }, zoe.email, 30);
  });

  it('checks the credentials, and says when Help Scout refuses them', async () => {
    await expectTokenChecked(helpdesk, { ...token, secret: 'not-the-app-secret' });
    // The API itself takes only an access token the token endpoint gave.
    const reply = await fetcher()('https://api.helpscout.net/v2/users/me', {
      headers: { authorization: `Bearer ${token.secret}` },
    });
    expect(reply.status).toBe(401);
    expect(await reply.json()).toMatchObject({ message: 'Unauthorized', logRef: expect.any(String) });
  });

  it('exchanges the credentials once, and reuses the access token until a minute before it ends', async () => {
    // 2100: later than any access token the tests above were given, so this test starts with none.
    let clock = 4_102_444_800_000;
    const now = () => clock;
    const before = tokenRequests();
    const history = await readHistory(helpdesk, ref('4903'), zoe, { transport: transport(token, now) });
    expect(history).toHaveLength(30);
    expect(await checkToken(api, 'Help Scout', token, fetcher(), now)).toMatchObject({ ok: true });
    expect(tokenRequests() - before).toBe(1);
    // Help Scout's access tokens last two days.
    clock += 2 * DAY - 90_000;
    expect(await checkToken(api, 'Help Scout', token, fetcher(), now)).toMatchObject({ ok: true });
    expect(tokenRequests() - before).toBe(1);
    clock += 60_000;
    expect(await checkToken(api, 'Help Scout', token, fetcher(), now)).toMatchObject({ ok: true });
    expect(tokenRequests() - before).toBe(2);
  });
});

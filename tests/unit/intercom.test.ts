import { describe, expect, it } from 'vitest';
import { tokenFromInput } from '@/utils/connections/tokens';
import { db } from '@/utils/db';
import { conversationsOf } from '@/utils/db/queries';
import { adapterForUrl, findTicket } from '@/utils/helpdesks';
import { intercom } from '@/utils/helpdesks/intercom/api';
import { pathOf } from '@/utils/helpdesks/payload';
import type { ApiRequest } from '@/utils/helpdesks/types';
import { refreshHistory, resolveCase } from '@/utils/history/sync';
import type { PageCase, TicketRef } from '@/utils/schemas';
import { INTERCOM_APP_ID, INTERCOM_ZOE_CONTACT, intercomApi } from '../../scripts/demo-helpdesk/intercom-api';
import { loadFixture, prefixOf, reportsAcrossSwitch } from './fixtures';
import { expectTokenChecked, readHistory, useTokenDemo } from './token-demo';
import { expectRowLeftOut } from './vendor-fixtures';

const ref = (ticketId: string, host = 'app.intercom.com'): TicketRef => ({ helpdesk: 'intercom', host, ticketId });

describe('Intercom URLs', () => {
  it.each([
    ['https://app.intercom.com/a/inbox/k9x2m4qp/inbox/shared/all/conversation/215469872034551', 'app.intercom.com'],
    ['https://app.intercom.com/a/inbox/k9x2m4qp/inbox/conversation/215469872034551', 'app.intercom.com'],
    [
      'https://app.intercom.com/a/inbox/k9x2m4qp/inbox/admin/5512093/conversation/215469872034551?view=List',
      'app.intercom.com',
    ],
    ['https://app.intercom.com/a/inbox/k9x2m4qp/inbox/team/6120554/conversation/215469872034551/', 'app.intercom.com'],
    ['https://app.intercom.com/a/apps/k9x2m4qp/conversations/215469872034551', 'app.intercom.com'],
    [
      'https://app.eu.intercom.com/a/inbox/k9x2m4qp/inbox/shared/all/conversation/215469872034551',
      'app.eu.intercom.com',
    ],
    [
      'https://app.au.intercom.com/a/inbox/k9x2m4qp/inbox/shared/all/conversation/215469872034551',
      'app.au.intercom.com',
    ],
  ])('finds the conversation and its workspace in %s', (url, host) => {
    expect(intercom.parseUrl(new URL(url))).toEqual(ref('k9x2m4qp:215469872034551', host));
    expect(findTicket(url)?.adapter.id).toBe('intercom');
  });

  it.each([
    'https://app.intercom.com/a/inbox/k9x2m4qp/inbox/shared/all',
    'https://app.intercom.com/a/inbox/k9x2m4qp/inbox/admin/5512093',
    'https://app.intercom.com/a/apps/k9x2m4qp/users/64f1c2d3e4b5a6978812ab34/all-conversations',
    'https://app.intercom.com/a/apps/k9x2m4qp/reports/overview',
    'https://app.intercom.com/a/inbox/k9x2m4qp/inbox/shared/all/conversation/new',
    'http://app.intercom.com/a/inbox/k9x2m4qp/inbox/shared/all/conversation/215469872034551',
    'https://app.intercom.com.evil.example/a/inbox/k9x2m4qp/inbox/shared/all/conversation/215469872034551',
    'https://intercom.help/acme/en/articles/215469872034551',
    'https://www.intercom.com/a/inbox/k9x2m4qp/inbox/shared/all/conversation/215469872034551',
  ])('sees no conversation at %s', (url) => {
    expect(intercom.parseUrl(new URL(url))).toBeNull();
    expect(findTicket(url)).toBeNull();
  });

  it('runs on the inbox hosts only', () => {
    expect(adapterForUrl('https://app.eu.intercom.com/a/inbox/k9x2m4qp/inbox/shared/all')?.id).toBe('intercom');
    expect(adapterForUrl('https://widget.intercom.io/widget/k9x2m4qp')).toBeUndefined();
  });
});

describe('Intercom pages', () => {
  it.each(['intercom-conversation.html', 'intercom-conversation-switched.html'])(
    'reads the title of the conversation in view in %s, not of the others listed',
    (name) => {
      const fixture = loadFixture(name);
      const found = findTicket(fixture.url);
      expect(found?.ref.ticketId).toBe(String(fixture.expect.activeTicketId));
      expect(fixture.expect.openTicketIds.length).toBeGreaterThan(1);
      // The page has no stable hook for the customer: the API names them.
      expect(intercom.readPage(fixture.doc, ref(String(fixture.expect.activeTicketId)))).toEqual({
        subject: fixture.expect.subject,
        customer: {},
      });
    },
  );

  it('reads no title for an untitled conversation, and does not take one from the list', () => {
    const fixture = loadFixture('intercom-conversation-missing-fields.html');
    expect(findTicket(fixture.url)?.ref.ticketId).toBe('k9x2m4qp:215469873390012');
    expect(intercom.readPage(fixture.doc, ref('k9x2m4qp:215469873390012'))).toEqual({
      subject: undefined,
      customer: {},
    });
  });

  it('reads nothing of the previous conversation right after in-app navigation', () => {
    const before = loadFixture('intercom-conversation.html');
    expect(intercom.readPage(before.doc, ref('k9x2m4qp:215469870118233')).subject).toBeUndefined();
    const after = loadFixture('intercom-conversation-switched.html');
    expect(intercom.readPage(after.doc, ref('k9x2m4qp:215469870118233')).subject).toBe('Change delivery address');
  });

  it('finds no conversation on the inbox list, and reads nothing there without throwing', () => {
    const fixture = loadFixture('intercom-inbox.html');
    expect(findTicket(fixture.url)).toBeNull();
    expect(intercom.readPage(fixture.doc, ref('k9x2m4qp:215469872034551'))).toEqual({
      subject: undefined,
      customer: {},
    });
    expect(intercom.readPage(fixture.doc, ref('not a case id'))).toEqual({ subject: undefined, customer: {} });
  });
});

describe('Intercom /ember/ API (experimental)', () => {
  const api = intercom.session;
  const ticketApi = api?.ticket;
  if (!api || !ticketApi) throw new Error('the Intercom adapter has an API');
  const here = ref('k9x2m4qp:215469872034551');
  const conversation = {
    id: '215469872034551',
    title: 'Refund for the duplicate annual charge',
    state: 'open',
    priority: false,
    created_at: '2026-11-02T08:14:00.000Z',
    last_updated: '2026-11-02T09:02:00.000Z',
    user_summary: {
      id: '64f1c2d3e4b5a6978812ab34',
      user_id: 'cust_8812',
      name: 'Hannah Schmidt',
      email: 'hannah.schmidt@globex-logistics.de',
      role: 'user',
      first_company: { id: '6501', name: 'Globex Logistics GmbH' },
      geoip_data: { city_name: 'Hamburg' },
    },
    renderable_parts: [
      { renderable_type: 14, renderable_data: {} },
      {
        renderable_type: 12,
        created_at: '2026-11-02T08:14:00.000Z',
        renderable_data: {
          blocks: [
            {
              type: 'html',
              content: '<p>Hi team,</p><p>I was charged twice for the annual plan &amp; need one refunded.</p>',
            },
          ],
        },
      },
      { renderable_type: 2, renderable_data: { blocks: [{ type: 'paragraph', text: 'Looking into it now.' }] } },
    ],
  };

  it('asks for this conversation in its workspace, under the allowed prefix', () => {
    const path = String(ticketApi.request(here));
    expect(path).toBe('/ember/inbox/conversations/215469872034551?app_id=k9x2m4qp');
    expect(path.startsWith(prefixOf(intercom))).toBe(true);
    expect(prefixOf(intercom)).toBe('/ember/');
  });

  it('names the customer and this conversation from the payload', () => {
    const result = ticketApi.parse(conversation, here);
    expect(result).toEqual({
      ok: true,
      value: {
        customer: {
          name: 'Hannah Schmidt',
          email: 'hannah.schmidt@globex-logistics.de',
          organisation: 'Globex Logistics GmbH',
        },
        subject: 'Refund for the duplicate annual charge',
        status: 'open',
        tags: [],
        channel: 'email',
        channelName: 'Email',
        conversation: {
          source: 'intercom:app.intercom.com',
          id: 'k9x2m4qp:215469872034551',
          subject: 'Refund for the duplicate annual charge',
          status: 'open',
          channel: 'email',
          channelName: 'Email',
          createdAt: Date.parse('2026-11-02T08:14:00.000Z'),
          updatedAt: Date.parse('2026-11-02T09:02:00.000Z'),
          excerpt: 'I was charged twice for the annual plan & need one refunded.',
          url: 'https://app.intercom.com/a/inbox/k9x2m4qp/inbox/conversation/215469872034551',
          tags: [],
        },
      },
    });
  });

  it('sets no customer id, so Kept never asks for a history Intercom’s session API does not offer', () => {
    const result = ticketApi.parse(conversation, here);
    expect(result.ok && result.value.customer.externalId).toBeUndefined();
    expect(api.history).toBeUndefined();
  });

  it('reads an anonymous Messenger visitor, Unix-second dates and a snoozed state', () => {
    const result = ticketApi.parse(
      {
        id: 215469873390012,
        title: null,
        state: 'snoozed',
        created_at: 1793613600,
        user_summary: { id: 'lead-48213', name: null, email: '' },
        renderable_parts: [
          { renderable_type: 1, renderable_data: { blocks: [{ text: 'is there a student discount?' }] } },
        ],
      },
      ref('k9x2m4qp:215469873390012', 'app.eu.intercom.com'),
    );
    expect(result.ok && result.value).toMatchObject({
      customer: {},
      status: 'pending',
      channel: 'chat',
      conversation: {
        subject: 'is there a student discount?',
        createdAt: 1793613600_000,
        updatedAt: 1793613600_000,
        url: 'https://app.eu.intercom.com/a/inbox/k9x2m4qp/inbox/conversation/215469873390012',
      },
    });
    expect(result.ok && Object.keys(result.value.customer)).toEqual([]);
    // No title: the case keeps what the page shows; the saved conversation is named by its first message.
    expect(result.ok && result.value.subject).toBeUndefined();
  });

  it.each([
    ['no customer', { ...conversation, user_summary: undefined }],
    ['a customer without an id', { ...conversation, user_summary: { name: 'Hannah Schmidt' } }],
    ['a title of the wrong type', { ...conversation, title: 42 }],
    ['an error page', '<html>Sign in to Intercom</html>'],
    ['nothing', null],
  ])('refuses a payload with %s, with a clear message', (_, payload) => {
    expect(ticketApi.parse(payload, here)).toEqual({
      ok: false,
      error: { kind: 'malformed', message: 'Intercom sent a conversation Kept could not read.' },
    });
  });

  it('keeps markup in names as text and drops an email too long to be one', () => {
    const result = ticketApi.parse(
      {
        ...conversation,
        user_summary: { id: 1, name: '<img src=x onerror=alert(1)>Mallory', email: `${'a'.repeat(330)}@x.test` },
      },
      here,
    );
    expect(result.ok && result.value.customer).toEqual({ name: '<img src=x onerror=alert(1)>Mallory' });
  });
});

describe('Intercom in the content script', () => {
  it('follows the rep to another conversation without a reload, never pinning the old customer on the new one', () => {
    const { first, next, seen } = reportsAcrossSwitch(
      'intercom-conversation.html',
      'intercom-conversation-switched.html',
    );
    expect(seen.map((s) => s.ticketId)).toEqual([
      String(first.expect.activeTicketId),
      String(next.expect.activeTicketId),
      String(next.expect.activeTicketId),
    ]);
    expect(seen.map((s) => s.subject)).toEqual([
      'Refund for the duplicate annual charge',
      undefined,
      'Change delivery address',
    ]);
  });
});

describe('Intercom case, end to end through sync (experimental API)', () => {
  it('completes the case from /ember/ and saves this conversation, asking for no history', async () => {
    const asked: string[] = [];
    const transport = async (request: ApiRequest) => {
      asked.push(pathOf(request));
      return {
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          id: '215469870118233',
          title: null,
          state: 'open',
          created_at: '2026-11-02T07:40:00.000Z',
          user_summary: { id: '64f1c2', name: 'Amara Okafor', email: 'Amara.Okafor@gmail.com' },
          renderable_parts: [
            { renderable_type: 1, renderable_data: { blocks: [{ text: 'Can you change my address?' }] } },
          ],
        }),
      };
    };
    const deps = { transport, now: () => 1_793_600_000_000, cap: 500 };
    const fixture = loadFixture('intercom-conversation-switched.html');
    const found = findTicket(fixture.url);
    if (!found) throw new Error('the fixture is a conversation');
    const page: PageCase = { ...found.ref, url: fixture.url, ...intercom.readPage(fixture.doc, found.ref) };
    const tabCase = await resolveCase(page, deps);
    expect(tabCase.case).toMatchObject({
      from: 'api',
      subject: 'Change delivery address',
      customer: { name: 'Amara Okafor', email: 'Amara.Okafor@gmail.com' },
      channel: 'chat',
    });
    expect(tabCase.customerKey).toBe('amara.okafor@gmail.com');
    const saved = await db.conversations.get(['intercom:app.intercom.com', 'k9x2m4qp:215469870118233']);
    expect(saved).toMatchObject({ customerKey: 'amara.okafor@gmail.com', excerpt: 'Can you change my address?' });
    expect(await refreshHistory(tabCase, deps, 'now')).toEqual({ ok: true, value: 0 });
    expect(asked).toEqual(['/ember/inbox/conversations/215469870118233?app_id=k9x2m4qp']);
  });
});

describe('Intercom with an access token', () => {
  const helpdesk = useTokenDemo(intercom, intercomApi);
  const { api, token, demo, now, transport, syncDeps } = helpdesk;
  const ZOE = INTERCOM_ZOE_CONTACT;
  const ZOE_EMAIL = 'zoe.angstrom@fabrikam.com';
  const caseRef = ref(`${INTERCOM_APP_ID}:215469873400107`);
  const SEARCH = '/conversations/search';
  const searches = () => demo().requestLog.filter((r) => r.path === SEARCH).length;

  /** `GET /conversations/{id}` as the REST API (version 2.11) documents it. */
  const documented = {
    type: 'conversation',
    id: '215469873400107',
    title: null,
    created_at: 1741082400,
    updated_at: 1741168800,
    waiting_since: 1741168800,
    snoozed_until: null,
    open: true,
    state: 'open',
    read: true,
    priority: 'not_priority',
    admin_assignee_id: 5512093,
    team_assignee_id: null,
    tags: {
      type: 'tag.list',
      tags: [
        { type: 'tag', id: '7100', name: 'sso', applied_at: 1741168800, applied_by: { type: 'admin', id: '5512093' } },
      ],
    },
    conversation_rating: null,
    source: {
      type: 'conversation',
      id: '2154698734001070',
      delivered_as: 'customer_initiated',
      subject: '',
      body: '<p>Hi there,</p><p>Since we turned on SSO, our finance people get <b>access denied</b> &amp; more.</p>',
      author: { type: 'user', id: ZOE, name: 'Zoë Ångström', email: ZOE_EMAIL },
      attachments: [],
      url: null,
      redacted: false,
    },
    contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: ZOE, external_id: 'cust-881' }] },
    teammates: { type: 'admin.list', admins: [{ type: 'admin', id: '5512093' }] },
    custom_attributes: {},
    first_contact_reply: null,
    sla_applied: null,
    statistics: null,
    conversation_parts: { type: 'conversation_part.list', conversation_parts: [], total_count: 0 },
    linked_objects: { type: 'list', data: [], total_count: 0, has_more: false },
  };
  const excerpt = 'Since we turned on SSO, our finance people get access denied & more.';
  const historyOf = (...conversations: unknown[]) =>
    api.history.parsePage(
      { type: 'conversation.list', conversations, total_count: conversations.length },
      caseRef,
      SEARCH,
    );

  it('reads the documented conversation: the contact who wrote it, its state, channel, tags and first message', () => {
    expect(api.ticket?.parse(documented, caseRef)).toEqual({
      ok: true,
      value: {
        customer: { name: 'Zoë Ångström', email: ZOE_EMAIL, externalId: ZOE },
        status: 'open',
        tags: ['sso'],
        channel: 'chat',
        channelName: 'conversation',
        conversation: {
          source: 'intercom:app.intercom.com',
          id: `${INTERCOM_APP_ID}:215469873400107`,
          subject: excerpt,
          status: 'open',
          channel: 'chat',
          channelName: 'conversation',
          createdAt: 1741082400_000,
          updatedAt: 1741168800_000,
          excerpt,
          url: `https://app.intercom.com/a/inbox/${INTERCOM_APP_ID}/inbox/conversation/215469873400107`,
          tags: ['sso'],
          assigneeId: '5512093',
        },
      },
    });
  });

  it('takes a title or an email’s subject as the subject, and only the contact id when a teammate wrote first', () => {
    const email = {
      ...documented,
      source: {
        ...documented.source,
        type: 'email',
        subject: 'Invoice export is missing March',
        author: { type: 'admin', id: '5512093', name: 'Priya Raman', email: 'priya.raman@fabrikam-support.com' },
      },
    };
    expect(api.ticket?.parse(email, caseRef)).toMatchObject({
      ok: true,
      value: {
        customer: { externalId: ZOE },
        subject: 'Invoice export is missing March',
        channel: 'email',
      },
    });
    const parsed = api.ticket?.parse(email, caseRef);
    expect(parsed?.ok && parsed.value.customer).toEqual({ externalId: ZOE });
    const titled = api.ticket?.parse({ ...email, title: 'x'.repeat(700) }, caseRef);
    expect(titled?.ok && titled.value.subject).toHaveLength(500);
  });

  it.each([
    ['open', 'open'],
    ['snoozed', 'pending'],
    ['closed', 'closed'],
    ['archived', 'open'],
  ])('maps the state %s to %s', (state, status) => {
    const parsed = historyOf({ ...documented, state });
    expect(parsed.ok && parsed.value.conversations[0]?.status).toBe(status);
  });

  it.each([
    ['conversation', 'chat'],
    ['email', 'email'],
    ['phone_call', 'voice'],
    ['whatsapp', 'messaging'],
    ['push', 'other'],
  ])('maps a conversation started by %s to the channel %s, keeping Intercom’s word', (type, channel) => {
    const parsed = historyOf({ ...documented, source: { ...documented.source, type } });
    expect(parsed.ok && parsed.value.conversations[0]?.channel).toBe(channel);
    expect(parsed.ok && parsed.value.conversations[0]?.channelName).toBe(type);
  });

  it('keeps at most 50 tags of 100 characters', () => {
    const tags = Array.from({ length: 80 }, (_, i) => ({ type: 'tag', id: String(i), name: `${i}`.padEnd(150, 'x') }));
    const parsed = historyOf({ ...documented, tags: { type: 'tag.list', tags } });
    const kept = parsed.ok ? (parsed.value.conversations[0]?.tags ?? []) : [];
    expect(kept).toHaveLength(50);
    expect(Math.max(...kept.map((t) => t.length))).toBe(100);
  });

  it.each([
    ['a date as text', { ...documented, created_at: '2025-03-04T10:00:00Z' }],
    ['an id that is no id', { ...documented, id: '../admins' }],
    ['contacts that are not a list', { ...documented, contacts: { contacts: ZOE } }],
  ])('refuses a conversation with %s, and leaves it out of a search page', (_, conversation) => {
    expect(api.ticket?.parse(conversation, caseRef)).toEqual({
      ok: false,
      error: { kind: 'malformed', message: 'Intercom sent a conversation Kept could not read.' },
    });
    expectRowLeftOut(() => historyOf(conversation));
  });

  it('searches the contact’s conversations and asks the next page with the same query and the cursor', () => {
    expect(api.ticket?.request(caseRef)).toBe('/conversations/215469873400107');
    const request = api.history.request({ externalId: ZOE }, caseRef, 2);
    expect(request).toEqual({
      path: SEARCH,
      json: { query: { field: 'contact_ids', operator: '=', value: ZOE }, pagination: { per_page: 2 } },
    });
    if (!request) throw new Error('no search');
    const page = {
      type: 'conversation.list',
      conversations: [documented],
      total_count: 7,
      pages: { type: 'pages', page: 1, per_page: 2, total_pages: 4, next: { per_page: 2, starting_after: 'WzE3NDEx' } },
    };
    const first = api.history.parsePage(page, caseRef, request);
    expect(first.ok && first.value.next).toEqual({
      path: SEARCH,
      json: {
        query: { field: 'contact_ids', operator: '=', value: ZOE },
        pagination: { per_page: 2, starting_after: 'WzE3NDEx' },
      },
    });
    const last = api.history.parsePage({ ...page, pages: { type: 'pages', page: 4, per_page: 2 } }, caseRef, request);
    expect(last.ok && last.value.next).toBeNull();
    const wide = api.history.request({ externalId: ZOE }, caseRef, 500);
    expect(typeof wide !== 'string' && wide?.json).toMatchObject({ pagination: { per_page: 150 } });
    expect(api.history.request({ email: ZOE_EMAIL }, caseRef, 20)).toBeNull();
  });

  it('asks the region’s API host with the token and the API version', () => {
    expect(api.origin(token)).toBe('https://api.intercom.io');
    expect(api.origin({ ...token, account: 'EU' })).toBe('https://api.eu.intercom.io');
    expect(api.origin({ ...token, account: 'au' })).toBe('https://api.au.intercom.io');
    expect(api.headers(token)).toEqual({ authorization: `Bearer ${token.secret}`, 'intercom-version': '2.11' });
  });

  it('refuses a region or token that is missing or wrong, naming the field', () => {
    expect(tokenFromInput(api, { account: '', user: '', secret: '' }, 1)).toEqual({
      ok: false,
      error: { kind: 'malformed', message: 'Region is required. Access token is required.' },
    });
    expect(tokenFromInput(api, { account: 'eu-west-1', user: '', secret: token.secret }, 1)).toEqual({
      ok: false,
      error: { kind: 'malformed', message: 'Region must be us, eu or au.' },
    });
    expect(tokenFromInput(api, { account: 'eu', user: '', secret: token.secret }, 1)).toEqual({
      ok: true,
      value: { account: 'eu', secret: token.secret, savedAt: 1 },
    });
  });

  it('checks the token over HTTP, and says when Intercom refuses it', async () => {
    await expectTokenChecked(helpdesk, { ...token, secret: 'dG9rOm5vdC10aGUtdG9rZW4=' });
  });

  it('reads all of Zoë’s conversations over HTTP, page after page', async () => {
    const before = searches();
    const result = await readHistory(helpdesk, caseRef, { externalId: ZOE }, { cap: 100 });
    expect(result.map((c) => c.id)).toEqual(
      ['107', '106', '105', '104', '103', '102', '101'].map((n) => `${INTERCOM_APP_ID}:215469873400${n}`),
    );
    expect(searches() - before).toBe(3);
    expect(result.map((c) => c.status)).toEqual(['open', 'open', 'open', 'pending', 'closed', 'closed', 'closed']);
    expect(result.map((c) => c.channel)).toEqual(['chat', 'chat', 'messaging', 'chat', 'email', 'voice', 'email']);
    expect(result.find((c) => c.id.endsWith('104'))).toMatchObject({
      excerpt: 'We need two more seats for the auditors & their assistant.',
      tags: ['seats'],
      // Unix seconds: the demo's clock to the second.
      updatedAt: (Math.floor(now() / 1000) - 5 * 86_400) * 1000,
    });
  });

  it('completes the case from the conversation and keeps it and its history as one record each', async () => {
    const url = `https://app.intercom.com/a/inbox/${INTERCOM_APP_ID}/inbox/shared/all/conversation/215469873400107`;
    const found = findTicket(url);
    if (!found) throw new Error('no conversation');
    const page: PageCase = { ...found.ref, url, customer: {} };
    const deps = syncDeps();
    const tabCase = await resolveCase(page, deps);
    expect(tabCase.case).toMatchObject({
      from: 'api',
      status: 'open',
      channel: 'chat',
      tags: ['sso', 'billing'],
      customer: { name: 'Zoë Ångström', email: ZOE_EMAIL, externalId: ZOE },
    });
    expect(tabCase.customerKey).toBe(ZOE_EMAIL);
    expect(await refreshHistory(tabCase, deps, 'now')).toEqual({ ok: true, value: 7 });
    expect(await conversationsOf(ZOE_EMAIL)).toHaveLength(7);
  });

  it('gets Intercom’s 400 for a search it cannot read', async () => {
    const reply = await transport()({
      path: SEARCH,
      json: { query: { field: 'contact_ids' }, pagination: { per_page: 0 } },
    });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ type: 'error.list', errors: [{ code: 'parameter_invalid' }] });
  });

  it('keeps the session API beside the token', () => {
    expect(intercom.api?.pathPrefix).toBe('/ember/');
    expect(intercom.session?.auth).toBe('session');
    expect(intercom.session?.history).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { db } from '@/utils/db';
import { adapterForUrl, findTicket } from '@/utils/helpdesks';
import { intercom } from '@/utils/helpdesks/intercom';
import { refreshHistory, resolveCase } from '@/utils/history/sync';
import type { PageCase, TicketRef } from '@/utils/schemas';
import { loadFixture, reportsAcrossSwitch } from './fixtures';

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
  const api = intercom.api;
  if (!api) throw new Error('the Intercom adapter has an API');
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
    const path = api.ticketPath(here);
    expect(path).toBe('/ember/inbox/conversations/215469872034551?app_id=k9x2m4qp');
    expect(path.startsWith(api.pathPrefix)).toBe(true);
    expect(api.pathPrefix).toBe('/ember/');
  });

  it('names the customer and this conversation from the payload', () => {
    const result = api.parseTicket(conversation, here);
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
        conversation: {
          source: 'intercom:app.intercom.com',
          id: 'k9x2m4qp:215469872034551',
          subject: 'Refund for the duplicate annual charge',
          status: 'open',
          channel: 'email',
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
    const result = api.parseTicket(conversation, here);
    expect(result.ok && result.value.customer.externalId).toBeUndefined();
    expect(api.history).toBeUndefined();
  });

  it('reads an anonymous Messenger visitor, Unix-second dates and a snoozed state', () => {
    const result = api.parseTicket(
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
    expect(api.parseTicket(payload, here)).toEqual({
      ok: false,
      error: { kind: 'malformed', message: 'Intercom sent a conversation Kept could not read.' },
    });
  });

  it('keeps markup in names as text and drops an email too long to be one', () => {
    const result = api.parseTicket(
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
    const transport = async (path: string) => {
      asked.push(path);
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
    expect(await refreshHistory(tabCase, deps, true)).toEqual({ ok: true, value: 0 });
    expect(asked).toEqual(['/ember/inbox/conversations/215469870118233?app_id=k9x2m4qp']);
  });
});

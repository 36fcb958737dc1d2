import { describe, expect, it, vi } from 'vitest';
import { adapterById } from '@/utils/helpdesks';
import type { HelpdeskApi, SeenTicket } from '@/utils/helpdesks/types';
import type { HelpdeskId } from '@/utils/schemas';
import { comparable, seenOn, vendorFixture } from './vendor-fixtures';

// Kept's parsers over answers shaped as each vendor publishes them (tests/fixtures/vendors/, sources in each file):
// the fields that come out, and the paging through first, middle, last and empty pages, where the first page holds
// one row Kept cannot read.

const at = (iso: string) => Date.parse(iso);

/** The API Kept reads a helpdesk through: the token API where there is one, else the session API. */
function apiOf(helpdesk: HelpdeskId): HelpdeskApi {
  const adapter = adapterById(helpdesk);
  const api = adapter?.token ?? adapter?.session;
  if (!api) throw new Error(`${helpdesk} has no API`);
  return api;
}

function ticketOf(helpdesk: HelpdeskId, file: string, ref: SeenTicket) {
  const parsed = apiOf(helpdesk).ticket?.parse(vendorFixture(helpdesk, file).body, ref);
  if (!parsed?.ok) throw new Error(`${helpdesk}/${file}: ${parsed?.error.message ?? 'no ticket API'}`);
  return parsed.value;
}

function pageOf(helpdesk: HelpdeskId, file: string, ref: SeenTicket) {
  const history = apiOf(helpdesk).history;
  const fixture = vendorFixture(helpdesk, file);
  const parsed = history?.parsePage(fixture.body, ref, fixture.request);
  if (!parsed?.ok) throw new Error(`${helpdesk}/${file}: ${parsed?.error.message ?? 'no history API'}`);
  return parsed.value;
}

/**
 * The history pages in order: the first keeps its good rows and counts the bad one, each page asks for the next as
 * the vendor's recorded request does, the last asks for none, and an empty page is empty.
 */
function readsThePages(helpdesk: HelpdeskId, prefix: string, ref: SeenTicket, rows = { middle: 3, last: 1 }) {
  it('reads every history page, one unreadable row left out and counted, and follows the vendor’s paging', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const first = pageOf(helpdesk, `${prefix}-first`, ref);
    expect(first.conversations).toHaveLength(2);
    expect(first.unreadable).toBe(1);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/history row 3 could not be read/));
    warn.mockRestore();
    expect(comparable(first.next)).toEqual(comparable(vendorFixture(helpdesk, `${prefix}-middle`).request));
    const middle = pageOf(helpdesk, `${prefix}-middle`, ref);
    expect(middle).toMatchObject({ unreadable: 0 });
    expect(middle.conversations).toHaveLength(rows.middle);
    expect(comparable(middle.next)).toEqual(comparable(vendorFixture(helpdesk, `${prefix}-last`).request));
    const last = pageOf(helpdesk, `${prefix}-last`, ref);
    expect(last.conversations).toHaveLength(rows.last);
    expect(last).toMatchObject({ unreadable: 0, next: null });
  });
}

function readsTheEmptyPage(helpdesk: HelpdeskId, file: string, ref: SeenTicket) {
  it('reads an empty page as the end', () => {
    expect(pageOf(helpdesk, file, ref)).toEqual({ conversations: [], unreadable: 0, next: null });
  });
}

describe('Zendesk', () => {
  const ref = seenOn('zendesk', 'lumenbikes.zendesk.com', '48213');

  it('reads the ticket: the requester, the handler and the dates', () => {
    const details = ticketOf('zendesk', 'ticket', ref);
    expect(details.customer).toMatchObject({
      name: 'Maria Okafor',
      email: 'maria.okafor@example.net',
      externalId: '1510239847561',
      organisation: 'Okafor Cycling Club e.V.',
    });
    expect(details.conversation).toMatchObject({
      id: '48213',
      subject: 'Rear hub clicks after the warranty repair',
      status: 'open',
      channel: 'email',
      createdAt: at('2026-12-03T08:41:17Z'),
      updatedAt: at('2026-12-05T10:12:44Z'),
      assigneeId: '1510230011223',
      assignee: { name: 'Jonas Lindqvist', email: 'jonas@lumenbikes.com' },
    });
  });

  it('reads the rating and its comment', () => {
    const details = ticketOf('zendesk', 'ticket-rated', { ...ref, ticketId: '47655' });
    expect(details.satisfaction).toBe('good');
    expect(details.conversation.satisfactionComment).toBe('Jonas was brilliant, fixed in one reply');
  });

  readsThePages('zendesk', 'history', ref);
  readsTheEmptyPage('zendesk', 'history-empty', ref);

  it('leaves out a sideloaded user it cannot read, and only that user', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const details = ticketOf('zendesk', 'ticket', ref);
    const page = pageOf('zendesk', 'history-middle', ref);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/sideloaded user 3 could not be read and was left out/));
    warn.mockRestore();
    expect(details.conversation.assignee).toEqual({ name: 'Jonas Lindqvist', email: 'jonas@lumenbikes.com' });
    expect(page).toMatchObject({ unreadable: 0 });
    expect(page.conversations.map((c) => c.assignee?.name)).toEqual(['Jonas Lindqvist', undefined, 'Priya Raman']);
  });

  it('keeps a status outside Zendesk’s list as the helpdesk says it', () => {
    const deleted = pageOf('zendesk', 'history-middle', ref).conversations.find((c) => c.id === '45540');
    expect(deleted).toMatchObject({ status: 'other', statusName: 'deleted', subject: 'Ticket #45540' });
  });
});

describe('Freshdesk', () => {
  const ref = seenOn('freshdesk', 'lumenbikes.freshdesk.com', '9912');

  it('reads the ticket with its requester and company', () => {
    const details = ticketOf('freshdesk', 'ticket', ref);
    expect(details.customer).toEqual({
      name: 'Maria Okafor',
      email: 'maria.okafor@example.net',
      externalId: '43026449322',
      organisation: 'Okafor Cycling Club e.V.',
    });
    expect(details.conversation).toMatchObject({
      id: '9912',
      status: 'open',
      channel: 'email',
      createdAt: at('2026-12-03T08:41:17Z'),
      updatedAt: at('2026-12-05T10:12:44Z'),
      assigneeId: '43011220001',
    });
  });

  readsThePages('freshdesk', 'history', ref);
  readsTheEmptyPage('freshdesk', 'history-empty', ref);

  it('reads the good rows of the page with the bad one', () => {
    const rows = pageOf('freshdesk', 'history-first', ref).conversations;
    expect(rows.map((c) => [c.id, c.status, c.channel])).toEqual([
      ['9912', 'open', 'email'],
      ['9740', 'closed', 'web'],
    ]);
  });
});

describe('Freshdesk custom statuses', () => {
  const ref = seenOn('freshdesk', 'lumenbikes.freshdesk.com', '9912');

  it('asks for the status field’s choices and reads each custom status by its word, keeping the word', () => {
    const { statuses } = apiOf('freshdesk').history ?? {};
    const fixture = vendorFixture('freshdesk', 'ticket-fields');
    expect(comparable(statuses?.request ?? null)).toEqual(comparable(fixture.request));
    const words = statuses?.parse(fixture.body);
    if (!words?.ok) throw new Error('the status field was not read');
    const middle = vendorFixture('freshdesk', 'history-middle');
    const page = apiOf('freshdesk').history?.parsePage(middle.body, ref, middle.request, words.value);
    expect(page?.ok && page.value.conversations.map((c) => [c.id, c.status, c.statusName])).toEqual([
      ['9655', 'closed', undefined],
      ['9600', 'pending', 'Waiting on Customer'],
      ['9588', 'other', 'Parts ordered'],
    ]);
  });

  it('without the words, a custom status is one Kept cannot place', () => {
    const rows = pageOf('freshdesk', 'history-middle', ref).conversations;
    expect(rows.map((c) => c.status)).toEqual(['closed', 'other', 'other']);
  });
});

describe('satisfaction kept apart from the ticket', () => {
  const cases: Array<[HelpdeskId, string, string, SeenTicket]> = [
    ['freshdesk', 'satisfaction-ratings', '9740', seenOn('freshdesk', 'lumenbikes.freshdesk.com', '9912')],
    ['jsm', 'feedback', 'SUP-433', seenOn('jsm', 'lumenbikes.atlassian.net', 'SUP-482')],
  ];

  it.each(cases)('%s: asks for one conversation’s rating and reads the score and the words', (id, file, row, ref) => {
    const rating = apiOf(id).history?.rating;
    const fixture = vendorFixture(id, file);
    expect(comparable(rating?.request({ id: row }, ref) ?? null)).toEqual(comparable(fixture.request));
    expect(rating?.parse(fixture.body)).toEqual({
      ok: true,
      value: { satisfaction: 'good', satisfactionComment: 'Jonas was brilliant, fixed in one reply' },
    });
  });

  it('Freshdesk: a ticket nobody rated has an empty list, read as no rating', () => {
    const fixture = vendorFixture('freshdesk', 'satisfaction-ratings-none');
    expect(apiOf('freshdesk').history?.rating?.parse(fixture.body)).toEqual({ ok: true, value: {} });
  });

  it('Freshdesk: reads the newest rating on Freshdesk’s scale, -103 unhappy', () => {
    const [rated] = vendorFixture('freshdesk', 'satisfaction-ratings').body as Array<Record<string, unknown>>;
    const older = { ...rated, created_at: '2026-11-01T09:00:00Z', ratings: { default_question: 103 } };
    const newer = { ...rated, feedback: null, ratings: { default_question: -103 } };
    expect(apiOf('freshdesk').history?.rating?.parse([older, newer])).toEqual({
      ok: true,
      value: { satisfaction: 'bad' },
    });
  });

  it('JSM: a request nobody rated answers 404, which Kept reads as no rating', () => {
    const fixture = vendorFixture('jsm', 'feedback-none');
    expect(fixture.status).toBe(404);
    const ref = seenOn('jsm', 'lumenbikes.atlassian.net', 'SUP-482');
    const asked = apiOf('jsm').history?.rating?.request({ id: 'SUP-482' }, ref);
    expect(comparable(asked ?? null)).toEqual(comparable(fixture.request));
    expect(adapterById('jsm')?.api?.pathPrefix).toBe('/rest/');
  });
});

describe('Jira Service Management', () => {
  const ref = seenOn('jsm', 'lumenbikes.atlassian.net', 'SUP-482');
  const PORTAL_CUSTOMER = 'qm:ab54c0f9-3d1e-4b7a-9c2d-64c4f1fdd3b7:3fbe8163-963f-41da-89fb-cb731f2f6ff0';

  it('reads a portal customer (a 76-character qm: id, email hidden) as the reporter', () => {
    const details = ticketOf('jsm', 'issue-portal-customer', ref);
    expect(details.customer).toEqual({ name: 'maria.okafor@example.net', externalId: PORTAL_CUSTOMER });
    expect(PORTAL_CUSTOMER).toHaveLength(76);
    expect(details.conversation).toMatchObject({
      id: 'SUP-482',
      status: 'open',
      createdAt: at('2026-12-03T08:41:17.094Z'),
      updatedAt: at('2026-12-05T10:12:44.520Z'),
      assignee: { name: 'Jonas Lindqvist', email: 'jonas@lumenbikes.com' },
    });
  });

  it('reads a licensed reporter, with no assignee', () => {
    const details = ticketOf('jsm', 'issue-licensed-reporter', { ...ref, ticketId: 'SUP-401' });
    expect(details.customer).toEqual({
      name: 'Tomasz Wójcik',
      email: 'tomasz.wojcik@example.org',
      externalId: '712020:9a0c3e55-0f4e-4f3b-a7a2-2a5b1c9f0e11',
    });
    expect(details.conversation).toMatchObject({ status: 'solved', updatedAt: at('2026-11-03T08:15:44.871Z') });
    expect(details.conversation.assignee).toBeUndefined();
  });

  it('asks for a portal customer’s requests by their qm: id', () => {
    const request = apiOf('jsm').history?.request({ externalId: PORTAL_CUSTOMER }, ref, 3);
    expect(decodeURIComponent(String(request))).toContain(`reporter = "${PORTAL_CUSTOMER}"`);
  });

  readsThePages('jsm', 'search', ref);
  readsTheEmptyPage('jsm', 'search-empty', ref);
});

describe('Zoho Desk', () => {
  const url = 'https://desk.zoho.eu/agent/lumenbikes/service/tickets/details/52731000001310077';
  const ref = seenOn('zohodesk', 'desk.zoho.eu', '52731000001310077', url);

  it('reads the ticket: contact, account, number, handler', () => {
    const details = ticketOf('zohodesk', 'ticket', ref);
    expect(details.customer).toEqual({
      name: 'Maria Okafor',
      email: 'maria.okafor@example.net',
      externalId: '52731000001204009',
      organisation: 'Okafor Cycling Club e.V.',
    });
    expect(details.number).toBe('1482');
    expect(details.conversation).toMatchObject({
      status: 'open',
      updatedAt: at('2026-12-05T10:12:44Z'),
      assignee: { name: 'Jonas Lindqvist', email: 'jonas@lumenbikes.com' },
    });
  });

  it('reads a ticket of the China data centre, its link on that data centre', () => {
    const cn = 'https://desk.zoho.com.cn/agent/lumenbikescn/service/tickets/details/10504000000172041';
    const china = seenOn('zohodesk', 'desk.zoho.com.cn', '10504000000172041', cn);
    expect(adapterById('zohodesk')?.parseUrl(new URL(cn))).toEqual({
      helpdesk: 'zohodesk',
      host: 'desk.zoho.com.cn',
      ticketId: '10504000000172041',
    });
    const details = ticketOf('zohodesk', 'ticket-china-dc', china);
    expect(details.conversation.source).toBe('zohodesk:desk.zoho.com.cn');
    expect(new URL(details.conversation.url).hostname).toBe('desk.zoho.com.cn');
    expect(details.conversation.updatedAt).toBe(at('2026-12-01T08:59:08Z'));
  });

  it('dates a list row (no modifiedTime) by the newest of its times', () => {
    const rows = pageOf('zohodesk', 'history-first', ref).conversations;
    // Closed on the 14th, created on the 10th: updated when it was closed.
    expect(rows[1]).toMatchObject({
      status: 'closed',
      createdAt: at('2026-11-10T17:03:09Z'),
      updatedAt: at('2026-11-14T08:00:12Z'),
    });
  });

  readsThePages('zohodesk', 'history', ref);

  it('never asks for the empty page, which Zoho answers with no content', () => {
    const last = pageOf('zohodesk', 'history-last', ref);
    expect(last.next).toBeNull();
    expect(vendorFixture('zohodesk', 'history-empty')).toMatchObject({ status: 204, body: null });
  });
});

describe('Help Scout', () => {
  const ref = seenOn('helpscout', 'secure.helpscout.net', '2391938111');

  it('reads conversations keyed by their id, the number only in the subject fallback and the link', () => {
    const [first, second] = pageOf('helpscout', 'conversations-first', ref).conversations;
    expect(first).toMatchObject({
      id: '2391938111',
      subject: 'Rear hub clicks after the warranty repair',
      status: 'open',
      channel: 'email',
      createdAt: at('2026-12-03T08:41:17Z'),
      updatedAt: at('2026-12-05T10:12:44Z'),
      url: 'https://secure.helpscout.net/conversation/2391938111/15473',
      assignee: { name: 'Jonas Lindqvist', email: 'jonas@lumenbikes.com' },
    });
    expect(second).toMatchObject({ id: '2360012458', status: 'closed' });
  });

  readsThePages('helpscout', 'conversations', ref);
  readsTheEmptyPage('helpscout', 'conversations-empty', ref);
});

describe('Intercom', () => {
  const ref = seenOn('intercom', 'app.intercom.com', 'abc123:214880');

  it('reads a rated conversation: the contact, the rating and its remark', () => {
    const details = ticketOf('intercom', 'conversation-rated', ref);
    expect(details.customer).toEqual({
      name: 'Maria Okafor',
      email: 'maria.okafor@example.net',
      externalId: '6751a0e38a68186f43bb21c4',
    });
    expect(details.satisfaction).toBe('good');
    expect(details.conversation).toMatchObject({
      id: 'abc123:214880',
      status: 'closed',
      createdAt: at('2025-11-10T17:03:09Z'),
      updatedAt: at('2025-11-14T08:00:12Z'),
      assigneeId: '7204530',
      satisfactionComment: 'Jonas was brilliant, fixed in one reply',
    });
  });

  it('reads an unrated conversation without a rating', () => {
    const details = ticketOf('intercom', 'conversation', { ...ref, ticketId: 'abc123:215467' });
    expect(details.satisfaction).toBeUndefined();
    expect(details.conversation).toMatchObject({
      status: 'open',
      subject: 'Rear hub clicks after the warranty repair',
    });
  });

  readsThePages('intercom', 'search', ref);
  readsTheEmptyPage('intercom', 'search-empty', ref);
});

describe('Front', () => {
  const ref = seenOn('front', 'app.frontapp.com', 'cnv_yo1kg5q');

  it('reads conversations: status categories, epoch seconds with a fraction, the assignee', () => {
    const [first, second] = pageOf('front', 'conversations-first', ref).conversations;
    expect(first).toMatchObject({
      id: 'cnv_yo1kg5q',
      status: 'open',
      createdAt: at('2025-12-03T08:41:17.094Z'),
      updatedAt: at('2025-12-05T10:12:44.520Z'),
      assigneeId: 'tea_6r55a',
      assignee: { name: 'Jonas Lindqvist', email: 'jonas@lumenbikes.com' },
    });
    expect(second).toMatchObject({ id: 'cnv_yn8d7p2', status: 'solved' });
  });

  readsThePages('front', 'conversations', ref);
  readsTheEmptyPage('front', 'conversations-empty', ref);
});

describe('HubSpot', () => {
  const url = 'https://app.hubspot.com/help-desk/20014567/view/1/ticket/1937021184';
  const ref = seenOn('hubspot', 'app.hubspot.com', '1937021184', url);

  it('reads tickets: stages, string properties, the owner', () => {
    const [first] = pageOf('hubspot', 'tickets-search-first', ref).conversations;
    expect(first).toMatchObject({
      id: '1937021184',
      subject: 'Rear hub clicks after the warranty repair',
      status: 'pending',
      channel: 'email',
      createdAt: at('2026-12-03T08:41:17.094Z'),
      updatedAt: at('2026-12-05T10:12:44.520Z'),
      assigneeId: '81234567',
      url: 'https://app.hubspot.com/contacts/20014567/record/0-5/1937021184',
    });
  });

  readsThePages('hubspot', 'tickets-search', ref);
  readsTheEmptyPage('hubspot', 'tickets-search-empty', ref);
});

describe('HubSpot pipeline stages', () => {
  const url = 'https://app.hubspot.com/help-desk/20014567/view/1/ticket/1937021184';
  const ref = seenOn('hubspot', 'app.hubspot.com', '1937021184', url);

  it('reads the portal’s pipelines: each stage by its label, closed where HubSpot says so', () => {
    const { statuses } = apiOf('hubspot').history ?? {};
    const fixture = vendorFixture('hubspot', 'pipelines');
    expect(comparable(statuses?.request ?? null)).toEqual(comparable(fixture.request));
    const words = statuses?.parse(fixture.body);
    expect(words).toEqual({
      ok: true,
      value: {
        '1': { status: 'new' },
        '2': { status: 'pending', statusName: 'Waiting on contact' },
        '3': { status: 'open', statusName: 'Waiting on us' },
        '4': { status: 'closed' },
        '98234560': { status: 'other', statusName: 'Bike received' },
        '98234561': { status: 'hold', statusName: 'Waiting on supplier' },
        '98234562': { status: 'closed', statusName: 'Returned to rider' },
      },
    });
    const middle = vendorFixture('hubspot', 'tickets-search-middle');
    const page = apiOf('hubspot').history?.parsePage(middle.body, ref, middle.request, words?.ok ? words.value : {});
    expect(page?.ok && page.value.conversations.map((c) => [c.status, c.statusName])).toEqual([
      ['closed', undefined],
      ['hold', 'Waiting on supplier'],
      ['new', undefined],
    ]);
  });

  it('without the pipelines, reads the default pipeline’s stages and cannot place a portal’s own', () => {
    const rows = pageOf('hubspot', 'tickets-search-middle', ref).conversations;
    expect(rows.map((c) => [c.status, c.statusName])).toEqual([
      ['closed', undefined],
      ['other', undefined],
      ['new', undefined],
    ]);
  });
});

describe('Salesforce status words', () => {
  const ref = seenOn('salesforce', 'lumenbikes.lightning.force.com', '500Hs00001nQ2xAIAS');

  it('places an org’s own status by its word and keeps the word', () => {
    const rows = pageOf('salesforce', 'cases-middle', ref).conversations;
    expect(rows.map((c) => [c.status, c.statusName])).toEqual([
      ['closed', undefined],
      ['hold', 'Waiting on Courier'],
      ['open', 'Escalated'],
    ]);
  });
});

describe('Gorgias', () => {
  const ref = seenOn('gorgias', 'lumenbikes.gorgias.com', '72988101');

  it('reads the ticket: the customer, the survey’s score and words, zone-less times as UTC', () => {
    const details = ticketOf('gorgias', 'ticket', ref);
    expect(details.customer).toEqual({
      name: 'Maria Okafor',
      email: 'maria.okafor@example.net',
      externalId: '48211903',
    });
    expect(details.satisfaction).toBe('good');
    expect(details.conversation).toMatchObject({
      status: 'closed',
      channel: 'chat',
      createdAt: at('2026-11-10T17:03:09.441Z'),
      updatedAt: at('2026-11-14T08:00:12.003Z'),
      assigneeId: '330188',
      satisfactionComment: 'Jonas was brilliant, fixed in one reply',
    });
  });

  readsThePages('gorgias', 'tickets', ref);
  readsTheEmptyPage('gorgias', 'tickets-empty', ref);
});

describe('Salesforce', () => {
  const ref = seenOn('salesforce', 'lumenbikes.lightning.force.com', '500Hs00001nQ2xAIAS');

  it('reads the case: contact, account, case number, +0000 times', () => {
    const details = ticketOf('salesforce', 'case', ref);
    expect(details.customer).toEqual({
      name: 'Maria Okafor',
      email: 'maria.okafor@example.net',
      externalId: '003Hs00004QxRtbIAF',
      organisation: 'Okafor Cycling Club e.V.',
    });
    expect(details.number).toBe('00001482');
    expect(details.conversation).toMatchObject({
      status: 'open',
      channel: 'email',
      createdAt: at('2026-12-03T08:41:17Z'),
      updatedAt: at('2026-12-05T10:12:44Z'),
    });
  });

  readsThePages('salesforce', 'cases', ref);
  readsTheEmptyPage('salesforce', 'cases-empty', ref);
});

describe('Kustomer', () => {
  const ref = seenOn('kustomer', 'lumenbikes.kustomerapp.com', '5f3a9c1e2b7d4e0012ab34cd/6751a0e38a68186f43bb21c4');

  it('reads JSON:API conversations: the customer from the relationship, the assigned user', () => {
    const [first, second] = pageOf('kustomer', 'conversations-first', ref).conversations;
    expect(first).toMatchObject({
      id: '5f3a9c1e2b7d4e0012ab34cd/6751a0e38a68186f43bb21c4',
      subject: 'Rear hub clicks after the warranty repair',
      status: 'open',
      createdAt: at('2026-12-03T08:41:17.094Z'),
      updatedAt: at('2026-12-05T10:12:44.520Z'),
      assigneeId: '5e1b22aa90c4f10019d0e771',
    });
    expect(second).toMatchObject({ status: 'solved', channel: 'chat' });
  });

  readsThePages('kustomer', 'conversations', ref);
  readsTheEmptyPage('kustomer', 'conversations-empty', ref);
});

describe('conversation threads', () => {
  const threads: Array<[HelpdeskId, string, SeenTicket, Array<[string, boolean]>, string]> = [
    [
      'helpscout',
      'threads',
      seenOn('helpscout', 'secure.helpscout.net', '2391938111'),
      [
        ['customer', false],
        ['agent', true],
        ['agent', false],
        ['customer', false],
      ],
      'Maria Okafor',
    ],
    [
      'front',
      'messages',
      seenOn('front', 'app.frontapp.com', 'cnv_yo1kg5q'),
      [
        ['customer', false],
        ['agent', false],
        ['customer', false],
      ],
      'Maria Okafor',
    ],
    [
      'gorgias',
      'messages',
      seenOn('gorgias', 'lumenbikes.gorgias.com', '72988101'),
      [
        ['customer', false],
        ['agent', true],
        ['agent', false],
      ],
      'Maria Okafor',
    ],
    [
      'kustomer',
      'messages',
      seenOn('kustomer', 'lumenbikes.kustomerapp.com', '5f3a9c1e2b7d4e0012ab34cd/6751a0e38a68186f43bb21c4'),
      [
        ['customer', false],
        ['agent', false],
      ],
      '',
    ],
    [
      'intercom',
      'conversation',
      seenOn('intercom', 'app.intercom.com', 'abc123:215467'),
      [
        ['customer', false],
        ['agent', true],
        ['agent', false],
        ['customer', false],
      ],
      'Maria Okafor',
    ],
    [
      'jsm',
      'comments',
      seenOn('jsm', 'lumenbikes.atlassian.net', 'SUP-482'),
      [
        ['agent', true],
        ['agent', false],
        ['customer', false],
      ],
      'Jonas Lindqvist',
    ],
    [
      'salesforce',
      'email-messages',
      seenOn('salesforce', 'lumenbikes.lightning.force.com', '500Hs00001nQ2xAIAS'),
      [
        ['customer', false],
        ['agent', false],
      ],
      'Maria Okafor',
    ],
    [
      'freshdesk',
      'conversations',
      seenOn('freshdesk', 'lumenbikes.freshdesk.com', '9912'),
      [
        ['agent', true],
        ['agent', false],
        ['customer', false],
      ],
      '',
    ],
    [
      'zohodesk',
      'threads',
      seenOn(
        'zohodesk',
        'desk.zoho.eu',
        '52731000001310077',
        'https://desk.zoho.eu/agent/lumenbikes/service/tickets/details/52731000001310077',
      ),
      [
        ['customer', false],
        ['agent', false],
        ['customer', false],
      ],
      'Maria Okafor',
    ],
  ];

  it.each(threads)(
    '%s: asks the documented endpoint and reads each message, oldest first',
    (id, file, ref, who, first) => {
      const thread = apiOf(id).thread;
      if (!thread) throw new Error(`${id} reads no thread`);
      const fixture = vendorFixture(id, file);
      const asked = thread.request({ source: `${id}:${ref.host}`, id: ref.ticketId, url: `https://${ref.host}/` }, ref);
      expect(comparable(asked)).toMatchObject({ path: (comparable(fixture.request) as { path: string }).path });
      const page = thread.parsePage(fixture.body, ref, fixture.request);
      if (!page.ok) throw new Error(page.error.message);
      const { messages, next } = page.value;
      expect(messages.map((m) => [m.author, m.internal])).toEqual(who);
      const times = messages.map((m) => m.createdAt);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(messages.every((m) => m.body.length > 0 && !/<[a-z]/i.test(m.body))).toBe(true);
      expect(messages.at(-1)?.body).toMatch(/^Thanks Jonas|^Hi Maria|^5 Nm/);
      if (first) expect(messages.find((m) => m.authorName)?.authorName).toBe(first);
      expect(next).toBeNull();
    },
  );

  it('Help Scout: leaves out events (lineitems), which have no text', () => {
    const ref = seenOn('helpscout', 'secure.helpscout.net', '2391938111');
    const fixture = vendorFixture('helpscout', 'threads');
    const page = apiOf('helpscout').thread?.parsePage(fixture.body, ref, fixture.request);
    expect(page?.ok && page.value.messages.map((m) => m.id)).not.toContain('7090009001');
    expect(page?.ok && page.value.messages[2]?.body).toBe(
      'Hi Maria,\nsorry about that. Please bring the bike to the Kreuzberg shop this week; we will replace the hub again free of charge if needed.\nJonas',
    );
  });

  it('Zoho Desk: pages threads one more than it keeps, as it does tickets', () => {
    const url = 'https://desk.zoho.eu/agent/lumenbikes/service/tickets/details/52731000001310077';
    const ref = seenOn('zohodesk', 'desk.zoho.eu', '52731000001310077', url);
    const request = '/supportapi/zd/lumenbikes/api/v1/tickets/52731000001310077/threads?from=0&limit=3';
    const page = apiOf('zohodesk').thread?.parsePage(vendorFixture('zohodesk', 'threads').body, ref, request);
    expect(page?.ok && page.value.messages).toHaveLength(2);
    expect(page?.ok && page.value.next).toBe(
      '/supportapi/zd/lumenbikes/api/v1/tickets/52731000001310077/threads?from=2&limit=3',
    );
  });
});

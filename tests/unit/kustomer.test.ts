import { beforeEach, describe, expect, it } from 'vitest';
import { tokenFromInput } from '@/utils/connections/tokens';
import { db } from '@/utils/db';
import { conversationsOf } from '@/utils/db/queries';
import { adapterById, findTicket, isHelpdeskUrl } from '@/utils/helpdesks';
import { kustomer } from '@/utils/helpdesks/kustomer/api';
import { kustomerPage } from '@/utils/helpdesks/kustomer/page';
import { resolveCase } from '@/utils/history/sync';
import type { TicketRef } from '@/utils/schemas';
import { kustomerApi } from '../../scripts/demo-helpdesk/kustomer-api';
import { loadFixture } from './fixtures';
import { expectOneRecordEach, expectTokenChecked, readHistoryInSmallPages, useTokenDemo } from './token-demo';
import { expectRowLeftOut } from './vendor-fixtures';

const HOST = 'acme.kustomerapp.com';
const HANA = '64b7e2a91c0f4d0012ab34cd';
const HANA_CONVERSATION = '64c1f0e25a7d3b0019fe8812';
const SEUN = '64b7e2a91c0f4d0012ab35de';
const SEUN_CONVERSATION = '64c1f3aa5a7d3b0019fe8977';
const ref = (ticketId: string): TicketRef => ({ helpdesk: 'kustomer', host: HOST, ticketId });

describe('Kustomer URLs', () => {
  it.each([
    [`https://${HOST}/app/customers/${HANA}/event/${HANA_CONVERSATION}`, `${HANA}/${HANA_CONVERSATION}`],
    [`https://${HOST}/app/customers/${HANA}/event/${HANA_CONVERSATION}/`, `${HANA}/${HANA_CONVERSATION}`],
    [`https://${HOST}/app/customers/${SEUN}/event/${SEUN_CONVERSATION}?q=refund#reply`, `${SEUN}/${SEUN_CONVERSATION}`],
  ])('finds the customer and conversation in %s', (url, id) => {
    expect(kustomer.parseUrl(new URL(url))).toEqual(ref(id));
    expect(findTicket(url)?.adapter).toBe(kustomerPage);
  });

  it.each([
    // A customer's timeline with no conversation open is not a ticket (see kustomer.ts).
    `https://${HOST}/app/customers/${HANA}`,
    // Seen in public links; it names no customer, and whether the app redirects it is unknown.
    `https://${HOST}/app/conversations/${HANA_CONVERSATION}`,
    `https://${HOST}/app/customers/${HANA}/event/${HANA_CONVERSATION}/edit`,
    `https://${HOST}/app/customers/${HANA.toUpperCase()}/event/${HANA_CONVERSATION}`,
    `https://${HOST}/app/customers/${HANA.slice(1)}/event/${HANA_CONVERSATION}`,
    `https://${HOST}/app/queues`,
    `https://${HOST}/app/search/all`,
    `http://${HOST}/app/customers/${HANA}/event/${HANA_CONVERSATION}`,
    `https://api.kustomerapp.com/app/customers/${HANA}/event/${HANA_CONVERSATION}`,
    `https://acme.api.kustomerapp.com/v1/customers/${HANA}/conversations`,
    `https://kustomerapp.com/app/customers/${HANA}/event/${HANA_CONVERSATION}`,
    `https://acme.kustomerapp.com.evil.example/app/customers/${HANA}/event/${HANA_CONVERSATION}`,
    `https://evilkustomerapp.com/app/customers/${HANA}/event/${HANA_CONVERSATION}`,
  ])('sees no conversation at %s', (url) => {
    expect(kustomer.parseUrl(new URL(url))).toBeNull();
    expect(findTicket(url)).toBeNull();
  });

  it('is registered and runs on the organisation subdomains', () => {
    expect(adapterById('kustomer')).toBe(kustomer);
    expect(isHelpdeskUrl(`https://${HOST}/app/queues`)).toBe(true);
    expect(isHelpdeskUrl('https://acme.kustomerapp.com.evil.example/app/queues')).toBe(false);
  });
});

describe('Kustomer pages', () => {
  it.each([
    'kustomer-conversation.html',
    'kustomer-conversation-switched.html',
    'kustomer-conversation-missing-fields.html',
  ])('takes the customer on %s from the URL', (name) => {
    const fixture = loadFixture(name);
    const id = String(fixture.expect.activeTicketId);
    const found = findTicket(fixture.url);
    expect(found?.ref).toEqual(ref(id));
    const customerId = (fixture.expect.requester as unknown as { externalId: string }).externalId;
    expect(kustomer.readPage(fixture.doc, ref(id))).toEqual({ customer: { externalId: customerId } });
  });

  it('names the customer of the active tab, not the other customers open beside it', () => {
    const fixture = loadFixture('kustomer-conversation.html');
    expect(fixture.expect.openTicketIds.length).toBeGreaterThan(1);
    // Oluwaseun's hidden view comes first in the page; the URL says Hana.
    expect(fixture.doc.querySelector('.Insight h2')?.textContent).toBe('Oluwaseun Adeyemi');
    expect(kustomer.readPage(fixture.doc, ref(`${HANA}/${HANA_CONVERSATION}`)).customer).toEqual({ externalId: HANA });
  });

  it('right after in-app navigation names the new customer, although the page still shows the previous one', () => {
    const fixture = loadFixture('kustomer-conversation-switched.html');
    expect(fixture.doc.querySelector('.Insight h2')?.textContent).toBe('Hana Kobayashi');
    expect(kustomer.readPage(fixture.doc, ref(`${SEUN}/${SEUN_CONVERSATION}`)).customer).toEqual({ externalId: SEUN });
  });

  it('finds no ticket on a customer timeline without a conversation', () => {
    expect(findTicket(loadFixture('kustomer-customer.html').url)).toBeNull();
  });

  it('names no customer for a ticket id it did not make', () => {
    const doc = new DOMParser().parseFromString('', 'text/html');
    expect(kustomer.readPage(doc, ref('12345'))).toEqual({ customer: {} });
  });

  it('has no session API: Kustomer’s wants an API key, which an admin saves', () => {
    expect(kustomer.api).toBeUndefined();
    expect(kustomer.token).toBeDefined();
  });
});

describe('Kustomer local capture', () => {
  beforeEach(() => Promise.all(db.tables.map((t) => t.clear())));

  it('keeps each conversation under the Kustomer customer id', async () => {
    const refused = () => Promise.reject(new Error('no request expected'));
    const deps = { transport: refused, now: () => 1_800_000_000_000, cap: 500 };
    for (const name of ['kustomer-conversation.html', 'kustomer-conversation-switched.html']) {
      const fixture = loadFixture(name);
      const found = findTicket(fixture.url);
      if (!found) throw new Error('no conversation');
      await resolveCase({ ...found.ref, url: fixture.url, ...found.adapter.readPage(fixture.doc, found.ref) }, deps);
    }
    expect(await conversationsOf(`kustomer:${HOST}#${HANA}`)).toMatchObject([
      { id: `${HANA}/${HANA_CONVERSATION}`, url: `https://${HOST}/app/customers/${HANA}/event/${HANA_CONVERSATION}` },
    ]);
    expect(await conversationsOf(`kustomer:${HOST}#${SEUN}`)).toHaveLength(1);
  });
});

describe('Kustomer with an API key', () => {
  const helpdesk = useTokenDemo(kustomer, kustomerApi);
  const { api, token, fetcher } = helpdesk;
  const ZOE = '65a1f3c27d4e2b0019c0ffee';
  /** Zoë's conversations in the demo, newest first. */
  const ZOES = [0, 1, 2, 3, 4, 5, 6].map(
    (i) => `${ZOE}/66b0c1d2e3f40a0012${(0x100 + i).toString(16).padStart(6, '0')}`,
  );
  const OPEN = ZOES[0] ?? '';
  const zoe = { externalId: ZOE };
  const conversation = (id: string, attributes: Record<string, unknown>) => ({
    type: 'conversation',
    id,
    attributes: { channels: ['email'], status: 'done', createdAt: '2024-05-01T10:00:00.000Z', ...attributes },
    relationships: { customer: { data: { type: 'customer', id: HANA }, links: { self: `/v1/customers/${HANA}` } } },
    links: { self: `/v1/conversations/${id}` },
  });
  /** A page of `GET /v1/customers/{id}/conversations` in Kustomer's JSON:API form. */
  const documented = {
    meta: { pageSize: 2, page: 1 },
    links: {
      self: `/v1/customers/${HANA}/conversations?page=1&pageSize=2`,
      first: `/v1/customers/${HANA}/conversations?page=1&pageSize=2`,
      prev: null,
      next: `/v1/customers/${HANA}/conversations?page=2&pageSize=2`,
    },
    data: [
      conversation(HANA_CONVERSATION, {
        name: 'Damaged parcel on arrival',
        preview: 'Hi there,\nThe box was crushed and the lamp is broken.',
        status: 'open',
        channels: ['email', 'chat'],
        messageCount: 2,
        createdAt: '2024-05-01T10:00:00.000Z',
        updatedAt: '2024-05-02T09:00:00.000Z',
        lastActivityAt: '2024-05-02T08:30:00.000Z',
        tags: ['5e8f7a6b5c4d3e2f1a0b9c8d'],
        assignedUsers: ['5f1e2d3c4b5a69788796a5b4'],
        assignedTeams: [],
        priority: 3,
        direction: 'in',
      }),
      conversation('64c1f0e25a7d3b0019fe8813', {
        name: '',
        preview: 'Can I return the lamp?',
        status: 'snoozed',
        channels: ['form'],
      }),
      conversation('64c1f0e25a7d3b0019fe8814', {
        name: 'x'.repeat(600),
        channels: ['facebook'],
        updatedAt: '2024-05-03T00:00:00Z',
      }),
      conversation('64c1f0e25a7d3b0019fe8815', { status: 'done', channels: [] }),
    ],
  };

  it('reads a documented page: the customer and conversation ids name the record, statuses in Kept’s words', () => {
    const page = api.history.parsePage(
      documented,
      ref(`${HANA}/${HANA_CONVERSATION}`),
      `/v1/customers/${HANA}/conversations`,
    );
    if (!page.ok) throw new Error(page.error.message);
    const [first, second, third, fourth] = page.value.conversations;
    expect(first).toEqual({
      source: `kustomer:${HOST}`,
      id: `${HANA}/${HANA_CONVERSATION}`,
      subject: 'Damaged parcel on arrival',
      status: 'open',
      channel: 'email',
      channelName: 'email',
      createdAt: Date.parse('2024-05-01T10:00:00.000Z'),
      updatedAt: Date.parse('2024-05-02T08:30:00.000Z'),
      excerpt: 'The box was crushed and the lamp is broken.',
      url: `https://${HOST}/app/customers/${HANA}/event/${HANA_CONVERSATION}`,
      tags: [],
      assigneeId: '5f1e2d3c4b5a69788796a5b4',
    });
    // The conversation in view is the same record.
    expect(kustomerPage.parseUrl(new URL(first?.url ?? ''))?.ticketId).toBe(first?.id);
    expect(second).toMatchObject({ subject: 'Can I return the lamp?', status: 'pending', channel: 'web' });
    expect(third).toMatchObject({
      status: 'solved',
      channel: 'social',
      channelName: 'facebook',
      updatedAt: Date.parse('2024-05-03T00:00:00Z'),
    });
    expect(third?.subject).toHaveLength(500);
    expect(fourth).toMatchObject({
      subject: 'Conversation 64c1f0e25a7d3b0019fe8815',
      updatedAt: Date.parse('2024-05-01T10:00:00.000Z'),
    });
    expect(fourth).not.toHaveProperty('channel');
    expect(fourth).not.toHaveProperty('excerpt');
  });

  it('asks for the customer the URL names, and follows `links.next` to the last page', () => {
    expect(api.origin(token)).toBe('https://acme.api.kustomerapp.com');
    expect(api.origin({ ...token, account: 'Acme' })).toBe('https://acme.api.kustomerapp.com');
    expect(api.headers(token)).toEqual({ authorization: `Bearer ${token.secret}` });
    expect(api.history.request({ externalId: HANA }, ref(`${HANA}/${HANA_CONVERSATION}`), 500)).toBe(
      `/v1/customers/${HANA}/conversations?pageSize=100&page=1`,
    );
    expect(api.history.request({ externalId: '12345', email: 'hana@example.jp' }, ref('x'), 100)).toBeNull();
    expect(api.history.request({ email: 'hana@example.jp' }, ref('x'), 100)).toBeNull();
    const request = `/v1/customers/${HANA}/conversations?pageSize=2&page=1`;
    expect(api.history.parsePage(documented, ref('x'), request)).toMatchObject({
      ok: true,
      value: { next: `/v1/customers/${HANA}/conversations?page=2&pageSize=2` },
    });
    const last = { ...documented, links: { ...documented.links, next: null } };
    expect(api.history.parsePage(last, ref('x'), request)).toMatchObject({ ok: true, value: { next: null } });
    expect(api.history.parsePage({ ...documented, data: [] }, ref('x'), request)).toEqual({
      ok: true,
      value: { conversations: [], unreadable: 0, next: null },
    });
  });

  it('takes the customer from the request when a conversation does not name one', () => {
    const bare = { data: [{ ...conversation(HANA_CONVERSATION, { status: 'open' }), relationships: undefined }] };
    const page = api.history.parsePage(bare, ref('x'), `/v1/customers/${SEUN}/conversations?page=1`);
    expect(page.ok && page.value.conversations.map((c) => c.id)).toEqual([`${SEUN}/${HANA_CONVERSATION}`]);
  });

  it('refuses a page of the wrong shape, and leaves out a row of the wrong shape', () => {
    const malformed = {
      ok: false,
      error: { kind: 'malformed', message: 'Kustomer sent a conversation history page Kept could not read.' },
    };
    expectRowLeftOut(() => api.history.parsePage({ data: [conversation('12345', {})] }, ref('x'), '/x'));
    expectRowLeftOut(() =>
      api.history.parsePage({ data: [conversation(HANA_CONVERSATION, { createdAt: 1714557600 })] }, ref('x'), '/x'),
    );
    expect(api.history.parsePage({ conversations: [] }, ref('x'), '/x')).toEqual(malformed);
  });

  it('says what is wrong with the fields an admin typed, by their labels', () => {
    expect(tokenFromInput(api, { account: 'acme.kustomerapp.com', user: '', secret: '' }, 1)).toEqual({
      ok: false,
      error: {
        kind: 'malformed',
        message:
          'Kustomer organisation must be a name such as acme (letters, digits and hyphens). API key is required.',
      },
    });
    expect(tokenFromInput(api, { account: '', user: '', secret: token.secret }, 1)).toEqual({
      ok: false,
      error: { kind: 'malformed', message: 'Kustomer organisation is required.' },
    });
    expect(tokenFromInput(api, { account: ' acme ', user: 'ignored', secret: token.secret }, 5)).toEqual({
      ok: true,
      value: { account: 'acme', secret: token.secret, savedAt: 5 },
    });
  });

  it('fetches all of Zoë’s conversations over HTTP, in one page or in several', async () => {
    const { paged, asked } = await readHistoryInSmallPages(helpdesk, ref(OPEN), zoe, 3);
    expect(paged.map((c) => c.id)).toEqual(ZOES);
    expect(asked).toEqual([
      `/v1/customers/${ZOE}/conversations?pageSize=3&page=1`,
      `/v1/customers/${ZOE}/conversations?page=2&pageSize=3`,
      `/v1/customers/${ZOE}/conversations?page=3&pageSize=3`,
    ]);
    expect(paged.map((c) => [c.status, c.channel])).toEqual([
      ['open', 'email'],
      ['pending', 'chat'],
      ['solved', 'email'],
      ['solved', 'web'],
      ['solved', 'voice'],
      ['solved', 'messaging'],
      ['solved', 'social'],
    ]);
    // A conversation without a name is called by its preview.
    expect(paged[1]?.subject).toBe('Hi! Can we add two seats mid-term?');
  });

  it('keeps the conversation in view and its history row as one record', async () => {
    const [customerId, conversationId] = OPEN.split('/');
    const url = `https://${HOST}/app/customers/${customerId}/event/${conversationId}`;
    const found = findTicket(url);
    if (!found) throw new Error('no conversation');
    expect(found.ref.ticketId).toBe(OPEN);
    const page = { ...found.ref, url, ...found.adapter.readPage(document, found.ref) };
    await expectOneRecordEach(helpdesk, page, `kustomer:${HOST}#${ZOE}`, ZOES.length);
  });

  it('checks the key, and says when Kustomer refuses it or it belongs to another organisation', async () => {
    const wrongKey = { ...token, secret: 'eyJhbGciOiJIUzI1NiJ9.e30.bm90LWEtcmVhbC1rZXk' };
    await expectTokenChecked(helpdesk, wrongKey, { ...token, account: 'globex' });
    const reply = await fetcher()('https://acme.api.kustomerapp.com/v1/users/current', {});
    expect(reply.status).toBe(401);
    expect(await reply.json()).toMatchObject({ errors: [{ status: 401, title: 'Unauthorized' }] });
  });
});

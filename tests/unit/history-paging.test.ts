// @vitest-environment node
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adapterById } from '@/utils/helpdesks';
import { pathOf } from '@/utils/helpdesks/payload';
import { fetchHistory } from '@/utils/history/fetch-history';
import { MAX_RETRY_AFTER_MS, retryAtFrom, type Transport } from '@/utils/history/http';

// A helpdesk whose paging never says it is done: what `answer` returns for the n-th request. The server stops any
// run after 50 requests with a 500, so a paging loop that would never end fails instead of hanging the suite.
let answer: (n: number) => unknown;
let requests: string[] = [];
let server: http.Server;
let origin: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const status = requests.length > 50 ? 500 : 200;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(status === 200 ? answer(requests.length) : { error: 'too many requests' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  requests = [];
});

const transport: Transport = async (request) => {
  const response = await fetch(`${origin}${pathOf(request)}`);
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
};

const HOST = 'acme.zendesk.com';
const ticket = (id: number) => ({
  id,
  subject: `Ticket ${id}`,
  description: 'Where is my refund?',
  status: 'solved',
  requester_id: 3712,
  assignee_id: null,
  tags: [],
  created_at: '2025-03-01T09:00:00Z',
  updated_at: '2025-03-02T09:00:00Z',
});
const nextLink = (cursor: string) =>
  `https://${HOST}/api/v2/users/3712/tickets/requested.json?page[size]=100&page[after]=${cursor}`;

async function history() {
  const zendesk = adapterById('zendesk');
  if (!zendesk?.session) throw new Error('Zendesk reads history with the session');
  return fetchHistory(
    zendesk.session,
    'Zendesk',
    transport,
    { helpdesk: 'zendesk', host: HOST, ticketId: '5120' },
    { externalId: '3712' },
    500,
  );
}

describe('paging through a customer’s history', () => {
  it('stops at an empty page that still links a next one', async () => {
    answer = (n) => ({
      tickets: n === 1 ? [ticket(1), ticket(2)] : [],
      meta: { has_more: true },
      links: { next: nextLink(`c${n}`) },
    });
    const result = await history();
    expect(result.ok && result.value.conversations.map((c) => c.id)).toEqual(['1', '2']);
    expect(requests).toHaveLength(2);
  });

  it('stops when the next page is one already read', async () => {
    answer = () => ({ tickets: [ticket(7)], meta: { has_more: true }, links: { next: nextLink('same') } });
    const result = await history();
    expect(result.ok && result.value.conversations.map((c) => c.id)).toEqual(['7', '7']);
    expect(requests).toHaveLength(2);
  });
});

describe('a helpdesk’s Retry-After', () => {
  const now = Date.UTC(2026, 10, 3, 9, 0);
  it.each([
    ['31536000', now + MAX_RETRY_AFTER_MS],
    [new Date(now + 365 * 24 * 3_600_000).toUTCString(), now + MAX_RETRY_AFTER_MS],
    ['120', now + 120_000],
    [undefined, now + 30_000],
  ])('holds history back at most an hour: %j', (header, retryAt) => {
    expect(retryAtFrom(header, now)).toBe(retryAt);
  });
});

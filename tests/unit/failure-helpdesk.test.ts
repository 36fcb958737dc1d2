// @vitest-environment node
// A helpdesk answering with a sign-in page, nothing, far too much or a different shape, and a disk too full to cache
// its history: each a clear Problem, nothing thrown, nothing cached before lost.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DBCore, Middleware } from 'dexie';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/utils/db';
import { STORAGE_MESSAGES } from '@/utils/db/errors';
import { conversationsOf } from '@/utils/db/queries';
import { zendesk } from '@/utils/helpdesks/zendesk/api';
import { fetchHistory } from '@/utils/history/fetch-history';
import { getJson, MAX_BODY, type Transport } from '@/utils/history/http';
import { refreshHistory, resolveCase, type SyncDeps } from '@/utils/history/sync';
import type { PageCase, TicketRef } from '@/utils/schemas';
import { type DemoHelpdesk, sessionCookieFor, startDemoHelpdesk } from '../../scripts/demo-helpdesk/server';
import { apiOf } from './fixtures';
import { fullDisk, setDisk } from './full-disk';

// The demo helpdesk answers on 127.0.0.1, so that is the host its next-page links name.
const HOST = '127.0.0.1';
type Mode = 'as-is' | 'empty' | 'huge' | 'login-as-json' | 'extra-fields' | 'missing-fields' | 'wrong-types';
let helpdesk: DemoHelpdesk;
let proxy: http.Server;
let proxyUrl: string;
let cookie: string;
let mode: Mode = 'as-is';

/** Adds fields a newer helpdesk might send at every level of the JSON. */
function withExtraFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withExtraFields);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).map(([k, v]) => [k, withExtraFields(v)]);
  return { ...Object.fromEntries(entries), x_new_field: { nested: [1, 'two', null] }, __proto__x: 'ignored' };
}

function brokenBody(body: string): { type: string; body: string } {
  const json = 'application/json; charset=utf-8';
  switch (mode) {
    case 'as-is':
      return { type: json, body };
    case 'empty':
      return { type: json, body: '' };
    case 'huge':
      // 25 MB of valid JSON: the size alone must stop it.
      return { type: json, body: `{"tickets":[],"padding":"${'x'.repeat(25_000_000)}"}` };
    case 'login-as-json':
      return { type: json, body: '<!DOCTYPE html><html><head><title>Sign in to Acme</title></head><body></body>' };
    case 'extra-fields':
      return { type: json, body: JSON.stringify(withExtraFields(JSON.parse(body))) };
    case 'missing-fields': {
      const parsed = JSON.parse(body) as Record<string, unknown>;
      return { type: json, body: JSON.stringify({ meta: parsed.meta, count: 3 }) };
    }
    case 'wrong-types':
      return { type: json, body: JSON.stringify({ ticket: 'yes', requests: { id: [] }, users: 42 }) };
  }
}

const transport: Transport = async (path) => {
  const response = await fetch(`${proxyUrl}${path}`, { headers: { cookie, accept: 'application/json' } });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    retryAfter: response.headers.get('retry-after') ?? undefined,
    body: await response.text(),
  };
};

beforeAll(async () => {
  helpdesk = await startDemoHelpdesk({ tls: false });
  cookie = await sessionCookieFor(helpdesk);
  proxy = http.createServer((req, res) => {
    void fetch(`${helpdesk.localUrl}${req.url ?? '/'}`, { headers: { cookie: req.headers.cookie ?? '' } })
      .then(async (upstream) => {
        const { type, body } = brokenBody(await upstream.text());
        res.writeHead(upstream.status, { 'content-type': type }).end(body);
      })
      .catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => proxy.close(resolve));
  await helpdesk.close();
});

const ticketOf = (id: number) => {
  const ticket = helpdesk.seed.tickets.find((t) => t.id === id);
  if (!ticket) throw new Error(`no ticket ${id}`);
  return ticket;
};
const refFor = (id: number): TicketRef => ({ helpdesk: 'zendesk', host: HOST, ticketId: String(id) });
const pageFor = (id: number): PageCase => ({
  ...refFor(id),
  url: `https://${HOST}/agent/tickets/${id}`,
  subject: 'As the page shows it',
  customer: { name: 'From the page' },
});
const deps = (): SyncDeps => ({ transport, now: Date.now, cap: 500 });

describe('history caching with a full disk', () => {
  let disk: Middleware<DBCore> | undefined;
  beforeEach(async () => {
    mode = 'as-is';
    await Promise.all(db.tables.map((t) => t.clear()));
  });
  afterEach(async () => {
    if (disk) await setDisk(db, null, disk);
    disk = undefined;
  });

  it('keeps the rows cached before and records a problem the panel shows', async () => {
    const tabCase = await resolveCase(pageFor(helpdesk.seed.demo.repeatContactTicketId), deps());
    expect((await refreshHistory(tabCase, deps())).ok).toBe(true);
    const key = tabCase.customerKey ?? '';
    const cached = await conversationsOf(key);
    expect(cached.length).toBeGreaterThan(1);

    // The history page does not fit; the small "why" row still does.
    disk = fullDisk((table, stores) => table === 'syncState' && stores.includes('conversations'));
    await setDisk(db, disk);
    await db.conversations.delete([cached[0]?.source ?? '', cached[0]?.id ?? '']);
    const result = await refreshHistory(tabCase, deps(), 'now');

    expect(result).toEqual({ ok: false, error: { kind: 'storage', message: STORAGE_MESSAGES.full } });
    expect(await conversationsOf(key)).toEqual(cached.slice(1));
    const [state] = await db.syncState.where('customerKey').equals(key).toArray();
    expect(state?.problem).toEqual({ kind: 'storage', message: STORAGE_MESSAGES.full });
    expect(state?.fetchedAt).toBeDefined();
  });

  it('still shows the case when even the ticket cannot be saved, and says why', async () => {
    disk = fullDisk(() => true);
    await setDisk(db, disk);
    const tabCase = await resolveCase(pageFor(helpdesk.seed.demo.zoeTicketId), deps());
    expect(tabCase.case).toMatchObject({ from: 'api', customer: { name: 'Zoë Ångström' } });
    expect(tabCase.lookup?.problem).toBe(STORAGE_MESSAGES.full);
    expect(await db.customers.count()).toBe(0);
  });
});

describe('a helpdesk answering what Kept did not expect', () => {
  beforeEach(async () => {
    mode = 'as-is';
    helpdesk.setApiFailure('none');
    await Promise.all(db.tables.map((t) => t.clear()));
  });
  afterEach(() => helpdesk.setApiFailure('none'));

  const history = () => {
    const ticket = ticketOf(helpdesk.seed.demo.zoeTicketId);
    return fetchHistory(
      apiOf(zendesk),
      zendesk.name,
      transport,
      refFor(ticket.id),
      { externalId: String(ticket.requester_id) },
      500,
    );
  };

  it.each([
    ['empty', 'malformed', 'Zendesk sent an empty answer (HTTP 200).'],
    ['huge', 'malformed', 'Zendesk sent an answer of 25 MB, more than Kept reads (20 MB).'],
    ['login-as-json', 'signed-out', 'Signed out of Zendesk. Sign in again in this tab, then press Refresh.'],
    ['missing-fields', 'malformed', 'Zendesk sent a ticket history page Kept could not read.'],
    ['wrong-types', 'malformed', 'Zendesk sent a ticket history page Kept could not read.'],
  ] as const)('an answer that is %s becomes a "%s" problem', async (broken, kind, message) => {
    mode = broken;
    const result = await history();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe(kind);
    expect(result.error.message).toContain(message);
  });

  it('a sign-in page in place of the API is "signed out"', async () => {
    helpdesk.setApiFailure('html-login');
    const result = await history();
    expect(result.ok ? null : result.error.kind).toBe('signed-out');
  });

  it('fields it does not know are ignored, and the history reads as before', async () => {
    const plain = await history();
    mode = 'extra-fields';
    const extra = await history();
    expect(plain.ok && plain.value.conversations.length).toBeGreaterThan(0);
    expect(extra).toEqual(plain);
  });

  it('refuses a body over the cap without parsing it', async () => {
    const big = `"${'x'.repeat(MAX_BODY)}"`;
    const result = await getJson(
      async () => ({ status: 200, contentType: 'application/json', body: big }),
      '/api/v2/x.json',
      'Zendesk',
      Date.now,
    );
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ kind: 'malformed' }) });
  });

  it('keeps the cached history and shows the case from the page when every answer is broken', async () => {
    const tabCase = await resolveCase(pageFor(helpdesk.seed.demo.repeatContactTicketId), deps());
    await refreshHistory(tabCase, deps());
    const key = tabCase.customerKey ?? '';
    const cached = await conversationsOf(key);
    for (const broken of ['empty', 'huge', 'login-as-json', 'missing-fields', 'wrong-types'] as const) {
      mode = broken;
      const again = await resolveCase(pageFor(helpdesk.seed.demo.repeatContactTicketId), deps());
      expect(again.case?.from, broken).toBe('page');
      expect(again.lookup?.problem, broken).toMatch(/^(Zendesk sent|Signed out of Zendesk)/);
      const result = await refreshHistory(tabCase, deps(), 'now');
      expect(result.ok, broken).toBe(false);
      expect(await conversationsOf(key), broken).toEqual(cached);
    }
  });
});

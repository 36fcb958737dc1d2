import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { db } from '@/utils/db';
import { conversationsOf } from '@/utils/db/queries';
import type { HelpdeskAdapter, HistoryPage, TokenApi } from '@/utils/helpdesks/types';
import { fetchHistory } from '@/utils/history/fetch-history';
import type { Transport } from '@/utils/history/http';
import { refreshHistory, resolveCase, type SyncDeps } from '@/utils/history/sync';
import { checkToken, tokenTransport } from '@/utils/history/token';
import type { CustomerIdentity, HelpdeskToken, PageCase, TicketRef } from '@/utils/schemas';
import type { TokenApiVendor } from '../../scripts/demo-helpdesk/api-call';
import { type DemoHelpdesk, startDemoHelpdesk } from '../../scripts/demo-helpdesk/server';
import { hostFetch } from './host-fetch';

/** A helpdesk's token API, answered over real HTTP by the demo helpdesk, as an admin connected it in Options. */
export interface TokenDemo {
  api: TokenApi;
  /** The helpdesk's name as Kept's messages say it. */
  name: string;
  /** The credentials the demo accepts. */
  token: HelpdeskToken;
  /** The running demo: inside tests and hooks only, it starts in `beforeAll`. */
  demo(): DemoHelpdesk;
  /** The demo's clock: its seed's dates count back from it. */
  now(): number;
  /** `fetch` to the demo with the host each URL names. */
  fetcher(): typeof fetch;
  /** Requests to the token API with these credentials (the demo's by default), as the background sends them. */
  transport(credentials?: HelpdeskToken, now?: () => number): Transport;
  /** What syncing needs to complete a case and fetch its history through the token API. */
  syncDeps(): SyncDeps;
}

/**
 * The demo helpdesk for the tests of one `describe` about `adapter`'s token API: started once, with no failure
 * switched on and an empty database before each test, so that no test sees another's saved history.
 */
export function useTokenDemo(adapter: HelpdeskAdapter, vendor: TokenApiVendor): TokenDemo {
  const api =
    adapter.token ??
    (() => {
      throw new Error(`${adapter.name} has a token API`);
    })();
  let running: DemoHelpdesk | undefined;
  const demo = () => {
    if (!running) throw new Error('the demo helpdesk starts in beforeAll');
    return running;
  };
  beforeAll(async () => {
    running = await startDemoHelpdesk({ tls: false });
  });
  afterAll(() => running?.close());
  beforeEach(async () => {
    demo().setApiFailure('none');
    await Promise.all(db.tables.map((t) => t.clear()));
  });

  const token = { ...vendor.credentials, savedAt: 1 };
  const now = () => demo().seed.now;
  const fetcher = () => hostFetch(demo().localUrl);
  const transport = (credentials = token, clock = now) =>
    tokenTransport(api, adapter.name, credentials, fetcher(), clock);
  const syncDeps = () => ({ transport: transport(), api, now, cap: 500 });
  return { api, name: adapter.name, token, demo, now, fetcher, transport, syncDeps };
}

/**
 * All of a customer's history over HTTP, page after page, as syncing fetches it. `pageSize` asks smaller pages than
 * the API's own, so that a few conversations take several.
 */
export async function readHistory(
  helpdesk: TokenDemo,
  ticket: TicketRef,
  customer: CustomerIdentity,
  {
    cap = 500,
    pageSize,
    transport = helpdesk.transport(),
  }: { cap?: number; pageSize?: number; transport?: Transport } = {},
): Promise<HistoryPage['conversations']> {
  const { api, name, now } = helpdesk;
  const history = pageSize
    ? { ...api.history, request: (c: CustomerIdentity, t: TicketRef) => api.history.request(c, t, pageSize) }
    : api.history;
  const result = await fetchHistory({ ...api, history }, name, transport, ticket, customer, cap, now);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.conversations;
}

/**
 * A customer's history read in the API's own pages, then again in pages of `pageSize`: the same conversations both
 * ways. The small pages' conversations, and the paths they asked, for the test to check how it paged.
 */
export async function readHistoryInSmallPages(
  helpdesk: TokenDemo,
  ticket: TicketRef,
  customer: CustomerIdentity,
  pageSize: number,
) {
  const all = await readHistory(helpdesk, ticket, customer);
  const before = helpdesk.demo().requestLog.length;
  const paged = await readHistory(helpdesk, ticket, customer, { pageSize });
  expect(paged).toEqual(all);
  const asked = helpdesk.demo().requestLog.slice(before);
  return { paged, asked: asked.map((r) => r.path) };
}

/**
 * Options' "Check connection": the demo's credentials are accepted, and each wrong set is refused with the message
 * Options shows.
 */
export async function expectTokenChecked(helpdesk: TokenDemo, ...wrong: HelpdeskToken[]): Promise<void> {
  const { api, name, token, fetcher, now } = helpdesk;
  expect(await checkToken(api, name, token, fetcher(), now)).toEqual({
    ok: true,
    at: now(),
    message: `${name} accepted the token.`,
  });
  for (const credentials of wrong) {
    expect(await checkToken(api, name, credentials, fetcher(), now)).toEqual({
      ok: false,
      at: now(),
      message: `${name} refused the API token (HTTP 401). Check the connection in Kept's Options → Helpdesks.`,
    });
  }
}

/**
 * Opens the ticket of `page` and refreshes its customer's history: the ticket is saved at once from the page, then
 * the API's row for it takes its place rather than standing beside it, among `count` conversations under `key`.
 */
export async function expectOneRecordEach(helpdesk: TokenDemo, page: PageCase, key: string, count: number) {
  const deps = helpdesk.syncDeps();
  const tabCase = await resolveCase(page, deps);
  expect(tabCase.customerKey).toBe(key);
  expect(await conversationsOf(key)).toMatchObject([{ id: page.ticketId, captured: true }]);
  expect(await refreshHistory(tabCase, deps, 'now')).toEqual({ ok: true, value: count });
  const saved = await conversationsOf(key);
  expect(saved).toHaveLength(count);
  expect(saved.find((c) => c.id === page.ticketId)).not.toHaveProperty('captured');
}

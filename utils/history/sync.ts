import { db as defaultDb, type KeptDB } from '../db';
import { storageProblemOf } from '../db/errors';
import { saveConversations, saveCustomer } from '../db/queries';
import { adapterById } from '../helpdesks';
import type { HelpdeskApi, TicketDetails } from '../helpdesks/types';
import type { CaseContext, Conversation, CustomerIdentity, PageCase, Result, SyncState, TabCase } from '../schemas';
import { fetchHistory, type HistoryRead } from './fetch-history';
import { getJson, type Transport } from './http';
import { keepRatings, ratedRows, rowsToRate } from './ratings';

/** History older than this is fetched again when the customer is seen. */
export const STALE_AFTER_MS = 5 * 60_000;

export interface SyncDeps {
  transport: Transport;
  /** The API `transport` reaches; by default the helpdesk's session API, when it has one. */
  api?: HelpdeskApi;
  now: () => number;
  cap: number;
  database?: KeptDB;
}

export const sourceOf = (c: Pick<PageCase, 'helpdesk' | 'host'>) => `${c.helpdesk}:${c.host}`;

const apiFor = (helpdesk: string, deps: SyncDeps): HelpdeskApi | undefined =>
  deps.api ?? adapterById(helpdesk)?.session;

/** One person across helpdesks: the same email is the same customer. */
export function customerKeyOf(customer: CustomerIdentity, source: string): string | undefined {
  const email = customer.email?.trim().toLowerCase();
  if (email) return email;
  return customer.externalId ? `${source}#${customer.externalId}` : undefined;
}

/** Completes the page's case from the helpdesk API, and records the customer and this ticket locally. */
export async function resolveCase(page: PageCase, deps: SyncDeps): Promise<TabCase> {
  const database = deps.database ?? defaultDb;
  const adapter = adapterById(page.helpdesk);
  const source = sourceOf(page);
  const now = deps.now();
  let context: CaseContext = { ...page, tags: [], from: 'page', seenAt: now };
  let fromApi: TicketDetails['conversation'] | undefined;
  let lookup: TabCase['lookup'];
  const api = apiFor(page.helpdesk, deps);
  const ticket = api?.ticket;
  if (adapter && ticket) {
    const json = await getJson(deps.transport, ticket.request(page), adapter.name, deps.now, api.auth);
    const details = json.ok ? ticket.parse(json.value, page) : json;
    // Not a support ticket after all: no case, nothing recorded, no history.
    if (!details.ok && details.error.kind === 'not-a-ticket') return { case: null, updatedAt: now };
    if (details.ok) {
      const { conversation, customer, ...fields } = details.value;
      context = { ...context, ...fields, customer: { ...page.customer, ...customer }, from: 'api' };
      fromApi = conversation;
    } else {
      lookup = { problem: details.error.message };
    }
  }
  const customerKey = customerKeyOf(context.customer, source);
  if (customerKey) {
    try {
      await recordCase(context, customerKey, fromApi, database, now);
    } catch (error) {
      // Storage full (or Kept updated meanwhile): the panel still shows the case and says why it is not saved.
      const problem = storageProblemOf(error, database);
      if (!problem) throw error;
      lookup = { problem: problem.message };
    }
  }
  return { case: context, customerKey, lookup, updatedAt: now };
}

async function recordCase(
  context: CaseContext,
  customerKey: string,
  fromApi: TicketDetails['conversation'] | undefined,
  database: KeptDB,
  now: number,
): Promise<void> {
  const source = sourceOf(context);
  const { name, email, organisation, externalId } = context.customer;
  await saveCustomer(
    {
      key: customerKey,
      name: name ?? '',
      email,
      organisation,
      externalIds: externalId ? { [source]: externalId } : {},
    },
    now,
    database,
  );
  if (fromApi) {
    await saveConversations([{ ...fromApi, customerKey }], now, database);
    return;
  }
  // Local capture: history grows even where no API answers. What an API said is never overwritten; an earlier
  // capture is, since a page read mid-render may have missed the subject or caught the previous customer.
  const known = await database.conversations.get([source, context.ticketId]);
  if (known && !known.captured) return;
  const seen: Conversation = {
    source,
    id: context.ticketId,
    customerKey,
    subject: context.subject ?? known?.subject ?? `Ticket #${context.ticketId}`,
    status: context.status ?? known?.status ?? 'open',
    createdAt: known?.createdAt ?? now,
    updatedAt: now,
    url: context.url,
    tags: [],
    captured: true,
  };
  await saveConversations([seen], now, database);
}

const inFlight = new Map<string, Promise<Result<number>>>();

/**
 * Refreshes the case's customer history when it is older than STALE_AFTER_MS (or at once when asked), keeping the cache
 * whatever happens; the outcome is kept in syncState for the panel. Concurrent calls for one customer share a fetch.
 */
/**
 * When to read the helpdesk: `stale`, only when the cache is older than STALE_AFTER_MS (a ticket opened); `now`,
 * at once unless the helpdesk asked Kept to wait (the retry alarm); `rep`, at once whatever it asked (the rep's
 * Refresh, which must always try).
 */
export type Freshen = 'stale' | 'now' | 'rep';

export function refreshHistory(tabCase: TabCase, deps: SyncDeps, freshen: Freshen = 'stale'): Promise<Result<number>> {
  const context = tabCase.case;
  if (!context || !tabCase.customerKey) return Promise.resolve({ ok: true, value: 0 });
  const key = `${sourceOf(context)}|${tabCase.customerKey}`;
  const running = inFlight.get(key);
  if (running) return running;
  const run = syncCustomer(context, tabCase.customerKey, deps, freshen).finally(() => inFlight.delete(key));
  inFlight.set(key, run);
  return run;
}

async function syncCustomer(context: CaseContext, customerKey: string, deps: SyncDeps, freshen: Freshen) {
  const database = deps.database ?? defaultDb;
  const adapter = adapterById(context.helpdesk);
  const api = apiFor(context.helpdesk, deps);
  if (!adapter || !api?.history?.request(context.customer, context, 1)) return { ok: true, value: 0 } as const;
  const source = sourceOf(context);
  const state = await database.syncState.get([source, customerKey]);
  const now = deps.now();
  if (
    freshen === 'stale' &&
    state?.fetchedAt !== undefined &&
    !state.problem &&
    now - state.fetchedAt < STALE_AFTER_MS
  ) {
    return { ok: true, value: 0 } as const;
  }
  // The helpdesk said when to come back (429 Retry-After, at most an hour): not before then, unless the rep asks.
  const retryAt = state?.problem?.retryAt;
  if (freshen !== 'rep' && state?.problem && retryAt !== undefined && now < retryAt) {
    return { ok: false, error: state.problem } as const;
  }
  const result = await fetchHistory(api, adapter.name, deps.transport, context, context.customer, deps.cap, deps.now);
  const attemptedAt = deps.now();
  if (!result.ok) {
    await recordProblem(database, {
      source,
      customerKey,
      fetchedAt: state?.fetchedAt,
      attemptedAt,
      problem: result.error,
    });
    return result;
  }
  const { unreadable } = result.value;
  const conversations = await withKnownRatings(api, result.value.conversations, database);
  try {
    await database.transaction('rw', database.conversations, database.syncState, async () => {
      await saveConversations(
        conversations.map((c) => ({ ...c, customerKey })),
        attemptedAt,
        database,
      );
      await database.syncState.put({
        source,
        customerKey,
        fetchedAt: attemptedAt,
        attemptedAt,
        ...(unreadable > 0 && { unreadable }),
      });
    });
  } catch (error) {
    // The transaction is all or nothing, so the rows cached before stay as they were.
    const problem = storageProblemOf(error, database);
    if (!problem) throw error;
    await recordProblem(database, { source, customerKey, fetchedAt: state?.fetchedAt, attemptedAt, problem });
    return { ok: false, error: problem } as const;
  }
  // After the history is saved, so the panel shows it at once; the ratings fill in when they come.
  await saveRatings(api, adapter.name, context, customerKey, rowsToRate(api, conversations), deps);
  return { ok: true, value: conversations.length } as const;
}

/** The rows with the ratings Kept read before, where the helpdesk keeps ratings apart from the list. */
async function withKnownRatings(api: HelpdeskApi, rows: HistoryRead['conversations'], database: KeptDB) {
  if (!api.history?.rating || rows.length === 0) return rows;
  const known = await database.conversations.bulkGet(rows.map((c) => [c.source, c.id]));
  return keepRatings(rows, known);
}

/** Reads the ratings of a few finished rows (utils/history/ratings.ts) and saves the ones found. */
async function saveRatings(
  api: HelpdeskApi,
  helpdesk: string,
  context: CaseContext,
  customerKey: string,
  rows: HistoryRead['conversations'],
  deps: SyncDeps,
): Promise<void> {
  if (rows.length === 0) return;
  const rated = await ratedRows(api, helpdesk, deps.transport, context, rows, deps.now);
  if (rated.length === 0) return;
  const database = deps.database ?? defaultDb;
  try {
    await saveConversations(
      rated.map((c) => ({ ...c, customerKey })),
      deps.now(),
      database,
    );
  } catch (error) {
    if (!storageProblemOf(error, database)) throw error;
    console.warn('[Kept] ratings could not be saved', error);
  }
}

/** Keeps why a sync failed for the panel; a disk too full even for this small row leaves the reply to say it. */
async function recordProblem(database: KeptDB, state: SyncState): Promise<void> {
  try {
    await database.syncState.put(state);
  } catch (error) {
    console.warn('[Kept] could not record a sync problem', error);
  }
}

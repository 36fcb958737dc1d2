import type { ApiRequest, HelpdeskApi, HistoryPage, SeenTicket, StatusWords, ThreadOf } from '../helpdesks/types';
import type { CustomerIdentity, Result, ThreadMessage, TicketRef } from '../schemas';
import { getJson, type Transport } from './http';

const PAGE_SIZE = 100;
/** No thread Kept shows is longer than this; the oldest messages are the ones kept. */
export const MAX_THREAD_MESSAGES = 1000;

interface Pages<T> {
  api: HelpdeskApi;
  helpdesk: string;
  transport: Transport;
  now: () => number;
  first: ApiRequest | null;
  read: (json: unknown, request: ApiRequest) => Result<{ items: T[]; unreadable?: number; next: ApiRequest | null }>;
  cap: number;
}

/** Follows a helpdesk's pages until the end or `cap` items; rows a page could not read are counted. */
async function followPages<T>({
  api,
  helpdesk,
  transport,
  now,
  first,
  read,
  cap,
}: Pages<T>): Promise<Result<{ items: T[]; unreadable: number }>> {
  const items: T[] = [];
  let unreadable = 0;
  const asked = new Set<string>();
  let request = first;
  // An empty page, or a next page already asked for, is the end: some APIs keep a next link on their last page
  // (Zendesk's cursor pages do), and following it would never stop.
  while (request && items.length < cap && !asked.has(JSON.stringify(request))) {
    asked.add(JSON.stringify(request));
    const json = await getJson(transport, request, helpdesk, now, api.auth);
    if (!json.ok) return json;
    const page = read(json.value, request);
    if (!page.ok) return page;
    unreadable += page.value.unreadable ?? 0;
    if (page.value.items.length === 0 && !page.value.unreadable) break;
    items.push(...page.value.items);
    request = page.value.next;
  }
  return { ok: true, value: { items: items.slice(0, cap), unreadable } };
}

/** What the pages held: the conversations Kept read, and how many rows it could not read and left out. */
export type HistoryRead = Pick<HistoryPage, 'conversations' | 'unreadable'>;

/** Follows the helpdesk's pages, newest first, until the end or `cap` conversations. */
export async function fetchHistory(
  api: HelpdeskApi,
  helpdesk: string,
  transport: Transport,
  ref: TicketRef,
  customer: CustomerIdentity,
  cap: number,
  now: () => number = Date.now,
): Promise<Result<HistoryRead>> {
  const { history } = api;
  if (!history) return { ok: true, value: { conversations: [], unreadable: 0 } };
  const words = history.statuses && (await statusWordsOf(history.statuses, api, helpdesk, transport, now));
  const pages = await followPages({
    api,
    helpdesk,
    transport,
    now,
    cap,
    first: history.request(customer, ref, Math.min(PAGE_SIZE, cap)),
    read: (json, request) => {
      const page = history.parsePage(json, ref, request, words);
      if (!page.ok) return page;
      const { conversations, unreadable, next } = page.value;
      return { ok: true, value: { items: conversations, unreadable, next } };
    },
  });
  return pages.ok
    ? { ok: true, value: { conversations: pages.value.items, unreadable: pages.value.unreadable } }
    : pages;
}

/** The account's own status words; none when they cannot be read, and the rows keep the helpdesk's default ones. */
async function statusWordsOf(
  statuses: NonNullable<NonNullable<HelpdeskApi['history']>['statuses']>,
  api: HelpdeskApi,
  helpdesk: string,
  transport: Transport,
  now: () => number,
): Promise<StatusWords | undefined> {
  const json = await getJson(transport, statuses.request, helpdesk, now, api.auth);
  const words = json.ok ? statuses.parse(json.value) : json;
  if (words.ok) return words.value;
  console.warn(`[Kept] ${helpdesk} statuses could not be read, rows keep the default ones: ${words.error.message}`);
  return undefined;
}

/** One conversation's messages, oldest first, all pages; none when the API has no thread endpoint. */
export function fetchThread(
  api: HelpdeskApi,
  helpdesk: string,
  transport: Transport,
  conversation: ThreadOf,
  ref: SeenTicket,
  now: () => number = Date.now,
): Promise<Result<ThreadMessage[]>> {
  const { thread } = api;
  if (!thread) return Promise.resolve({ ok: true, value: [] });
  const read = followPages({
    api,
    helpdesk,
    transport,
    now,
    cap: MAX_THREAD_MESSAGES,
    first: thread.request(conversation, ref),
    read: (json, request) => {
      const page = thread.parsePage(json, ref, request);
      return page.ok ? { ok: true, value: { items: page.value.messages, next: page.value.next } } : page;
    },
  });
  return read.then((pages) => (pages.ok ? { ok: true, value: pages.value.items } : pages));
}

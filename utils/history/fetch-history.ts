import type { HelpdeskAdapter, HistoryPage } from '../helpdesks/types';
import type { Result, TicketRef } from '../schemas';
import { getJson, type Transport } from './http';

const PAGE_SIZE = 100;

/** Follows the helpdesk's cursor pages, newest first, until the end or `cap` conversations. */
export async function fetchHistory(
  adapter: HelpdeskAdapter,
  transport: Transport,
  ref: TicketRef,
  customerExternalId: string,
  cap: number,
  now: () => number = Date.now,
): Promise<Result<HistoryPage['conversations']>> {
  const history = adapter.api?.history;
  if (!history) return { ok: true, value: [] };
  const conversations: HistoryPage['conversations'] = [];
  let path: string | null = history.path(customerExternalId, Math.min(PAGE_SIZE, cap));
  while (path && conversations.length < cap) {
    const json = await getJson(transport, path, adapter.name, now);
    if (!json.ok) return json;
    const page = history.parsePage(json.value, ref, path);
    if (!page.ok) return page;
    conversations.push(...page.value.conversations);
    path = page.value.nextPath;
  }
  return { ok: true, value: conversations.slice(0, cap) };
}

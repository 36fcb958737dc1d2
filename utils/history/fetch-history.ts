import type { HelpdeskApi, HistoryPage } from '../helpdesks/types';
import type { CustomerIdentity, Result, TicketRef } from '../schemas';
import { getJson, type Transport } from './http';

const PAGE_SIZE = 100;

/** Follows the helpdesk's pages, newest first, until the end or `cap` conversations. */
export async function fetchHistory(
  api: HelpdeskApi,
  helpdesk: string,
  transport: Transport,
  ref: TicketRef,
  customer: CustomerIdentity,
  cap: number,
  now: () => number = Date.now,
): Promise<Result<HistoryPage['conversations']>> {
  const { history } = api;
  if (!history) return { ok: true, value: [] };
  const conversations: HistoryPage['conversations'] = [];
  const asked = new Set<string>();
  let request = history.request(customer, ref, Math.min(PAGE_SIZE, cap));
  // An empty page, or a next page already asked for, is the end: some APIs keep a next link on their last page
  // (Zendesk's cursor pages do), and following it would never stop.
  while (request && conversations.length < cap && !asked.has(JSON.stringify(request))) {
    asked.add(JSON.stringify(request));
    const json = await getJson(transport, request, helpdesk, now, api.auth);
    if (!json.ok) return json;
    const page = history.parsePage(json.value, ref, request);
    if (!page.ok) return page;
    if (page.value.conversations.length === 0) break;
    conversations.push(...page.value.conversations);
    request = page.value.next;
  }
  return { ok: true, value: conversations.slice(0, cap) };
}

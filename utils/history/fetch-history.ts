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
  let request = history.request(customer, ref, Math.min(PAGE_SIZE, cap));
  while (request && conversations.length < cap) {
    const json = await getJson(transport, request, helpdesk, now, api.auth);
    if (!json.ok) return json;
    const page = history.parsePage(json.value, ref, request);
    if (!page.ok) return page;
    conversations.push(...page.value.conversations);
    request = page.value.next;
  }
  return { ok: true, value: conversations.slice(0, cap) };
}

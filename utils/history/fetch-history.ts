import { pathOf } from '../helpdesks/payload';
import type { HelpdeskApi, HistoryPage, TokenApi } from '../helpdesks/types';
import type { CustomerIdentity, Result, TicketRef } from '../schemas';
import { type Auth, getJson, type Transport } from './http';

const PAGE_SIZE = 100;

/**
 * What syncing needs of a helpdesk API, however Kept reaches it: the ticket in view and the customer's history.
 * A token API has this shape already; a session API is put in it by `sessionReader`.
 */
export interface ApiReader extends Pick<TokenApi, 'ticket'> {
  history?: TokenApi['history'];
  auth: Auth;
}

/** A session API (paths on the helpdesk's own origin, history by the customer's id there) as an ApiReader. */
export function sessionReader(api: HelpdeskApi): ApiReader {
  const { history } = api;
  return {
    auth: 'session',
    ticket: { request: api.ticketPath, parse: api.parseTicket },
    history: history && {
      request: (customer, ref, pageSize) =>
        customer.externalId ? history.path(customer.externalId, pageSize, ref) : null,
      parsePage(json, ref, request) {
        const page = history.parsePage(json, ref, pathOf(request));
        return page.ok
          ? { ok: true, value: { conversations: page.value.conversations, next: page.value.nextPath } }
          : page;
      },
    },
  };
}

/** Follows the helpdesk's pages, newest first, until the end or `cap` conversations. */
export async function fetchHistory(
  reader: ApiReader,
  helpdesk: string,
  transport: Transport,
  ref: TicketRef,
  customer: CustomerIdentity,
  cap: number,
  now: () => number = Date.now,
): Promise<Result<HistoryPage['conversations']>> {
  const { history } = reader;
  if (!history) return { ok: true, value: [] };
  const conversations: HistoryPage['conversations'] = [];
  let request = history.request(customer, ref, Math.min(PAGE_SIZE, cap));
  while (request && conversations.length < cap) {
    const json = await getJson(transport, request, helpdesk, now, reader.auth);
    if (!json.ok) return json;
    const page = history.parsePage(json.value, ref, request);
    if (!page.ok) return page;
    conversations.push(...page.value.conversations);
    request = page.value.next;
  }
  return { ok: true, value: conversations.slice(0, cap) };
}

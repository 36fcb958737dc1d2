import type { CaseContext, Conversation, CustomerIdentity, HelpdeskId, Result, TicketRef } from '../schemas';

/** What the page itself shows for a ticket. */
export interface PageRead {
  subject?: string;
  status?: CaseContext['status'];
  customer: CustomerIdentity;
}

/** What a helpdesk's ticket API says about the ticket in view. */
export interface TicketDetails {
  customer: CustomerIdentity;
  subject?: string;
  status?: CaseContext['status'];
  tags: string[];
  channel?: string;
  satisfaction?: CaseContext['satisfaction'];
  /** This ticket as a conversation of its customer (saved locally even when history is unreachable). */
  conversation: Omit<Conversation, 'customerKey'>;
}

export interface HistoryPage {
  conversations: Array<Omit<Conversation, 'customerKey'>>;
  /** Path of the next page on the same origin, or null at the end. */
  nextPath: string | null;
}

/** Reads a helpdesk's own JSON API with the rep's session. Pure: builds paths and parses payloads. */
export interface HelpdeskApi {
  /** The content script fetches only paths under this prefix for the background. */
  pathPrefix: string;
  ticketPath(ref: TicketRef): string;
  parseTicket(json: unknown, ref: TicketRef): Result<TicketDetails>;
  /** The customer's earlier tickets, where the helpdesk lists them for the rep's session. */
  history?: {
    path(customerExternalId: string, pageSize: number): string;
    /**
     * `path` is the page just fetched: helpdesks whose answer does not say where the next page is (a bare list, a
     * page token without the query) build the next path from it.
     */
    parsePage(json: unknown, ref: TicketRef, path?: string): Result<HistoryPage>;
  };
}

/**
 * One helpdesk: data plus pure functions. No browser APIs inside, so a saved page and a function call test it;
 * the content script is what glues an adapter to the live page.
 */
export interface HelpdeskAdapter {
  id: HelpdeskId;
  name: string;
  /** Match patterns of the pages the content script runs on. */
  matches: string[];
  parseUrl(url: URL): TicketRef | null;
  /** The customer and subject as the page shows them for `ref` (scoped to that ticket when several are open). */
  readPage(root: ParentNode, ref: TicketRef): PageRead;
  api?: HelpdeskApi;
}

/**
 * What the content script needs of a helpdesk: finding and reading a ticket page, and the API paths it may fetch.
 * An adapter with an `api` exports this part on its own (`zendeskPage`) for `helpdeskPages`, so the content script
 * bundles no API payload schemas and no Zod. Its file then imports only types from '../schemas' (a value import runs
 * every schema module, and Zod with them), and a top-level `.check(…)` call needs an `@__PURE__` comment
 * before it.
 * `npm run bench -- --check` holds the content script to its budget.
 */
export type HelpdeskPage = Omit<HelpdeskAdapter, 'api'> & { api?: Pick<HelpdeskApi, 'pathPrefix'> };

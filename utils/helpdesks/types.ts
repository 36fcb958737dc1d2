import type {
  CaseContext,
  Conversation,
  CustomerIdentity,
  HelpdeskId,
  HelpdeskToken,
  Result,
  TicketRef,
} from '../schemas';

/**
 * A ticket as the background holds it: with the address of the page it was seen on, where that is known (the
 * background's cases always have it). Some APIs need a part of it, like Zoho Desk's portal or HubSpot's portal id.
 */
export type SeenTicket = TicketRef & { url?: string };

/** What the page itself shows for a ticket. */
export interface PageRead {
  subject?: string;
  status?: CaseContext['status'];
  customer: CustomerIdentity;
}

/** What a helpdesk's ticket API says about the ticket in view. */
export interface TicketDetails {
  customer: CustomerIdentity;
  /** The number reps know the ticket by, where it is not the id in the URL. */
  number?: string;
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
  /**
   * Headers the content script adds to those fetches, read from the page (`page` is its window); for APIs that want
   * something only the page knows. Resolves, never rejects: without them the API's refusal says what is missing.
   */
  requestHeaders?(page: Window): Promise<Record<string, string>>;
  ticketPath(ref: SeenTicket): string;
  parseTicket(json: unknown, ref: SeenTicket): Result<TicketDetails>;
  /** The customer's earlier tickets, where the helpdesk lists them for the rep's session. */
  history?: {
    /** `ref` is the ticket in view, for helpdesks whose paths name more than the customer (Zoho Desk's portal). */
    path(customerExternalId: string, pageSize: number, ref?: SeenTicket): string;
    /**
     * `path` is the page just fetched: helpdesks whose answer does not say where the next page is (a bare list, a
     * page token without the query) build the next path from it.
     */
    parsePage(json: unknown, ref: SeenTicket, path?: string): Result<HistoryPage>;
  };
}

/**
 * A request to a helpdesk API: a bare path is a GET; an object with `json` or `form` is a POST of that body (search
 * endpoints, token exchanges). Session APIs only ever GET (the content script fetches nothing else); token APIs may
 * POST. A path may also be a full URL on the API's own origin, as next-page links often are.
 */
export type ApiRequest = string | { path: string; json?: unknown; form?: Record<string, string> };

/** One thing an admin types to connect a helpdesk's API: what it is called, where to find it, and its shape. */
export interface ConnectionField {
  label: string;
  hint: string;
  /** The whole value must match; the message says what is expected. */
  pattern?: { regex: RegExp; message: string };
  /** The only values there are, offered as a list (value and what the admin reads); the first is the default. */
  choices?: ReadonlyArray<{ value: string; label: string }>;
}

/**
 * A helpdesk's official API reached with a token an admin saves in Options (`storage.local` only), for helpdesks
 * whose pages offer no session API. Pure like `HelpdeskApi`: builds requests and parses payloads; the background
 * sends them (utils/history/token.ts).
 */
export interface TokenApi {
  /** Where an admin creates the token, shown beside the fields. */
  help: string;
  /**
   * What the admin fills in: always the secret (token, API key or app secret); `account` when the API lives on the
   * account's own host (subdomain, instance); `user` when the API wants a login or an app id with the secret.
   */
  fields: { account?: ConnectionField; user?: ConnectionField; secret: ConnectionField };
  /** The API's origin for these credentials (`https://acme.gorgias.com`); Options asks for its host permission. */
  origin(token: HelpdeskToken): string;
  /**
   * OAuth client-credentials APIs: the request that trades the saved id and secret for an access token, and how to
   * read the answer. Without it the saved secret is the bearer of every request.
   */
  exchange?: {
    request(token: HelpdeskToken): ApiRequest;
    parse(json: unknown): Result<{ accessToken: string; expiresInSeconds: number }>;
  };
  /** Headers of every API request; `accessToken` is what `exchange` gave, when there is one. */
  headers(token: HelpdeskToken, accessToken?: string): Record<string, string>;
  /** A cheap read that works only with a valid token: Options' "Check connection". */
  checkPath: string;
  /** The ticket in view, where the page alone does not tell who the customer is. */
  ticket?: {
    request(ref: SeenTicket): ApiRequest;
    parse(json: unknown, ref: SeenTicket): Result<TicketDetails>;
  };
  history: {
    /** The first page of the customer's conversations, or null when the customer lacks what the API looks up by. */
    request(customer: CustomerIdentity, ref: SeenTicket, pageSize: number): ApiRequest | null;
    /** `request` is the one just answered, for APIs whose next page repeats it with a cursor. */
    parsePage(
      json: unknown,
      ref: SeenTicket,
      request: ApiRequest,
    ): Result<{ conversations: HistoryPage['conversations']; next: ApiRequest | null }>;
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
  /** An optional connection with an admin's API token, for history where no session API is known. */
  token?: TokenApi;
}

/**
 * What the content script needs of a helpdesk: finding and reading a ticket page, and the API paths it may fetch.
 * An adapter with an `api` or a `token` exports this part on its own (`zendeskPage`) for `helpdeskPages`, so the content script
 * bundles no API payload schemas and no Zod. Its file then imports only types from '../schemas' (a value import runs
 * every schema module, and Zod with them), and a top-level `.check(…)` call needs an `@__PURE__` comment
 * before it.
 * `npm run bench -- --check` holds the content script to its budget.
 */
export type HelpdeskPage = Omit<HelpdeskAdapter, 'api' | 'token'> & {
  api?: Pick<HelpdeskApi, 'pathPrefix' | 'requestHeaders'>;
};

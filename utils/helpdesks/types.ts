import type {
  CaseContext,
  Conversation,
  CustomerIdentity,
  HelpdeskId,
  HelpdeskToken,
  Result,
  ThreadMessage,
  TicketRef,
} from '../schemas';

/**
 * A ticket as the background holds it: with the address of the page it was seen on, where that is known (the
 * background's cases always have it). Some APIs need a part of it, like Zoho Desk's portal or HubSpot's portal id.
 */
export type SeenTicket = TicketRef & { url?: string };

/** A helpdesk's own statuses by their id (Freshdesk's status choices, HubSpot's pipeline stages), in Kept's terms. */
export type StatusWords = Readonly<Record<string, Pick<Conversation, 'status' | 'statusName'>>>;

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
  channel?: CaseContext['channel'];
  channelName?: string;
  satisfaction?: CaseContext['satisfaction'];
  /** This ticket as a conversation of its customer (saved locally even when history is unreachable). */
  conversation: Omit<Conversation, 'customerKey'>;
}

/**
 * One page of a customer's conversations, and the request for the next page, or null at the end. A row Kept cannot
 * read is left out and counted in `unreadable`, so one bad row never costs the page.
 */
export interface HistoryPage {
  conversations: Array<Omit<Conversation, 'customerKey'>>;
  unreadable: number;
  next: ApiRequest | null;
}

/** One page of a conversation's messages (oldest first), and the request for the next page, or null at the end. */
export interface ThreadPage {
  messages: ThreadMessage[];
  next: ApiRequest | null;
}

/** The conversation whose thread is asked for, as Kept stored it. */
export type ThreadOf = Pick<Conversation, 'source' | 'id' | 'url'>;

/**
 * A request to a helpdesk API: a bare path is a GET; an object with `json` or `form` is a POST of that body (search
 * endpoints, token exchanges). Session APIs only ever GET (the content script fetches nothing else); token APIs may
 * POST. A path may also be a full URL on the API's own origin, as next-page links often are.
 */
export type ApiRequest = string | { path: string; json?: unknown; form?: Record<string, string> };

/** How Kept is signed in to a helpdesk's API: the rep's session in the tab, or a token an admin saved in Options. */
export type Auth = 'session' | 'token';

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
 * How an admin connects a token API in Options (`storage.local` only), and how its requests carry the token, for
 * helpdesks whose pages offer no session API. The background sends them (utils/history/token.ts).
 */
export interface TokenConnection {
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
}

/** What Kept reads through a helpdesk's API: each a request to build and a parser of the answer. Pure. */
interface ApiReads {
  /** The ticket in view, where the page alone does not tell all (who the customer is, tags, rating). */
  ticket?: {
    request(ref: SeenTicket): ApiRequest;
    parse(json: unknown, ref: SeenTicket): Result<TicketDetails>;
  };
  /** The customer's earlier tickets. */
  history?: {
    /** The first page of the customer's conversations, or null when the customer lacks what the API looks up by. */
    request(customer: CustomerIdentity, ref: SeenTicket, pageSize: number): ApiRequest | null;
    /**
     * `request` is the one just answered, for APIs whose answer does not say where the next page is (a bare list, a
     * cursor without the query): they build the next request from it. `words`: the account's own statuses, where
     * `statuses` read them.
     */
    parsePage(json: unknown, ref: SeenTicket, request: ApiRequest, words?: StatusWords): Result<HistoryPage>;
    /**
     * Where rows name their status by an account-specific id (custom statuses, pipeline stages): the request that
     * lists the account's statuses and their words, read once before the pages. Without it, or when it fails, rows
     * are read with the helpdesk's default statuses only.
     */
    statuses?: { request: ApiRequest; parse(json: unknown): Result<StatusWords> };
    /**
     * Where the helpdesk keeps a conversation's rating apart from the list (Freshdesk's satisfaction ratings, JSM's
     * request feedback): one conversation's rating, asked for a few finished rows after the pages (utils/history/
     * ratings.ts). An empty reading, or a 404, is a conversation nobody rated.
     */
    rating?: {
      request(conversation: Pick<Conversation, 'id'>, ref: SeenTicket): ApiRequest;
      parse(json: unknown): Result<Pick<Conversation, 'satisfaction' | 'satisfactionComment'>>;
    };
  };
  /**
   * One earlier conversation's messages, fetched when the rep expands its row. Absent where the helpdesk's API has no
   * such endpoint: the row says so. `request` is the one just answered (for APIs that page without saying how).
   */
  thread?: {
    request(conversation: ThreadOf, ref: SeenTicket): ApiRequest;
    parsePage(json: unknown, ref: SeenTicket, request: ApiRequest): Result<ThreadPage>;
  };
}

/**
 * A helpdesk's JSON API as Kept reads it: with the rep's session (same-origin paths under the page's
 * `api.pathPrefix`, fetched by the content script), or with an admin's token (sent by the background, with the
 * token's connection).
 */
export type HelpdeskApi =
  | (ApiReads & { auth: 'session' })
  // A token is saved for the customer's history: a token API always reads it.
  | (ApiReads & Required<Pick<ApiReads, 'history'>> & TokenConnection & { auth: 'token' });
export type SessionApi = Extract<HelpdeskApi, { auth: 'session' }>;
export type TokenApi = Extract<HelpdeskApi, { auth: 'token' }>;

/**
 * What the content script needs of a helpdesk (a folder's `page.ts`): finding and reading a ticket page, and the
 * session API paths it may fetch for the background. Data plus pure functions: no browser APIs, no Zod (a value
 * import from '../schemas' would bring every schema), so a saved page and a function call test it and the content
 * script stays small.
 */
/** A field of the case a page can show. */
export type Shown = 'subject' | 'status' | 'name' | 'email' | 'externalId';

export interface HelpdeskPage {
  id: HelpdeskId;
  name: string;
  /** Match patterns of the pages the content script runs on. */
  matches: string[];
  /**
   * A CSS selector of the regions `readPage` reads (the ticket's pane), for a watcher that observes only those parts
   * of the page; absent where the reader looks across the page. The meta-test checks it on the saved pages: with
   * everything outside the pane removed, `readPage` reads the same.
   */
  pane?: string;
  /** What every ticket of this helpdesk shows on its page once drawn: the case watcher stops once all are read. */
  shows: readonly Shown[];
  parseUrl(url: URL): TicketRef | null;
  /** The customer and subject as the page shows them for `ref` (scoped to that ticket when several are open). */
  readPage(root: ParentNode, ref: TicketRef): PageRead;
  /** Where the helpdesk has a session API: the content script fetches only paths under this prefix for it. */
  api?: {
    pathPrefix: string;
    /**
     * Headers the content script adds to those fetches, read from the page (`page` is its window); for APIs that
     * want something only the page knows. Resolves, never rejects: without them the API's refusal says what is
     * missing.
     */
    requestHeaders?(page: Window): Promise<Record<string, string>>;
  };
}

/** One helpdesk in full (a folder's `api.ts`): its page part and the APIs the background reads it through. */
export interface HelpdeskAdapter extends HelpdeskPage {
  /** The API the rep's session reads, under `api.pathPrefix`. */
  session?: SessionApi;
  /** An API reached with an admin's token, used once one is saved (and in place of the session API then). */
  token?: TokenApi;
}

// A local helpdesk for demos and tests: agent pages with the real DOM structure, the JSON API the extension calls
// (same shapes, paging, session cookie) and switchable failures. Node built-ins only. It answers as Zendesk by
// default, as Freshdesk for *.freshdesk.com, as Jira Service Management for *.atlassian.net and as Zoho Desk for
// desk.zoho.com (by the Host header).

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { URL as NodeURL } from 'node:url';
import * as z from 'zod/mini';
import { helpdeskHosts } from '../../utils/helpdesks/pages';
import { throwawayCertificate } from '../certificate';
import { freshdeskApi } from './freshdesk-api';
import { renderFreshdeskDocument, renderFreshdeskLogin, renderFreshdeskPage } from './freshdesk-pages';
import { jsmApi } from './jsm-api';
import { renderJsmDocument, renderJsmLogin, renderJsmPage } from './jsm-pages';
import type { DemoPage } from './page-bits';
import { html, json, notFoundPage, type Reply, redirect } from './replies';
import {
  findOrganization,
  findTicket,
  findUser,
  iso,
  makeSeed,
  type Seed,
  type SeedTicket,
  type SeedUser,
  ticketsRequestedBy,
} from './seed';
import { SLACK_FAILURES, SLACK_HOST, type SlackStandIn, slackStandIn } from './slack-api';
import { TOKEN_API_VENDORS, tokenApiFor } from './token-apis';
import { ticketComments } from './zendesk-comments';
import { renderAgentDocument, renderAgentPage, renderLoginPage } from './zendesk-pages';
import { zohodeskApi } from './zohodesk-api';
import {
  DESK_URLS_SCRIPT,
  deskUrlsScript,
  renderZohodeskDocument,
  renderZohodeskLogin,
  renderZohodeskPage,
  ZOHODESK_CSP,
  ZOHODESK_HOST,
  zohoLanding,
} from './zohodesk-pages';

export type { Seed } from './seed';

export const API_FAILURES = [
  'none',
  '401',
  '403',
  '429',
  '500',
  'html-login',
  'malformed-json',
  'bad-shape',
  'bad-row',
  'down',
] as const;
export type ApiFailure = (typeof API_FAILURES)[number];

export interface DemoHelpdeskOptions {
  /** 0 = random free port (default). */
  port?: number;
  /** Default true: HTTPS with a throwaway self-signed certificate made at start. */
  tls?: boolean;
  /** Clock for the seed (default Date.now()); fix it for reproducible pages. */
  now?: number;
}

export interface DemoHelpdesk {
  port: number;
  /** e.g. origin('acme.zendesk.com') === 'https://acme.zendesk.com:PORT' — the URL a browser with --host-resolver-rules uses */
  origin(host: string): string;
  /** http(s)://127.0.0.1:PORT — for Node tests that talk to the server directly */
  localUrl: string;
  seed: Seed;
  setApiFailure(mode: ApiFailure, opts?: { retryAfterSeconds?: number }): void;
  /** The Slack Web API stand-in (host slack.com): its channels, and the failure it answers. */
  slack: Pick<SlackStandIn, 'channels' | 'setFailure'>;
  /** Every /api/ request; `path` includes the query string. */
  requestLog: Array<{
    method: string;
    path: string;
    at: number;
    /** Zoho Desk's API calls: the `orgId` header they carried, or null without one. */
    orgId?: string | null;
  }>;
  close(): Promise<void>;
}

/** The cookie Zendesk's agent pages set; the API only answers requests that carry it. */
export const SESSION_COOKIE = '_zendesk_shared_session';
const MAX_PAGE_SIZE = 100;

/** Which helpdesk the demo answers as, by host. */
export type Vendor = 'zendesk' | 'freshdesk' | 'jsm' | 'zohodesk';
export function vendorOf(host: string): Vendor {
  const name = host.replace(/:\d+$/, '').toLowerCase();
  if (name.endsWith('.freshdesk.com')) return 'freshdesk';
  if (name.endsWith('.atlassian.net')) return 'jsm';
  if (name === ZOHODESK_HOST) return 'zohodesk';
  return 'zendesk';
}

interface VendorRules {
  /** The session cookie its agent pages set and its API requires. */
  cookie: string;
  /** Where its JSON API lives; failure injection and the request log cover these paths. */
  apiPrefix: string;
  /** Its sign-in page, where a signed-out API call is redirected in 'html-login' mode. */
  loginPath: string;
  /** What its API answers a request without a valid session. */
  unauthenticated: unknown;
}

export const VENDORS: Record<Vendor, VendorRules> = {
  zendesk: {
    cookie: SESSION_COOKIE,
    apiPrefix: '/api/',
    loginPath: '/access/login',
    unauthenticated: { error: "Couldn't authenticate you" },
  },
  freshdesk: {
    cookie: '_helpkit_session',
    apiPrefix: '/api/',
    loginPath: '/support/login',
    unauthenticated: { code: 'invalid_credentials', message: 'You have to be logged in to perform this action.' },
  },
  jsm: {
    cookie: 'tenant.session.token',
    apiPrefix: '/rest/',
    loginPath: '/login.jsp',
    unauthenticated: {
      errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
      errors: {},
    },
  },
  zohodesk: {
    // One of the cookies Zoho's sign-in sets; the agent app's API goes by the session, not a token.
    cookie: '_iamadt',
    apiPrefix: '/supportapi/',
    loginPath: '/accounts/signin',
    unauthenticated: { errorCode: 'UNAUTHORIZED', message: 'You are not authenticated to perform this operation.' },
  },
};

interface State {
  seed: Seed;
  tls: boolean;
  failure: { mode: ApiFailure; retryAfterSeconds: number };
  sessions: Set<string>;
  requestLog: DemoHelpdesk['requestLog'];
  agentScript: string;
  slack: SlackStandIn;
}

const notFoundJson = (): Reply => json(404, { error: 'RecordNotFound', description: 'Not found' });

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** Zoho Desk's `orgId` request header (Node lower-cases header names). */
function orgIdOf(req: http.IncomingMessage): string | undefined {
  const value = req.headers.orgid;
  return Array.isArray(value) ? value[0] : value;
}

// ---------- JSON API ----------

function apiTicket(t: SeedTicket, origin: string): Record<string, unknown> {
  return {
    url: `${origin}/api/v2/tickets/${t.id}.json`,
    ...t,
    via: { channel: t.via.channel, source: { from: {}, to: {}, rel: null } },
    external_id: null,
    recipient: null,
    collaborator_ids: [],
    follower_ids: [],
    email_cc_ids: [],
    is_public: true,
    has_incidents: false,
    due_at: null,
    custom_fields: [],
    brand_id: 360000000001,
    allow_attachments: true,
    from_messaging_channel: t.via.channel === 'native_messaging',
  };
}

const apiUser = (u: SeedUser, origin: string): Record<string, unknown> => ({
  url: `${origin}/api/v2/users/${u.id}.json`,
  ...u,
  active: true,
  verified: u.email !== null,
  tags: [],
  user_fields: {},
});

function showTicket(seed: Seed, id: number, include: string[], origin: string): Reply {
  const ticket = findTicket(seed, id);
  if (!ticket) return notFoundJson();
  const body: Record<string, unknown> = { ticket: apiTicket(ticket, origin) };
  const people = [ticket.requester_id, ticket.submitter_id, ticket.assignee_id];
  if (include.includes('users')) {
    const ids = [...new Set(people)].filter((userId): userId is number => userId !== null);
    body.users = ids.map((userId) => findUser(seed, userId)).flatMap((u) => (u ? [apiUser(u, origin)] : []));
  }
  if (include.includes('organizations')) {
    const orgIds = new Set([ticket.organization_id, findUser(seed, ticket.requester_id)?.organization_id ?? null]);
    body.organizations = [...orgIds].flatMap((orgId) => {
      const org = findOrganization(seed, orgId);
      return org ? [{ url: `${origin}/api/v2/organizations/${org.id}.json`, ...org, domain_names: [], tags: [] }] : [];
    });
  }
  return json(200, body);
}

// Opaque cursors like Zendesk's; they name the ticket at the edge of the page.
const cursorOf = (t: SeedTicket): string => Buffer.from(JSON.stringify({ o: t.id })).toString('base64url');
function ticketIdOf(cursor: string): number | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && 'o' in value && typeof value.o === 'number'
      ? value.o
      : undefined;
  } catch {
    return undefined;
  }
}

const SORTS = ['updated_at', 'created_at', 'id'] as const;
function comparatorFor(sort: string): ((a: SeedTicket, b: SeedTicket) => number) | undefined {
  const desc = sort.startsWith('-');
  const key = SORTS.find((k) => k === (desc ? sort.slice(1) : sort));
  if (!key) return undefined;
  const asc = (a: SeedTicket, b: SeedTicket): number =>
    (key === 'id' ? 0 : a[key].localeCompare(b[key])) || a.id - b.id;
  return desc ? (a, b) => asc(b, a) : asc;
}

/** Zendesk cursor pagination: page[size] (max 100), page[after] / page[before], meta + absolute links. */
function requestedTickets(seed: Seed, userId: number, url: URL, origin: string): Reply {
  if (!findUser(seed, userId)) return notFoundJson();
  const params = url.searchParams;
  const sort = params.get('sort') ?? '-updated_at';
  const compare = comparatorFor(sort);
  const requested = Number.parseInt(params.get('page[size]') ?? '', 10);
  const size = Number.isFinite(requested) && requested > 0 ? Math.min(requested, MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
  const after = params.get('page[after]');
  const before = params.get('page[before]');
  const edge = after ?? before;
  const all = [...ticketsRequestedBy(seed, userId)].sort(compare);
  const edgeIndex = edge === null ? -1 : all.findIndex((t) => t.id === ticketIdOf(edge));
  if (!compare || (edge !== null && edgeIndex < 0)) {
    return json(400, { error: 'InvalidPaginationParameter', description: 'sort or cursor is not valid' });
  }
  const start = before !== null && after === null ? Math.max(0, edgeIndex - size) : edgeIndex + 1;
  const end = before !== null && after === null ? edgeIndex : Math.min(all.length, start + size);
  const tickets = all.slice(start, end);
  const first = tickets[0];
  const last = tickets.at(-1);
  const link = (direction: 'after' | 'before', cursor: string): string => {
    const rest = [...params].filter(([k]) => !k.startsWith('page['));
    const query: Array<[string, string]> = [[`page[${direction}]`, cursor], ['page[size]', String(size)], ...rest];
    return `${origin}${url.pathname}?${query.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
  };
  const moreAfter = end < all.length;
  const moreBefore = start > 0;
  // Zendesk sideloads the people on the page's tickets with include=users.
  const include = (params.get('include') ?? '').split(',');
  const people = [...new Set(tickets.flatMap((t) => [t.requester_id, t.assignee_id]))].filter(
    (id): id is number => id !== null,
  );
  const users = include.includes('users')
    ? { users: people.flatMap((id) => findUser(seed, id) ?? []).map((u) => apiUser(u, origin)) }
    : {};
  return json(200, {
    tickets: tickets.map((t) => apiTicket(t, origin)),
    ...users,
    meta: {
      has_more: before !== null && after === null ? moreBefore : moreAfter,
      after_cursor: last ? cursorOf(last) : null,
      before_cursor: first ? cursorOf(first) : null,
    },
    links: {
      next: last && moreAfter ? link('after', cursorOf(last)) : null,
      prev: first && moreBefore ? link('before', cursorOf(first)) : null,
    },
  });
}

function apiRoute(state: State, method: string, url: URL, origin: string): Reply {
  const path = url.pathname;
  const { seed } = state;
  const ticket = /^\/api\/v2\/tickets\/(\d+)\.json$/.exec(path);
  const requested = /^\/api\/v2\/users\/(\d+)\/tickets\/requested\.json$/.exec(path);
  const comments = /^\/api\/v2\/tickets\/(\d+)\/comments\.json$/.exec(path);
  if (method !== 'GET') return json(404, { error: 'InvalidEndpoint', description: 'Not found' });
  if (ticket) return showTicket(seed, Number(ticket[1]), (url.searchParams.get('include') ?? '').split(','), origin);
  if (requested) return requestedTickets(seed, Number(requested[1]), url, origin);
  if (comments) {
    const found = findTicket(seed, Number(comments[1]));
    return found ? ticketComments(seed, found, origin) : notFoundJson();
  }
  const me = seed.agents[0];
  if (path === '/api/v2/users/me.json' && me) return json(200, { user: apiUser(me, origin) });
  return json(404, { error: 'InvalidEndpoint', description: 'Not found' });
}

/** 'bad-shape': valid JSON the extension must refuse — lists become strings, records lose their id (or Jira key). */
function badShape(body: string): string {
  const value: unknown = JSON.parse(body);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '"oops"';
  const broken = Object.entries(value).flatMap(([key, v]) => {
    if (key === 'key') return [];
    if (Array.isArray(v)) return [[key, 'oops']];
    if (typeof v === 'object' && v !== null && 'id' in v) {
      const { id: _dropped, ...rest } = v;
      return [[key, rest]];
    }
    return [[key, v]];
  });
  return JSON.stringify(Object.fromEntries(broken));
}

/** The lists of rows in a session API's answers: Zendesk's `tickets`, Jira's `issues`, Zoho's `data`, Freshdesk's bare list. */
const ROW_LISTS = new Set(['tickets', 'issues', 'data']);

/** 'bad-row': the first row of every list loses its id (and Jira key); the other rows and the page stay good. */
function badRow(body: string): string {
  const value: unknown = JSON.parse(body);
  const spoil = (rows: unknown[]) =>
    rows.map((row, i) => {
      if (i > 0 || typeof row !== 'object' || row === null) return row;
      const { id: _id, key: _key, ...rest } = row as Record<string, unknown>;
      return rest;
    });
  if (Array.isArray(value)) return JSON.stringify(spoil(value));
  if (typeof value !== 'object' || value === null) return body;
  const entries = Object.entries(value).map(([k, v]) => [k, ROW_LISTS.has(k) && Array.isArray(v) ? spoil(v) : v]);
  return JSON.stringify(Object.fromEntries(entries));
}

/** The API answer under the current failure mode; 'down' means drop the connection. */
function apiReply(state: State, req: http.IncomingMessage, url: URL, origin: string, vendor: Vendor): Reply | 'down' {
  const { mode, retryAfterSeconds } = state.failure;
  const rules = VENDORS[vendor];
  switch (mode) {
    case 'down':
      return 'down';
    case '401':
      return json(401, rules.unauthenticated);
    case '403':
      return json(403, { error: 'Forbidden' });
    case '429':
      return json(
        429,
        { error: 'TooManyRequests', description: 'Rate limit exceeded' },
        { 'retry-after': String(retryAfterSeconds) },
      );
    case '500':
      return json(500, { error: 'InternalServerError', description: 'Something went wrong' });
    case 'html-login':
      return redirect(rules.loginPath);
    default:
      break;
  }
  const session = cookieValue(req.headers.cookie, rules.cookie);
  if (!session || !state.sessions.has(session)) return json(401, rules.unauthenticated);
  const method = req.method ?? 'GET';
  const reply =
    vendor === 'freshdesk'
      ? freshdeskApi(state.seed, method, url, origin)
      : vendor === 'jsm'
        ? jsmApi(state.seed, method, url, origin)
        : vendor === 'zohodesk'
          ? zohodeskApi(state.seed, { method, url, origin, orgId: orgIdOf(req) })
          : apiRoute(state, method, url, origin);
  if (reply.status !== 200) return reply;
  if (mode === 'malformed-json') return { ...reply, body: reply.body.slice(0, Math.floor(reply.body.length / 2)) };
  if (mode === 'bad-shape') return { ...reply, body: badShape(reply.body) };
  if (mode === 'bad-row') return { ...reply, body: badRow(reply.body) };
  return reply;
}

// ---------- control endpoint ----------

const SlackFailureRequest = z.object({
  mode: z.enum(SLACK_FAILURES),
  method: z.optional(z.string()),
  retryAfterSeconds: z.optional(z.number().check(z.int(), z.nonnegative())),
});

const FailureRequest = z.object({
  mode: z.enum(API_FAILURES),
  retryAfterSeconds: z.optional(z.number().check(z.int(), z.nonnegative())),
});

function seedSummary(seed: Seed): unknown {
  return {
    now: iso(seed.now),
    demo: seed.demo,
    agents: seed.agents.map(({ id, name, email }) => ({ userId: id, name, email })),
    customers: seed.users.map((u) => ({
      userId: u.id,
      email: u.email,
      name: u.name,
      organization: findOrganization(seed, u.organization_id)?.name ?? null,
      ticketIds: ticketsRequestedBy(seed, u.id).map((t) => t.id),
    })),
  };
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 100_000) throw new Error('body too large');
  }
  return body;
}

function jsonOrUndefined(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

async function control(state: State, req: http.IncomingMessage, path: string): Promise<Reply> {
  if (path === '/__demo/seed' && req.method === 'GET') return json(200, seedSummary(state.seed));
  if (path === '/__demo/api-failure' && req.method === 'GET') return json(200, state.failure);
  if (path === '/__demo/slack-failure' && req.method === 'POST') {
    const request = SlackFailureRequest.safeParse(jsonOrUndefined(await readBody(req)));
    if (!request.success) return json(400, { error: `mode must be one of ${SLACK_FAILURES.join(', ')}` });
    const { mode, ...opts } = request.data;
    state.slack.setFailure(mode, opts);
    return { status: 204, headers: {}, body: '' };
  }
  if (path === '/__demo/api-failure' && req.method === 'POST') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readBody(req));
    } catch {
      return json(400, { error: 'Body must be JSON like {"mode":"429","retryAfterSeconds":7}' });
    }
    const request = FailureRequest.safeParse(parsed);
    if (!request.success) return json(400, { error: `mode must be one of ${API_FAILURES.join(', ')}` });
    state.failure = { mode: request.data.mode, retryAfterSeconds: request.data.retryAfterSeconds ?? 5 };
    return { status: 204, headers: {}, body: '' };
  }
  return json(404, { error: 'Unknown demo control' });
}

// ---------- pages ----------

/** The session cookie for an agent page: the rep's own while it is still valid, otherwise a new one. */
function sessionCookie(state: State, req: http.IncomingMessage, vendor: Vendor): string {
  const name = VENDORS[vendor].cookie;
  const current = cookieValue(req.headers.cookie, name);
  const session = current && state.sessions.has(current) ? current : randomBytes(24).toString('hex');
  state.sessions.add(session);
  return `${name}=${session}; Path=/;${state.tls ? ' Secure;' : ''} HttpOnly; SameSite=Lax`;
}

function agentPage(state: State, req: http.IncomingMessage, path: string): Reply {
  const cookie = sessionCookie(state, req, 'zendesk');
  const openTabs = String(req.headers['x-demo-open-tabs'] ?? '')
    .split(',')
    .map(Number)
    .filter((id) => Number.isInteger(id) && id > 0);
  const page = renderAgentPage(state.seed, path, openTabs);
  const headers = { 'set-cookie': cookie, 'cache-control': 'no-store', vary: 'X-Demo-Partial' };
  // In-app navigation asks for just the main pane (see agent.js).
  if (req.headers['x-demo-partial'] === '1') {
    return html(page.status, page.main, { ...headers, 'x-demo-title': encodeURIComponent(page.title) });
  }
  return html(page.status, renderAgentDocument(state.seed, page), headers);
}

/** A Freshdesk or Jira page, whole or (for in-app navigation, see agent.js) just its main pane. */
function otherVendorPage(state: State, req: http.IncomingMessage, path: string, vendor: 'freshdesk' | 'jsm'): Reply {
  const cookie = sessionCookie(state, req, vendor);
  const page: DemoPage =
    vendor === 'freshdesk' ? renderFreshdeskPage(state.seed, path) : renderJsmPage(state.seed, path);
  const headers = { 'set-cookie': cookie, 'cache-control': 'no-store', vary: 'X-Demo-Partial' };
  if (req.headers['x-demo-partial'] === '1') {
    return html(page.status, page.main, { ...headers, 'x-demo-title': encodeURIComponent(page.title) });
  }
  const document =
    vendor === 'freshdesk' ? renderFreshdeskDocument(state.seed, page) : renderJsmDocument(state.seed, page);
  return html(page.status, document, headers);
}

function freshdeskRoute(state: State, req: http.IncomingMessage, path: string): Reply {
  if (path === '/' || path === '/a' || path === '/a/') return redirect('/a/dashboard/default');
  if (path === VENDORS.freshdesk.loginPath) return html(200, renderFreshdeskLogin());
  if (path.startsWith('/a/')) return otherVendorPage(state, req, path, 'freshdesk');
  return notFoundPage();
}

/** A Zoho Desk page under its CSP; `?desk_urls=inline` sets desk_urls inline, where the CSP blocks it. */
function zohodeskRoute(state: State, req: http.IncomingMessage, url: URL): Reply {
  const path = url.pathname;
  const csp = { 'content-security-policy': ZOHODESK_CSP };
  if (path === '/' || path === '/agent' || path === '/agent/') return redirect(zohoLanding(state.seed));
  if (path === VENDORS.zohodesk.loginPath) return html(200, renderZohodeskLogin(), csp);
  if (path === DESK_URLS_SCRIPT) {
    const headers = { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' };
    return { status: 200, headers, body: deskUrlsScript(state.seed) };
  }
  if (!path.startsWith('/agent/')) return notFoundPage();
  const page = renderZohodeskPage(state.seed, path);
  const headers = { ...csp, 'set-cookie': sessionCookie(state, req, 'zohodesk'), 'cache-control': 'no-store' };
  if (req.headers['x-demo-partial'] === '1') {
    return html(page.status, page.main, { ...headers, 'x-demo-title': encodeURIComponent(page.title) });
  }
  const mode = url.searchParams.get('desk_urls') === 'inline' ? 'inline' : 'file';
  return html(page.status, renderZohodeskDocument(state.seed, page, mode), headers);
}

function jsmRoute(state: State, req: http.IncomingMessage, path: string): Reply {
  const queues = `/jira/servicedesk/projects/${state.seed.jsm.project.key}/queues`;
  if (path === '/' || path === '/jira' || path === queues || path === `${queues}/`)
    return redirect(`${queues}/custom/1`);
  if (path === VENDORS.jsm.loginPath) return html(200, renderJsmLogin());
  if (path.startsWith('/browse/') || path.startsWith('/jira/')) return otherVendorPage(state, req, path, 'jsm');
  return notFoundPage();
}

/** A failure switched on with setApiFailure, as a token API answers it; null when none is on. */
function injectedFailure(state: State): Reply | 'down' | null {
  const { mode, retryAfterSeconds } = state.failure;
  if (mode === 'down') return 'down';
  if (mode === '401' || mode === '403') return json(Number(mode), { message: 'Unauthorized' });
  if (mode === '429') return json(429, { message: 'Too many requests' }, { 'retry-after': String(retryAfterSeconds) });
  if (mode === '500') return json(500, { message: 'Internal server error' });
  return null;
}

/** Slack's Web API, answered by the stand-in for the team feed. */
async function slackRoute(state: State, req: http.IncomingMessage, url: URL): Promise<Reply | null> {
  if (url.host.replace(/:\d+$/, '').toLowerCase() !== SLACK_HOST) return null;
  const body = await readBody(req);
  const call = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body };
  state.requestLog.push({ method: call.method, path: url.pathname, at: Date.now() });
  return state.slack.route(call);
}

async function tokenApiRoute(state: State, req: http.IncomingMessage, url: URL, origin: string) {
  const vendor = tokenApiFor(url.host);
  if (!vendor) return null;
  const body = await readBody(req);
  const call = {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    body,
    origin,
  };
  const reply = vendor.route(call, state.seed);
  if (!reply) return null;
  state.requestLog.push({ method: call.method, path: url.pathname + url.search, at: Date.now() });
  return injectedFailure(state) ?? reply;
}

async function route(state: State, req: http.IncomingMessage, url: URL, origin: string): Promise<Reply | 'down'> {
  const path = url.pathname;
  const vendor = vendorOf(url.host);
  if (path.startsWith('/__demo/')) return control(state, req, path);
  const viaSlack = await slackRoute(state, req, url);
  if (viaSlack) return viaSlack;
  const viaToken = await tokenApiRoute(state, req, url, origin);
  if (viaToken) return viaToken;
  if (path.startsWith(VENDORS[vendor].apiPrefix)) {
    const logged = { method: req.method ?? 'GET', path: path + url.search, at: Date.now() };
    state.requestLog.push(vendor === 'zohodesk' ? { ...logged, orgId: orgIdOf(req) ?? null } : logged);
    return apiReply(state, req, url, origin, vendor);
  }
  if (path === '/assets/agent.js') {
    return { status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8' }, body: state.agentScript };
  }
  if (vendor === 'freshdesk') return freshdeskRoute(state, req, path);
  if (vendor === 'jsm') return jsmRoute(state, req, path);
  if (vendor === 'zohodesk') return zohodeskRoute(state, req, url);
  if (path === '/' || path === '/agent' || path === '/agent/') return redirect('/agent/dashboard');
  if (path === '/access/login') return html(200, renderLoginPage());
  if (path.startsWith('/agent/')) return agentPage(state, req, path);
  return notFoundPage();
}

// ---------- server ----------

export async function startDemoHelpdesk(opts: DemoHelpdeskOptions = {}): Promise<DemoHelpdesk> {
  const tls = opts.tls ?? true;
  const seed = makeSeed(opts.now ?? Date.now());
  const state: State = {
    seed,
    slack: slackStandIn(seed.now),
    tls,
    failure: { mode: 'none', retryAfterSeconds: 5 },
    sessions: new Set(),
    requestLog: [],
    // Node's URL: under jsdom (component tests) the global one does not resolve file: URLs.
    agentScript: readFileSync(new NodeURL('./agent.js', import.meta.url), 'utf8'),
  };
  const scheme = tls ? 'https' : 'http';
  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const origin = `${scheme}://${req.headers.host ?? '127.0.0.1'}`;
    route(state, req, new URL(req.url ?? '/', origin), origin)
      .then((reply) => {
        if (reply === 'down') req.socket.destroy();
        else res.writeHead(reply.status, reply.headers).end(reply.body);
      })
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`Demo helpdesk error: ${String(error)}`);
      });
  };
  const server = tls
    ? https.createServer(
        await throwawayCertificate('Kept demo helpdesk', [
          ...helpdeskHosts(),
          ...TOKEN_API_VENDORS.flatMap((vendor) => vendor.hosts),
          SLACK_HOST,
          'localhost',
        ]),
        handler,
      )
    : http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    origin: (host) => `${scheme}://${host}:${port}`,
    localUrl: `${scheme}://127.0.0.1:${port}`,
    seed: state.seed,
    setApiFailure(mode, failureOpts = {}) {
      state.failure = { mode, retryAfterSeconds: failureOpts.retryAfterSeconds ?? 5 };
    },
    requestLog: state.requestLog,
    slack: state.slack,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

const LANDING: Record<Vendor, string> = {
  zendesk: '/agent/dashboard',
  freshdesk: '/a/dashboard/default',
  jsm: '/jira/your-work',
  zohodesk: '/agent/acmesupport/customer-care/tickets/list/all-tickets',
};

/**
 * Opens an agent page like a signed-in rep and returns the `Cookie` header value for API calls,
 * e.g. fetch(`${helpdesk.localUrl}/api/v2/tickets/1001.json`, { headers: { cookie } }). Works for HTTP and HTTPS.
 * `host` (e.g. 'acme.freshdesk.com') picks the helpdesk the demo answers as; Zendesk when omitted.
 */
export function sessionCookieFor(helpdesk: Pick<DemoHelpdesk, 'localUrl'>, host?: string): Promise<string> {
  const vendor = host ? vendorOf(host) : 'zendesk';
  const name = VENDORS[vendor].cookie;
  const url = `${helpdesk.localUrl}${LANDING[vendor]}`;
  const headers = host ? { host } : {};
  return new Promise((resolve, reject) => {
    const onResponse = (res: http.IncomingMessage): void => {
      res.resume();
      const cookie = res.headers['set-cookie']?.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith(`${name}=`));
      if (cookie) resolve(cookie);
      else reject(new Error(`No ${name} cookie from ${url}`));
    };
    const req = url.startsWith('https:')
      ? https.get(url, { rejectUnauthorized: false, headers, ...(host ? { servername: host } : {}) }, onResponse)
      : http.get(url, { headers }, onResponse);
    req.on('error', reject);
  });
}

// api.helpscout.net as the demo answers it: Mailbox API 2.0 with OAuth2 client credentials (docs/helpdesks.md §3).
// `POST /v2/oauth2/token` trades an app's id and secret for an access token; every other call wants that token as
// its Bearer. `GET /v2/conversations` searches with `query=(customerIds:…)` or `query=(email:"…")`, lists only
// active conversations unless `status` says otherwise, and pages 25 at a time (HAL: `_embedded`, `_links`, `page`).

import { randomBytes } from 'node:crypto';
import { type ApiCall, bearerOf, type TokenApiVendor } from './api-call';
import { intParam, json, type Reply } from './replies';
import { iso, type Seed } from './seed';

const HOST = 'api.helpscout.net';
const ORIGIN = `https://${HOST}`;
const CREDENTIALS = { user: 'kEpTdEmOhElPsCoUtApP00000000001', secret: 'helpscout-demo-app-secret-7c2a' };
/** Help Scout's access tokens last two days. */
const TOKEN_LIFE_SECONDS = 172_800;
const PAGE_SIZE = 25;
const HOUR = 3_600_000;
const MAILBOX_ID = 245781;
const FOLDER_ID = 7130521;

type Status = 'active' | 'pending' | 'closed' | 'spam';
type Type = 'email' | 'chat' | 'phone';

interface Customer {
  id: number;
  first: string;
  last: string;
  email: string;
}
interface Conversation {
  number: number;
  customer: Customer;
  subject: string;
  status: Status;
  type: Type;
  tags: string[];
  assigned: boolean;
  preview: string;
  hoursAgo: number;
}

const ZOE: Customer = { id: 318560114, first: 'Zoë', last: 'Ångström', email: 'zoe.angstrom@fabrikam.com' };
const HANNAH: Customer = {
  id: 318554902,
  first: 'Hannah',
  last: 'Schmidt',
  email: 'hannah.schmidt@globex-logistics.de',
};
const AGENT = { id: 447723, first: 'Priya', last: 'Nair', email: 'priya.nair@acme.example' };

/** Zoë's own words, newest first; older conversations repeat these topics, as a long-time customer's do. */
const ZOE_TOPICS: ReadonlyArray<readonly [string, Type, string[], string]> = [
  [
    "SSO users can't reach the billing page",
    'email',
    ['sso', 'billing'],
    'Hi team,\nSince we turned on SSO, our finance people get "access denied" on the billing page.',
  ],
  [
    'Invoice export is missing March',
    'email',
    ['invoices', 'export'],
    'Hello,\nThe CSV export of our invoices skips every invoice from March.',
  ],
  ['Can we add two seats mid-term?', 'chat', ['seats'], 'Two new people join the finance team next week.'],
  [
    'Renewal quote lists 40 seats',
    'email',
    ['renewal', 'quote'],
    'The renewal quote lists 40 seats but we only use 32.',
  ],
  [
    'Call back about the purchase order',
    'phone',
    ['billing'],
    'Zoë asked for a call about the purchase order number on invoices.',
  ],
  [
    'VAT number on invoices',
    'email',
    ['invoices', 'vat'],
    'Please print our VAT number SE556677889901 on every invoice.',
  ],
];

/** Thirty conversations: more than one page of 25. */
function zoeConversations(): Conversation[] {
  return [0, 1, 2, 3, 4].flatMap((round) =>
    ZOE_TOPICS.map(([subject, type, tags, preview], k): Conversation => {
      const i = round * ZOE_TOPICS.length + k;
      return {
        number: 4903 - i,
        customer: ZOE,
        subject: round === 0 ? subject : `${subject} (${round + 1})`,
        status: i === 0 ? 'active' : i === 1 ? 'pending' : 'closed',
        type,
        tags: [...tags],
        assigned: i % 3 !== 0,
        preview,
        hoursAgo: i === 0 ? 2 : 30 + i * 240,
      };
    }),
  );
}

const CONVERSATIONS: Conversation[] = [
  ...zoeConversations(),
  {
    number: 4821,
    customer: HANNAH,
    subject: 'Customs paperwork for shipment to Hamburg',
    status: 'active',
    type: 'email',
    tags: ['customs'],
    assigned: true,
    preview: 'We need the commercial invoice for the Hamburg shipment in German.',
    hoursAgo: 5,
  },
];

const idOf = (c: Conversation) => 2146893412 + (c.number - 4821) * 7;

/** Access tokens handed out, for as long as the demo runs. */
const issued = new Set<string>();

const person = (p: Customer | typeof AGENT, type: 'customer' | 'user') => ({
  id: p.id,
  first: p.first,
  last: p.last,
  email: p.email,
  type,
});

/** When the conversation began, and when someone last touched it (a few hours later). */
function timesOf(seed: Seed, c: Conversation) {
  const created = seed.now - c.hoursAgo * HOUR;
  return { created, updated: created + Math.min(c.hoursAgo, 20) * HOUR * 0.5 };
}

function apiConversation(seed: Seed, c: Conversation) {
  const { created, updated } = timesOf(seed, c);
  const id = idOf(c);
  return {
    id,
    number: c.number,
    threads: 2,
    type: c.type,
    folderId: FOLDER_ID,
    status: c.status,
    state: 'published',
    subject: c.subject,
    preview: c.preview,
    mailboxId: MAILBOX_ID,
    ...(c.assigned ? { assignee: person(AGENT, 'user') } : {}),
    createdBy: person(c.customer, 'customer'),
    createdAt: iso(created),
    ...(c.status === 'closed'
      ? { closedBy: AGENT.id, closedByUser: person(AGENT, 'user'), closedAt: iso(updated) }
      : {}),
    userUpdatedAt: iso(updated),
    customerWaitingSince: { time: iso(created), friendly: `${Math.round(c.hoursAgo)}h` },
    source: { type: c.type === 'chat' ? 'chat' : c.type === 'phone' ? 'phone' : 'email', via: 'customer' },
    tags: c.tags.map((tag, i) => ({ id: 9100 + i, color: '#929499', tag })),
    cc: [],
    bcc: [],
    primaryCustomer: person(c.customer, 'customer'),
    customFields: [],
    _links: {
      mailbox: { href: `${ORIGIN}/v2/mailboxes/${MAILBOX_ID}` },
      primaryCustomer: { href: `${ORIGIN}/v2/customers/${c.customer.id}` },
      createdByCustomer: { href: `${ORIGIN}/v2/customers/${c.customer.id}` },
      self: { href: `${ORIGIN}/v2/conversations/${id}` },
      threads: { href: `${ORIGIN}/v2/conversations/${id}/threads` },
      web: { href: `https://secure.helpscout.net/conversation/${id}/${c.number}` },
    },
  };
}

/** Help Scout's unified error body. */
const error = (status: number, message: string): Reply =>
  json(status, {
    logRef: `${randomBytes(4).toString('hex')}-demo`,
    message,
    _links: { about: { href: 'https://developer.helpscout.net/mailbox-api/overview/errors' } },
  });

/** The token endpoint takes a form, JSON or query parameters. */
function grantOf(call: ApiCall): URLSearchParams {
  const type = String(call.headers['content-type'] ?? '');
  if (type.includes('application/json')) {
    try {
      const value: unknown = JSON.parse(call.body);
      if (typeof value === 'object' && value !== null) {
        return new URLSearchParams(Object.entries(value).map(([k, v]) => [k, String(v)]));
      }
    } catch {
      return new URLSearchParams();
    }
  }
  return new URLSearchParams(call.body || call.query.toString());
}

function token(call: ApiCall): Reply {
  if (call.method !== 'POST') return error(405, 'Method not allowed');
  const grant = grantOf(call);
  if (grant.get('grant_type') !== 'client_credentials') {
    return json(400, { error: 'unsupported_grant_type', error_description: 'Unsupported grant type' });
  }
  if (grant.get('client_id') !== CREDENTIALS.user || grant.get('client_secret') !== CREDENTIALS.secret) {
    return json(401, { error: 'invalid_client', error_description: 'Bad client credentials' });
  }
  const accessToken = randomBytes(16).toString('hex');
  issued.add(accessToken);
  return json(200, { token_type: 'bearer', access_token: accessToken, expires_in: TOKEN_LIFE_SECONDS });
}

/** `(customerIds:123)` or `(email:"x@y")`: the two searches Kept makes; anything else is refused. */
function matcherOf(query: string | null): ((c: Conversation) => boolean) | null {
  if (query === null) return () => true;
  const ids = /^\(customerIds:(\d+(?:,\d+)*)\)$/.exec(query)?.[1];
  if (ids) return (c) => ids.split(',').includes(String(c.customer.id));
  const email = /^\(email:"((?:[^"\\]|\\.)*)"\)$/.exec(query)?.[1];
  if (email !== undefined) {
    const wanted = email.replace(/\\(.)/g, '$1').toLowerCase();
    return (c) => c.customer.email.toLowerCase() === wanted;
  }
  return null;
}

const SORT_FIELDS = new Set(['createdAt', 'modifiedAt', 'number']);

function list(call: ApiCall, seed: Seed): Reply {
  const status = call.query.get('status') ?? 'active';
  const sortField = call.query.get('sortField') ?? 'createdAt';
  const sortOrder = call.query.get('sortOrder') ?? 'desc';
  const page = intParam(call.query, 'page', 1);
  const matches = matcherOf(call.query.get('query'));
  if (!matches || Number.isNaN(page) || !SORT_FIELDS.has(sortField) || !['asc', 'desc'].includes(sortOrder)) {
    return error(400, 'Bad request');
  }
  if (!['all', 'active', 'pending', 'closed', 'spam'].includes(status)) return error(400, 'Bad request');
  const key = (c: Conversation) =>
    sortField === 'number' ? c.number : timesOf(seed, c)[sortField === 'createdAt' ? 'created' : 'updated'];
  const found = CONVERSATIONS.filter(
    (c) => matches(c) && (status === 'all' ? c.status !== 'spam' : c.status === status),
  ).sort((a, b) => (sortOrder === 'desc' ? key(b) - key(a) : key(a) - key(b)));
  const totalPages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
  const shown = found.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const at = (n: number) => {
    const params = new URLSearchParams(call.query);
    params.set('page', String(n));
    return { href: `${ORIGIN}/v2/conversations?${params}` };
  };
  return json(200, {
    // Help Scout leaves `_embedded` out of an empty result.
    ...(shown.length > 0 ? { _embedded: { conversations: shown.map((c) => apiConversation(seed, c)) } } : {}),
    _links: {
      self: at(page),
      first: at(1),
      last: at(totalPages),
      ...(page < totalPages ? { next: at(page + 1) } : {}),
      ...(page > 1 ? { previous: at(page - 1) } : {}),
      page: { href: `${ORIGIN}/v2/conversations{?page}`, templated: true },
    },
    page: { size: PAGE_SIZE, totalElements: found.length, totalPages, number: page },
  });
}

/** A conversation's threads, newest first as Help Scout lists them: the customer's, an event, and the agent's reply. */
function threadsOf(seed: Seed, c: Conversation) {
  const { created, updated } = timesOf(seed, c);
  const thread = (n: number, type: string, by: Customer | typeof AGENT, body: string | null, at: number) => ({
    id: idOf(c) * 10 + n,
    type,
    status: 'active',
    state: 'published',
    ...(body === null ? { action: { type: 'assigned', text: 'assigned this conversation' } } : { body }),
    source: { type: 'email', via: by === AGENT ? 'user' : 'customer' },
    createdBy: person(by, by === AGENT ? 'user' : 'customer'),
    createdAt: iso(at),
  });
  const threads = [thread(0, 'customer', c.customer, `<p>${c.preview}</p>`, created)];
  if (c.assigned) {
    threads.push(thread(1, 'lineitem', AGENT, null, created + 60_000));
    threads.push(thread(2, 'message', AGENT, `<p>Hi ${c.customer.first},</p><p>thanks, looking into it.</p>`, updated));
  }
  return threads.reverse();
}

function api(call: ApiCall, seed: Seed): Reply {
  if (call.path === '/v2/oauth2/token') return token(call);
  const accessToken = bearerOf(call);
  if (!accessToken || !issued.has(accessToken)) return error(401, 'Unauthorized');
  if (call.method !== 'GET') return error(405, 'Method not allowed');
  if (call.path === '/v2/users/me') {
    return json(200, {
      id: AGENT.id,
      firstName: AGENT.first,
      lastName: AGENT.last,
      email: AGENT.email,
      role: 'owner',
      timezone: 'Europe/Dublin',
      type: 'user',
      createdAt: iso(seed.now - 900 * 24 * HOUR),
      updatedAt: iso(seed.now - 24 * HOUR),
      _links: { self: { href: `${ORIGIN}/v2/users/${AGENT.id}` } },
    });
  }
  if (call.path === '/v2/conversations') return list(call, seed);
  const threads = /^\/v2\/conversations\/(\d+)\/threads$/.exec(call.path)?.[1];
  const conversation = CONVERSATIONS.find((c) => String(idOf(c)) === threads);
  if (conversation) {
    const all = threadsOf(seed, conversation);
    return json(200, {
      _embedded: { threads: all },
      page: { size: PAGE_SIZE, totalElements: all.length, totalPages: 1, number: 1 },
    });
  }
  return error(404, 'Resource not found');
}

export const helpscoutApi: TokenApiVendor = {
  name: 'Help Scout',
  matches: (host) => host === HOST,
  hosts: [HOST],
  credentials: CREDENTIALS,
  route: api,
};

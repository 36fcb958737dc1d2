// api2.frontapp.com as the demo answers it: Front's Core API with a Bearer API token (docs/helpdesks.md §5). `GET /me`,
// and `GET /contacts/{contact}/conversations`, where the contact is its id or an alias such as `alt:email:…`; lists
// are `_results` with `_pagination.next`, a full URL on the company's own API host (`acme.api.frontapp.com`) that
// repeats the query with a `page_token`; `limit` is at most 100.

import { type ApiCall, bearerOf, type TokenApiVendor } from './api-call';
import { intParam, json, offsetOf, pageToken, type Reply } from './replies';
import type { Seed } from './seed';

const HOST = 'api2.frontapp.com';
/** Front's links name the company's own API host. */
const COMPANY_ORIGIN = 'https://acme.api.frontapp.com';
const HOUR = 3_600_000;
const MAX_LIMIT = 100;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** Front's API tokens are JWTs. */
const CREDENTIALS = {
  secret: [
    b64({ alg: 'HS256', typ: 'JWT' }),
    b64({ scopes: ['shared:*'], iss: 'front', sub: 'acme', jti: 'kept-demo' }),
    'a2VwdC1kZW1vLWZyb250LXNpZ25hdHVyZQ',
  ].join('.'),
};

type Status = 'assigned' | 'unassigned' | 'archived';

interface Contact {
  id: string;
  name: string;
  email: string;
}
interface Conversation {
  /** Front's number for the conversation; the API id is `cnv_` + its base 36. */
  number: number;
  contact: Contact;
  subject: string;
  status: Status;
  tags: string[];
  hoursAgo: number;
}

const ZOE: Contact = { id: 'crd_2b7k9x1', name: 'Zoë Ångström', email: 'zoe.angstrom@fabrikam.com' };
const HANNAH: Contact = { id: 'crd_2b7k4m0', name: 'Hannah Schmidt', email: 'hannah.schmidt@globex-logistics.de' };
const TEAMMATE = { id: 'tea_6r55a', email: 'priya.nair@acme.example', username: 'priya', first: 'Priya', last: 'Nair' };

const CONVERSATIONS: Conversation[] = [
  [117421069400, "SSO users can't reach the billing page", 'assigned', ['sso', 'billing'], 2],
  [117421069391, 'Invoice export is missing March', 'archived', ['invoices'], 500],
  [117421069377, 'Can we add two seats mid-term?', 'archived', ['seats'], 1100],
  [117421069352, 'Renewal quote lists 40 seats', 'archived', ['renewal', 'quote'], 2400],
  [117421069340, 'VAT number on invoices', 'unassigned', [], 3100],
  [117421069333, 'Password reset email never arrives', 'archived', ['login'], 5200],
  [117421069321, 'Welcome call for the finance team', 'archived', [], 8000],
].map(([number, subject, status, tags, hoursAgo]) => ({
  number: Number(number),
  contact: ZOE,
  subject: String(subject),
  status: status as Status,
  tags: tags as string[],
  hoursAgo: Number(hoursAgo),
}));
CONVERSATIONS.push({
  number: 117421069338,
  contact: HANNAH,
  subject: 'Customs paperwork for shipment to Hamburg',
  status: 'assigned',
  tags: ['customs'],
  hoursAgo: 7,
});

const apiIdOf = (c: Conversation) => `cnv_${c.number.toString(36)}`;
const seconds = (ms: number) => Math.round(ms) / 1000;

function teammate() {
  return {
    _links: { self: `${COMPANY_ORIGIN}/teammates/${TEAMMATE.id}` },
    id: TEAMMATE.id,
    email: TEAMMATE.email,
    username: TEAMMATE.username,
    first_name: TEAMMATE.first,
    last_name: TEAMMATE.last,
    is_admin: true,
    is_available: true,
    is_blocked: false,
    type: 'user',
    custom_fields: {},
  };
}

function apiConversation(seed: Seed, c: Conversation) {
  const id = apiIdOf(c);
  const self = `${COMPANY_ORIGIN}/conversations/${id}`;
  const created = seed.now - c.hoursAgo * HOUR + 123;
  const updated = created + Math.min(c.hoursAgo, 30) * HOUR * 0.4;
  return {
    _links: {
      self,
      related: {
        events: `${self}/events`,
        followers: `${self}/followers`,
        messages: `${self}/messages`,
        comments: `${self}/comments`,
        inboxes: `${self}/inboxes`,
        last_message: `${COMPANY_ORIGIN}/messages/msg_${(c.number * 3).toString(36)}?referer=conversation`,
      },
    },
    id,
    subject: c.subject,
    status: c.status,
    ticket_ids: [],
    assignee: c.status === 'unassigned' ? null : teammate(),
    recipient: {
      _links: { related: { contact: `${COMPANY_ORIGIN}/contacts/${c.contact.id}` } },
      name: c.contact.name,
      handle: c.contact.email,
      role: 'from',
    },
    tags: c.tags.map((name, i) => ({
      _links: { self: `${COMPANY_ORIGIN}/tags/tag_${(900 + i).toString(36)}` },
      id: `tag_${(900 + i).toString(36)}`,
      name,
      description: null,
      highlight: 'blue',
      is_private: false,
      is_visible_in_conversation_lists: false,
      created_at: seconds(seed.now - 9000 * HOUR),
      updated_at: seconds(seed.now - 9000 * HOUR),
    })),
    links: [],
    custom_fields: {},
    created_at: seconds(created),
    updated_at: seconds(updated),
    waiting_since: seconds(created),
    is_private: false,
    scheduled_reminders: [],
    metadata: {},
  };
}

/** Front's error body. */
const error = (status: number, title: string, message: string): Reply =>
  json(status, { _error: { status, title, message, details: [] } });

/** The contact a path names: by id, or by a handle alias `alt:{source}:{handle}`. */
function contactOf(raw: string): Contact | undefined {
  const name = decodeURIComponent(raw);
  const alias = /^alt:email:(.+)$/.exec(name)?.[1]?.toLowerCase();
  return [ZOE, HANNAH].find((c) => (alias ? c.email.toLowerCase() === alias : c.id === name));
}

function conversationsOf(call: ApiCall, seed: Seed, raw: string): Reply {
  const contact = contactOf(raw);
  if (!contact) return error(404, 'Not found', 'Unknown contact');
  const limit = intParam(call.query, 'limit', 50);
  const token = call.query.get('page_token');
  const offset = token === null ? 0 : offsetOf(token);
  if (Number.isNaN(limit) || limit > MAX_LIMIT || offset === undefined) {
    return error(400, 'Bad request', 'Invalid query parameters');
  }
  // Most recent activity first.
  const all = CONVERSATIONS.filter((c) => c.contact === contact).sort((a, b) => a.hoursAgo - b.hoursAgo);
  const shown = all.slice(offset, offset + limit);
  const link = (params: URLSearchParams) => `${COMPANY_ORIGIN}${call.path}?${params}`;
  const next = new URLSearchParams(call.query);
  next.set('page_token', pageToken(offset + limit));
  return json(200, {
    _pagination: { next: offset + limit < all.length ? link(next) : null },
    _links: { self: link(call.query) },
    _results: shown.map((c) => apiConversation(seed, c)),
  });
}

/** A conversation's messages, oldest first: the contact's, and the teammate's reply once it was handled. */
function messagesOf(seed: Seed, c: Conversation) {
  const created = (seed.now - c.hoursAgo * HOUR + 123) / 1000;
  const message = (n: number, inbound: boolean, text: string, at: number) => ({
    _links: { self: `${COMPANY_ORIGIN}/messages/msg_${(c.number * 10 + n).toString(36)}` },
    id: `msg_${(c.number * 10 + n).toString(36)}`,
    type: 'email',
    is_inbound: inbound,
    created_at: at,
    subject: n === 0 ? c.subject : `Re: ${c.subject}`,
    blurb: text.slice(0, 80),
    author: inbound ? null : teammate(),
    recipients: [{ name: inbound ? c.contact.name : `${TEAMMATE.first} ${TEAMMATE.last}`, handle: 'x', role: 'from' }],
    body: `<p>${text}</p>`,
    text,
    attachments: [],
  });
  const first = message(0, true, c.subject, created);
  return c.status === 'unassigned'
    ? [first]
    : [first, message(1, false, `Hi ${c.contact.name.split(' ')[0]}, thanks, we are on it.`, created + 1800.5)];
}

function api(call: ApiCall, seed: Seed): Reply {
  if (bearerOf(call) !== CREDENTIALS.secret) return error(401, 'Unauthorized', 'Invalid token');
  if (call.method !== 'GET') return error(405, 'Method not allowed', 'Only GET is answered here');
  if (call.path === '/me') {
    return json(200, { _links: { self: `${COMPANY_ORIGIN}/me` }, id: 'cmp_k30', name: 'Acme Support' });
  }
  const contact = /^\/contacts\/([^/]+)\/conversations$/.exec(call.path)?.[1];
  if (contact) return conversationsOf(call, seed, contact);
  const messages = /^\/conversations\/(cnv_[0-9a-z]+)\/messages$/.exec(call.path)?.[1];
  const conversation = CONVERSATIONS.find((c) => apiIdOf(c) === messages);
  if (conversation) return json(200, { _pagination: { next: null }, _results: messagesOf(seed, conversation) });
  return error(404, 'Not found', 'Unknown route');
}

export const frontApi: TokenApiVendor = {
  name: 'Front',
  matches: (host) => host === HOST,
  hosts: [HOST],
  credentials: CREDENTIALS,
  route: api,
};

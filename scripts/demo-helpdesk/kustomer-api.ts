// {org}.api.kustomerapp.com as the demo answers it: Kustomer's API with a Bearer API key (docs/helpdesks.md §11).
// `GET /v1/users/current`, and `GET /v1/customers/{id}/conversations` in JSON:API form (`data[]` with `attributes`
// and `relationships`), paged with `page` and `pageSize` and a relative `links.next`. One organisation, acme, is known;
// a key sent to another organisation's host is refused like a wrong key.

import { type ApiCall, bearerOf, type TokenApiVendor } from './api-call';
import { intParam, json, type Reply } from './replies';
import type { Seed } from './seed';

const ORG = 'acme';
const API_HOST = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.api\.kustomerapp\.com$/;
const HOUR = 3_600_000;
const MAX_PAGE_SIZE = 100;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** Kustomer's API keys are JWTs naming the organisation and the key's roles. */
const CREDENTIALS = {
  account: ORG,
  secret: [
    b64({ alg: 'HS256', typ: 'JWT' }),
    b64({ id: '66a0f1e2d3c4b5a697887766', org: ORG, roles: ['org.permission.conversation.read'] }),
    'a2VwdC1kZW1vLWt1c3RvbWVyLXNpZ25hdHVyZQ',
  ].join('.'),
};

type Status = 'open' | 'snoozed' | 'done';

interface Conversation {
  id: string;
  customerId: string;
  name: string;
  preview: string;
  status: Status;
  channel: string;
  hoursAgo: number;
}

const ZOE_ID = '65a1f3c27d4e2b0019c0ffee';
const HANA_ID = '64b7e2a91c0f4d0012ab34cd';
const AGENT_ID = '5f1e2d3c4b5a69788796a5b4';

/** A conversation's object id: Kustomer's ids are 24 hex digits. */
const objectId = (n: number) => `66b0c1d2e3f40a0012${n.toString(16).padStart(6, '0')}`;

const CONVERSATIONS: Conversation[] = [
  [
    "SSO users can't reach the billing page",
    'Since we turned on SSO, finance gets "access denied".',
    'open',
    'email',
    2,
  ],
  ['', 'Hi! Can we add two seats mid-term?', 'snoozed', 'chat', 90],
  ['Invoice export is missing March', 'The CSV export skips every invoice from March.', 'done', 'email', 500],
  ['Renewal quote lists 40 seats', 'We only use 32 seats.', 'done', 'form', 1400],
  ['Call about the purchase order', 'Zoë asked for a call about the PO number.', 'done', 'voice', 2600],
  ['VAT number on invoices', 'Please print our VAT number on every invoice.', 'done', 'sms', 4100],
  ['Question about the Facebook page', 'Is your status page linked from Facebook?', 'done', 'facebook', 6000],
].map(([name, preview, status, channel, hoursAgo], i) => ({
  id: objectId(0x100 + i),
  customerId: ZOE_ID,
  name: String(name),
  preview: String(preview),
  status: status as Status,
  channel: String(channel),
  hoursAgo: Number(hoursAgo),
}));
CONVERSATIONS.push({
  id: '64c1f0e25a7d3b0019fe8812',
  customerId: HANA_ID,
  name: 'Damaged parcel on arrival',
  preview: 'The box was crushed and the lamp is broken.',
  status: 'open',
  channel: 'email',
  hoursAgo: 4,
});

const CUSTOMERS = new Set([ZOE_ID, HANA_ID]);

function apiConversation(seed: Seed, c: Conversation) {
  const created = new Date(seed.now - c.hoursAgo * HOUR).toISOString();
  const active = new Date(seed.now - c.hoursAgo * HOUR * 0.9).toISOString();
  return {
    type: 'conversation',
    id: c.id,
    attributes: {
      name: c.name,
      channels: [c.channel],
      status: c.status,
      messageCount: 2,
      noteCount: 0,
      satisfaction: 0,
      createdAt: created,
      updatedAt: active,
      modifiedAt: active,
      lastActivityAt: active,
      lastMessageAt: active,
      preview: c.preview,
      // Tags by id, as Kustomer keeps them.
      tags: c.status === 'done' ? ['5e8f7a6b5c4d3e2f1a0b9c8d'] : [],
      assignedUsers: c.status === 'open' ? [] : [AGENT_ID],
      assignedTeams: [],
      priority: 3,
      direction: 'in',
      ended: c.status === 'done',
      ...(c.status === 'snoozed' ? { snooze: { time: new Date(seed.now + 24 * HOUR).toISOString() } } : {}),
    },
    relationships: {
      customer: { data: { type: 'customer', id: c.customerId }, links: { self: `/v1/customers/${c.customerId}` } },
      org: {
        data: { type: 'org', id: '5c1a2b3c4d5e6f7081920304' },
        links: { self: '/v1/orgs/5c1a2b3c4d5e6f7081920304' },
      },
      messages: { links: { self: `/v1/conversations/${c.id}/messages` } },
    },
    links: { self: `/v1/conversations/${c.id}` },
  };
}

/** Kustomer's JSON:API error body. */
const error = (status: number, code: string, title: string): Reply =>
  json(status, { errors: [{ status, code, title }] });

function conversationsOf(call: ApiCall, seed: Seed, customerId: string): Reply {
  if (!CUSTOMERS.has(customerId)) return error(404, 'not_found', 'Customer not found');
  const pageSize = intParam(call.query, 'pageSize', MAX_PAGE_SIZE);
  const page = intParam(call.query, 'page', 1);
  if (Number.isNaN(pageSize) || Number.isNaN(page) || pageSize > MAX_PAGE_SIZE) {
    return error(400, 'invalid_query', 'Invalid query parameters');
  }
  const all = CONVERSATIONS.filter((c) => c.customerId === customerId).sort((a, b) => a.hoursAgo - b.hoursAgo);
  const shown = all.slice((page - 1) * pageSize, page * pageSize);
  const at = (n: number) => `${call.path}?page=${n}&pageSize=${pageSize}`;
  return json(200, {
    meta: { pageSize, page },
    links: {
      self: at(page),
      first: at(1),
      prev: page > 1 ? at(page - 1) : null,
      next: page * pageSize < all.length ? at(page + 1) : null,
    },
    data: shown.map((c) => apiConversation(seed, c)),
  });
}

/** A conversation's messages: the customer's first one, and the team's answer unless it is still open. */
function messagesOf(seed: Seed, c: Conversation) {
  const created = seed.now - c.hoursAgo * HOUR;
  const message = (n: number, direction: 'in' | 'out', preview: string, at: number) => ({
    type: 'message',
    id: `${c.id.slice(0, 18)}${(0xa00 + n).toString(16).padStart(6, '0')}`,
    attributes: { channel: c.channel, direction, preview, createdAt: new Date(at).toISOString() },
    relationships: { conversation: { data: { type: 'conversation', id: c.id } } },
  });
  const first = message(0, 'in', c.preview, created);
  return c.status === 'open' ? [first] : [first, message(1, 'out', 'Thanks, this is sorted now.', created + HOUR / 2)];
}

function api(call: ApiCall, seed: Seed, org: string): Reply {
  if (org !== ORG || bearerOf(call) !== CREDENTIALS.secret) return error(401, 'auth.unauthorized', 'Unauthorized');
  if (call.method !== 'GET') return error(405, 'method_not_allowed', 'Method Not Allowed');
  if (call.path === '/v1/users/current') {
    return json(200, {
      data: {
        type: 'user',
        id: AGENT_ID,
        attributes: { name: 'Priya Nair', displayName: 'Priya', email: 'priya.nair@acme.example' },
        links: { self: `/v1/users/${AGENT_ID}` },
      },
    });
  }
  const customer = /^\/v1\/customers\/([0-9a-f]{24})\/conversations$/.exec(call.path)?.[1];
  if (customer) return conversationsOf(call, seed, customer);
  const messages = /^\/v1\/conversations\/([0-9a-f]{24})\/messages$/.exec(call.path)?.[1];
  const conversation = CONVERSATIONS.find((c) => c.id === messages);
  if (conversation) return json(200, { data: messagesOf(seed, conversation), links: { next: null } });
  return error(404, 'not_found', 'Not Found');
}

export const kustomerApi: TokenApiVendor = {
  name: 'Kustomer',
  matches: (host) => API_HOST.test(host),
  hosts: ['*.api.kustomerapp.com'],
  credentials: CREDENTIALS,
  route: (call, seed) => api(call, seed, API_HOST.exec(new URL(call.origin).hostname)?.[1] ?? ''),
};

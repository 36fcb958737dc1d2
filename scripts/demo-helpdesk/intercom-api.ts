// Intercom's REST API (api.intercom.io, and its EU and AU hosts) as the demo answers it for Kept's token connection:
// a Bearer access token, the `Intercom-Version` header, `GET /conversations/{id}`, and `POST /conversations/search`
// with a query and `pagination.starting_after` cursors. Intercom's `error.list` body on refusals.
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { type ApiCall, bearerOf, type TokenApiVendor } from './api-call';
import { json, offsetOf, pageToken, type Reply } from './replies';
import type { Seed } from './seed';

/** The demo workspace, as the saved Intercom pages name it. */
export const INTERCOM_APP_ID = 'k9x2m4qp';
/** Zoë Ångström's contact. */
export const INTERCOM_ZOE_CONTACT = '6650f0c2a1b2c3d4e5f60718';
const AMARA_CONTACT = '64f1c2d3e4b5a6978812ab34';
const TOKEN = 'dG9rOjVmYWJyaWthbS1kZW1vOjE6MDpmN2UxYWI5OC0yYzQw';
const ADMIN = { id: '5512093', name: 'Priya Raman', email: 'priya.raman@fabrikam-support.com' };

/** Search pages hold up to 150; the demo answers 3 at most, so a handful of conversations still shows paging. */
const MOST_PER_PAGE = 150;
const DEMO_PAGE = 3;
const VERSIONS = new Set(['2.7', '2.8', '2.9', '2.10', '2.11', '2.12', '2.13', '2.14', 'Unstable']);

const MINUTE = 60;
const DAY = 1440;

interface ConversationSpec {
  id: string;
  contact: string;
  title: string | null;
  /** How it started: `conversation` is Messenger chat. */
  type: 'conversation' | 'email' | 'phone_call' | 'whatsapp';
  subject: string;
  body: string;
  state: 'open' | 'closed' | 'snoozed';
  tags: readonly string[];
  assignee: string | null;
  created: number;
  updated: number;
}

const CONVERSATIONS: readonly ConversationSpec[] = [
  {
    id: '215469873400101',
    contact: INTERCOM_ZOE_CONTACT,
    title: null,
    type: 'email',
    subject: 'Question about our annual renewal quote',
    body: '<p>Hi,</p><p>The renewal quote lists 40 seats but we only use 32. Can we renew for 32?</p>',
    state: 'closed',
    tags: ['renewal'],
    assignee: ADMIN.id,
    created: 420 * DAY,
    updated: 415 * DAY,
  },
  {
    id: '215469873400102',
    contact: INTERCOM_ZOE_CONTACT,
    title: 'Billing contact change',
    type: 'phone_call',
    subject: '',
    body: '<p>Please send invoices to finance@fabrikam.com from now on.</p>',
    state: 'closed',
    tags: [],
    assignee: ADMIN.id,
    created: 60 * DAY,
    updated: 58 * DAY,
  },
  {
    id: '215469873400103',
    contact: INTERCOM_ZOE_CONTACT,
    title: null,
    type: 'email',
    subject: 'Invoice export is missing March',
    body: '<p>Hello,</p><p>The CSV export of our invoices skips every invoice from March.<br>Could you check?</p>',
    state: 'closed',
    tags: ['invoices', 'export'],
    assignee: null,
    created: 21 * DAY,
    updated: 19 * DAY,
  },
  {
    id: '215469873400104',
    contact: INTERCOM_ZOE_CONTACT,
    title: null,
    type: 'conversation',
    subject: '',
    body: '<p>Hey there!</p><p>We need two more seats for the auditors &amp; their assistant.</p>',
    state: 'snoozed',
    tags: ['seats'],
    assignee: ADMIN.id,
    created: 6 * DAY,
    updated: 5 * DAY,
  },
  {
    id: '215469873400105',
    contact: INTERCOM_ZOE_CONTACT,
    title: null,
    type: 'whatsapp',
    subject: '',
    body: 'Is the audit log export ready?',
    state: 'open',
    tags: [],
    assignee: null,
    created: 4 * DAY,
    updated: 3 * DAY,
  },
  {
    id: '215469873400106',
    contact: INTERCOM_ZOE_CONTACT,
    title: 'Webhook retries flood our endpoint',
    type: 'conversation',
    subject: '',
    body: '<p>Your webhooks retry every second after a 500 from us. Is there a back-off?</p>',
    state: 'open',
    tags: ['api'],
    assignee: ADMIN.id,
    created: 2 * DAY,
    updated: 2 * DAY,
  },
  {
    id: '215469873400107',
    contact: INTERCOM_ZOE_CONTACT,
    title: null,
    type: 'conversation',
    subject: '',
    body: '<p>Since we turned on SSO, our finance people get <b>access denied</b> on the billing page.</p>',
    state: 'open',
    tags: ['sso', 'billing'],
    assignee: ADMIN.id,
    created: 90,
    updated: 45,
  },
  {
    id: '215469870118233',
    contact: AMARA_CONTACT,
    title: null,
    type: 'conversation',
    subject: '',
    body: '<p>Can you change my address?</p>',
    state: 'open',
    tags: [],
    assignee: null,
    created: 50,
    updated: 20,
  },
];

const PEOPLE: Record<string, { name: string; email: string }> = {
  [INTERCOM_ZOE_CONTACT]: { name: 'Zoë Ångström', email: 'zoe.angstrom@fabrikam.com' },
  [AMARA_CONTACT]: { name: 'Amara Okafor', email: 'amara.okafor@gmail.com' },
};

/** A conversation as the API shows it; `parts` only when one conversation is asked for. */
function apiConversation(seed: Seed, spec: ConversationSpec, parts: boolean) {
  const now = Math.floor(seed.now / 1000);
  const person = PEOPLE[spec.contact];
  const updatedAt = now - spec.updated * MINUTE;
  return {
    type: 'conversation',
    id: spec.id,
    title: spec.title,
    created_at: now - spec.created * MINUTE,
    updated_at: updatedAt,
    waiting_since: spec.state === 'open' ? updatedAt : null,
    snoozed_until: spec.state === 'snoozed' ? now + DAY * MINUTE : null,
    open: spec.state !== 'closed',
    state: spec.state,
    read: true,
    priority: 'not_priority',
    admin_assignee_id: spec.assignee === null ? null : Number(spec.assignee),
    team_assignee_id: null,
    tags: {
      type: 'tag.list',
      tags: spec.tags.map((name, i) => ({
        type: 'tag',
        id: String(7100 + i),
        name,
        applied_at: updatedAt,
        applied_by: { type: 'admin', id: ADMIN.id },
      })),
    },
    conversation_rating: null,
    source: {
      type: spec.type,
      id: `${spec.id}0`,
      delivered_as: 'customer_initiated',
      subject: spec.subject,
      body: spec.body,
      author: { type: 'user', id: spec.contact, name: person?.name ?? null, email: person?.email ?? null },
      attachments: [],
      url: null,
      redacted: false,
    },
    contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: spec.contact, external_id: null }] },
    teammates: { type: 'admin.list', admins: spec.assignee ? [{ type: 'admin', id: spec.assignee }] : [] },
    custom_attributes: {},
    first_contact_reply: null,
    sla_applied: null,
    statistics: null,
    ...(parts
      ? { conversation_parts: { type: 'conversation_part.list', conversation_parts: [], total_count: 0 } }
      : {}),
    linked_objects: { type: 'list', data: [], total_count: 0, has_more: false },
    ai_agent_participated: false,
  };
}

const errors = (status: number, code: string, message: string): Reply =>
  json(status, { type: 'error.list', request_id: randomUUID(), errors: [{ code, message }] });

const SingleFilter = z.object({
  field: z.string(),
  operator: z.enum(['=', '!=', 'IN', 'NIN', '<', '>', '~', '!~', '^', '$']),
  value: z.union([z.string(), z.number(), z.array(z.string()), z.array(z.number())]),
});
const SearchRequest = z.object({
  query: SingleFilter,
  pagination: z.optional(
    z.object({
      per_page: z.optional(z.number().check(z.int(), z.gte(1), z.lte(MOST_PER_PAGE))),
      starting_after: z.optional(z.nullable(z.string())),
    }),
  ),
});

/** The filters the demo understands: a conversation's contact or its own id, compared with `=`. */
const FIELDS: Record<string, (spec: ConversationSpec) => string> = {
  contact_ids: (spec) => spec.contact,
  id: (spec) => spec.id,
};

function search(call: ApiCall, seed: Seed): Reply {
  if (!String(call.headers['content-type'] ?? '').startsWith('application/json')) {
    return errors(415, 'unsupported_media_type', 'Content-Type must be application/json');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(call.body);
  } catch {
    return errors(400, 'parameter_invalid', 'Request body is not valid JSON');
  }
  const parsed = SearchRequest.safeParse(raw);
  if (!parsed.success) return errors(400, 'parameter_invalid', z.prettifyError(parsed.error));
  const { query, pagination } = parsed.data;
  const read = FIELDS[query.field];
  if (!read || query.operator !== '=' || typeof query.value !== 'string') {
    return errors(400, 'parameter_invalid', `The demo searches ${Object.keys(FIELDS).join(' or ')} with = only`);
  }
  const perPage = pagination?.per_page ?? 20;
  const cursor = pagination?.starting_after;
  const offset = cursor ? offsetOf(cursor) : 0;
  if (offset === undefined) return errors(400, 'parameter_invalid', 'starting_after is not a valid cursor');
  const found = CONVERSATIONS.filter((spec) => read(spec) === query.value).sort((a, b) => a.updated - b.updated);
  const page = found.slice(offset, offset + Math.min(perPage, DEMO_PAGE));
  const next = offset + page.length;
  return json(200, {
    type: 'conversation.list',
    conversations: page.map((spec) => apiConversation(seed, spec, false)),
    total_count: found.length,
    pages: {
      type: 'pages',
      page: Math.floor(offset / perPage) + 1,
      per_page: perPage,
      total_pages: Math.max(1, Math.ceil(found.length / perPage)),
      ...(next < found.length ? { next: { per_page: perPage, starting_after: pageToken(next) } } : {}),
    },
  });
}

export const intercomApi: TokenApiVendor = {
  name: 'Intercom',
  matches: (host) => host === 'api.intercom.io' || host === 'api.eu.intercom.io' || host === 'api.au.intercom.io',
  hosts: ['api.intercom.io', 'api.eu.intercom.io', 'api.au.intercom.io'],
  credentials: { account: 'us', secret: TOKEN },
  route(call, seed) {
    if (bearerOf(call) !== TOKEN) return errors(401, 'unauthorized', 'Access Token Invalid');
    const version = call.headers['intercom-version'];
    if (version !== undefined && (typeof version !== 'string' || !VERSIONS.has(version))) {
      return errors(400, 'intercom_version_invalid', 'The requested version could not be found');
    }
    if (call.path === '/me' && call.method === 'GET') {
      return json(200, {
        type: 'admin',
        id: ADMIN.id,
        email: ADMIN.email,
        name: ADMIN.name,
        email_verified: true,
        app: {
          type: 'app',
          id_code: INTERCOM_APP_ID,
          name: 'Fabrikam Support',
          region: 'US',
          timezone: 'Europe/Stockholm',
        },
        avatar: { type: 'avatar', image_url: null },
        has_inbox_seat: true,
      });
    }
    if (call.path === '/conversations/search') {
      return call.method === 'POST' ? search(call, seed) : errors(405, 'method_not_allowed', 'Use POST');
    }
    const one = /^\/conversations\/([^/]+)$/.exec(call.path);
    if (one && call.method === 'GET') {
      const spec = CONVERSATIONS.find((c) => c.id === decodeURIComponent(one[1] ?? ''));
      return spec ? json(200, apiConversation(seed, spec, true)) : errors(404, 'not_found', 'Resource Not Found');
    }
    return errors(404, 'not_found', 'Resource Not Found');
  },
};

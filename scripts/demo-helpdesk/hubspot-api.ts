// HubSpot's CRM API (api.hubapi.com) as the demo answers it for Kept's token connection: a private app's Bearer
// token, `POST /crm/v3/objects/tickets/search` with filter groups, sorts, properties and an `after` cursor, and the
// ticket list Options' "Check connection" reads, and the ticket pipelines that name the stages. HubSpot's error body (`status`, `message`, `category`) on refusals.
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { type ApiCall, bearerOf, type TokenApiVendor } from './api-call';
import { json, type Reply } from './replies';
import type { Seed } from './seed';

/** The demo portal (Hub ID), as the saved HubSpot pages show it. */
export const HUBSPOT_PORTAL = '146225341';
/** Zoë Ångström's contact record. */
export const HUBSPOT_ZOE_CONTACT = '93117';
const KOFI_CONTACT = '93410';
const TOKEN = 'pat-na1-3f0c2a71-5b8e-4d2c-9a61-7e4b0c9d2f18';

/** Search pages hold up to 200 records; the demo answers 3 at most, so a handful of tickets still shows paging. */
const MOST_PER_SEARCH = 200;
const DEMO_PAGE = 3;
const MOST_PER_LIST = 100;

const MINUTE = 60_000;
const DAY = 1440;

/** [id, contact, subject, content, pipeline stage id, source, owner, created (minutes ago), modified (minutes ago)] */
type TicketSpec = readonly [string, string, string, string, string, string, string | null, number, number];

const TICKETS: readonly TicketSpec[] = [
  [
    '20014560101',
    HUBSPOT_ZOE_CONTACT,
    'Question about our annual renewal quote',
    'Hi,\n\nThe renewal quote lists 40 seats but we only use 32. Can we renew for 32?\n\nZoë',
    '4',
    'EMAIL',
    '52011873',
    420 * DAY,
    415 * DAY,
  ],
  [
    '20014560102',
    HUBSPOT_ZOE_CONTACT,
    'Change the billing contact to our finance team',
    'Hello,\n\nPlease send invoices to finance@fabrikam.com from now on.',
    '4',
    'PHONE',
    '52011873',
    60 * DAY,
    58 * DAY,
  ],
  [
    '20014560103',
    HUBSPOT_ZOE_CONTACT,
    'Invoice export is missing March',
    'Hello,\n\nThe CSV export of our invoices skips every invoice from March.\nCould you check?',
    '4',
    'EMAIL',
    '52011990',
    21 * DAY,
    19 * DAY,
  ],
  [
    '20014560104',
    HUBSPOT_ZOE_CONTACT,
    'Add two seats before the audit',
    'We need two more seats for the auditors until the end of the month.',
    '2',
    'FORM',
    null,
    6 * DAY,
    5 * DAY,
  ],
  [
    '20014560105',
    HUBSPOT_ZOE_CONTACT,
    'Audit log export for our ISO review',
    'Could you export the audit log of the last 12 months?',
    // A stage of the portal's own pipeline, named by the pipelines list: Kept reads it by its label.
    '87213344',
    'EMAIL',
    '52011990',
    4 * DAY,
    3 * DAY,
  ],
  [
    '20014560106',
    HUBSPOT_ZOE_CONTACT,
    'Webhook retries flood our endpoint',
    'Hi team,\n\nYour webhooks retry every second after a 500 from us. Is there a back-off?',
    '1',
    'CHAT',
    null,
    2 * DAY,
    2 * DAY,
  ],
  [
    '20014560107',
    HUBSPOT_ZOE_CONTACT,
    "SSO users can't reach the billing page",
    'Since we turned on SSO, our finance people get "access denied" on the billing page.',
    '3',
    'CHAT',
    '52011873',
    90,
    45,
  ],
  [
    '20014566913',
    KOFI_CONTACT,
    'Question about prorating',
    'If I upgrade mid-month, is the difference prorated?',
    '1',
    'PHONE',
    null,
    3 * DAY,
    3 * DAY,
  ],
];

interface Ticket {
  id: string;
  contact: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
}

function ticketsOf(seed: Seed): Ticket[] {
  return TICKETS.map(([id, contact, subject, content, stage, source, owner, created, modified]) => {
    const createdAt = new Date(seed.now - created * MINUTE).toISOString();
    const updatedAt = new Date(seed.now - modified * MINUTE).toISOString();
    return {
      id,
      contact,
      createdAt,
      updatedAt,
      properties: {
        subject,
        content,
        hs_pipeline: '0',
        hs_pipeline_stage: stage,
        hs_ticket_priority: stage === '1' ? 'HIGH' : 'MEDIUM',
        hs_ticket_category: null,
        source_type: source,
        hubspot_owner_id: owner,
        createdate: createdAt,
        hs_lastmodifieddate: updatedAt,
        hs_object_id: id,
      },
    };
  });
}

const failure = (status: number, category: string, message: string): Reply =>
  json(status, { status: 'error', message, correlationId: randomUUID(), category });

const invalid = (message: string) => failure(400, 'VALIDATION_ERROR', message);

/** A search answers its default properties plus those asked for; a list, a few more. */
const SEARCH_DEFAULTS = ['createdate', 'hs_lastmodifieddate', 'hs_object_id'];
const LIST_DEFAULTS = [
  ...SEARCH_DEFAULTS,
  'subject',
  'content',
  'hs_pipeline',
  'hs_pipeline_stage',
  'hs_ticket_priority',
];

function apiTicket(ticket: Ticket, wanted: readonly string[]) {
  const properties = Object.fromEntries(
    wanted.filter((name) => name in ticket.properties).map((name) => [name, ticket.properties[name] ?? null]),
  );
  return { id: ticket.id, properties, createdAt: ticket.createdAt, updatedAt: ticket.updatedAt, archived: false };
}

const Filter = z.object({
  propertyName: z.string(),
  operator: z.string(),
  value: z.optional(z.union([z.string(), z.number()])),
});
const SearchRequest = z.object({
  filterGroups: z.optional(z.array(z.object({ filters: z.array(Filter) })).check(z.maxLength(5))),
  sorts: z.optional(
    z.array(z.object({ propertyName: z.string(), direction: z.optional(z.enum(['ASCENDING', 'DESCENDING'])) })),
  ),
  properties: z.optional(z.array(z.string())),
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(MOST_PER_SEARCH))),
  after: z.optional(z.union([z.string(), z.number()])),
  query: z.optional(z.string()),
});
type Filter = z.infer<typeof Filter>;

/** The filters the demo understands: the associated contact, or a property's exact value. */
function matches(ticket: Ticket, filter: Filter): boolean {
  const value = String(filter.value ?? '');
  if (filter.propertyName === 'associations.contact') return ticket.contact === value;
  return ticket.properties[filter.propertyName] === value;
}

function search(call: ApiCall, seed: Seed): Reply {
  if (!String(call.headers['content-type'] ?? '').startsWith('application/json')) {
    return failure(415, 'VALIDATION_ERROR', 'Unsupported Media Type: the body must be application/json.');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(call.body);
  } catch (error) {
    return invalid(`Invalid input JSON on line 1: ${(error as Error).message}`);
  }
  const parsed = SearchRequest.safeParse(raw);
  if (!parsed.success) return invalid(`Invalid input JSON: ${z.prettifyError(parsed.error)}`);
  const { filterGroups = [], sorts = [], properties = [], limit = 10, after = '0' } = parsed.data;
  const unknown = filterGroups.flatMap((g) => g.filters).find((f) => f.operator !== 'EQ');
  if (unknown) return invalid(`The demo answers only EQ filters, not ${unknown.operator}.`);
  const offset = Number(after);
  if (!Number.isInteger(offset) || offset < 0) return invalid(`after must be a number, not ${String(after)}.`);
  if (offset >= 10_000) return invalid('Search results are limited to 10,000 records.');
  // Filter groups are ORed, the filters within a group ANDed.
  const found = ticketsOf(seed).filter(
    (t) => filterGroups.length === 0 || filterGroups.some((g) => g.filters.every((f) => matches(t, f))),
  );
  const sort = sorts[0];
  if (sort) {
    const sign = sort.direction === 'DESCENDING' ? -1 : 1;
    const key = (t: Ticket) => t.properties[sort.propertyName] ?? '';
    found.sort((a, b) => key(a).localeCompare(key(b)) * sign);
  }
  const page = found.slice(offset, offset + Math.min(limit, DEMO_PAGE));
  const next = offset + page.length;
  return json(200, {
    total: found.length,
    results: page.map((t) => apiTicket(t, [...SEARCH_DEFAULTS, ...properties])),
    ...(next < found.length ? { paging: { next: { after: String(next) } } } : {}),
  });
}

function list(call: ApiCall, seed: Seed, origin: string): Reply {
  const limit = Number(call.query.get('limit') ?? 10);
  const offset = Number(call.query.get('after') ?? 0);
  if (!Number.isInteger(limit) || limit < 1 || limit > MOST_PER_LIST) return invalid('limit must be 1 to 100.');
  if (!Number.isInteger(offset) || offset < 0) return invalid('after must be a number.');
  const all = ticketsOf(seed).sort((a, b) => a.id.localeCompare(b.id));
  const page = all.slice(offset, offset + limit);
  const next = String(offset + page.length);
  return json(200, {
    results: page.map((t) => apiTicket(t, LIST_DEFAULTS)),
    ...(offset + page.length < all.length
      ? { paging: { next: { after: next, link: `${origin}/crm/v3/objects/tickets?limit=${limit}&after=${next}` } } }
      : {}),
  });
}

/** A pipeline stage as `GET /crm/v3/pipelines/tickets` lists it. */
const stage = (id: string, label: string, displayOrder: number, ticketState: 'OPEN' | 'CLOSED') => ({
  id,
  label,
  displayOrder,
  metadata: { ticketState },
  createdAt: '2024-02-11T09:14:52.417Z',
  updatedAt: '2024-02-11T09:14:52.417Z',
  archived: false,
});

/** The default ticket pipeline as HubSpot ships it, and one of the portal's own. */
const PIPELINES = [
  {
    id: '0',
    label: 'Support Pipeline',
    displayOrder: 0,
    stages: [
      stage('1', 'New', 0, 'OPEN'),
      stage('2', 'Waiting on contact', 1, 'OPEN'),
      stage('3', 'Waiting on us', 2, 'OPEN'),
      stage('4', 'Closed', 3, 'CLOSED'),
    ],
  },
  {
    id: '87213340',
    label: 'Escalations',
    displayOrder: 1,
    stages: [stage('87213344', 'Escalated to engineering', 0, 'OPEN'), stage('87213345', 'Fixed', 1, 'CLOSED')],
  },
];

export const hubspotApi: TokenApiVendor = {
  name: 'HubSpot',
  matches: (host) => host === 'api.hubapi.com',
  hosts: ['api.hubapi.com'],
  credentials: { secret: TOKEN },
  route(call, seed) {
    if (bearerOf(call) !== TOKEN) {
      return failure(
        401,
        'INVALID_AUTHENTICATION',
        'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more ' +
          'details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
      );
    }
    const methodNotAllowed = () => failure(405, 'VALIDATION_ERROR', `${call.method} is not allowed here.`);
    if (call.path === '/crm/v3/objects/tickets/search') {
      return call.method === 'POST' ? search(call, seed) : methodNotAllowed();
    }
    if (call.path === '/crm/v3/objects/tickets') {
      return call.method === 'GET' ? list(call, seed, call.origin) : methodNotAllowed();
    }
    if (call.path === '/crm/v3/pipelines/tickets') {
      return call.method === 'GET' ? json(200, { results: PIPELINES }) : methodNotAllowed();
    }
    return failure(404, 'OBJECT_NOT_FOUND', `No route for ${call.method} ${call.path}.`);
  },
};

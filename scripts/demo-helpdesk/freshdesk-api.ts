// The Freshdesk v2 API as the demo helpdesk answers it: the documented shapes, parameters and quirks Kept relies on —
// a bare JSON list, page numbers with a `Link` header, per_page at most 100, and only tickets created in the last
// 30 days unless `updated_since` asks for older ones.
import { intParam, json, type Reply } from './replies';
import { FRESHDESK_STATUSES, type FreshdeskContact, type FreshdeskTicket, iso, type Seed } from './seed';

const DAY = 86_400_000;
const MAX_PER_PAGE = 100;
const MAX_PAGE = 300;
const ORDER_BY = ['created_at', 'due_by', 'updated_at', 'status'] as const;
type OrderBy = (typeof ORDER_BY)[number];

const invalid = (field: string, message: string): Reply =>
  json(400, { description: 'Validation failed', errors: [{ field, message, code: 'invalid_value' }] });
export const freshdeskNotFound = (): Reply => json(404, { code: 'not_found', message: 'Record not found' });

const dueBy = (t: FreshdeskTicket): string => iso(Date.parse(t.created_at) + 3 * DAY);

function apiTicket(seed: Seed, t: FreshdeskTicket, include: readonly string[], inList: boolean) {
  const requester = seed.freshdesk.contacts.find((c) => c.id === t.requester_id);
  const company = seed.freshdesk.companies.find((c) => c.id === t.company_id);
  // The list leaves the description out unless include=description asks for it (it costs credits).
  const description =
    !inList || include.includes('description')
      ? {
          description: `<div>${t.description_text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`).replaceAll('\n', '<br>')}</div>`,
          description_text: t.description_text,
        }
      : {};
  return {
    cc_emails: [],
    fwd_emails: [],
    reply_cc_emails: [],
    ticket_cc_emails: [],
    fr_escalated: false,
    spam: false,
    email_config_id: null,
    group_id: t.group_id,
    priority: t.priority,
    requester_id: t.requester_id,
    responder_id: t.responder_id,
    source: t.source,
    company_id: t.company_id,
    status: t.status,
    subject: t.subject,
    association_type: null,
    support_email: 'support@acme.example',
    to_emails: t.source === 1 ? ['support@acme.example'] : null,
    product_id: null,
    id: t.id,
    type: t.type,
    due_by: dueBy(t),
    fr_due_by: iso(Date.parse(t.created_at) + DAY),
    is_escalated: false,
    custom_fields: { cf_order_number: null },
    created_at: t.created_at,
    updated_at: t.updated_at,
    associated_tickets_count: null,
    tags: t.tags,
    ...description,
    ...(include.includes('requester') && requester ? { requester: apiRequester(requester) } : {}),
    ...(include.includes('company') && company ? { company: { id: company.id, name: company.name } } : {}),
    ...(include.includes('stats')
      ? {
          stats: {
            agent_responded_at: null,
            requester_responded_at: null,
            first_responded_at: null,
            status_updated_at: t.updated_at,
          },
        }
      : {}),
  };
}

const apiRequester = (c: FreshdeskContact) => ({
  id: c.id,
  name: c.name,
  email: c.email,
  mobile: null,
  phone: c.phone,
});

function showTicket(seed: Seed, id: number, url: URL): Reply {
  const ticket = seed.freshdesk.tickets.find((t) => t.id === id);
  if (!ticket) return freshdeskNotFound();
  const include = (url.searchParams.get('include') ?? '').split(',');
  return json(200, apiTicket(seed, ticket, include, false));
}

function sortKey(t: FreshdeskTicket, key: OrderBy): string | number {
  if (key === 'due_by') return dueBy(t);
  return t[key];
}

/** GET /api/v2/tickets: filters, the 30-day default window, ordering and page numbers. */
function listTickets(seed: Seed, url: URL, origin: string): Reply {
  const params = url.searchParams;
  const perPage = intParam(params, 'per_page', 30);
  const page = intParam(params, 'page', 1);
  if (!(perPage <= MAX_PER_PAGE))
    return invalid('per_page', `It should be a Positive Integer less than or equal to ${MAX_PER_PAGE}`);
  if (!(page <= MAX_PAGE)) return invalid('page', `It should be a Positive Integer less than or equal to ${MAX_PAGE}`);
  const orderBy = (params.get('order_by') ?? 'created_at') as OrderBy;
  if (!ORDER_BY.includes(orderBy))
    return invalid('order_by', `It should be one of these values: '${ORDER_BY.join(',')}'`);
  const orderType = params.get('order_type') ?? 'desc';
  if (orderType !== 'asc' && orderType !== 'desc')
    return invalid('order_type', "It should be one of these values: 'asc,desc'");
  const since = params.get('updated_since');
  if (since !== null && Number.isNaN(Date.parse(since)))
    return invalid('updated_since', "It should be in the 'valid date time' format");
  const requesterId = params.get('requester_id');
  const email = params.get('email')?.toLowerCase();
  const contact = email ? seed.freshdesk.contacts.find((c) => c.email === email) : undefined;
  const matching = seed.freshdesk.tickets.filter(
    (t) =>
      (requesterId === null || String(t.requester_id) === requesterId) &&
      (email === undefined || t.requester_id === contact?.id) &&
      // Without updated_since Freshdesk lists only tickets created in the last 30 days.
      (since === null
        ? Date.parse(t.created_at) >= seed.now - 30 * DAY
        : Date.parse(t.updated_at) >= Date.parse(since)),
  );
  const direction = orderType === 'asc' ? 1 : -1;
  const sorted = matching.sort((a, b) => {
    const [x, y] = [sortKey(a, orderBy), sortKey(b, orderBy)];
    return (x < y ? -1 : x > y ? 1 : a.id - b.id) * direction;
  });
  const start = (page - 1) * perPage;
  const include = (params.get('include') ?? '').split(',');
  const tickets = sorted.slice(start, start + perPage).map((t) => apiTicket(seed, t, include, true));
  const headers: Record<string, string> = {};
  if (start + perPage < sorted.length) {
    const next = new URL(url);
    next.searchParams.set('page', String(page + 1));
    headers.link = `<${origin}${next.pathname}${next.search}>; rel="next"`;
  }
  return json(200, tickets, headers);
}

/** The Freshdesk API under /api/v2/ for a signed-in agent. */
/** A ticket's replies and notes (the description is not one): a handled ticket has the agent's note and reply. */
function conversationsOf(seed: Seed, ticketId: number): Reply {
  const ticket = seed.freshdesk.tickets.find((t) => t.id === ticketId);
  if (!ticket) return freshdeskNotFound();
  if (ticket.responder_id === null) return json(200, []);
  const entry = (n: number, isPrivate: boolean, body: string) => ({
    id: ticket.id * 100 + n,
    body: `<div>${body}</div>`,
    body_text: body,
    incoming: false,
    private: isPrivate,
    user_id: ticket.responder_id,
    source: isPrivate ? 2 : 0,
    ticket_id: ticket.id,
    created_at: ticket.updated_at,
    updated_at: ticket.updated_at,
    attachments: [],
  });
  return json(200, [
    entry(1, true, 'Checked the account first.'),
    entry(2, false, 'Thanks for writing; this is sorted now.'),
  ]);
}

/** The demo's satisfaction survey answers, by ticket subject: [default_question on Freshdesk's scale, feedback]. */
const RATINGS: Record<string, readonly [number, string]> = {
  'Question about our annual renewal quote': [103, 'Clear answer on the first reply.'],
};

/** `GET /api/v2/tickets/{id}/satisfaction_ratings`: the ticket's ratings, an empty list when nobody rated it. */
function satisfactionRatingsOf(seed: Seed, ticketId: number): Reply {
  const ticket = seed.freshdesk.tickets.find((t) => t.id === ticketId);
  if (!ticket) return freshdeskNotFound();
  const rating = RATINGS[ticket.subject];
  if (!rating) return json(200, []);
  const [score, feedback] = rating;
  const at = ticket.updated_at;
  return json(200, [
    {
      id: 43000077000 + ticket.id,
      survey_id: 43000000010,
      user_id: ticket.requester_id,
      agent_id: ticket.responder_id,
      feedback,
      group_id: null,
      ticket_id: ticket.id,
      created_at: at,
      updated_at: at,
      ratings: { default_question: score },
    },
  ]);
}

/** What customers read for a status, the second label of each choice. */
const CUSTOMER_LABELS: Record<number, string> = {
  3: 'Awaiting your Reply',
  4: 'This ticket has been Resolved',
  5: 'This ticket has been Closed',
};

/** `GET /api/v2/ticket_fields?type=default_status`: the status field, its choices naming every status by its id. */
function statusField(): Reply {
  const choices = Object.fromEntries(
    Object.entries(FRESHDESK_STATUSES).map(([code, label]) => [
      code,
      [label, CUSTOMER_LABELS[Number(code)] ?? 'Being Processed'],
    ]),
  );
  return json(200, [
    {
      id: 43000512003,
      name: 'status',
      label: 'Status',
      description: 'Ticket status',
      position: 4,
      type: 'default_status',
      default: true,
      customers_can_edit: false,
      label_for_customers: 'Status',
      displayed_to_customers: true,
      choices,
    },
  ]);
}

export function freshdeskApi(seed: Seed, method: string, url: URL, origin: string): Reply {
  const path = url.pathname;
  if (method !== 'GET') return freshdeskNotFound();
  const ticket = /^\/api\/v2\/tickets\/(\d+)$/.exec(path);
  if (ticket) return showTicket(seed, Number(ticket[1]), url);
  if (path === '/api/v2/tickets') return listTickets(seed, url, origin);
  if (path === '/api/v2/ticket_fields' && url.searchParams.get('type') === 'default_status') return statusField();
  const rated = /^\/api\/v2\/tickets\/(\d+)\/satisfaction_ratings$/.exec(path);
  if (rated) return satisfactionRatingsOf(seed, Number(rated[1]));
  const conversations = /^\/api\/v2\/tickets\/(\d+)\/conversations$/.exec(path);
  if (conversations) return conversationsOf(seed, Number(conversations[1]));
  const contact = /^\/api\/v2\/contacts\/(\d+)$/.exec(path);
  const found = contact && seed.freshdesk.contacts.find((c) => c.id === Number(contact[1]));
  if (found) return json(200, { ...found, active: true, address: null, description: null, job_title: null });
  const me = seed.freshdesk.agents[0];
  if (path === '/api/v2/agents/me' && me) {
    return json(200, { id: me.id, available: true, occasional: false, contact: { name: me.name, email: me.email } });
  }
  return freshdeskNotFound();
}

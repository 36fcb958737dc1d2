// acme-home.gorgias.com as the demo answers it: a ticket page shaped like Gorgias' agent app (breadcrumbs ending with
// the customer link, the subject field, the thread) and the REST API with Basic auth (login email and API key) —
// `GET /api/account`, `/api/tickets/{id}` and `/api/tickets?customer_id=…` with cursor paging (docs/helpdesks.md §7).

import { type ApiCall, basicOf, type TokenApiVendor } from './api-call';
import { esc } from './page-bits';
import { html, intParam, json, notFoundPage, offsetOf, pageToken, type Reply } from './replies';
import type { Seed } from './seed';

const HOST = 'acme-home.gorgias.com';
const CREDENTIALS = { account: 'acme-home', user: 'admin@acme-home.example', secret: 'gorgias-demo-api-key-1f4e' };
const HOUR = 3_600_000;
const MAX_LIMIT = 100;

interface Customer {
  id: number;
  name: string;
  email: string;
}
interface Ticket {
  id: number;
  subject: string;
  status: 'open' | 'closed';
  channel: string;
  customer: Customer;
  tags: string[];
  hoursAgo: number;
  body: string;
}

const ZOE: Customer = { id: 553020001, name: 'Zoë Ångström', email: 'zoe.angstrom@fabrikam.com' };
const MARISOL: Customer = { id: 553018742, name: 'Marisol Quintero', email: 'marisol.quintero@example.com' };

const TICKETS: Ticket[] = [
  ['Slipcover arrived in the wrong colour', 'open', 'email', ['wrong-item'], 2],
  ['Can I change the delivery address?', 'closed', 'chat', ['delivery'], 50],
  ['Refund for the returned cushions', 'closed', 'email', ['refund'], 240],
  ['Missing screws in the shelf kit', 'closed', 'phone', ['missing-part'], 700],
  ['Discount code not accepted at checkout', 'closed', 'chat', ['promo'], 1500],
  ['Order never arrived', 'closed', 'email', ['delivery', 'vip'], 3000],
  ['Question about fabric care', 'closed', 'contact_form', [], 5000],
].map(([subject, status, channel, tags, hoursAgo], i) => ({
  id: 180600007 - i,
  subject: String(subject),
  status: status as Ticket['status'],
  channel: String(channel),
  customer: ZOE,
  tags: tags as string[],
  hoursAgo: Number(hoursAgo),
  body: `Hello, ${String(subject).toLowerCase()}. Thanks, Zoë`,
}));
TICKETS.push({
  id: 180507823,
  subject: 'Wrong size slipcover delivered – order #48210',
  status: 'open',
  channel: 'email',
  customer: MARISOL,
  tags: ['wrong-item'],
  hoursAgo: 1,
  body: 'Hello, I ordered the 3-seat slipcover but received a 2-seat one.',
});

/** Gorgias sends datetimes with microseconds and an offset. */
const datetime = (seed: Seed, hoursAgo: number) => new Date(seed.now - hoursAgo * HOUR).toISOString();

function apiTicket(seed: Seed, t: Ticket) {
  return {
    id: t.id,
    uri: `/api/tickets/${t.id}/`,
    external_id: null,
    language: 'en',
    status: t.status,
    priority: 'normal',
    channel: t.channel,
    via: t.channel === 'contact_form' ? 'form' : t.channel,
    from_agent: false,
    customer: { id: t.customer.id, email: t.customer.email, name: t.customer.name, firstname: '', lastname: '' },
    assignee_user: t.status === 'closed' ? { id: 90001, email: 'sam@acme-home.example', name: 'Sam Rivera' } : null,
    assignee_team: null,
    subject: t.subject,
    excerpt: t.body.slice(0, 100),
    tags: t.tags.map((name, i) => ({ id: 7000 + i, name, decoration: null })),
    spam: false,
    created_datetime: datetime(seed, t.hoursAgo),
    opened_datetime: datetime(seed, t.hoursAgo),
    updated_datetime: datetime(seed, Math.max(0, t.hoursAgo - 1)),
    closed_datetime: t.status === 'closed' ? datetime(seed, Math.max(0, t.hoursAgo - 1)) : null,
    satisfaction_survey: null,
    meta: null,
  };
}

/** A ticket's messages: the customer's, and on a closed ticket the agent's internal note and reply. */
function messagesOf(seed: Seed, t: Ticket) {
  const agent = { id: 90001, email: 'sam@acme-home.example', name: 'Sam Rivera' };
  const message = (n: number, from: typeof agent | Customer, body: string, isPublic: boolean, hoursAgo: number) => ({
    id: t.id * 10 + n,
    uri: `/api/tickets/${t.id}/messages/${t.id * 10 + n}/`,
    ticket_id: t.id,
    public: isPublic,
    channel: t.channel,
    via: n === 0 ? t.channel : 'helpdesk',
    from_agent: from === agent,
    sender: { id: from.id, email: from.email, name: from.name },
    subject: n === 0 ? t.subject : null,
    body_text: body,
    body_html: `<div>${esc(body)}</div>`,
    stripped_text: body,
    created_datetime: datetime(seed, hoursAgo).replace('Z', ''),
  });
  const replies =
    t.status === 'closed'
      ? [
          message(1, agent, 'Checked the order history first.', false, t.hoursAgo - 0.5),
          message(
            2,
            agent,
            `Thanks for writing, ${t.customer.name.split(' ')[0]}. This is sorted now.`,
            true,
            t.hoursAgo - 1,
          ),
        ]
      : [];
  return [message(0, t.customer, t.body, true, t.hoursAgo), ...replies];
}

const unauthorized = (): Reply => json(401, { error: { msg: 'Invalid credentials' } });

function api(call: ApiCall, seed: Seed): Reply {
  const auth = basicOf(call);
  if (auth?.user !== CREDENTIALS.user || auth.password !== CREDENTIALS.secret) return unauthorized();
  if (call.method !== 'GET') return json(405, { error: { msg: 'Method not allowed' } });
  if (call.path === '/api/account') {
    return json(200, {
      domain: CREDENTIALS.account,
      status: { status: 'active' },
      created_datetime: datetime(seed, 9000),
    });
  }
  const one = /^\/api\/tickets\/(\d+)\/?$/.exec(call.path);
  if (one) {
    const ticket = TICKETS.find((t) => t.id === Number(one[1]));
    return ticket ? json(200, apiTicket(seed, ticket)) : json(404, { error: { msg: 'Resource not found' } });
  }
  const messages = /^\/api\/tickets\/(\d+)\/messages\/?$/.exec(call.path);
  if (messages) {
    const ticket = TICKETS.find((t) => t.id === Number(messages[1]));
    if (!ticket) return json(404, { error: { msg: 'Resource not found' } });
    return json(200, { object: 'list', uri: call.path, data: messagesOf(seed, ticket), meta: { next_cursor: null } });
  }
  if (call.path === '/api/tickets') return list(call, seed);
  return json(404, { error: { msg: 'Resource not found' } });
}

function list(call: ApiCall, seed: Seed): Reply {
  const limit = intParam(call.query, 'limit', 30);
  const customerId = call.query.get('customer_id');
  const order = call.query.get('order_by') ?? 'created_datetime:desc';
  const cursor = call.query.get('cursor');
  const offset = cursor === null ? 0 : offsetOf(cursor);
  if (Number.isNaN(limit) || limit > MAX_LIMIT || offset === undefined || order !== 'created_datetime:desc') {
    return json(400, { error: { msg: 'Invalid parameters', data: { limit, order_by: order } } });
  }
  const matching = TICKETS.filter((t) => customerId === null || String(t.customer.id) === customerId).sort(
    (a, b) => a.hoursAgo - b.hoursAgo,
  );
  const page = matching.slice(offset, offset + limit);
  const more = offset + limit < matching.length;
  return json(200, {
    object: 'list',
    uri: call.path,
    data: page.map((t) => apiTicket(seed, t)),
    meta: {
      prev_cursor: offset > 0 ? pageToken(Math.max(0, offset - limit)) : null,
      next_cursor: more ? pageToken(offset + limit) : null,
    },
  });
}

/** The agent app's ticket page: only what Kept reads and a little around it. */
function page(path: string): Reply {
  const id = /^\/app\/(?:ticket|views\/\d+)\/(\d+)\/?$/.exec(path)?.[1];
  const ticket = TICKETS.find((t) => String(t.id) === id);
  if (!ticket) return notFoundPage();
  const others = TICKETS.filter((t) => t !== ticket).slice(0, 4);
  return html(
    200,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(ticket.subject)} | Gorgias</title></head><body><div id="root">
<nav aria-label="Main navigation" class="Navbar--navbar--2Xk1a"><a href="/app/views">Tickets</a><a href="/app/customers">Customers</a></nav>
<div class="TicketList--list--4hT2c">${others
      .map(
        (t) =>
          `<a class="TicketListItem--row--1aB2c" href="/app/views/4120033/${t.id}"><span class="TicketListItem--subject--9xY1z">${esc(t.subject)}</span><span class="TicketListItem--customer--3kL8m">${esc(t.customer.name)}</span></a>`,
      )
      .join('')}</div>
<main class="TicketDetail--container--6fR3d"><header class="TicketHeader--header--0aQ4e">
<nav aria-label="Breadcrumbs" class="Breadcrumbs--breadcrumbs--7uQ1e"><ol><li><a href="/app/views/4120033">Open – unassigned</a></li><li><a href="/app/customer/${ticket.customer.id}">${esc(ticket.customer.name)}</a></li></ol></nav>
<div class="TicketHeader--title--2gH6j"><input aria-label="Ticket subject" value="${esc(ticket.subject)}"></div></header>
<div aria-label="Ticket thread" class="TicketThread--thread--8sD2f"><div class="MessageBubble--messageBubble--5hG2s MessageBubble--fromCustomer--8nB4x"><p>${esc(ticket.body)}</p></div></div>
</main></div></body></html>`,
  );
}

export const gorgiasApi: TokenApiVendor = {
  name: 'Gorgias',
  matches: (host) => host === HOST,
  hosts: [HOST],
  credentials: CREDENTIALS,
  route: (call, seed) => (call.path.startsWith('/api/') ? api(call, seed) : page(call.path)),
};

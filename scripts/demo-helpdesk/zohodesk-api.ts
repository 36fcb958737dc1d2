// Zoho Desk's agent-app API as the demo helpdesk answers it: `/supportapi/zd/{portal}/api/v1`, the session cookie
// plus the organisation's id in an `orgId` header (docs/helpdesks.md §8), and the shapes of Zoho's documented
// `/api/v1` (Get ticket with include=contacts, List tickets by contact): ids as 17-digit strings, ISO times with
// milliseconds, HTML descriptions, `from`/`limit` pages of at most 100, an empty page answered with 204 and no body,
// and 422 for any query parameter it does not know. Errors in Zoho's shape: `{ errorCode, message }`.
import { json, type Reply } from './replies';
import type { Seed, ZohoTicket } from './seed';
import { zohoTicketUrl } from './zohodesk-pages';

const MAX_LIMIT = 100;
const ID = /^\d{1,30}$/;
/** What Get ticket may include; Kept asks for `contacts`. */
const TICKET_INCLUDES = ['contacts', 'products', 'assignee', 'departments', 'contract', 'isRead', 'skills', 'team'];
const LIST_INCLUDES = ['assignee', 'departments', 'team', 'contacts', 'products', 'isRead'];
const SORT_FIELDS = ['createdTime', 'modifiedTime', 'dueDate', 'ticketNumber'] as const;

const error = (status: number, errorCode: string, message: string): Reply => json(status, { errorCode, message });
const notFound = (): Reply => error(404, 'URL_NOT_FOUND', 'The URL you requested could not be found.');
const extraParam = (name: string): Reply =>
  error(422, 'UNPROCESSABLE_ENTITY', `Extra query parameter '${name}' is present in the input.`);
const invalidParam = (name: string): Reply =>
  error(422, 'UNPROCESSABLE_ENTITY', `The value passed for the '${name}' parameter is invalid.`);

/** What the API says to a request without a usable org id (400) or with another organisation's (401). */
function refusedOrg(orgId: string | undefined, seed: Seed): Reply | null {
  if (orgId === undefined || !ID.test(orgId))
    return error(400, 'INVALID_DATA', 'The orgId header is missing or invalid.');
  if (orgId !== seed.zohodesk.orgId)
    return error(401, 'UNAUTHORIZED', 'You are not authorized to access this organization.');
  return null;
}

/** The first query parameter not in `allowed`, answered as Zoho does; null when all are known. */
function unknownParam(url: URL, allowed: readonly string[]): Reply | null {
  const extra = [...url.searchParams.keys()].find((key) => !allowed.includes(key));
  return extra === undefined ? null : extraParam(extra);
}

const includesOf = (url: URL): string[] => (url.searchParams.get('include') ?? '').split(',').filter(Boolean);

const descriptionHtml = (text: string): string =>
  text
    .split('\n')
    .map((line) => `<div>${line.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`) || '<br>'}</div>`)
    .join('');

const dueDate = (t: ZohoTicket): string | null =>
  t.statusType === 'Closed' ? null : new Date(Date.parse(t.createdTime) + 3 * 86_400_000).toISOString();

/** A ticket as List tickets by contact sends it: no description, no contact. */
function listedTicket(seed: Seed, t: ZohoTicket, origin: string): Record<string, unknown> {
  const contact = seed.zohodesk.contacts.find((c) => c.id === t.contactId);
  return {
    id: t.id,
    ticketNumber: t.ticketNumber,
    layoutId: '7000000004000001',
    email: t.email,
    phone: contact?.phone ?? null,
    subject: t.subject,
    status: t.status,
    statusType: t.statusType,
    createdTime: t.createdTime,
    category: null,
    language: 'English',
    subCategory: null,
    priority: t.priority,
    channel: t.channel,
    dueDate: dueDate(t),
    responseDueDate: null,
    commentCount: '0',
    sentiment: null,
    threadCount: t.assigneeId ? '2' : '1',
    closedTime: t.closedTime,
    onholdTime: t.statusType === 'On Hold' ? t.modifiedTime : null,
    departmentId: seed.zohodesk.department.id,
    contactId: t.contactId,
    productId: null,
    accountId: t.accountId,
    assigneeId: t.assigneeId,
    teamId: null,
    channelCode: null,
    webUrl: `${origin}${zohoTicketUrl(seed, t.id)}`,
    isSpam: false,
    isArchived: false,
    isEscalated: t.status === 'Escalated',
    customerResponseTime: t.createdTime,
    modifiedTime: t.modifiedTime,
    cf: { cf_contract_number: null },
  };
}

/** Get ticket: the listed fields, the description, and with include=contacts the contact and their account. */
function showTicket(seed: Seed, ticketId: string, url: URL, origin: string): Reply {
  const refused = unknownParam(url, ['include']);
  if (refused) return refused;
  const include = includesOf(url);
  if (include.some((i) => !TICKET_INCLUDES.includes(i))) return invalidParam('include');
  const ticket = seed.zohodesk.tickets.find((t) => t.id === ticketId);
  if (!ticket) return notFound();
  const contact = seed.zohodesk.contacts.find((c) => c.id === ticket.contactId);
  const account = seed.zohodesk.accounts.find((a) => a.id === contact?.accountId);
  const contactJson = contact && {
    firstName: contact.firstName,
    lastName: contact.lastName,
    phone: contact.phone,
    mobile: null,
    email: contact.email,
    isSpam: false,
    id: contact.id,
    type: null,
    account: account ? { website: null, accountName: account.accountName, id: account.id } : null,
  };
  return json(200, {
    ...listedTicket(seed, ticket, origin),
    description: descriptionHtml(ticket.description),
    ...(include.includes('contacts') && contactJson ? { contact: contactJson } : {}),
  });
}

/** `-createdTime` style: a known field, newest first with the minus. */
function comparatorFor(sortBy: string): ((a: ZohoTicket, b: ZohoTicket) => number) | undefined {
  const desc = sortBy.startsWith('-');
  const field = SORT_FIELDS.find((f) => f === (desc ? sortBy.slice(1) : sortBy));
  if (!field) return undefined;
  const key = (t: ZohoTicket): string =>
    field === 'ticketNumber' ? t.ticketNumber.padStart(12, '0') : field === 'dueDate' ? (dueDate(t) ?? '') : t[field];
  const asc = (a: ZohoTicket, b: ZohoTicket): number => key(a).localeCompare(key(b)) || a.id.localeCompare(b.id);
  return desc ? (a, b) => asc(b, a) : asc;
}

/** A whole number in [min, max] from the query, the fallback when absent, NaN when anything else. */
function numberParam(url: URL, name: string, fallback: number, min: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  return value >= min && value <= max ? value : Number.NaN;
}

/** List tickets by contact: `from` (0-based) and `limit` (1–100, default 10); 204 when the page is empty. */
function contactTickets(seed: Seed, contactId: string, url: URL, origin: string): Reply {
  const refused = unknownParam(url, ['from', 'limit', 'sortBy', 'include', 'departmentId']);
  if (refused) return refused;
  const from = numberParam(url, 'from', 0, 0, 1_000_000);
  const limit = numberParam(url, 'limit', 10, 1, MAX_LIMIT);
  const compare = comparatorFor(url.searchParams.get('sortBy') ?? '-createdTime');
  if (Number.isNaN(from)) return invalidParam('from');
  if (Number.isNaN(limit)) return invalidParam('limit');
  if (!compare) return invalidParam('sortBy');
  if (includesOf(url).some((i) => !LIST_INCLUDES.includes(i))) return invalidParam('include');
  if (!seed.zohodesk.contacts.some((c) => c.id === contactId)) return notFound();
  const page = seed.zohodesk.tickets
    .filter((t) => t.contactId === contactId)
    .sort(compare)
    .slice(from, from + limit);
  // Zoho's answer to an empty list: no content at all.
  if (page.length === 0) return { status: 204, headers: {}, body: '' };
  return json(200, { data: page.map((t) => listedTicket(seed, t, origin)) });
}

export interface ZohoApiCall {
  method: string;
  url: URL;
  origin: string;
  /** The request's `orgId` header, if it had one. */
  orgId: string | undefined;
}

/** The agent app's API for a signed-in agent; the session is checked before. */
/** A ticket's threads, newest first: the customer's description, and the assignee's answer when there is one. */
function threadsOf(seed: Seed, ticketId: string): Reply {
  const ticket = seed.zohodesk.tickets.find((t) => t.id === ticketId);
  if (!ticket) return notFound();
  const contact = seed.zohodesk.contacts.find((c) => c.id === ticket.contactId);
  const agent = seed.zohodesk.agents.find((a) => a.id === ticket.assigneeId);
  const thread = (n: number, direction: 'in' | 'out', name: string, summary: string, time: string) => ({
    id: `${ticket.id.slice(0, -2)}${String(n).padStart(2, '0')}`,
    channel: 'EMAIL',
    visibility: 'public',
    author: { name, type: direction === 'in' ? 'END_USER' : 'AGENT' },
    createdTime: time,
    direction,
    summary,
    isDescriptionThread: n === 0,
  });
  const name = [contact?.firstName, contact?.lastName].filter(Boolean).join(' ');
  const threads = [thread(0, 'in', name, ticket.description, ticket.createdTime)];
  if (agent) {
    threads.push(
      thread(1, 'out', `${agent.firstName} ${agent.lastName}`, 'Thanks, we are on it.', ticket.modifiedTime),
    );
  }
  return json(200, { data: threads.reverse() });
}

export function zohodeskApi(seed: Seed, { method, url, origin, orgId }: ZohoApiCall): Reply {
  const base = `/supportapi/zd/${seed.zohodesk.portal}/api/v1/`;
  if (!url.pathname.startsWith(base)) return notFound();
  const refused = refusedOrg(orgId, seed);
  if (refused) return refused;
  if (method !== 'GET') return error(405, 'METHOD_NOT_ALLOWED', 'The HTTP method is not allowed here.');
  const path = url.pathname.slice(base.length);
  const ticket = /^tickets\/(\d+)$/.exec(path);
  if (ticket?.[1]) return showTicket(seed, ticket[1], url, origin);
  const contact = /^contacts\/(\d+)\/tickets$/.exec(path);
  if (contact?.[1]) return contactTickets(seed, contact[1], url, origin);
  const threads = /^tickets\/(\d+)\/threads$/.exec(path);
  if (threads?.[1]) return threadsOf(seed, threads[1]);
  return notFound();
}

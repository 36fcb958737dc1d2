import * as z from 'zod/mini';
import type { ConversationStatus, Result } from '../../schemas';
import { type ChannelWords, channelFrom } from '../channels';
import { compact } from '../dom';
import {
  bounded,
  byCustomerId,
  detailsOf,
  firstLine,
  malformed,
  pathOf,
  plainText,
  Rows,
  readMessages,
  readRows,
  ticketParser,
  withParam,
} from '../payload';
import type { HelpdeskAdapter, HistoryPage, SeenTicket, TicketDetails } from '../types';
import { AGENT_PATH, NAME, PREFIX, zohodeskPage } from './page';

// Zoho Desk's agent-app API with the rep's session and the page's org id (docs/helpdesks.md §8; see page.ts).

/** Zoho lists at most 100 records a page (`limit`), from a 0-based index (`from`). */
const MAX_LIMIT = 100;

// Zoho ids are 17-digit numbers, beyond a JSON number's precision: the API sends them as strings.
const ZohoId = z.string().check(z.regex(/^\d{1,30}$/));

const ZohoTicket = z.object({
  id: ZohoId,
  ticketNumber: z.nullish(z.string()),
  subject: z.nullish(z.string()),
  status: z.string(),
  statusType: z.nullish(z.string()),
  channel: z.nullish(z.string()),
  contactId: z.nullish(ZohoId),
  email: z.nullish(z.string()),
  assigneeId: z.nullish(ZohoId),
  description: z.nullish(z.string()),
  webUrl: z.nullish(z.string()),
  createdTime: z.iso.datetime(),
  // Get ticket has `modifiedTime`; list rows have none, only the times of what happened to the ticket.
  modifiedTime: z.nullish(z.iso.datetime()),
  customerResponseTime: z.nullish(z.iso.datetime()),
  onholdTime: z.nullish(z.iso.datetime()),
  closedTime: z.nullish(z.iso.datetime()),
  assignee: z.nullish(
    z.object({ firstName: z.nullish(z.string()), lastName: z.nullish(z.string()), email: z.nullish(z.string()) }),
  ),
  // With `include=contacts` (Get ticket).
  contact: z.nullish(
    z.object({
      firstName: z.nullish(z.string()),
      lastName: z.nullish(z.string()),
      email: z.nullish(z.string()),
      account: z.nullish(z.object({ accountName: z.nullish(z.string()) })),
    }),
  ),
});
type ZohoTicket = z.infer<typeof ZohoTicket>;

/** A list answer (tickets, a ticket's threads) under `data`. */
const ListPage = z.object({ data: Rows });

/** A thread: `direction` in from the customer, out from the team; `private` visibility is internal. */
const ZohoThread = z.object({
  id: ZohoId,
  direction: z.nullish(z.string()),
  visibility: z.nullish(z.string()),
  summary: z.nullish(z.string()),
  createdTime: z.iso.datetime(),
  author: z.nullish(z.object({ name: z.nullish(z.string()), type: z.nullish(z.string()) })),
});
type ZohoThread = z.infer<typeof ZohoThread>;

/** The list gives each thread's first lines (`summary`); the whole text is a request per thread. */
const toMessage = (t: ZohoThread) => ({
  id: t.id,
  author:
    t.direction === 'in' ? ('customer' as const) : t.direction === 'out' ? ('agent' as const) : ('other' as const),
  authorName: bounded(t.author?.name, 200),
  internal: t.visibility === 'private',
  body: (t.summary ?? '').trim().slice(0, 20_000),
  createdAt: Date.parse(t.createdTime),
});

/** Zoho's system statuses; Escalated is an open ticket someone above looks at. */
const STATUSES: Record<string, ConversationStatus> = {
  open: 'open',
  'on hold': 'hold',
  escalated: 'open',
  closed: 'closed',
};
/** An account's own statuses each belong to one of the three status types. */
const STATUS_TYPES: Record<string, ConversationStatus> = { open: 'open', 'on hold': 'hold', closed: 'closed' };

function statusOf(ticket: Pick<ZohoTicket, 'status' | 'statusType'>): ConversationStatus {
  const status = ticket.status.trim().toLowerCase();
  if (Object.hasOwn(STATUSES, status)) return STATUSES[status] ?? 'open';
  const type = ticket.statusType?.trim().toLowerCase() ?? '';
  return (Object.hasOwn(STATUS_TYPES, type) && STATUS_TYPES[type]) || 'open';
}

/** Zoho's ticket channels among Kept's channels. */
const CHANNELS: ChannelWords = {
  email: 'email',
  phone: 'voice',
  web: 'web',
  chat: 'chat',
  online_chat: 'chat',
  'customer portal': 'web',
  'feedback widget': 'web',
  forums: 'web',
  whatsapp: 'messaging',
  telegram: 'messaging',
  wechat: 'messaging',
  line: 'messaging',
  'instant messaging': 'messaging',
  twitter: 'social',
  facebook: 'social',
  instagram: 'social',
};

/** Zoho descriptions are HTML (and often null); the panel shows a plain first line. */
function excerptOf(html: string | null | undefined): string | undefined {
  return html ? firstLine(plainText(html.slice(0, 20_000))) : undefined;
}

function urlOf(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

/**
 * The portal and department of the agent page the ticket was seen on. The background's tickets carry the page's
 * address (`SeenTicket.url`).
 */
function agentPathOf(ref: SeenTicket): { portal: string; department: string } | null {
  const url = ref.url ? urlOf(ref.url) : null;
  if (!url || url.hostname !== ref.host) return null;
  const [, portal, department] = AGENT_PATH.exec(url.pathname) ?? [];
  return portal && department ? { portal, department } : null;
}

/** The API base for this ticket's portal: `/supportapi/zd/{portal}/api/v1`. */
function apiBase(ref: SeenTicket): string {
  const agent = agentPathOf(ref);
  // Every ticket the background reads was seen on an agent page; one without is a bug, not an answer to show.
  if (!agent) throw new Error(`${NAME}: no portal in the address of ticket ${ref.ticketId}`);
  return `${PREFIX}${agent.portal}/api/v1`;
}

/** The ticket's own link in the agent app: Zoho's `webUrl` when it is on this host, else built like the page's. */
function ticketUrl(ticket: ZohoTicket, ref: SeenTicket): string {
  const web = ticket.webUrl ? urlOf(ticket.webUrl) : null;
  if (web?.protocol === 'https:' && web.hostname === ref.host) return web.href;
  const agent = agentPathOf(ref);
  const where = agent ? `${agent.portal}/${agent.department}/` : '';
  return `https://${ref.host}/agent/${where}tickets/details/${ticket.id}`;
}

/** The newest of the ticket's times: list rows carry no `modifiedTime`, and the creation time alone would age them. */
const updatedOf = (ticket: ZohoTicket): number =>
  Math.max(
    ...[ticket.createdTime, ticket.modifiedTime, ticket.customerResponseTime, ticket.onholdTime, ticket.closedTime]
      .filter((time) => time != null)
      .map((time) => Date.parse(time)),
  );

const fullName = (person: { firstName?: string | null; lastName?: string | null } | null | undefined) =>
  [person?.firstName?.trim(), person?.lastName?.trim()].filter(Boolean).join(' ');

function toConversation(ticket: ZohoTicket, ref: SeenTicket): TicketDetails['conversation'] {
  const number = ticket.ticketNumber?.trim();
  const assignee = ticket.assignee;
  return compact({
    source: `zohodesk:${ref.host}`,
    id: ticket.id,
    subject: (ticket.subject?.trim() || `Ticket #${number || ticket.id}`).slice(0, 500),
    status: statusOf(ticket),
    ...channelFrom(ticket.channel, CHANNELS),
    createdAt: Date.parse(ticket.createdTime),
    updatedAt: updatedOf(ticket),
    excerpt: excerptOf(ticket.description),
    url: ticketUrl(ticket, ref),
    tags: [],
    assigneeId: ticket.assigneeId ?? undefined,
    assignee: assignee
      ? compact({ name: bounded(fullName(assignee), 200), email: bounded(assignee.email, 320) })
      : undefined,
  });
}

/** The whole adapter: the page part and the session API the background reads. */
export const zohodesk: HelpdeskAdapter = {
  ...zohodeskPage,
  session: {
    auth: 'session',
    ticket: {
      request: (ref) => `${apiBase(ref)}/tickets/${encodeURIComponent(ref.ticketId)}?include=contacts`,

      parse: ticketParser(NAME, ZohoTicket, (ticket, ref) => {
        const contact = ticket.contact;
        const name = fullName(contact);
        return detailsOf(
          compact({
            name: bounded(name, 200),
            // The contact's address first: the ticket's is whatever the channel recorded.
            email: bounded(contact?.email, 320) ?? bounded(ticket.email, 320),
            externalId: ticket.contactId ?? undefined,
            organisation: bounded(contact?.account?.accountName, 200),
          }),
          toConversation(ticket, ref),
          // The "#1127" agents see; the id in the URL is Zoho's 17-digit internal one.
          bounded(ticket.ticketNumber, 40),
        );
      }),
    },

    thread: {
      request: (conversation, ref) =>
        `${apiBase(ref)}/tickets/${encodeURIComponent(conversation.id)}/threads?from=0&limit=${MAX_LIMIT}`,
      parsePage(json, _ref, request) {
        const parsed = ListPage.safeParse(json);
        if (!parsed.success) return malformed(NAME, 'ticket threads', parsed.error);
        const { keep, next } = pageAfter(pathOf(request), parsed.data.data.length);
        return {
          ok: true,
          value: { messages: readMessages(NAME, parsed.data.data.slice(0, keep), ZohoThread, toMessage), next },
        };
      },
    },

    // Newest first (`sortBy=-createdTime`, as public Desk API clients ask this list).
    history: {
      request: byCustomerId((contactId, pageSize, ref) => {
        const limit = Math.min(Math.max(Math.trunc(pageSize), 1), MAX_LIMIT - 1) + 1;
        return `${apiBase(ref)}/contacts/${encodeURIComponent(contactId)}/tickets?from=0&limit=${limit}&sortBy=-createdTime`;
      }),

      parsePage(json, ref, request): Result<HistoryPage> {
        const parsed = ListPage.safeParse(json);
        if (!parsed.success) return malformed(NAME, 'ticket history page', parsed.error);
        const { keep, next } = pageAfter(pathOf(request), parsed.data.data.length);
        return {
          ok: true,
          value: {
            ...readRows(NAME, parsed.data.data.slice(0, keep), ZohoTicket, (t) => toConversation(t, ref)),
            next,
          },
        };
      },
    },
  },
};

/**
 * Zoho answers an empty list with 204 and no body, which reads as a broken answer, so Kept never asks past the end:
 * each page asks for one ticket more than it keeps. That extra ticket came back: there is more, and the next page
 * starts at it. Fewer came back: this page is the last, all of it kept.
 */
function pageAfter(path: string, count: number): { keep: number; next: string | null } {
  const params = new URL(path, 'https://helpdesk.invalid').searchParams;
  const from = Number(params.get('from') ?? 0);
  const limit = Number(params.get('limit') ?? 0);
  const valid = Number.isSafeInteger(from) && from >= 0 && Number.isInteger(limit) && limit >= 2;
  if (!valid || count < limit) return { keep: count, next: null };
  return { keep: limit - 1, next: withParam(path, 'from', String(from + limit - 1)) };
}

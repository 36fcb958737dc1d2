import * as z from 'zod/mini';
import type { ConversationStatus, Result, TicketRef } from '../../schemas';
import { type ChannelWords, channelFrom } from '../channels';
import { compact } from '../dom';
import {
  byCustomerId,
  detailsOf,
  firstLine,
  malformed,
  messageText,
  pathOf,
  Rows,
  readMessages,
  readRows,
  ticketParser,
  withParam,
} from '../payload';
import type { HelpdeskAdapter, HistoryPage, TicketDetails } from '../types';
import { freshdeskPage, NAME, PREFIX } from './page';

// Freshdesk's public v2 API with the rep's session (docs/helpdesks.md §2).

/** Freshdesk returns only tickets created in the last 30 days unless asked for older ones (docs/helpdesks.md §2). */
const SINCE_EVER = '2010-01-01T00:00:00Z'; // Freshdesk launched in 2010: no ticket is older.
/** Freshdesk serves at most 300 pages of a list. */
const LAST_PAGE = 300;

const Requester = z.object({
  id: z.number(),
  name: z.nullish(z.string()),
  email: z.nullish(z.string()),
});

const FreshdeskTicket = z.object({
  id: z.number(),
  subject: z.nullish(z.string()),
  description_text: z.nullish(z.string()),
  status: z.number().check(z.int()),
  source: z.nullish(z.number()),
  requester_id: z.number(),
  responder_id: z.nullish(z.number()),
  tags: z.nullish(z.array(z.string())),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  requester: z.optional(Requester),
  // Only the name is used; an empty object stands for no company.
  company: z.nullish(z.object({ name: z.nullish(z.string()) })),
});
type FreshdeskTicket = z.infer<typeof FreshdeskTicket>;

/** A bare list of tickets or of a ticket's conversations; Freshdesk pages it by number. */
const ListPage = Rows;

/** A reply or note on a ticket: `incoming` from the customer, `private` an internal note. */
const FreshdeskConversation = z.object({
  id: z.number(),
  body_text: z.nullish(z.string()),
  body: z.nullish(z.string()),
  incoming: z.boolean(),
  private: z.boolean(),
  created_at: z.iso.datetime(),
});
type FreshdeskConversation = z.infer<typeof FreshdeskConversation>;

const toMessage = (c: FreshdeskConversation) => ({
  id: String(c.id),
  author: c.incoming ? ('customer' as const) : ('agent' as const),
  internal: c.private,
  body: c.body_text?.trim() ? c.body_text.trim().slice(0, 20_000) : messageText(c.body),
  createdAt: Date.parse(c.created_at),
});

const STATUSES: Record<number, ConversationStatus> = { 2: 'open', 3: 'pending', 4: 'solved', 5: 'closed' };
/** 2 Open, 3 Pending, 4 Resolved, 5 Closed; an account's own statuses (6 and up) are waiting on someone: on hold. */
const statusOf = (code: number): ConversationStatus => STATUSES[code] ?? (code >= 6 ? 'hold' : 'open');

/** Freshdesk's source codes as its agent app names them (API v2 reference: Tickets → source). */
const SOURCES: Record<number, string> = {
  1: 'Email',
  2: 'Portal',
  3: 'Phone',
  4: 'Forum',
  5: 'Twitter',
  6: 'Facebook',
  7: 'Chat',
  8: 'MobiHelp',
  9: 'Feedback Widget',
  10: 'Outbound Email',
  11: 'Ecommerce',
  12: 'Bot',
  13: 'WhatsApp',
};

/** Those names among Kept's channels. */
const CHANNELS: ChannelWords = {
  email: 'email',
  'outbound email': 'email',
  portal: 'web',
  forum: 'web',
  'feedback widget': 'web',
  phone: 'voice',
  chat: 'chat',
  bot: 'chat',
  mobihelp: 'messaging',
  whatsapp: 'messaging',
  twitter: 'social',
  facebook: 'social',
};

/** A source code Freshdesk added later keeps its number as its name. */
const sourceName = (code: number | null | undefined) =>
  code == null ? undefined : (SOURCES[code] ?? `Source ${code}`);

function toConversation(ticket: FreshdeskTicket, ref: TicketRef): TicketDetails['conversation'] {
  return compact({
    source: `freshdesk:${ref.host}`,
    id: String(ticket.id),
    subject: (ticket.subject || `Ticket #${ticket.id}`).slice(0, 500),
    status: statusOf(ticket.status),
    ...channelFrom(sourceName(ticket.source), CHANNELS),
    createdAt: Date.parse(ticket.created_at),
    updatedAt: Date.parse(ticket.updated_at),
    excerpt: firstLine(ticket.description_text),
    url: `https://${ref.host}/a/tickets/${ticket.id}`,
    tags: (ticket.tags ?? []).slice(0, 50).map((t) => t.slice(0, 100)),
    assigneeId: ticket.responder_id == null ? undefined : String(ticket.responder_id),
  });
}

/** The whole adapter: the page part and the session API the background reads. */
export const freshdesk: HelpdeskAdapter = {
  ...freshdeskPage,
  session: {
    auth: 'session',
    ticket: {
      request: (ref) => `${PREFIX}tickets/${ref.ticketId}?include=requester,company`,

      parse: ticketParser(NAME, FreshdeskTicket, (ticket, ref) =>
        detailsOf(
          compact({
            name: ticket.requester?.name || undefined,
            email: ticket.requester?.email || undefined,
            externalId: String(ticket.requester_id),
            organisation: ticket.company?.name || undefined,
          }),
          toConversation(ticket, ref),
        ),
      ),
    },

    // The ticket's first message is its description (the ticket read shows it); these are the replies and notes.
    thread: {
      request: (conversation) =>
        `${PREFIX}tickets/${encodeURIComponent(conversation.id)}/conversations?per_page=100&page=1`,
      parsePage(json, _ref, request) {
        const parsed = ListPage.safeParse(json);
        if (!parsed.success) return malformed(NAME, 'ticket conversations', parsed.error);
        return {
          ok: true,
          value: {
            messages: readMessages(NAME, parsed.data, FreshdeskConversation, toMessage),
            next: next(pathOf(request), parsed.data.length),
          },
        };
      },
    },

    // Newest update first, everything since SINCE_EVER; include=description for the excerpt (one more API credit).
    history: {
      request: byCustomerId(
        (contactId, pageSize) =>
          `${PREFIX}tickets?requester_id=${encodeURIComponent(contactId)}&updated_since=${SINCE_EVER}&order_by=updated_at&order_type=desc&per_page=${pageSize}&page=1&include=description`,
      ),

      parsePage(json, ref, request): Result<HistoryPage> {
        const parsed = ListPage.safeParse(json);
        if (!parsed.success) return malformed(NAME, 'ticket history page', parsed.error);
        return {
          ok: true,
          value: {
            ...readRows(NAME, parsed.data, FreshdeskTicket, (t) => toConversation(t, ref)),
            next: next(pathOf(request), parsed.data.length),
          },
        };
      },
    },
  },
};

/**
 * Freshdesk answers a bare list and names the next page only in a `Link` header, which the content script does not
 * pass on. A full page (as many tickets as `per_page`) means there may be more: ask for the following page number.
 */
function next(path: string, count: number): string | null {
  const params = new URL(path, 'https://helpdesk.invalid').searchParams;
  const perPage = Number(params.get('per_page') ?? 30);
  const page = Number(params.get('page') ?? 1);
  if (count === 0 || count < perPage || !Number.isInteger(page) || page >= LAST_PAGE) return null;
  return withParam(path, 'page', String(page + 1));
}

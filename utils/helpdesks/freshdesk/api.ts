import * as z from 'zod/mini';
import type { Conversation, ConversationStatus, Result, TicketRef } from '../../schemas';
import { type ChannelWords, channelFrom } from '../channels';
import { compact } from '../dom';
import {
  byCustomerId,
  detailsOf,
  firstLine,
  malformed,
  messageText,
  pathOf,
  placedWord,
  Rows,
  readMessages,
  readRows,
  ticketParser,
  withParam,
} from '../payload';
import type { HelpdeskAdapter, HistoryPage, StatusWords, TicketDetails } from '../types';
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

/** 2 Open, 3 Pending, 4 Resolved, 5 Closed: every account has them, under these ids, whatever it renamed them. */
const STATUSES: Record<number, ConversationStatus> = { 2: 'open', 3: 'pending', 4: 'solved', 5: 'closed' };

/**
 * A ticket's status: the four built-in ones by id (an account may rename them: its word is kept), an account's own
 * (6 and up) by the word the status field's choices give it; without those words Kept cannot place it.
 */
function statusOf(code: number, words: StatusWords = {}): Pick<Conversation, 'status' | 'statusName'> {
  const word = Object.hasOwn(words, code) ? words[code] : undefined;
  const builtIn = STATUSES[code];
  if (builtIn) return compact({ status: builtIn, statusName: word?.statusName });
  return word ?? { status: 'other' };
}

/**
 * The status field among the ticket fields (`?type=default_status`): its choices are `{ "6": ["Waiting on Customer",
 * "Awaiting your Reply"] }`, the agents' word first, the customers' second.
 */
const StatusField = z.object({
  type: z.string(),
  choices: z.optional(z.record(z.string(), z.array(z.string()))),
});
const TicketFields = z.array(z.looseObject({ type: z.optional(z.string()) }));

function statusWordsOf(json: unknown): Result<StatusWords> {
  const parsed = TicketFields.safeParse(json);
  if (!parsed.success) return malformed(NAME, 'ticket field list', parsed.error);
  const field = StatusField.safeParse(parsed.data.find((f) => f.type === 'default_status'));
  if (!field.success) return malformed(NAME, 'status field', field.error);
  const words = Object.entries(field.data.choices ?? {}).flatMap(([code, labels]) =>
    labels[0] ? [[code, placedWord(labels[0])] as const] : [],
  );
  return { ok: true, value: Object.fromEntries(words) };
}

/**
 * A ticket's satisfaction ratings (`/tickets/{id}/satisfaction_ratings`), newest last or first: Freshdesk does not
 * say. `default_question` is on Freshdesk's scale: 103 to 101 happy, 100 neutral, -101 to -103 unhappy.
 */
const SatisfactionRatings = z.array(
  z.object({
    feedback: z.nullish(z.string()),
    created_at: z.iso.datetime(),
    ratings: z.object({ default_question: z.nullish(z.number()) }),
  }),
);

function ratingFrom(json: unknown): Result<Pick<Conversation, 'satisfaction' | 'satisfactionComment'>> {
  const parsed = SatisfactionRatings.safeParse(json);
  if (!parsed.success) return malformed(NAME, 'satisfaction rating list', parsed.error);
  const [latest] = [...parsed.data].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
  const score = latest?.ratings.default_question;
  return {
    ok: true,
    value: compact({
      satisfaction: score == null ? undefined : score > 100 ? 'good' : score < 0 ? 'bad' : undefined,
      satisfactionComment: latest?.feedback?.trim().slice(0, 1000) || undefined,
    }),
  };
}

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

function toConversation(ticket: FreshdeskTicket, ref: TicketRef, words?: StatusWords): TicketDetails['conversation'] {
  return compact({
    source: `freshdesk:${ref.host}`,
    id: String(ticket.id),
    subject: (ticket.subject || `Ticket #${ticket.id}`).slice(0, 500),
    ...statusOf(ticket.status, words),
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

      // Ratings live apart from tickets: asked for a few finished tickets after the pages.
      rating: {
        request: (conversation) => `${PREFIX}tickets/${encodeURIComponent(conversation.id)}/satisfaction_ratings`,
        parse: ratingFrom,
      },

      // The status field's choices name the account's own statuses, which tickets give by id only.
      statuses: { request: `${PREFIX}ticket_fields?type=default_status`, parse: statusWordsOf },

      parsePage(json, ref, request, words): Result<HistoryPage> {
        const parsed = ListPage.safeParse(json);
        if (!parsed.success) return malformed(NAME, 'ticket history page', parsed.error);
        return {
          ok: true,
          value: {
            ...readRows(NAME, parsed.data, FreshdeskTicket, (t) => toConversation(t, ref, words)),
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

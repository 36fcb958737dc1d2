import * as z from 'zod/mini';
import type { ConversationStatus, Result, Satisfaction, ThreadMessage, TicketRef } from '../../schemas';
import { type ChannelWords, channelFrom } from '../channels';
import { compact } from '../dom';
import {
  bounded,
  byCustomerId,
  detailsOf,
  firstLine,
  malformed,
  Rows,
  readRows,
  statusFrom,
  validRows,
} from '../payload';
import type { HelpdeskAdapter, HistoryPage, ThreadPage, TicketDetails } from '../types';
import { NAME, PREFIX, STATUSES, zendeskPage } from './page';

// Zendesk's REST API with the rep's session. Facts and sources: docs/helpdesks.md §1.

/** Zendesk's documented statuses; anything else (the export's `deleted`) keeps its word. */
const STATUS_WORDS: Record<string, ConversationStatus> = Object.fromEntries(STATUSES.map((s) => [s, s]));

const ZendeskTicket = z.object({
  id: z.number(),
  subject: z.nullish(z.string()),
  description: z.nullish(z.string()),
  status: z.string(),
  requester_id: z.number(),
  assignee_id: z.nullish(z.number()),
  tags: z.optional(z.array(z.string())),
  via: z.nullish(z.object({ channel: z.nullish(z.string()) })),
  satisfaction_rating: z.nullish(z.object({ score: z.nullish(z.string()), comment: z.nullish(z.string()) })),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});
type ZendeskTicket = z.infer<typeof ZendeskTicket>;

const ZendeskUser = z.object({
  id: z.number(),
  name: z.nullish(z.string()),
  email: z.nullish(z.string()),
  organization_id: z.nullish(z.number()),
  role: z.nullish(z.string()),
  iana_time_zone: z.nullish(z.string()),
  locale: z.nullish(z.string()),
});

const ZendeskOrganisation = z.object({ id: z.number(), name: z.string() });

// Sideloaded users and organisations are read one by one: one Kept cannot read costs only its name.
const TicketShow = z.object({
  ticket: ZendeskTicket,
  users: z.optional(Rows),
  organizations: z.optional(Rows),
});

const RequestedPage = z.object({
  tickets: Rows,
  users: z.optional(Rows),
  meta: z.optional(z.object({ has_more: z.boolean() })),
  links: z.optional(z.object({ next: z.nullish(z.string()) })),
});

const ZendeskComment = z.object({
  id: z.number(),
  author_id: z.number(),
  body: z.nullish(z.string()),
  plain_body: z.nullish(z.string()),
  public: z.boolean(),
  created_at: z.iso.datetime(),
});

const CommentsPage = z.object({
  comments: z.array(ZendeskComment),
  users: z.optional(Rows),
  meta: z.optional(z.object({ has_more: z.boolean() })),
  links: z.optional(z.object({ next: z.nullish(z.string()) })),
});

const SCORES: Record<string, Satisfaction> = { good: 'good', bad: 'bad', offered: 'offered', unoffered: 'unoffered' };

type ZendeskUser = z.infer<typeof ZendeskUser>;

/** The sideloaded users an answer could be read with. */
const usersIn = (rows: readonly unknown[] = []) => validRows(NAME, 'sideloaded user', rows, ZendeskUser);

/**
 * Zendesk's `via.channel` words (Via object reference) among Kept's channels. Messaging comes in as
 * `native_messaging` or the app's own name; ticket-making rules, merges and follow-ups are `other`.
 */
const VIA_CHANNELS: ChannelWords = {
  email: 'email',
  web: 'web',
  web_form: 'web',
  web_widget: 'web',
  help_center: 'web',
  chat: 'chat',
  voice: 'voice',
  phone: 'voice',
  native_messaging: 'messaging',
  mobile_sdk: 'messaging',
  sms: 'messaging',
  whatsapp: 'messaging',
  line: 'messaging',
  wechat: 'messaging',
  telegram: 'messaging',
  viber: 'messaging',
  instagram_dm: 'messaging',
  facebook_messenger: 'messaging',
  twitter_dm: 'messaging',
  facebook: 'social',
  twitter: 'social',
  instagram: 'social',
  api: 'api',
};

function toConversation(
  ticket: ZendeskTicket,
  ref: TicketRef,
  users: ZendeskUser[] = [],
): TicketDetails['conversation'] {
  const score = ticket.satisfaction_rating?.score;
  const assignee = users.find((u) => u.id === ticket.assignee_id);
  return compact({
    source: `zendesk:${ref.host}`,
    id: String(ticket.id),
    subject: (ticket.subject || `Ticket #${ticket.id}`).slice(0, 500),
    ...statusFrom(ticket.status, STATUS_WORDS),
    ...channelFrom(ticket.via?.channel, VIA_CHANNELS),
    createdAt: Date.parse(ticket.created_at),
    updatedAt: Date.parse(ticket.updated_at),
    satisfaction: score ? SCORES[score] : undefined,
    satisfactionComment: ticket.satisfaction_rating?.comment?.slice(0, 1000) || undefined,
    excerpt: firstLine(ticket.description),
    url: `https://${ref.host}/agent/tickets/${ticket.id}`,
    tags: (ticket.tags ?? []).slice(0, 50).map((t) => t.slice(0, 100)),
    assigneeId: ticket.assignee_id == null ? undefined : String(ticket.assignee_id),
    assignee: assignee && compact({ name: assignee.name ?? undefined, email: assignee.email ?? undefined }),
  });
}

/** A comment as a thread message: end-users are the customer (or someone they copied in), agents and admins are us. */
function toMessage(comment: z.infer<typeof ZendeskComment>, users: ZendeskUser[]): ThreadMessage {
  const author = users.find((u) => u.id === comment.author_id);
  const role = author?.role;
  return compact({
    id: String(comment.id),
    author: role === 'end-user' ? 'customer' : role === 'agent' || role === 'admin' ? 'agent' : 'other',
    authorName: bounded(author?.name, 200),
    internal: !comment.public,
    body: (comment.body ?? comment.plain_body ?? '').slice(0, 20000),
    createdAt: Date.parse(comment.created_at),
  } satisfies ThreadMessage);
}

/** Turns Zendesk's absolute `links.next` into a path, refusing any other origin. */
function samePath(next: string | null | undefined, host: string): string | null {
  if (!next) return null;
  const url = new URL(next, `https://${host}`);
  return url.hostname === host ? url.pathname + url.search : null;
}

/** The whole adapter: the page part and the session API the background reads. */
export const zendesk: HelpdeskAdapter = {
  ...zendeskPage,
  session: {
    auth: 'session',
    ticket: {
      request: (ref) => `${PREFIX}tickets/${ref.ticketId}.json?include=users,organizations`,

      parse(json, ref): Result<TicketDetails> {
        const parsed = TicketShow.safeParse(json);
        if (!parsed.success) return malformed(NAME, 'ticket', parsed.error);
        const { ticket } = parsed.data;
        const users = usersIn(parsed.data.users);
        const organizations = validRows(
          NAME,
          'sideloaded organisation',
          parsed.data.organizations ?? [],
          ZendeskOrganisation,
        );
        const requester = users.find((u) => u.id === ticket.requester_id);
        const organisation = organizations.find((o) => o.id === requester?.organization_id)?.name;
        const conversation = toConversation(ticket, ref, users);
        return {
          ok: true,
          value: detailsOf(
            compact({
              name: requester?.name ?? undefined,
              email: requester?.email ?? undefined,
              externalId: String(ticket.requester_id),
              organisation,
              timeZone: bounded(requester?.iana_time_zone, 64),
              locale: bounded(requester?.locale, 35),
            }),
            conversation,
          ),
        };
      },
    },

    thread: {
      request: (conversation) =>
        `${PREFIX}tickets/${encodeURIComponent(conversation.id)}/comments.json?include=users&page[size]=100`,

      parsePage(json, ref): Result<ThreadPage> {
        const parsed = CommentsPage.safeParse(json);
        if (!parsed.success) return malformed(NAME, 'conversation thread', parsed.error);
        const { comments, meta, links } = parsed.data;
        const users = usersIn(parsed.data.users);
        return {
          ok: true,
          value: {
            messages: comments.map((c) => toMessage(c, users)),
            next: meta?.has_more === false ? null : samePath(links?.next, ref.host),
          },
        };
      },
    },

    history: {
      request: byCustomerId(
        (userId, pageSize) =>
          `${PREFIX}users/${encodeURIComponent(userId)}/tickets/requested.json?page[size]=${pageSize}&sort=-updated_at&include=users`,
      ),

      parsePage(json, ref): Result<HistoryPage> {
        const parsed = RequestedPage.safeParse(json);
        if (!parsed.success) return malformed(NAME, 'ticket history page', parsed.error);
        const { tickets, meta, links } = parsed.data;
        const users = usersIn(parsed.data.users);
        return {
          ok: true,
          value: {
            ...readRows(NAME, tickets, ZendeskTicket, (t) => toConversation(t, ref, users)),
            next: meta?.has_more === false ? null : samePath(links?.next, ref.host),
          },
        };
      },
    },
  },
};

import * as z from 'zod/mini';
import { i18n } from '#i18n';
import type { ConversationStatus, HelpdeskToken, TicketRef } from '../../schemas';
import { type ChannelWords, channelFrom } from '../channels';
import { basicAuth, DNS_LABEL, EMAIL_ADDRESS } from '../connect';
import { compact } from '../dom';
import {
  bounded,
  detailsOf,
  malformed,
  messageText,
  pathOf,
  Rows,
  ratingOf,
  readMessages,
  readRows,
  statusFrom,
  ticketParser,
  withParam,
} from '../payload';
import type { HelpdeskAdapter, TicketDetails, TokenApi } from '../types';
import { gorgiasPage, NAME } from './page';

// Gorgias's REST API with an admin's API key, Basic auth (docs/helpdesks.md §7); why no session API: page.ts.

const GorgiasTicket = z.object({
  id: z.number(),
  subject: z.nullish(z.string()),
  status: z.string(),
  channel: z.nullish(z.string()),
  customer: z.nullish(
    z.object({
      id: z.number(),
      email: z.nullish(z.string()),
      name: z.nullish(z.string()),
    }),
  ),
  assignee_user: z.nullish(z.object({ id: z.number() })),
  tags: z.nullish(z.array(z.object({ name: z.string() }))),
  created_datetime: z.iso.datetime({ offset: true, local: true }),
  updated_datetime: z.nullish(z.iso.datetime({ offset: true, local: true })),
  // Score 1 to 5 (null until the customer answers) and their words.
  satisfaction_survey: z.nullish(z.object({ score: z.nullish(z.number()), body_text: z.nullish(z.string()) })),
});
type GorgiasTicket = z.infer<typeof GorgiasTicket>;

/** A message of a ticket: the customer's or an agent's (`from_agent`); not `public` is an internal note. */
const GorgiasMessage = z.object({
  id: z.number(),
  public: z.nullish(z.boolean()),
  from_agent: z.boolean(),
  sender: z.nullish(z.object({ name: z.nullish(z.string()) })),
  stripped_text: z.nullish(z.string()),
  body_text: z.nullish(z.string()),
  body_html: z.nullish(z.string()),
  created_datetime: z.iso.datetime({ offset: true, local: true }),
});
type GorgiasMessage = z.infer<typeof GorgiasMessage>;

/** A list answer (tickets, a ticket's messages), paged by an opaque cursor. */
const ListPage = z.object({ data: Rows, meta: z.nullish(z.object({ next_cursor: z.nullish(z.string()) })) });

/** The next page after Gorgias's opaque cursor, or null at the end. */
const afterCursor = (request: string, cursor: string | null | undefined, count: number) =>
  cursor && count > 0 ? withParam(request, 'cursor', cursor) : null;

/** Gorgias has two statuses; a snoozed ticket is open with a snooze date. */
const STATUSES: Record<string, ConversationStatus> = { open: 'open', closed: 'closed' };

/** Gorgias's ticket channels (REST API reference: Ticket → channel) among Kept's channels. */
const CHANNELS: ChannelWords = {
  email: 'email',
  chat: 'chat',
  phone: 'voice',
  aircall: 'voice',
  sms: 'messaging',
  whatsapp: 'messaging',
  'facebook-messenger': 'messaging',
  'instagram-direct-message': 'messaging',
  'twitter-direct-message': 'messaging',
  facebook: 'social',
  'facebook-mention': 'social',
  'facebook-recommendations': 'social',
  'instagram-comment': 'social',
  'instagram-ad-comment': 'social',
  'instagram-mention': 'social',
  twitter: 'social',
  'yotpo-review': 'social',
  contact_form: 'web',
  'help-center': 'web',
  api: 'api',
};

/** Gorgias datetimes may come without a zone; they are UTC. */
const timeOf = (iso: string) => Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);

function toConversation(ticket: GorgiasTicket, ref: TicketRef): TicketDetails['conversation'] {
  return compact({
    source: `gorgias:${ref.host}`,
    id: String(ticket.id),
    subject: (ticket.subject || `Ticket #${ticket.id}`).slice(0, 500),
    ...statusFrom(ticket.status, STATUSES),
    ...channelFrom(ticket.channel, CHANNELS),
    createdAt: timeOf(ticket.created_datetime),
    updatedAt: timeOf(ticket.updated_datetime ?? ticket.created_datetime),
    url: `https://${ref.host}/app/ticket/${ticket.id}`,
    tags: (ticket.tags ?? []).slice(0, 50).map((t) => t.name.slice(0, 100)),
    assigneeId: ticket.assignee_user ? String(ticket.assignee_user.id) : undefined,
    ...ratingOf(ticket.satisfaction_survey?.score, ticket.satisfaction_survey?.body_text),
  });
}

const toMessage = (m: GorgiasMessage) => ({
  id: String(m.id),
  author: m.from_agent ? ('agent' as const) : ('customer' as const),
  authorName: bounded(m.sender?.name, 200),
  internal: m.public === false,
  body: (m.stripped_text || m.body_text)?.trim().slice(0, 20_000) || messageText(m.body_html),
  createdAt: timeOf(m.created_datetime),
});

/** The REST API with an API key (docs/helpdesks.md §7): on the account's own host, so no new host permission. */
const gorgiasToken: TokenApi = {
  auth: 'token',
  help: i18n.t('options.token.gorgias.help'),
  fields: {
    account: {
      label: i18n.t('options.token.gorgias.account.label'),
      hint: i18n.t('options.token.gorgias.account.hint'),
      pattern: { regex: DNS_LABEL, message: i18n.t('options.token.gorgias.account.pattern') },
    },
    user: {
      label: i18n.t('options.token.gorgias.user.label'),
      hint: i18n.t('options.token.gorgias.user.hint'),
      pattern: { regex: EMAIL_ADDRESS, message: i18n.t('options.token.gorgias.user.pattern') },
    },
    secret: { label: i18n.t('options.token.gorgias.secret.label'), hint: i18n.t('options.token.gorgias.secret.hint') },
  },
  origin: (token: HelpdeskToken) => `https://${token.account}.gorgias.com`,
  headers: (token) => ({ authorization: basicAuth(token.user ?? '', token.secret) }),
  checkPath: '/api/account',

  ticket: {
    request: (ref) => `/api/tickets/${encodeURIComponent(ref.ticketId)}`,
    parse: ticketParser(NAME, GorgiasTicket, (ticket, ref) =>
      detailsOf(
        compact({
          name: ticket.customer?.name || undefined,
          email: ticket.customer?.email || undefined,
          externalId: ticket.customer ? String(ticket.customer.id) : undefined,
        }),
        toConversation(ticket, ref),
      ),
    ),
  },

  thread: {
    request: (conversation) => `/api/tickets/${encodeURIComponent(conversation.id)}/messages?limit=100`,
    parsePage(json, _ref, request) {
      const parsed = ListPage.safeParse(json);
      if (!parsed.success) return malformed(NAME, 'ticket thread', parsed.error);
      const { data, meta } = parsed.data;
      return {
        ok: true,
        value: {
          messages: readMessages(NAME, data, GorgiasMessage, toMessage),
          next: afterCursor(pathOf(request), meta?.next_cursor, data.length),
        },
      };
    },
  },

  history: {
    // Newest first; Gorgias pages with an opaque cursor in `meta.next_cursor`.
    request: (customer, _ref, pageSize) =>
      customer.externalId
        ? `/api/tickets?customer_id=${encodeURIComponent(customer.externalId)}&limit=${Math.min(pageSize, 100)}&order_by=created_datetime:desc`
        : null,
    parsePage(json, ref, request) {
      const parsed = ListPage.safeParse(json);
      if (!parsed.success) return malformed(NAME, 'ticket history page', parsed.error);
      const { data, meta } = parsed.data;
      return {
        ok: true,
        value: {
          ...readRows(NAME, data, GorgiasTicket, (t) => toConversation(t, ref)),
          next: afterCursor(pathOf(request), meta?.next_cursor, data.length),
        },
      };
    },
  },
};

/** The whole adapter: the page part and the token API the background reads. */
export const gorgias: HelpdeskAdapter = { ...gorgiasPage, token: gorgiasToken };

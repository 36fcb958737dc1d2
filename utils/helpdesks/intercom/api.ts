import * as z from 'zod/mini';
import { i18n } from '#i18n';
import type { ConversationStatus, HelpdeskToken, Result, TicketRef } from '../../schemas';
import { type ChannelWords, channelFrom } from '../channels';
import { bearer } from '../connect';
import { compact } from '../dom';
import {
  bounded,
  detailsOf,
  firstLine,
  idOf,
  malformed,
  messageText,
  plainText,
  Rows,
  ratingOf,
  readMessages,
  readRows,
} from '../payload';
import type { ApiRequest, HelpdeskAdapter, TicketDetails, TokenApi } from '../types';
import { intercomPage, NAME, PREFIX, splitCaseId } from './page';

// Intercom's undocumented `/ember/` API with the rep's session, and its documented REST API with an access token
// (docs/helpdesks.md §4).

const Id = z.union([z.string(), z.number()]);
/** Seconds since 1970 or an ISO string: public code meets both. */
const Time = z.union([z.string(), z.number()]);

const UserSummary = z.object({
  id: Id,
  name: z.nullish(z.string()),
  email: z.nullish(z.string()),
  first_company: z.nullish(z.object({ name: z.nullish(z.string()) })),
  companies: z.nullish(z.array(z.object({ name: z.nullish(z.string()) }))),
});

const Block = z.object({ text: z.nullish(z.string()), content: z.nullish(z.string()) });

const Part = z.object({
  renderable_type: z.nullish(z.number()),
  renderable_data: z.nullish(z.object({ blocks: z.nullish(z.array(Block)) })),
});
type Part = z.infer<typeof Part>;

const EmberConversation = z.object({
  id: Id,
  title: z.nullish(z.string()),
  state: z.nullish(z.string()),
  created_at: z.nullish(Time),
  updated_at: z.nullish(Time),
  last_updated: z.nullish(Time),
  user_summary: UserSummary,
  renderable_parts: z.nullish(z.array(Part)),
});

/** Renderable types of the customer's own messages, as public code decoded them: 1 Messenger, 12 email. */
const CHANNELS = new Map<number, string>([
  [1, 'Messenger'],
  [12, 'Email'],
]);
const MESSAGE_CHANNELS: ChannelWords = { messenger: 'chat', email: 'email' };

/** Snoozed waits for a time or a reply, like a pending ticket. */
const STATES = new Map<string, ConversationStatus>([
  ['open', 'open'],
  ['snoozed', 'pending'],
  ['closed', 'closed'],
]);

function millisOf(time: string | number | null | undefined): number | undefined {
  const ms = typeof time === 'number' ? time * 1000 : time ? Date.parse(time) : Number.NaN;
  return Number.isFinite(ms) && ms >= 0 ? Math.round(ms) : undefined;
}

/** The first telling line of a message. */
function excerptOf(part: Part | undefined): string | undefined {
  return firstLine(plainText((part?.renderable_data?.blocks ?? []).map((b) => b.text || b.content || '').join('\n')));
}

// ---------- the documented REST API, with an access token ----------

const Seconds = z.number().check(z.int(), z.gte(0));
const ApiId = z.string().check(z.regex(/^[\w-]{1,40}$/));

const ApiConversation = z.object({
  id: ApiId,
  title: z.nullish(z.string()),
  created_at: Seconds,
  updated_at: z.nullish(Seconds),
  state: z.nullish(z.string()),
  admin_assignee_id: z.nullish(Id),
  tags: z.nullish(z.object({ tags: z.array(z.object({ name: z.string() })) })),
  source: z.nullish(
    z.object({
      type: z.nullish(z.string()),
      subject: z.nullish(z.string()),
      body: z.nullish(z.string()),
      author: z.nullish(
        z.object({
          type: z.nullish(z.string()),
          id: z.nullish(Id),
          name: z.nullish(z.string()),
          email: z.nullish(z.string()),
        }),
      ),
    }),
  ),
  contacts: z.nullish(z.object({ contacts: z.array(z.object({ id: z.string() })) })),
  // 1 to 5 and the customer's remark, once they rated the conversation.
  conversation_rating: z.nullish(z.object({ rating: z.nullish(z.number()), remark: z.nullish(z.string()) })),
});
type ApiConversation = z.infer<typeof ApiConversation>;

const ConversationList = z.object({
  conversations: Rows,
  pages: z.nullish(z.object({ next: z.nullish(z.object({ starting_after: z.nullish(z.string()) })) })),
});

const Author = z.object({ type: z.nullish(z.string()), name: z.nullish(z.string()) });

/** A conversation's first message and its parts (replies, notes, and events with no body), as the API gives them. */
const ConversationThread = z.object({
  id: ApiId,
  created_at: Seconds,
  source: z.nullish(z.object({ id: z.nullish(Id), body: z.nullish(z.string()), author: z.nullish(Author) })),
  conversation_parts: z.nullish(z.object({ conversation_parts: Rows })),
});

const ConversationPart = z.object({
  id: Id,
  part_type: z.string(),
  body: z.string(),
  created_at: Seconds,
  author: z.nullish(Author),
});
type ConversationPart = z.infer<typeof ConversationPart>;

const authorOf = (author: z.infer<typeof Author> | null | undefined) =>
  CUSTOMER_AUTHORS.has(author?.type ?? '')
    ? ('customer' as const)
    : author?.type
      ? ('agent' as const)
      : ('other' as const);

const toMessage = (part: ConversationPart) => ({
  id: String(part.id),
  author: authorOf(part.author),
  authorName: bounded(part.author?.name, 200),
  internal: part.part_type === 'note',
  body: messageText(part.body),
  createdAt: part.created_at * 1000,
});

/** The search Kept sends, read back to ask for the next page with the same query. */
const SearchBody = z.looseObject({ query: z.unknown(), pagination: z.optional(z.looseObject({})) });

/** Search pages hold at most 150 conversations. */
const MOST_PER_PAGE = 150;

/** How a conversation started (`source.type`) among Kept's channels: a `conversation` is the Messenger's chat. */
const SOURCE_CHANNELS: ChannelWords = {
  conversation: 'chat',
  email: 'email',
  phone_call: 'voice',
  phone_switch: 'voice',
  sms: 'messaging',
  whatsapp: 'messaging',
  facebook: 'social',
  instagram: 'social',
  twitter: 'social',
};

/** The people who write as the customer; admins, bots and teams write for the workspace. */
const CUSTOMER_AUTHORS = new Set(['user', 'lead', 'contact']);

/** The REST API's host for a workspace's region. */
function apiOrigin(region: string | undefined): string {
  const name = region?.toLowerCase();
  return name === 'eu' || name === 'au' ? `https://api.${name}.intercom.io` : 'https://api.intercom.io';
}

/** A title a teammate gave, or an email's subject line. */
const subjectOf = (c: ApiConversation): string | undefined =>
  c.title?.trim() || plainText(c.source?.subject ?? '').trim() || undefined;

function toConversation(c: ApiConversation, ref: TicketRef): TicketDetails['conversation'] {
  const { appId } = splitCaseId(ref.ticketId);
  const excerpt = firstLine(plainText(c.source?.body ?? ''));
  const createdAt = c.created_at * 1000;
  return compact({
    source: `intercom:${ref.host}`,
    // The workspace and the conversation, as parseUrl names the one in view: its page and its history row are one.
    id: `${appId}:${c.id}`,
    subject: (subjectOf(c) || excerpt || `Conversation #${c.id}`).slice(0, 500),
    status: STATES.get(c.state ?? '') ?? 'open',
    ...channelFrom(c.source?.type, SOURCE_CHANNELS),
    createdAt,
    updatedAt: Math.max(createdAt, (c.updated_at ?? c.created_at) * 1000),
    excerpt,
    url: `https://${ref.host}/a/inbox/${encodeURIComponent(appId || '_')}/inbox/conversation/${encodeURIComponent(c.id)}`,
    tags: (c.tags?.tags ?? []).slice(0, 50).map((t) => t.name.slice(0, 100)),
    assigneeId: idOf(c.admin_assignee_id),
    ...ratingOf(c.conversation_rating?.rating, c.conversation_rating?.remark),
  });
}

/** The next page of a search: the same query, after Intercom's cursor. */
function nextSearch(request: ApiRequest, startingAfter: string): ApiRequest | null {
  if (typeof request === 'string') return null;
  const body = SearchBody.safeParse(request.json);
  if (!body.success) return null;
  return {
    path: request.path,
    json: { ...body.data, pagination: { ...body.data.pagination, starting_after: startingAfter } },
  };
}

const intercomToken: TokenApi = {
  auth: 'token',
  help: i18n.t('options.token.intercom.help'),
  fields: {
    account: {
      label: i18n.t('options.token.intercom.account.label'),
      hint: i18n.t('options.token.intercom.account.hint'),
      pattern: { regex: /^(us|eu|au)$/i, message: i18n.t('options.token.intercom.account.pattern') },
      choices: [
        { value: 'us', label: i18n.t('options.token.intercom.account.us') },
        { value: 'eu', label: i18n.t('options.token.intercom.account.eu') },
        { value: 'au', label: i18n.t('options.token.intercom.account.au') },
      ],
    },
    secret: {
      label: i18n.t('options.token.intercom.secret.label'),
      hint: i18n.t('options.token.intercom.secret.hint'),
    },
  },
  origin: (token: HelpdeskToken) => apiOrigin(token.account),
  headers: (token) => ({ ...bearer(token.secret), 'intercom-version': '2.11' }),
  checkPath: '/me',

  ticket: {
    request: (ref) => `/conversations/${encodeURIComponent(splitCaseId(ref.ticketId).conversationId)}`,
    parse(json, ref): Result<TicketDetails> {
      const parsed = ApiConversation.safeParse(json);
      if (!parsed.success) return malformed(NAME, 'conversation', parsed.error);
      const c = parsed.data;
      const contact = c.contacts?.contacts[0];
      const author = c.source?.author;
      // The customer's own first message names them; the contact list gives only ids.
      const fromCustomer =
        author && CUSTOMER_AUTHORS.has(author.type ?? '') && (!contact || String(author.id) === contact.id);
      const conversation = toConversation(c, ref);
      return {
        ok: true,
        value: compact({
          ...detailsOf(
            compact({
              name: fromCustomer ? bounded(author.name, 200) : undefined,
              email: fromCustomer ? bounded(author.email, 320) : undefined,
              // The contact id is what the history search looks up.
              externalId: idOf(contact?.id),
            }),
            conversation,
          ),
          // The row's subject falls back to the first message; the case shows a title or subject line only.
          subject: subjectOf(c) ? conversation.subject : undefined,
          status: STATES.get(c.state ?? ''),
        }),
      };
    },
  },

  // One conversation holds its messages (at most 500 parts); parts without a body are events (assigned, closed).
  thread: {
    request: (conversation) => `/conversations/${encodeURIComponent(splitCaseId(conversation.id).conversationId)}`,
    parsePage(json) {
      const parsed = ConversationThread.safeParse(json);
      if (!parsed.success) return malformed(NAME, 'conversation', parsed.error);
      const { id, created_at, source, conversation_parts } = parsed.data;
      const first = source?.body
        ? [{ id: String(source.id ?? id), part_type: 'comment', body: source.body, created_at, author: source.author }]
        : [];
      const said = (conversation_parts?.conversation_parts ?? []).filter(
        (part) => typeof (part as { body?: unknown }).body === 'string',
      );
      return {
        ok: true,
        value: { messages: readMessages(NAME, [...first, ...said], ConversationPart, toMessage), next: null },
      };
    },
  },

  history: {
    // Intercom's search takes no sort order; the panel sorts what it keeps.
    request: (customer, _ref, pageSize) =>
      customer.externalId
        ? {
            path: '/conversations/search',
            json: {
              query: { field: 'contact_ids', operator: '=', value: customer.externalId },
              pagination: { per_page: Math.min(pageSize, MOST_PER_PAGE) },
            },
          }
        : null,
    parsePage(json, ref, request) {
      const parsed = ConversationList.safeParse(json);
      if (!parsed.success) return malformed(NAME, 'conversation search page', parsed.error);
      const after = parsed.data.pages?.next?.starting_after;
      const { conversations } = parsed.data;
      return {
        ok: true,
        value: {
          ...readRows(NAME, conversations, ApiConversation, (c) => toConversation(c, ref)),
          next: after && conversations.length > 0 ? nextSearch(request, after) : null,
        },
      };
    },
  },
};

/** The whole adapter: the page part, the session API and the token API the background reads. */
export const intercom: HelpdeskAdapter = {
  ...intercomPage,
  session: {
    auth: 'session',
    ticket: {
      request(ref) {
        const { appId, conversationId } = splitCaseId(ref.ticketId);
        return `${PREFIX}inbox/conversations/${encodeURIComponent(conversationId)}?app_id=${encodeURIComponent(appId)}`;
      },

      parse(json, ref): Result<TicketDetails> {
        const parsed = EmberConversation.safeParse(json);
        if (!parsed.success) return malformed(NAME, 'conversation', parsed.error);
        const c = parsed.data;
        const { appId } = splitCaseId(ref.ticketId);
        const user = c.user_summary;
        // The customer's first message says what the conversation is about, and on which channel it came in.
        const first = c.renderable_parts?.find((p) => CHANNELS.has(p.renderable_type ?? -1));
        const excerpt = excerptOf(first);
        const status = c.state ? STATES.get(c.state) : undefined;
        // A payload without dates is still this conversation, seen now (as local capture would record it).
        const createdAt = millisOf(c.created_at) ?? Date.now();
        const conversation: TicketDetails['conversation'] = compact({
          source: `intercom:${ref.host}`,
          id: ref.ticketId,
          subject: (c.title?.trim() || excerpt || `Conversation #${c.id}`).slice(0, 500),
          status: status ?? 'open',
          ...channelFrom(CHANNELS.get(first?.renderable_type ?? -1), MESSAGE_CHANNELS),
          createdAt,
          updatedAt: millisOf(c.last_updated) ?? millisOf(c.updated_at) ?? createdAt,
          excerpt,
          url: `https://${ref.host}/a/inbox/${encodeURIComponent(appId)}/inbox/conversation/${encodeURIComponent(c.id)}`,
          tags: [],
        });
        return {
          ok: true,
          value: compact({
            // No externalId on purpose: with one, Kept would ask for this contact's history, and no `/ember/`
            // history endpoint is known (docs/helpdesks.md §4). The email is what recognises the customer.
            customer: compact({
              name: bounded(user.name, 200),
              email: bounded(user.email, 320),
              organisation: bounded(user.first_company?.name ?? user.companies?.[0]?.name, 200),
            }),
            // Only a real title: an untitled conversation keeps what the page shows rather than an excerpt.
            subject: c.title?.trim() ? conversation.subject : undefined,
            status,
            tags: [],
            channel: conversation.channel,
            channelName: conversation.channelName,
            conversation,
          }),
        };
      },
    },

    // No history with the session: no per-contact list was confirmed on `/ember/` (docs/helpdesks.md §4) and the official
    // search needs a token.
  },
  token: intercomToken,
};

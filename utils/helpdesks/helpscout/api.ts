import * as z from 'zod/mini';
import { i18n } from '#i18n';
import type { ConversationStatus } from '../../schemas';
import { type ChannelWords, channelFrom } from '../channels';
import { bearer } from '../connect';
import { compact } from '../dom';
import {
  bounded,
  firstLine,
  malformed,
  messageText,
  pathOf,
  Rows,
  readMessages,
  readRows,
  withParam,
} from '../payload';
import type { HelpdeskAdapter, TokenApi } from '../types';
import { helpscoutPage, NAME, statusOf } from './page';

// Help Scout's Mailbox API 2.0 with an admin's own app, OAuth2 client credentials (docs/helpdesks.md §3).

const Time = z.iso.datetime({ offset: true });

const Person = z.object({
  id: z.number(),
  first: z.nullish(z.string()),
  last: z.nullish(z.string()),
  email: z.nullish(z.string()),
});

const HelpScoutConversation = z.object({
  id: z.number(),
  number: z.number(),
  subject: z.nullish(z.string()),
  status: z.string(),
  type: z.nullish(z.string()),
  preview: z.nullish(z.string()),
  createdAt: Time,
  userUpdatedAt: z.nullish(Time),
  closedAt: z.nullish(Time),
  tags: z.nullish(z.array(z.object({ tag: z.string() }))),
  assignee: z.nullish(Person),
});
type HelpScoutConversation = z.infer<typeof HelpScoutConversation>;

/** A page of `GET /v2/conversations`: HAL, with the list under `_embedded` (left out when nothing matched). */
const ConversationList = z.object({
  _embedded: z.nullish(z.object({ conversations: Rows })),
  page: z.object({ number: z.number(), totalPages: z.number() }),
});

/** One thread of a conversation: a customer's message, a reply, a note, or an event (`lineitem`, no body). */
const HelpScoutThread = z.object({
  id: z.number(),
  type: z.string(),
  body: z.nullish(z.string()),
  createdAt: Time,
  createdBy: z.nullish(
    z.object({ type: z.nullish(z.string()), first: z.nullish(z.string()), last: z.nullish(z.string()) }),
  ),
});
type HelpScoutThread = z.infer<typeof HelpScoutThread>;

const ThreadList = z.object({
  _embedded: z.nullish(z.object({ threads: Rows })),
  page: z.nullish(z.object({ number: z.number(), totalPages: z.number() })),
});

/** Who wrote a thread: its creator's type says it (customers write `customer` threads, users reply and note). */
function toMessage(thread: HelpScoutThread) {
  const by = thread.createdBy?.type;
  return {
    id: String(thread.id),
    author: by === 'customer' ? ('customer' as const) : by === 'user' ? ('agent' as const) : ('other' as const),
    authorName: bounded([thread.createdBy?.first, thread.createdBy?.last].filter(Boolean).join(' '), 200),
    internal: thread.type === 'note',
    body: messageText(thread.body),
    createdAt: Date.parse(thread.createdAt),
  };
}

/** The next page of a HAL list, by its page numbers, or null at the end. */
function nextPage(path: string, page: { number: number; totalPages: number } | null | undefined, count: number) {
  return page && page.number < page.totalPages && count > 0 ? withParam(path, 'page', String(page.number + 1)) : null;
}

const Granted = z.object({ access_token: z.string().check(z.minLength(1)), expires_in: z.number() });

/** The conversation types (Mailbox API: email, chat, phone) among Kept's channels. */
const CHANNELS: ChannelWords = { email: 'email', chat: 'chat', phone: 'voice' };

/** Spam is out of the way like a closed conversation; the page shows it with no status at all. */
const historyStatusOf = (status: string): ConversationStatus =>
  status === 'spam' ? 'closed' : (statusOf(status) ?? 'open');

const nameOf = (person: z.infer<typeof Person>) => [person.first, person.last].filter(Boolean).join(' ').trim();

function toConversation(c: HelpScoutConversation, host: string) {
  const assignee = c.assignee;
  return compact({
    source: `helpscout:${host}`,
    // The id, as `parseUrl` names the conversation: the one open and its history row are one record.
    id: String(c.id),
    subject: (c.subject?.trim() || `Conversation #${c.number}`).slice(0, 500),
    status: historyStatusOf(c.status),
    ...channelFrom(c.type, CHANNELS),
    createdAt: Date.parse(c.createdAt),
    updatedAt: Date.parse(c.userUpdatedAt ?? c.closedAt ?? c.createdAt),
    excerpt: firstLine(c.preview),
    url: `https://secure.helpscout.net/conversation/${c.id}/${c.number}`,
    tags: (c.tags ?? []).slice(0, 50).map((t) => t.tag.slice(0, 100)),
    assigneeId: assignee ? String(assignee.id) : undefined,
    assignee: assignee
      ? compact({
          name: nameOf(assignee).slice(0, 200) || undefined,
          email: assignee.email?.slice(0, 320) || undefined,
        })
      : undefined,
  });
}

/** A value inside a search query's double quotes. */
const quoted = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;

/**
 * Mailbox API 2.0 (docs/helpdesks.md §3) with the admin's own app: client credentials traded for a 2-day access token.
 * Without `status=all` Help Scout lists only active conversations.
 */
const helpscoutToken: TokenApi = {
  auth: 'token',
  help: i18n.t('options.token.helpscout.help'),
  fields: {
    user: {
      label: i18n.t('options.token.helpscout.user.label'),
      hint: i18n.t('options.token.helpscout.user.hint'),
      pattern: { regex: /^[A-Za-z0-9]+$/, message: i18n.t('options.token.helpscout.user.pattern') },
    },
    secret: {
      label: i18n.t('options.token.helpscout.secret.label'),
      hint: i18n.t('options.token.helpscout.secret.hint'),
    },
  },
  origin: () => 'https://api.helpscout.net',
  exchange: {
    request: (token) => ({
      path: '/v2/oauth2/token',
      form: { grant_type: 'client_credentials', client_id: token.user ?? '', client_secret: token.secret },
    }),
    parse(json) {
      const parsed = Granted.safeParse(json);
      if (!parsed.success) return malformed(NAME, 'token answer', parsed.error);
      return { ok: true, value: { accessToken: parsed.data.access_token, expiresInSeconds: parsed.data.expires_in } };
    },
  },
  headers: (_token, accessToken) => bearer(accessToken ?? ''),
  checkPath: '/v2/users/me',

  // Help Scout lists threads newest first; events (`lineitem`) have no text to show.
  thread: {
    request: (conversation) => `/v2/conversations/${encodeURIComponent(conversation.id)}/threads?page=1`,
    parsePage(json, _ref, request) {
      const parsed = ThreadList.safeParse(json);
      if (!parsed.success) return malformed(NAME, 'conversation thread', parsed.error);
      const rows = parsed.data._embedded?.threads ?? [];
      const said = rows.filter((row) => (row as { type?: unknown }).type !== 'lineitem');
      return {
        ok: true,
        value: {
          messages: readMessages(NAME, said, HelpScoutThread, toMessage),
          next: nextPage(pathOf(request), parsed.data.page, rows.length),
        },
      };
    },
  },

  history: {
    // Help Scout pages conversations 25 at a time whatever is asked, so `pageSize` has nothing to set.
    request(customer) {
      const id = customer.externalId;
      const query =
        id && /^\d+$/.test(id) ? `(customerIds:${id})` : customer.email && `(email:${quoted(customer.email)})`;
      if (!query) return null;
      const params = new URLSearchParams({
        query,
        status: 'all',
        sortField: 'modifiedAt',
        sortOrder: 'desc',
        page: '1',
      });
      return `/v2/conversations?${params}`;
    },
    parsePage(json, ref, request) {
      const parsed = ConversationList.safeParse(json);
      if (!parsed.success) return malformed(NAME, 'conversation history page', parsed.error);
      const { _embedded, page } = parsed.data;
      const rows = _embedded?.conversations ?? [];
      // The page numbers say where the next page is (the `next` link says the same, as a full URL).
      return {
        ok: true,
        value: {
          ...readRows(NAME, rows, HelpScoutConversation, (c) => toConversation(c, ref.host)),
          next: nextPage(pathOf(request), page, rows.length),
        },
      };
    },
  },
};

/** The whole adapter: the page part and the token API the background reads. */
export const helpscout: HelpdeskAdapter = { ...helpscoutPage, token: helpscoutToken };

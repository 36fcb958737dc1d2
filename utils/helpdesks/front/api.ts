import * as z from 'zod/mini';
import { i18n } from '#i18n';
import type { ConversationStatus } from '../../schemas';
import { bearer } from '../connect';
import { compact } from '../dom';
import { bounded, idOf, malformed, messageText, Rows, readMessages, readRows, statusFrom } from '../payload';
import type { HelpdeskAdapter, TokenApi } from '../types';
import { frontPage, NAME } from './page';

// Front's Core API with an admin's API token (docs/helpdesks.md §5); why no session API: page.ts.

const Teammate = z.object({
  id: z.string(),
  email: z.nullish(z.string()),
  first_name: z.nullish(z.string()),
  last_name: z.nullish(z.string()),
});

const FrontConversation = z.object({
  id: z.string().check(z.regex(/^cnv_[0-9a-z]{1,12}$/)),
  subject: z.nullish(z.string()),
  status: z.string(),
  status_category: z.nullish(z.string()),
  /** Seconds since 1970, with milliseconds after the point. */
  created_at: z.number(),
  updated_at: z.nullish(z.number()),
  tags: z.nullish(z.array(z.object({ name: z.string() }))),
  assignee: z.nullish(Teammate),
});
type FrontConversation = z.infer<typeof FrontConversation>;

/** A message of a conversation: inbound from the customer, or a teammate's (`author`, null for inbound ones). */
const FrontMessage = z.object({
  id: z.string(),
  is_inbound: z.boolean(),
  created_at: z.number(),
  text: z.nullish(z.string()),
  body: z.nullish(z.string()),
  author: z.nullish(Teammate),
  recipients: z.nullish(z.array(z.object({ name: z.nullish(z.string()), role: z.string() }))),
});
type FrontMessage = z.infer<typeof FrontMessage>;

const MessageList = z.object({
  _pagination: z.nullish(z.object({ next: z.nullish(z.string()) })),
  _results: Rows,
});

const fullName = (teammate: z.infer<typeof Teammate> | null | undefined) =>
  teammate ? [teammate.first_name, teammate.last_name].filter(Boolean).join(' ').trim() : '';

function toMessage(m: FrontMessage) {
  const sender = m.is_inbound ? m.recipients?.find((r) => r.role === 'from')?.name : fullName(m.author);
  return {
    id: m.id,
    author: m.is_inbound ? ('customer' as const) : ('agent' as const),
    authorName: bounded(sender, 200),
    // Comments (internal) are another endpoint: every message here went to or came from the customer.
    internal: false,
    body: m.text?.trim() ? m.text.trim().slice(0, 20_000) : messageText(m.body),
    createdAt: secondsToMillis(m.created_at),
  };
}

const ConversationList = z.object({
  _pagination: z.nullish(z.object({ next: z.nullish(z.string()) })),
  _results: Rows,
});

/** With ticketing on, the ticket status's category says where the conversation stands. */
const CATEGORIES: Record<string, ConversationStatus> = { open: 'open', waiting: 'pending', resolved: 'solved' };
/** Otherwise the inbox status: unassigned is new work, archived is done, snoozed waits for its reminder. */
const STATUSES: Record<string, ConversationStatus> = {
  unassigned: 'new',
  assigned: 'open',
  snoozed: 'pending',
  archived: 'closed',
  deleted: 'closed',
};

function statusOf(c: FrontConversation) {
  const category = c.status_category;
  if (category && Object.hasOwn(CATEGORIES, category)) return { status: CATEGORIES[category] ?? 'open' };
  return statusFrom(c.status, STATUSES);
}

const secondsToMillis = (seconds: number) => Math.round(seconds * 1000);

function toConversation(c: FrontConversation, host: string) {
  const assignee = c.assignee;
  const name = fullName(assignee);
  return compact({
    source: `front:${host}`,
    // The API id, as `parseUrl` names the conversation (from `/open/cnv_…` or the number in a folder URL).
    id: c.id,
    subject: (c.subject?.trim() || `Conversation ${c.id}`).slice(0, 500),
    ...statusOf(c),
    createdAt: secondsToMillis(c.created_at),
    updatedAt: secondsToMillis(c.updated_at ?? c.created_at),
    url: `https://app.frontapp.com/open/${c.id}`,
    tags: (c.tags ?? []).slice(0, 50).map((t) => t.name.slice(0, 100)),
    assigneeId: idOf(assignee?.id),
    assignee: assignee
      ? compact({ name: name?.slice(0, 200) || undefined, email: assignee.email?.slice(0, 320) || undefined })
      : undefined,
  });
}

const API_ORIGIN = 'https://api2.frontapp.com';

/**
 * Front's next link names the company's own API host (`acme.api.frontapp.com`), which serves the same API as
 * api2.frontapp.com: the same path and page token there is the same page, and the token goes to no other host.
 */
function nextPath(next: string | null | undefined): string | null {
  if (!next) return null;
  try {
    const url = new URL(next, API_ORIGIN);
    const isFront = url.hostname === 'api2.frontapp.com' || /^[a-z0-9-]+\.api\.frontapp\.com$/.test(url.hostname);
    return url.protocol === 'https:' && isFront ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}

/** The Core API with an API token (docs/helpdesks.md §5): the customer's conversations through their contact's email. */
const frontToken: TokenApi = {
  auth: 'token',
  help: i18n.t('options.token.front.help'),
  fields: {
    secret: {
      label: i18n.t('options.token.front.secret.label'),
      hint: i18n.t('options.token.front.secret.hint'),
      pattern: {
        regex: /^[\w-]+\.[\w-]+\.[\w-]+$/,
        message: i18n.t('options.token.front.secret.pattern'),
      },
    },
  },
  origin: () => API_ORIGIN,
  headers: (token) => bearer(token.secret),
  checkPath: '/me',

  thread: {
    request: (conversation) =>
      `/conversations/${encodeURIComponent(conversation.id)}/messages?sort_by=created_at&sort_order=asc&limit=100`,
    parsePage(json) {
      const parsed = MessageList.safeParse(json);
      if (!parsed.success) return malformed(NAME, 'conversation thread', parsed.error);
      const rows = parsed.data._results;
      const next = rows.length > 0 ? nextPath(parsed.data._pagination?.next) : null;
      return { ok: true, value: { messages: readMessages(NAME, rows, FrontMessage, toMessage), next } };
    },
  },

  history: {
    // A contact can be named by one of its handles: `alt:email:…` (Front's resource aliases).
    request: (customer, _ref, pageSize) =>
      customer.email
        ? `/contacts/alt:email:${encodeURIComponent(customer.email)}/conversations?limit=${Math.min(pageSize, 100)}`
        : null,
    parsePage(json, ref) {
      const parsed = ConversationList.safeParse(json);
      if (!parsed.success) return malformed(NAME, 'conversation history page', parsed.error);
      const rows = readRows(NAME, parsed.data._results, FrontConversation, (c) => toConversation(c, ref.host));
      const next = parsed.data._results.length > 0 ? nextPath(parsed.data._pagination?.next) : null;
      return { ok: true, value: { ...rows, next } };
    },
  },
};

/** The whole adapter: the page part and the token API the background reads. */
export const front: HelpdeskAdapter = { ...frontPage, token: frontToken };

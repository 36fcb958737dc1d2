import * as z from 'zod/mini';
import type { ConversationStatus, Result } from '../schemas';
import { compact, textOf } from './dom';
import { firstLine, malformed } from './payload';
import type { HelpdeskAdapter, HelpdeskPage, TicketDetails } from './types';

// Intercom Inbox. Facts and sources: helpdesks.md §4.
// EXPERIMENTAL: the customer comes from Intercom's own `/ember/` API with the rep's session. That API is
// undocumented and may change without notice; the payload fields below are the ones public code reads.

const HOSTS = new Set(['app.intercom.com', 'app.eu.intercom.com', 'app.au.intercom.com']);

/** `/a/inbox/{appId}/inbox/…/conversation/{id}` (shared/all, admin/…, or none), and the legacy form it replaces. */
const INBOX_PATH = /^\/a\/inbox\/([\w-]+)\/inbox\/(?:[^?#]*\/)?conversation\/(\d+)(?:\/|$)/;
const LEGACY_PATH = /^\/a\/apps\/([\w-]+)\/conversations\/(\d+)(?:\/|$)/;

/**
 * A case id names the workspace and the conversation ("abc123:215467"): the `/ember/` API needs the workspace's
 * `app_id`, and one Intercom host serves every workspace.
 */
function splitCaseId(ticketId: string): { appId: string; conversationId: string } {
  const at = ticketId.lastIndexOf(':');
  return { appId: ticketId.slice(0, Math.max(at, 0)), conversationId: ticketId.slice(at + 1) };
}

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
  [1, 'chat'],
  [12, 'email'],
]);

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

/** The first telling line of a message. Blocks are Messenger text or email HTML; the panel shows plain text. */
function excerptOf(part: Part | undefined): string | undefined {
  const text = (part?.renderable_data?.blocks ?? [])
    .map((b) => b.text || b.content || '')
    .join('\n')
    .replace(/<br\s*\/?>|<\/(p|div|li|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' '))
    .join('\n');
  return firstLine(text);
}

const bounded = (value: string | null | undefined, max: number) => {
  const trimmed = value?.trim();
  return trimmed && trimmed.length <= max ? trimmed : undefined;
};

/** What the content script bundles: finding and reading a ticket page (no API payload schemas, no Zod). */
export const intercomPage: HelpdeskPage = {
  id: 'intercom',
  name: 'Intercom',
  matches: ['https://app.intercom.com/*', 'https://app.eu.intercom.com/*', 'https://app.au.intercom.com/*'],

  parseUrl(url) {
    if (url.protocol !== 'https:' || !HOSTS.has(url.hostname)) return null;
    const match = INBOX_PATH.exec(url.pathname) ?? LEGACY_PATH.exec(url.pathname);
    if (!match?.[1] || !match[2]) return null;
    return { helpdesk: 'intercom', host: url.hostname, ticketId: `${match[1]}:${match[2]}` };
  },

  readPage(root, ref) {
    const { conversationId } = splitCaseId(ref.ticketId);
    // The page has no stable hook for the customer (helpdesks.md §4); the Ember store that knows them is a page
    // global only a MAIN-world script can read. The customer comes from the `/ember/` API below instead.
    // Several conversation cards can be in the DOM: read the title of this conversation's card only.
    const card = /^\d+$/.test(conversationId) ? `[data-conversation-id="${conversationId}"]` : null;
    return {
      subject: card ? textOf(root, `${card} [data-inbox-conversation-header-title] span`) : undefined,
      customer: {},
    };
  },

  api: { pathPrefix: '/ember/' },
};

/** The whole adapter: the page part and the API reader the background uses. */
export const intercom: HelpdeskAdapter = {
  ...intercomPage,
  api: {
    pathPrefix: '/ember/',
    ticketPath(ref) {
      const { appId, conversationId } = splitCaseId(ref.ticketId);
      return `/ember/inbox/conversations/${encodeURIComponent(conversationId)}?app_id=${encodeURIComponent(appId)}`;
    },

    parseTicket(json, ref): Result<TicketDetails> {
      const parsed = EmberConversation.safeParse(json);
      if (!parsed.success) return malformed('Intercom', 'conversation', parsed.error);
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
        channel: CHANNELS.get(first?.renderable_type ?? -1),
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
          // history endpoint is known (helpdesks.md §4). The email is what recognises the customer.
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
          conversation,
        }),
      };
    },

    // No history with the session: no per-contact list was confirmed on `/ember/` (helpdesks.md §4) and the official
    // search needs a token.
  },
};

import * as z from 'zod/mini';
import type { ConversationStatus, Result, Satisfaction, TicketRef } from '../schemas';
import { compact, emailOf, textOf } from './dom';
import { firstLine, malformed } from './payload';
import type { HelpdeskAdapter, HelpdeskPage, HistoryPage, TicketDetails } from './types';

// Zendesk Agent Workspace. Facts and sources: helpdesks.md §1.

const TICKET_PATH = /^\/agent\/tickets\/(\d+)(?:\/|$)/;
// Zendesk's ticket statuses, as its API says them. Not the shared schema's: a value import from '../schemas' would
// put every schema, and Zod, in the content script.
const STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
const Status = z.enum(STATUSES);

const ZendeskTicket = z.object({
  id: z.number(),
  subject: z.nullish(z.string()),
  description: z.nullish(z.string()),
  status: Status,
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
});

const TicketShow = z.object({
  ticket: ZendeskTicket,
  users: z.optional(z.array(ZendeskUser)),
  organizations: z.optional(z.array(z.object({ id: z.number(), name: z.string() }))),
});

const RequestedPage = z.object({
  tickets: z.array(ZendeskTicket),
  users: z.optional(z.array(ZendeskUser)),
  meta: z.optional(z.object({ has_more: z.boolean() })),
  links: z.optional(z.object({ next: z.nullish(z.string()) })),
});

const SCORES: Record<string, Satisfaction> = { good: 'good', bad: 'bad', offered: 'offered', unoffered: 'unoffered' };

type ZendeskUser = z.infer<typeof ZendeskUser>;

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
    status: ticket.status,
    channel: ticket.via?.channel ?? undefined,
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

function statusOf(label: string | undefined): ConversationStatus | undefined {
  // The UI says "On-hold" where the API says "hold".
  const word = label?.split(' ')[0]?.toLowerCase().replace('on-hold', 'hold');
  return STATUSES.find((status) => status === word);
}

/** Turns Zendesk's absolute `links.next` into a path, refusing any other origin. */
function samePath(next: string | null | undefined, host: string): string | null {
  if (!next) return null;
  const url = new URL(next, `https://${host}`);
  return url.hostname === host ? url.pathname + url.search : null;
}

/** What the content script bundles: finding and reading a ticket page (no API payload schemas, no Zod). */
export const zendeskPage: HelpdeskPage = {
  id: 'zendesk',
  name: 'Zendesk',
  matches: ['https://*.zendesk.com/*'],

  parseUrl(url) {
    if (url.protocol !== 'https:' || !url.hostname.endsWith('.zendesk.com')) return null;
    const id = TICKET_PATH.exec(url.pathname)?.[1];
    return id ? { helpdesk: 'zendesk', host: url.hostname, ticketId: id } : null;
  },

  readPage(root, ref) {
    // Agent Workspace keeps every open ticket tab in the DOM; read only this ticket's workspace.
    // Right after in-app navigation the URL names the new ticket while the old workspace is still the active one:
    // fall back to the active workspace only when it does not belong to another ticket.
    const active = root.querySelector('.ticket-panes-grid-layout[data-is-active="true"]');
    const workspace =
      root.querySelector(`[data-side-conversations-anchor-id="${ref.ticketId}"]`) ??
      (active?.hasAttribute('data-side-conversations-anchor-id') ? null : active);
    const selectedTab = root.querySelector(`[data-test-id="header-tab"][data-entity-id="${ref.ticketId}"]`);
    return {
      subject:
        textOf(workspace, '[data-test-id="omni-header-subject"]') ??
        textOf(selectedTab, '[data-test-id="header-tab-title"]'),
      status: statusOf(textOf(workspace, '[data-test-id="ticket-system-field-status-select"]')),
      customer: compact({
        name:
          textOf(workspace, '[data-test-id="customer-context-name"]') ??
          textOf(workspace, '[data-test-id="ticket-system-field-requester-label"]'),
        email: emailOf(workspace, '[data-test-id="customer-context-email"]'),
        organisation: textOf(workspace, '[data-test-id="customer-context-organization"]'),
      }),
    };
  },

  api: { pathPrefix: '/api/v2/' },
};

/** The whole adapter: the page part and the API reader the background uses. */
export const zendesk: HelpdeskAdapter = {
  ...zendeskPage,
  api: {
    pathPrefix: '/api/v2/',
    ticketPath: (ref) => `/api/v2/tickets/${ref.ticketId}.json?include=users,organizations`,

    parseTicket(json, ref): Result<TicketDetails> {
      const parsed = TicketShow.safeParse(json);
      if (!parsed.success) return malformed('Zendesk', 'ticket', parsed.error);
      const { ticket, users = [], organizations = [] } = parsed.data;
      const requester = users.find((u) => u.id === ticket.requester_id);
      const organisation = organizations.find((o) => o.id === requester?.organization_id)?.name;
      const conversation = toConversation(ticket, ref, users);
      return {
        ok: true,
        value: compact({
          customer: compact({
            name: requester?.name ?? undefined,
            email: requester?.email ?? undefined,
            externalId: String(ticket.requester_id),
            organisation,
          }),
          subject: conversation.subject,
          status: ticket.status,
          tags: conversation.tags,
          channel: conversation.channel,
          satisfaction: conversation.satisfaction,
          conversation,
        }),
      };
    },

    history: {
      path: (userId, pageSize) =>
        `/api/v2/users/${encodeURIComponent(userId)}/tickets/requested.json?page[size]=${pageSize}&sort=-updated_at&include=users`,

      parsePage(json, ref): Result<HistoryPage> {
        const parsed = RequestedPage.safeParse(json);
        if (!parsed.success) return malformed('Zendesk', 'ticket history page', parsed.error);
        const { tickets, users, meta, links } = parsed.data;
        return {
          ok: true,
          value: {
            conversations: tickets.map((t) => toConversation(t, ref, users)),
            nextPath: meta?.has_more === false ? null : samePath(links?.next, ref.host),
          },
        };
      },
    },
  },
};

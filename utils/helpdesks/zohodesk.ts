import * as z from 'zod/mini';
import type { ConversationStatus, Result } from '../schemas';
import { compact, textOf } from './dom';
import { bounded, detailsOf, firstLine, malformed, plainText, withParam } from './payload';
import type { HelpdeskAdapter, HelpdeskPage, HistoryPage, SeenTicket, TicketDetails } from './types';
import { askOrgId, ZOHODESK_HOSTS, ZOHODESK_MATCHES } from './zohodesk-org';

// Zoho Desk agent app. Facts and sources: helpdesks.md section 8. The ticket view's class names come from the
// Clockify (zohodesk.js, 2025) and TMetric integrations, its `data-id="subTab_{ticketId}"` from one public test
// harness (weak). Not checked against a live portal.
//
// History with the rep's session goes through the agent app's own API, `/supportapi/zd/{portal}/api/v1` (the MWR Zoho
// Tools userscript calls it with the cookie and an `orgId` header; GETs need no CSRF token). Its paths and payloads
// are taken to be those of Zoho's documented `/api/v1` (Get ticket, List tickets by contact): checked against
// payloads shaped like the documented ones only. The org id is the page global `window.desk_urls`; a MAIN-world
// script reads it for the content script (zohodesk-org.ts).

const NAME = 'Zoho Desk';
const PREFIX = '/supportapi/zd/';

/** `/agent/{portal}/{department}/tickets/details/{ticketId}`; the id is Zoho's long internal one, not `#123`. */
const TICKET_PATH = /^\/agent\/[^/]+\/[^/]+\/tickets\/details\/(\d+)(?:\/|$)/;
/** The portal and department of an agent page: every ticket page has them. Kept as the URL spells them (encoded). */
const AGENT_PATH = /^\/agent\/([^/]+)\/([^/]+)\//;
const VIEW = '.zd_v2-ticketdetailview-container, .zd-ticketdetailview-container';
const SUB_TAB = /^subTab_(\d+)$/;
// Unverified guesses, by analogy with the ticket route: the ticket view links its contact and account to
// `/agent/{portal}/{department}/contacts/details/{id}` and `.../accounts/details/{id}`. helpdesks.md found no
// customer selector for Zoho Desk at all.
const CONTACT_LINK = 'a[href*="/contacts/details/"]';
const ACCOUNT_LINK = 'a[href*="/accounts/details/"]';
const CONTACT_HREF = /\/contacts\/details\/(\d+)/;

/** Zoho lists at most 100 records a page (`limit`), from a 0-based index (`from`). */
const MAX_LIMIT = 100;

/**
 * The ticket view showing this ticket, or null. A view names its ticket in `data-id="subTab_{id}"` where Desk
 * renders it; a single unnamed view is taken as this ticket's, one naming another ticket is the previous page.
 */
function ticketView(root: ParentNode, ticketId: string): Element | null {
  const views = Array.from(root.querySelectorAll(VIEW));
  const own = views.find((view) => view.getAttribute('data-id') === `subTab_${ticketId}`);
  if (own) return own;
  const only = views.length === 1 ? views[0] : undefined;
  return only && !SUB_TAB.test(only.getAttribute('data-id') ?? '') ? only : null;
}

/** What the content script bundles: finding and reading a ticket page, and the org id header of its API fetches. */
export const zohodeskPage = {
  id: 'zohodesk',
  name: NAME,
  matches: ZOHODESK_MATCHES,

  parseUrl(url) {
    if (url.protocol !== 'https:' || !ZOHODESK_HOSTS.includes(url.hostname)) return null;
    const id = TICKET_PATH.exec(url.pathname)?.[1];
    return id ? { helpdesk: 'zohodesk', host: url.hostname, ticketId: id } : null;
  },

  readPage(root, ref) {
    const view = ticketView(root, ref.ticketId);
    const contact = view?.querySelector(CONTACT_LINK);
    return {
      subject:
        textOf(view, '[data-id="caseSubjectText"]') ??
        textOf(view, '.zd_v2-dvsubjectsection-subject, .zd-dvsubjectsection-subject'),
      customer: compact({
        name: textOf(view, CONTACT_LINK),
        // The contact id keys the customer (no email is read), so their tickets still group together.
        externalId: CONTACT_HREF.exec(contact?.getAttribute('href') ?? '')?.[1],
        organisation: textOf(view, ACCOUNT_LINK),
      }),
    };
  },

  api: {
    pathPrefix: PREFIX,
    // Without the org id the API refuses, and that refusal is what the panel shows.
    async requestHeaders(page: Window): Promise<Record<string, string>> {
      const orgId = await askOrgId(page);
      return orgId ? { orgId } : {};
    },
  },
} satisfies HelpdeskPage;

// Zoho ids are 17-digit numbers, beyond a JSON number's precision: the API sends them as strings.
const ZohoId = /* @__PURE__ */ z.string().check(z.regex(/^\d{1,30}$/));

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
  modifiedTime: z.nullish(z.iso.datetime()),
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

const TicketList = z.object({ data: z.array(ZohoTicket) });

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

/** Zoho's channels in the playbook's channel words; social and messaging channels keep their own names. */
const CHANNELS: Record<string, string> = {
  email: 'email',
  phone: 'voice',
  web: 'web',
  chat: 'chat',
  online_chat: 'chat',
  'customer portal': 'web',
  'feedback widget': 'web',
  forums: 'web',
};

function channelOf(channel: string | null | undefined): string | undefined {
  const name = channel?.trim().toLowerCase();
  if (!name) return undefined;
  return Object.hasOwn(CHANNELS, name) ? CHANNELS[name] : name.slice(0, 40);
}

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

function toConversation(ticket: ZohoTicket, ref: SeenTicket): TicketDetails['conversation'] {
  const number = ticket.ticketNumber?.trim();
  return compact({
    source: `zohodesk:${ref.host}`,
    id: ticket.id,
    subject: (ticket.subject?.trim() || `Ticket #${number || ticket.id}`).slice(0, 500),
    status: statusOf(ticket),
    channel: channelOf(ticket.channel),
    createdAt: Date.parse(ticket.createdTime),
    updatedAt: Date.parse(ticket.modifiedTime ?? ticket.createdTime),
    excerpt: excerptOf(ticket.description),
    url: ticketUrl(ticket, ref),
    tags: [],
    assigneeId: ticket.assigneeId ?? undefined,
  });
}

/** The whole adapter: the page part and the API reader the background uses. */
export const zohodesk: HelpdeskAdapter = {
  ...zohodeskPage,
  api: {
    pathPrefix: PREFIX,
    ticketPath: (ref) => `${apiBase(ref)}/tickets/${encodeURIComponent(ref.ticketId)}?include=contacts`,

    parseTicket(json, ref): Result<TicketDetails> {
      const parsed = ZohoTicket.safeParse(json);
      if (!parsed.success) return malformed(NAME, 'ticket', parsed.error);
      const ticket = parsed.data;
      const conversation = toConversation(ticket, ref);
      const contact = ticket.contact;
      const name = [contact?.firstName?.trim(), contact?.lastName?.trim()].filter(Boolean).join(' ');
      return {
        ok: true,
        value: detailsOf(
          compact({
            name: bounded(name, 200),
            // The contact's address first: the ticket's is whatever the channel recorded.
            email: bounded(contact?.email, 320) ?? bounded(ticket.email, 320),
            externalId: ticket.contactId ?? undefined,
            organisation: bounded(contact?.account?.accountName, 200),
          }),
          conversation,
          // The "#1127" agents see; the id in the URL is Zoho's 17-digit internal one.
          bounded(ticket.ticketNumber, 40),
        ),
      };
    },

    // Newest first (`sortBy=-createdTime`, as public Desk API clients ask this list).
    history: {
      path: (contactId, pageSize, ref) => {
        if (!ref) throw new Error(`${NAME}: history needs the ticket in view for its portal`);
        const limit = Math.min(Math.max(Math.trunc(pageSize), 1), MAX_LIMIT - 1) + 1;
        return `${apiBase(ref)}/contacts/${encodeURIComponent(contactId)}/tickets?from=0&limit=${limit}&sortBy=-createdTime`;
      },

      parsePage(json, ref, path): Result<HistoryPage> {
        const parsed = TicketList.safeParse(json);
        if (!parsed.success) return malformed(NAME, 'ticket history page', parsed.error);
        const { keep, nextPath } = pageAfter(path, parsed.data.data.length);
        return {
          ok: true,
          value: { conversations: parsed.data.data.slice(0, keep).map((t) => toConversation(t, ref)), nextPath },
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
function pageAfter(path: string | undefined, count: number): { keep: number; nextPath: string | null } {
  const params = new URL(path ?? '/', 'https://helpdesk.invalid').searchParams;
  const from = Number(params.get('from') ?? 0);
  const limit = Number(params.get('limit') ?? 0);
  const valid = path && Number.isSafeInteger(from) && from >= 0 && Number.isInteger(limit) && limit >= 2;
  if (!valid || count < limit) return { keep: count, nextPath: null };
  return { keep: limit - 1, nextPath: withParam(path, 'from', String(from + limit - 1)) };
}

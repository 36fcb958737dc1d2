import * as z from 'zod/mini';
import type { ConversationStatus, Result, TicketRef } from '../schemas';
import { compact, emailOf, textOf } from './dom';
import { detailsOf, firstLine, malformed, withParam } from './payload';
import type { HelpdeskAdapter, HelpdeskPage, HistoryPage, TicketDetails } from './types';

// Freshdesk agent app (Ember). Facts and sources: helpdesks.md section 2.
//
// Why the public v2 API and not the app's internal /api/_/: both answer the rep's session cookie (the internal one
// is what the agent app itself calls), but only v2 is documented: `include=requester,company` on a ticket, the
// requester_id / updated_since / order_by / per_page / page parameters of the ticket list, and the payload fields.
// The internal API's shapes are undocumented and may change on any deploy.

const NAME = 'Freshdesk';
const TICKET_PATH = /^\/a\/tickets\/(\d+)(?:\/|$)/;
const CONTACT_HREF = /\/a\/contacts\/(\d+)/;

/** Freshdesk returns only tickets created in the last 30 days unless asked for older ones (helpdesks.md section 2). */
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
  status: /* @__PURE__ */ z.number().check(z.int()),
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

const TicketList = z.array(FreshdeskTicket);

const STATUSES: Record<number, ConversationStatus> = { 2: 'open', 3: 'pending', 4: 'solved', 5: 'closed' };
/** 2 Open, 3 Pending, 4 Resolved, 5 Closed; an account's own statuses (6 and up) are waiting on someone: on hold. */
const statusOf = (code: number): ConversationStatus => STATUSES[code] ?? (code >= 6 ? 'hold' : 'open');

/** Source codes in the channel words Kept's playbook uses (the same as Zendesk's: email, web, voice, chat). */
const CHANNELS: Record<number, string> = { 1: 'email', 2: 'web', 3: 'voice', 7: 'chat', 9: 'web', 10: 'email' };

/** What the status dropdown shows; other labels (custom statuses, other languages) are left to the API. */
const STATUS_LABELS: Record<string, ConversationStatus> = {
  open: 'open',
  pending: 'pending',
  resolved: 'solved',
  closed: 'closed',
};

function toConversation(ticket: FreshdeskTicket, ref: TicketRef): TicketDetails['conversation'] {
  return compact({
    source: `freshdesk:${ref.host}`,
    id: String(ticket.id),
    subject: (ticket.subject || `Ticket #${ticket.id}`).slice(0, 500),
    status: statusOf(ticket.status),
    channel: ticket.source == null ? undefined : CHANNELS[ticket.source],
    createdAt: Date.parse(ticket.created_at),
    updatedAt: Date.parse(ticket.updated_at),
    excerpt: firstLine(ticket.description_text),
    url: `https://${ref.host}/a/tickets/${ticket.id}`,
    tags: (ticket.tags ?? []).slice(0, 50).map((t) => t.slice(0, 100)),
    assigneeId: ticket.responder_id == null ? undefined : String(ticket.responder_id),
  });
}

/** The ticket id the page's breadcrumb names ("#123" or "123"), if it shows one. */
function breadcrumbId(root: ParentNode): string | undefined {
  return textOf(root, '.breadcrumb__item.active')?.match(/\d+/)?.[0];
}

/** The requester widget: in the page, or in the older layout inside the contact-info micro-frontend's shadow root. */
function requesterWidget(root: ParentNode): ParentNode | null {
  if (root.querySelector('[data-test-id="requester-info-contact-email"], a[href*="/a/contacts/"]')) return root;
  return root.querySelector('mfe-application[app-id="fw-unified-mfe--contact-info"]')?.shadowRoot ?? null;
}

/** What the content script bundles: finding and reading a ticket page (no API payload schemas, no Zod). */
export const freshdeskPage: HelpdeskPage = {
  id: 'freshdesk',
  name: NAME,
  matches: ['https://*.freshdesk.com/*'],

  parseUrl(url) {
    if (url.protocol !== 'https:' || !url.hostname.endsWith('.freshdesk.com')) return null;
    const id = TICKET_PATH.exec(url.pathname)?.[1];
    return id ? { helpdesk: 'freshdesk', host: url.hostname, ticketId: id } : null;
  },

  readPage(root, ref) {
    // After in-app navigation the URL names the new ticket a moment before the page shows it: when the breadcrumb
    // names another ticket, nothing on the page belongs to this one yet.
    const shown = breadcrumbId(root);
    if (shown !== undefined && shown !== ref.ticketId) return { customer: {} };
    const widget = requesterWidget(root);
    const contactHref = widget?.querySelector('a[href*="/a/contacts/"]')?.getAttribute('href') ?? '';
    const status = textOf(root, '[data-test-id="tkt-properties-status"] .ember-power-select-selected-item');
    return {
      subject: textOf(root, '.ticket-subject-heading') ?? textOf(root, '.sentiment-ticket-heading'),
      // Own keys only: a label like "constructor" must not reach Object.prototype.
      status:
        status && Object.hasOwn(STATUS_LABELS, status.toLowerCase()) ? STATUS_LABELS[status.toLowerCase()] : undefined,
      customer: compact({
        name:
          textOf(root, '.requester-wrap [data-test-id="user-name"]') ??
          textOf(root, '.sender-info [data-test-id="user-name"]') ??
          textOf(widget, 'a[data-test-id="user-name"][href*="/contacts/"]'),
        email: emailOf(widget, '[data-test-id="requester-info-contact-email"] .info-details-content'),
        // The contact id is the history key, so history loads even when the ticket API does not answer.
        externalId: CONTACT_HREF.exec(contactHref)?.[1],
        organisation: textOf(root, '.company-info a'),
      }),
    };
  },

  api: { pathPrefix: '/api/v2/' },
};

/** The whole adapter: the page part and the API reader the background uses. */
export const freshdesk: HelpdeskAdapter = {
  ...freshdeskPage,
  api: {
    pathPrefix: '/api/v2/',
    ticketPath: (ref) => `/api/v2/tickets/${ref.ticketId}?include=requester,company`,

    parseTicket(json, ref): Result<TicketDetails> {
      const parsed = FreshdeskTicket.safeParse(json);
      if (!parsed.success) return malformed(NAME, 'ticket', parsed.error);
      const ticket = parsed.data;
      const conversation = toConversation(ticket, ref);
      return {
        ok: true,
        value: detailsOf(
          compact({
            name: ticket.requester?.name || undefined,
            email: ticket.requester?.email || undefined,
            externalId: String(ticket.requester_id),
            organisation: ticket.company?.name || undefined,
          }),
          conversation,
        ),
      };
    },

    // Newest update first, everything since SINCE_EVER; include=description for the excerpt (one more API credit).
    history: {
      path: (contactId, pageSize) =>
        `/api/v2/tickets?requester_id=${encodeURIComponent(contactId)}&updated_since=${SINCE_EVER}&order_by=updated_at&order_type=desc&per_page=${pageSize}&page=1&include=description`,

      parsePage(json, ref, path): Result<HistoryPage> {
        const parsed = TicketList.safeParse(json);
        if (!parsed.success) return malformed(NAME, 'ticket history page', parsed.error);
        return {
          ok: true,
          value: {
            conversations: parsed.data.map((t) => toConversation(t, ref)),
            nextPath: next(path, parsed.data.length),
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
function next(path: string | undefined, count: number): string | null {
  if (!path) return null;
  const params = new URL(path, 'https://helpdesk.invalid').searchParams;
  const perPage = Number(params.get('per_page') ?? 30);
  const page = Number(params.get('page') ?? 1);
  if (count === 0 || count < perPage || !Number.isInteger(page) || page >= LAST_PAGE) return null;
  return withParam(path, 'page', String(page + 1));
}

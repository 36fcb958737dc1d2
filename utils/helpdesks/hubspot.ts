import * as z from 'zod/mini';
import type { ConversationStatus, Result, TicketRef } from '../schemas';
import { bearer } from './connect';
import { compact, emailOf, textOf } from './dom';
import { firstLine, malformed } from './payload';
import type { ApiRequest, HelpdeskAdapter, HelpdeskPage, SeenTicket, TicketDetails, TokenApi } from './types';

// HubSpot Help Desk and Conversations inbox. Facts and sources: helpdesks.md §6. No session `api`: the one under
// `/api/*` is undocumented and needs a CSRF cookie. History comes from the documented CRM API instead, with a
// private app's access token saved in Options.

const NAME = 'HubSpot';

const HOSTS = new Set(['app.hubspot.com', 'app-eu1.hubspot.com']);

/** `/help-desk/{portal}/view/{view|search}/ticket/{id}`, optionally followed by `/thread/…`. */
const HELP_DESK_TICKET = /^\/help-desk\/\d+\/view\/[^/]+\/ticket\/(\d+)(?:\/|$)/;
/** The ticket's CRM record: object type 0-5 is a ticket (0-1, a contact, is not a case). */
const TICKET_RECORD = /^\/contacts\/\d+\/record\/0-5\/(\d+)(?:\/|$)/;
/** An inbox thread is not a ticket and has its own ids: `thread-{id}` keeps the two apart. */
const INBOX_THREAD = /^\/live-messages\/\d+\/inbox\/(\d+)(?:\/|$)/;

const CONTACT_LINK = '[data-selenium-test="contact-chicklet-title-link"]';
const TICKET_NAME = '[data-test-id="ticket-header-name-link"]';

/** HubSpot's default ticket pipeline stages; a portal's own stages have no Kept status. */
function statusOf(stage: string | undefined): ConversationStatus | undefined {
  const label = stage?.toLowerCase();
  if (!label) return undefined;
  if (label === 'new') return 'new';
  if (label.startsWith('waiting on contact')) return 'pending';
  if (label.startsWith('waiting on us')) return 'open';
  if (label.startsWith('closed')) return 'closed';
  return undefined;
}

/** An id after `/record/{type}/` in a link, e.g. the contact id in a contact card's link. */
const recordId = (link: Element | null | undefined, type: string) =>
  new RegExp(`/record/${type}/(\\d+)(?:[/?#]|$)`).exec(link?.getAttribute('href') ?? '')?.[1];

/**
 * The email in the contact's own card: the closest ancestors of the name link (at most three levels) that hold no
 * other contact, so a second associated contact's email is never taken for this one.
 */
function emailNear(link: Element | null | undefined): string | undefined {
  let card = link?.parentElement;
  for (let level = 0; card && level < 3; level++, card = card.parentElement) {
    if (card.querySelectorAll(CONTACT_LINK).length > 1) return undefined;
    const email = emailOf(card, 'a[href^="mailto:"]');
    if (email) return email;
  }
  return undefined;
}

function isStale(scope: ParentNode, ref: TicketRef): boolean {
  // Right after in-app navigation the previous ticket is still drawn under the new URL; its header links to it.
  const shown = recordId(scope.querySelector(TICKET_NAME), '0-5');
  return !ref.ticketId.startsWith('thread-') && shown !== undefined && shown !== ref.ticketId;
}

/** What the content script bundles: finding and reading a ticket page. */
export const hubspotPage = {
  id: 'hubspot',
  name: NAME,
  matches: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],

  parseUrl(url) {
    if (url.protocol !== 'https:' || !HOSTS.has(url.hostname)) return null;
    const ticket = HELP_DESK_TICKET.exec(url.pathname)?.[1] ?? TICKET_RECORD.exec(url.pathname)?.[1];
    const thread = INBOX_THREAD.exec(url.pathname)?.[1];
    const ticketId = ticket ?? (thread ? `thread-${thread}` : undefined);
    return ticketId ? { helpdesk: 'hubspot', host: url.hostname, ticketId } : null;
  },

  readPage(root, ref) {
    const scope = root.querySelector('[data-application-name="svh-help-desk"]') ?? root;
    if (isStale(scope, ref)) return { customer: {} };
    const contact = scope.querySelector(CONTACT_LINK);
    // In the inbox, the selected thread row names the contact when no contact card is shown.
    const selectedThread =
      '[data-test-id="thread-list-member-row"][data-selected="true"] [data-test-id="member-header"]';
    return {
      subject:
        textOf(scope, TICKET_NAME) ??
        textOf(scope, '[data-selenium-test="ticket-highlight-details"] [data-selenium-test="highlightTitle"]'),
      status: statusOf(textOf(scope, '#stage-select')),
      customer: compact({
        name:
          textOf(scope, CONTACT_LINK) ??
          textOf(root, `${selectedThread} [data-content="true"]`) ??
          textOf(root, selectedThread),
        // No source names a hook for the contact's email; a mailto link in the contact's card is a guess.
        email: emailNear(contact),
        // The contact link's `/record/0-1/{id}` is inferred from HubSpot's URLs, not seen in code.
        externalId: recordId(contact, '0-1'),
        organisation: textOf(scope, '[data-selenium-test="company-chicklet-title-link"]'),
      }),
    };
  },
} satisfies HelpdeskPage;

const SEARCH_PATH = '/crm/v3/objects/tickets/search';
/** The ticket properties history reads; a search answers only the properties it is asked for. */
const PROPERTIES = [
  'subject',
  'content',
  'hs_pipeline_stage',
  'createdate',
  'hs_lastmodifieddate',
  'source_type',
  'hubspot_owner_id',
];
/** CRM search pages hold at most 200 records. */
const MOST_PER_PAGE = 200;
const RECORD_ID = /^\d{1,20}$/;

const isTime = (value: string) => Number.isFinite(Date.parse(value));
const Time = /* @__PURE__ */ z.string().check(z.refine(isTime, 'not a date'));
/** Every CRM property comes as a string, or null when it has no value. */
const Property = z.nullish(z.string());

const HubSpotTicket = z.object({
  id: /* @__PURE__ */ z.string().check(z.regex(RECORD_ID)),
  properties: z.object({
    subject: Property,
    content: Property,
    hs_pipeline_stage: Property,
    createdate: z.nullish(Time),
    hs_lastmodifieddate: z.nullish(Time),
    source_type: Property,
    hubspot_owner_id: Property,
  }),
  createdAt: Time,
  updatedAt: Time,
});
type HubSpotTicket = z.infer<typeof HubSpotTicket>;

const SearchPage = z.object({
  results: z.array(HubSpotTicket),
  paging: z.nullish(z.object({ next: z.nullish(z.object({ after: z.string() })) })),
});

/** The search Kept sends, read back to ask for the next page with the same body. */
const SearchBody = z.looseObject({ filterGroups: z.array(z.unknown()) });

/** The stages of HubSpot's default ticket pipeline, by id; a portal's own stages count as open. */
const STAGES: Record<string, ConversationStatus> = { '1': 'new', '2': 'pending', '3': 'open', '4': 'closed' };

/** HubSpot's ticket sources in the playbook's channel words; others keep their own name. */
const SOURCES: Record<string, string> = { EMAIL: 'email', CHAT: 'chat', PHONE: 'voice', FORM: 'web' };

/** The portal (Hub ID) in the URL of the case's page: record links need it, and a case carries its page's URL. */
const PORTAL_PATH = /^\/(?:help-desk|contacts|live-messages)\/(\d+)\//;
function portalOf(ref: SeenTicket): string | undefined {
  if (!ref.url) return undefined;
  try {
    return PORTAL_PATH.exec(new URL(ref.url).pathname)?.[1];
  } catch {
    return undefined;
  }
}

/**
 * The ticket's record in the rep's portal. Without the portal id, HubSpot's account-agnostic `/l/` form (the one its
 * own docs link with) opens the record in the portal the rep is signed in to; not checked for records here.
 */
function recordUrl(ref: SeenTicket, id: string): string {
  const portal = portalOf(ref);
  return portal
    ? `https://${ref.host}/contacts/${portal}/record/0-5/${id}`
    : `https://${ref.host}/l/contacts/record/0-5/${id}`;
}

function toConversation(ticket: HubSpotTicket, ref: TicketRef): TicketDetails['conversation'] {
  const p = ticket.properties;
  const stage = p.hs_pipeline_stage ?? '';
  const source = p.source_type ?? '';
  const createdAt = Date.parse(p.createdate ?? ticket.createdAt);
  return compact({
    source: `hubspot:${ref.host}`,
    // The ticket id, as parseUrl names the ticket in view: its page and its history row are one record.
    id: ticket.id,
    subject: (p.subject?.trim() || `Ticket #${ticket.id}`).slice(0, 500),
    status: (Object.hasOwn(STAGES, stage) && STAGES[stage]) || 'open',
    channel: Object.hasOwn(SOURCES, source) ? SOURCES[source] : source.toLowerCase().slice(0, 40) || undefined,
    createdAt,
    updatedAt: Math.max(createdAt, Date.parse(p.hs_lastmodifieddate ?? ticket.updatedAt)),
    excerpt: firstLine(p.content),
    url: recordUrl(ref, ticket.id),
    tags: [],
    assigneeId: p.hubspot_owner_id?.slice(0, 64) || undefined,
  });
}

/** The next page of a search: the same body with HubSpot's cursor. */
function nextSearch(request: ApiRequest, after: string): ApiRequest | null {
  if (typeof request === 'string') return null;
  const body = SearchBody.safeParse(request.json);
  return body.success ? { path: request.path, json: { ...body.data, after } } : null;
}

/** The CRM API with a private app's access token (helpdesks.md §6). */
const hubspotToken: TokenApi = {
  help:
    'In HubSpot: Settings → Integrations → Private Apps → Create a private app with the scopes tickets and ' +
    'crm.objects.contacts.read, then copy its access token.',
  fields: {
    secret: {
      label: 'Private app access token',
      hint: 'From the private app’s Auth tab; it starts with pat-.',
      pattern: { regex: /^pat-[a-z0-9]+-[\w-]+$/i, message: 'must be a private app access token, such as pat-na1-….' },
    },
  },
  origin: () => 'https://api.hubapi.com',
  headers: (token) => bearer(token.secret),
  checkPath: '/crm/v3/objects/tickets?limit=1',

  history: {
    // The tickets associated with the contact the page shows, most recently changed first.
    request(customer, _ref, pageSize) {
      const contact = customer.externalId;
      if (!contact || !RECORD_ID.test(contact)) return null;
      const json = {
        filterGroups: [{ filters: [{ propertyName: 'associations.contact', operator: 'EQ', value: contact }] }],
        sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'DESCENDING' }],
        properties: PROPERTIES,
        limit: Math.min(pageSize, MOST_PER_PAGE),
      };
      return { path: SEARCH_PATH, json };
    },
    parsePage(json, ref, request): Result<{ conversations: TicketDetails['conversation'][]; next: ApiRequest | null }> {
      const parsed = SearchPage.safeParse(json);
      if (!parsed.success) return malformed(NAME, 'ticket search page', parsed.error);
      const after = parsed.data.paging?.next?.after;
      const conversations = parsed.data.results.map((t) => toConversation(t, ref));
      return {
        ok: true,
        value: { conversations, next: after && conversations.length > 0 ? nextSearch(request, after) : null },
      };
    },
  },
};

/** The whole adapter: the page part and the token API the background uses. */
export const hubspot: HelpdeskAdapter = { ...hubspotPage, token: hubspotToken };

import * as z from 'zod/mini';
import { i18n } from '#i18n';
import type { Result, TicketRef } from '../../schemas';
import { type ChannelWords, channelFrom } from '../channels';
import { bearer } from '../connect';
import { compact } from '../dom';
import { firstLine, idOf, malformed, placedWord, Rows, readRows } from '../payload';
import type {
  ApiRequest,
  HelpdeskAdapter,
  HistoryPage,
  SeenTicket,
  StatusWords,
  TicketDetails,
  TokenApi,
} from '../types';
import { hubspotPage, NAME } from './page';

// HubSpot's CRM API with a private app's access token (docs/helpdesks.md §6); why no session API: page.ts.

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
const Time = z.string().check(z.refine(isTime, 'not a date'));
/** Every CRM property comes as a string, or null when it has no value. */
const Property = z.nullish(z.string());

const HubSpotTicket = z.object({
  id: z.string().check(z.regex(RECORD_ID)),
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
  results: Rows,
  paging: z.nullish(z.object({ next: z.nullish(z.object({ after: z.string() })) })),
});

/** The search Kept sends, read back to ask for the next page with the same body. */
const SearchBody = z.looseObject({ filterGroups: z.array(z.unknown()) });

/**
 * The stages of HubSpot's default ticket pipeline (New, Waiting on contact, Waiting on us, Closed), by id, for when
 * the portal's pipelines cannot be read; a portal's own stages are named only there.
 */
const STAGES: StatusWords = {
  '1': { status: 'new' },
  '2': { status: 'pending', statusName: 'Waiting on contact' },
  '3': { status: 'open', statusName: 'Waiting on us' },
  '4': { status: 'closed' },
};

/** The portal's ticket pipelines: every stage's id, its label and whether it closes the ticket. */
const Pipelines = z.object({
  results: z.array(
    z.object({
      stages: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          metadata: z.nullish(z.object({ ticketState: z.nullish(z.string()) })),
        }),
      ),
    }),
  ),
});

function stageWordsOf(json: unknown): Result<StatusWords> {
  const parsed = Pipelines.safeParse(json);
  if (!parsed.success) return malformed(NAME, 'ticket pipeline list', parsed.error);
  const stages = parsed.data.results.flatMap((pipeline) => pipeline.stages);
  return {
    ok: true,
    value: Object.fromEntries(
      stages.map((stage) => [stage.id, placedWord(stage.label, stage.metadata?.ticketState === 'CLOSED')]),
    ),
  };
}

/** HubSpot's ticket sources (`source_type`) among Kept's channels. */
const SOURCES: ChannelWords = {
  email: 'email',
  chat: 'chat',
  phone: 'voice',
  call: 'voice',
  form: 'web',
  facebook_messenger: 'messaging',
  whatsapp: 'messaging',
};

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

function toConversation(
  ticket: HubSpotTicket,
  ref: TicketRef,
  words: StatusWords = STAGES,
): TicketDetails['conversation'] {
  const p = ticket.properties;
  const stage = p.hs_pipeline_stage ?? '';
  const createdAt = Date.parse(p.createdate ?? ticket.createdAt);
  return compact({
    source: `hubspot:${ref.host}`,
    // The ticket id, as parseUrl names the ticket in view: its page and its history row are one record.
    id: ticket.id,
    subject: (p.subject?.trim() || `Ticket #${ticket.id}`).slice(0, 500),
    ...((Object.hasOwn(words, stage) && words[stage]) || { status: 'other' as const }),
    ...channelFrom(p.source_type, SOURCES),
    createdAt,
    updatedAt: Math.max(createdAt, Date.parse(p.hs_lastmodifieddate ?? ticket.updatedAt)),
    excerpt: firstLine(p.content),
    url: recordUrl(ref, ticket.id),
    tags: [],
    assigneeId: idOf(p.hubspot_owner_id),
  });
}

/** The next page of a search: the same body with HubSpot's cursor. */
function nextSearch(request: ApiRequest, after: string): ApiRequest | null {
  if (typeof request === 'string') return null;
  const body = SearchBody.safeParse(request.json);
  return body.success ? { path: request.path, json: { ...body.data, after } } : null;
}

/** The CRM API with a private app's access token (docs/helpdesks.md §6). */
const hubspotToken: TokenApi = {
  auth: 'token',
  help: i18n.t('options.token.hubspot.help'),
  fields: {
    secret: {
      label: i18n.t('options.token.hubspot.secret.label'),
      hint: i18n.t('options.token.hubspot.secret.hint'),
      pattern: { regex: /^pat-[a-z0-9]+-[\w-]+$/i, message: i18n.t('options.token.hubspot.secret.pattern') },
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
    // Stage ids are the portal's own: the pipelines name them and say which close the ticket.
    statuses: { request: '/crm/v3/pipelines/tickets', parse: stageWordsOf },

    parsePage(json, ref, request, words): Result<HistoryPage> {
      const parsed = SearchPage.safeParse(json);
      if (!parsed.success) return malformed(NAME, 'ticket search page', parsed.error);
      const after = parsed.data.paging?.next?.after;
      const rows = readRows(NAME, parsed.data.results, HubSpotTicket, (t) => toConversation(t, ref, words));
      return {
        ok: true,
        value: { ...rows, next: after && parsed.data.results.length > 0 ? nextSearch(request, after) : null },
      };
    },
  },
};

/** The whole adapter: the page part and the token API the background reads. */
export const hubspot: HelpdeskAdapter = { ...hubspotPage, token: hubspotToken };

import * as z from 'zod/mini';
import { i18n } from '#i18n';
import type { ConversationStatus } from '../../schemas';
import { type ChannelWords, channelFrom } from '../channels';
import { bearer, DNS_LABEL } from '../connect';
import { compact } from '../dom';
import { firstLine, idOf, malformed, pathOf, Rows, readMessages, readRows, statusFrom } from '../payload';
import type { HelpdeskAdapter, TokenApi } from '../types';
import { ID, kustomerPage, NAME } from './page';

// Kustomer's API with an API key, Bearer on {org}.api.kustomerapp.com (docs/helpdesks.md §11).

const OBJECT_ID = new RegExp(`^${ID}$`);
const Time = z.iso.datetime({ offset: true });

/** One conversation in JSON:API form: its fields under `attributes`, its customer under `relationships`. */
const KustomerConversation = z.object({
  id: z.string().check(z.regex(OBJECT_ID)),
  attributes: z.object({
    name: z.nullish(z.string()),
    preview: z.nullish(z.string()),
    status: z.string(),
    channels: z.nullish(z.array(z.string())),
    createdAt: Time,
    updatedAt: z.nullish(Time),
    lastActivityAt: z.nullish(Time),
    assignedUsers: z.nullish(z.array(z.string())),
  }),
  relationships: z.nullish(
    z.object({
      customer: z.nullish(z.object({ data: z.nullish(z.object({ id: z.string() })) })),
    }),
  ),
});
type KustomerConversation = z.infer<typeof KustomerConversation>;

/** A JSON:API list (a customer's conversations, a conversation's messages), paged by `links.next`. */
const ListPage = z.object({
  data: Rows,
  links: z.nullish(z.object({ next: z.nullish(z.string()) })),
});

/** A message: `in` from the customer, `out` from the team; the API lists its text as a preview. */
const KustomerMessage = z.object({
  id: z.string().check(z.regex(OBJECT_ID)),
  attributes: z.object({
    direction: z.string(),
    preview: z.nullish(z.string()),
    createdAt: Time,
  }),
});
type KustomerMessage = z.infer<typeof KustomerMessage>;

const toMessage = (m: KustomerMessage) => ({
  id: m.id,
  author: m.attributes.direction === 'in' ? ('customer' as const) : ('agent' as const),
  internal: false,
  body: (m.attributes.preview ?? '').trim().slice(0, 20_000),
  createdAt: Date.parse(m.attributes.createdAt),
});

/** `links.next`: a path on the same host (or a full URL there, which the transport holds to the origin). */
const nextLink = (page: z.infer<typeof ListPage>) => (page.data.length > 0 ? (page.links?.next ?? null) : null);

/** Snoozed waits for a time or the customer's reply; done is resolved, and a new message opens it again. */
const STATUSES: Record<string, ConversationStatus> = { open: 'open', snoozed: 'pending', done: 'solved' };

/** Kustomer's conversation channels among Kept's channels. */
const CHANNELS: ChannelWords = {
  email: 'email',
  chat: 'chat',
  voice: 'voice',
  form: 'web',
  sms: 'messaging',
  whatsapp: 'messaging',
  instagram: 'messaging',
  facebook: 'social',
  twitter: 'social',
};

/** The customer whose conversations a request lists: `/v1/customers/{id}/conversations`. */
const LISTED_CUSTOMER = new RegExp(`^/v1/customers/(${ID})/conversations`);

function toConversation(c: KustomerConversation, customerId: string, host: string) {
  const a = c.attributes;
  const excerpt = firstLine(a.preview);
  return compact({
    source: `kustomer:${host}`,
    // `{customerId}/{conversationId}`, as `parseUrl` names the conversation: the one open and its row are one record.
    id: `${customerId}/${c.id}`,
    subject: (a.name?.trim() || excerpt || `Conversation ${c.id}`).slice(0, 500),
    ...statusFrom(a.status, STATUSES),
    ...channelFrom(a.channels?.[0], CHANNELS),
    createdAt: Date.parse(a.createdAt),
    updatedAt: Date.parse(a.lastActivityAt ?? a.updatedAt ?? a.createdAt),
    excerpt,
    url: `https://${host}/app/customers/${customerId}/event/${c.id}`,
    // Kustomer lists a conversation's tags by id; their names would cost a request per tag.
    tags: [],
    assigneeId: idOf(a.assignedUsers?.[0]),
  });
}

/** Kustomer's API with an API key (docs/helpdesks.md §11), on the organisation's own API host. */
const kustomerToken: TokenApi = {
  auth: 'token',
  help: i18n.t('options.token.kustomer.help'),
  fields: {
    account: {
      label: i18n.t('options.token.kustomer.account.label'),
      hint: i18n.t('options.token.kustomer.account.hint'),
      pattern: { regex: DNS_LABEL, message: i18n.t('options.token.kustomer.account.pattern') },
    },
    secret: {
      label: i18n.t('options.token.kustomer.secret.label'),
      hint: i18n.t('options.token.kustomer.secret.hint'),
    },
  },
  origin: (token) => `https://${(token.account ?? '').toLowerCase()}.api.kustomerapp.com`,
  headers: (token) => bearer(token.secret),
  checkPath: '/v1/users/current',

  thread: {
    // Kept names a conversation `{customerId}/{conversationId}`, as its URL does.
    request: (conversation) =>
      `/v1/conversations/${encodeURIComponent(conversation.id.split('/').pop() ?? '')}/messages?pageSize=100&page=1`,
    parsePage(json) {
      const parsed = ListPage.safeParse(json);
      if (!parsed.success) return malformed(NAME, 'conversation thread', parsed.error);
      return {
        ok: true,
        value: {
          messages: readMessages(NAME, parsed.data.data, KustomerMessage, toMessage),
          next: nextLink(parsed.data),
        },
      };
    },
  },

  history: {
    // The customer id comes from the URL (see `readPage`); nothing else names a Kustomer customer on the page.
    request: (customer, _ref, pageSize) =>
      customer.externalId && OBJECT_ID.test(customer.externalId)
        ? `/v1/customers/${customer.externalId}/conversations?pageSize=${Math.min(pageSize, 100)}&page=1`
        : null,
    parsePage(json, ref, request) {
      const parsed = ListPage.safeParse(json);
      if (!parsed.success) return malformed(NAME, 'conversation history page', parsed.error);
      // A next link may be a full URL: the path is what names the customer.
      const path = new URL(pathOf(request), 'https://api.invalid').pathname;
      const asked = LISTED_CUSTOMER.exec(path)?.[1];
      const rows = readRows(NAME, parsed.data.data, KustomerConversation, (c) => {
        const customerId = c.relationships?.customer?.data?.id ?? asked;
        return customerId && OBJECT_ID.test(customerId) ? toConversation(c, customerId, ref.host) : null;
      });
      return { ok: true, value: { ...rows, next: nextLink(parsed.data) } };
    },
  },
};

/** The whole adapter: the page part and the token API the background reads. */
export const kustomer: HelpdeskAdapter = { ...kustomerPage, token: kustomerToken };

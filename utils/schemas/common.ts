import * as z from 'zod/mini';
import { OptionsSectionId } from '../options/section-id';

/** Bounded text: outside text (helpdesk pages, API payloads, imports) never grows without limit. */
export const text = (max = 500) => z.string().check(z.maxLength(max));

/**
 * Outside text a helpdesk shows or sends (a subject, a name, a channel), cut to `max` characters rather than refused:
 * one long field must not drop the whole case or stop the customer's history.
 */
export const clamped = (max = 500) =>
  z.string().check(z.overwrite((value) => (value.length > max ? `${value.slice(0, max - 1)}…` : value)));

/** Epoch milliseconds. Numbers sort and index cheaply in IndexedDB. */
export const Millis = z.number().check(z.int(), z.nonnegative());

/** Every helpdesk Kept has an adapter for (utils/helpdesks/<id>/), plus rules an admin adds in Options. */
export const HELPDESK_IDS = [
  'zendesk',
  'freshdesk',
  'helpscout',
  'intercom',
  'front',
  'hubspot',
  'gorgias',
  'zohodesk',
  'salesforce',
  'jsm',
  'kustomer',
  'custom',
] as const;
export const HelpdeskId = z.enum(HELPDESK_IDS);
export type HelpdeskId = z.infer<typeof HelpdeskId>;

/**
 * Vendors' status lists are open-ended (an account's own statuses, values added later): one Kept cannot place is
 * `other`. The conversation keeps the vendor's word (`statusName`) for those, and for an account's own words Kept
 * placed (a custom "Waiting on Customer" is pending).
 */
export const ConversationStatus = z.enum(['new', 'open', 'pending', 'hold', 'solved', 'closed', 'other']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export const Satisfaction = z.enum(['good', 'bad', 'offered', 'unoffered']);
export type Satisfaction = z.infer<typeof Satisfaction>;

/**
 * A person's or a conversation's id in a helpdesk. Atlassian documents `accountId` up to 128 characters (portal
 * customers' `qm:…` ids are 76); no other helpdesk's ids come near it.
 */
export const EXTERNAL_ID_MAX = 128;
export const ExternalId = text(EXTERNAL_ID_MAX);

/** A problem a rep can read and act on; errors travel as values, not exceptions. */
export const Problem = z.object({
  kind: z.enum([
    'signed-out',
    'rate-limited',
    'server',
    'network',
    'malformed',
    'not-found',
    'no-tab',
    // The page is the helpdesk's but not a support ticket (a Jira Software issue): Kept reads nothing for it.
    'not-a-ticket',
    // The browser's database refused (storage full, Kept updated in another page): utils/db/errors.ts.
    'storage',
  ]),
  message: text(1000),
  retryAt: z.optional(Millis),
  // The section of Options where the rep can put it right (a refused API token: Helpdesks), linked beside the message.
  fixIn: z.optional(OptionsSectionId),
});
export type Problem = z.infer<typeof Problem>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: Problem };

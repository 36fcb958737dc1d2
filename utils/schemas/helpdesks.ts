import * as z from 'zod/mini';
import { CUSTOM_HOST, captureGroups, unsafePattern } from '../custom-helpdesks/page';
import { HelpdeskId, Millis, text } from './common';

export { CUSTOM_HOST, captureGroups };

/** A helpdesk Kept has no adapter for, described by an admin in Options: where its tickets are, and what to read. */
export const CustomHelpdeskRule = z.object({
  id: text(64).check(z.minLength(1)),
  name: text(100).check(z.minLength(1)),
  host: z.string().check(z.maxLength(253), z.regex(CUSTOM_HOST)),
  /** A regular expression over the page URL; its first capture group is the ticket id. */
  ticketUrl: text(500).check(
    z.refine((source) => (captureGroups(source) ?? 0) > 0, 'must compile and have a capture group for the ticket id'),
    z.refine((source) => unsafePattern(source) === null, 'must not repeat a repeating group or use a backreference'),
  ),
  /** CSS selectors of the customer's email (required: it is how Kept knows the customer), name and the subject. */
  selectors: z.object({
    email: text(500).check(z.minLength(1)),
    name: z.optional(text(500)),
    subject: z.optional(text(500)),
  }),
});
export type CustomHelpdeskRule = z.infer<typeof CustomHelpdeskRule>;

/** When Kept last saw a ticket of each helpdesk, and where (`storage.local` key `helpdeskSeen`). */
export const HelpdeskSeen = z.partialRecord(HelpdeskId, z.object({ host: text(253), at: Millis }));
export type HelpdeskSeen = z.infer<typeof HelpdeskSeen>;

/** How a check of API credentials went, in words Options shows. */
export const TokenCheck = z.object({ ok: z.boolean(), at: Millis, message: text(1000) });
export type TokenCheck = z.infer<typeof TokenCheck>;

/**
 * An admin's credentials for one helpdesk's API (`storage.local` key `helpdeskTokens`: never synced, never
 * exported). Which fields a helpdesk needs, and their shapes, its adapter says (`TokenApi.fields`).
 */
export const HelpdeskToken = z.object({
  /** The account's own API host part: a subdomain, an instance or an organisation name. */
  account: z.optional(text(253).check(z.minLength(1))),
  /** A login or an app id, where the API wants one with the secret. */
  user: z.optional(text(320).check(z.minLength(1))),
  /** The token, API key or app secret. Shown masked, never whole, once saved. */
  secret: text(4096).check(z.minLength(8, 'must be at least 8 characters: paste the whole token')),
  savedAt: Millis,
  /** How the last check of these credentials went. */
  checked: z.optional(TokenCheck),
});
export type HelpdeskToken = z.infer<typeof HelpdeskToken>;

export const HelpdeskTokens = z.partialRecord(HelpdeskId, HelpdeskToken);
export type HelpdeskTokens = z.infer<typeof HelpdeskTokens>;

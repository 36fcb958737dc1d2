import * as z from 'zod/mini';
import { HELPDESK_IDS, text } from './common';

export const Profile = z.object({
  name: text(200),
  email: z.union([z.literal(''), z.email().check(z.maxLength(320))]),
});
export type Profile = z.infer<typeof Profile>;

/** Where kudos go. Webhook URLs carry their own credentials, so they are stored like secrets. */
export const DeliveryTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('kept') }),
  z.object({ kind: z.literal('slack'), url: z.url({ protocol: /^https$/ }) }),
  z.object({ kind: z.literal('teams'), url: z.url({ protocol: /^https$/ }) }),
  z.object({
    kind: z.literal('webhook'),
    url: z.url({ protocol: /^https$/ }),
    secret: z.optional(text(200)),
  }),
]);
export type DeliveryTarget = z.infer<typeof DeliveryTarget>;

/** Helpdesks the rep turned on or off; one that is not listed is on. */
export const HelpdeskSwitches = z.partialRecord(z.enum(HELPDESK_IDS), z.boolean());
export type HelpdeskSwitches = z.infer<typeof HelpdeskSwitches>;

export const RoleId = z.nullable(text(100));

/** How many earlier tickets to load per customer and source. */
export const HistoryCap = z.number().check(z.int(), z.gte(10), z.lte(5000));

/** How long cached helpdesk data (customers, conversations) is kept. Kudos stay until deleted. */
export const RetentionDays = z.number().check(z.int(), z.gte(1), z.lte(3650));

/** Where the team's kudos are read back. The shape is also the `teamFeed` policy key, a contract with admins. */
export const TeamFeed = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('slack'),
    // A bot token (xoxb-…); user and legacy tokens are refused so a person's own access never ends up here.
    token: z.string().check(z.regex(/^xoxb-[A-Za-z0-9-]{8,250}$/, 'A Slack bot token starts with xoxb-.')),
    // A public (C…) or private (G…) channel id; names change, ids do not.
    channel: z.string().check(z.regex(/^[CG][A-Z0-9]{2,30}$/, 'A Slack channel id looks like C0123ABCD.')),
  }),
  z.object({ kind: z.literal('json'), url: z.url({ protocol: /^https$/ }) }),
]);
export type TeamFeed = z.infer<typeof TeamFeed>;

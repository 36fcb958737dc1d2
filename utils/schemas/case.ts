import * as z from 'zod/mini';
import { Channel } from '../playbook/schema';
import { ConversationStatus, clamped, ExternalId, HelpdeskId, Millis, Satisfaction, text } from './common';

/** Which ticket a helpdesk URL points at. */
export const TicketRef = z.object({
  helpdesk: HelpdeskId,
  host: text(253),
  ticketId: text(64).check(z.minLength(1)),
});
export type TicketRef = z.infer<typeof TicketRef>;

/** The customer as one helpdesk shows them; every field may be missing on a page. */
export const CustomerIdentity = z.object({
  name: z.optional(clamped(200)),
  email: z.optional(text(320)),
  externalId: z.optional(ExternalId),
  organisation: z.optional(clamped(200)),
  /** The customer's IANA time zone ("Europe/Berlin") and language ("de"), where the helpdesk gives them. */
  timeZone: z.optional(text(64)),
  locale: z.optional(text(35)),
});
export type CustomerIdentity = z.infer<typeof CustomerIdentity>;

/** What the content script reads off the page for the ticket in view. */
export const PageCase = z.object({
  ...TicketRef.shape,
  url: z.url().check(z.maxLength(2048)),
  subject: z.optional(clamped(500)),
  status: z.optional(ConversationStatus),
  customer: CustomerIdentity,
});
export type PageCase = z.infer<typeof PageCase>;

/** The case in a tab: the page's view, completed from the helpdesk API when it answers. */
export const CaseContext = z.object({
  ...PageCase.shape,
  /** The number reps know the ticket by, where the helpdesk's id is another (Zoho's 17-digit id, a Case id). */
  number: z.optional(text(40)),
  tags: z.array(clamped(100)),
  /** The channel among Kept's, and the helpdesk's own word for it. */
  channel: z.optional(Channel),
  channelName: z.optional(clamped(50)),
  satisfaction: z.optional(Satisfaction),
  from: z.enum(['page', 'api']),
  seenAt: Millis,
});
export type CaseContext = z.infer<typeof CaseContext>;

/** What the panel knows about one tab: a case, or nothing open. */
export const TabCase = z.object({
  case: z.nullable(CaseContext),
  customerKey: z.optional(text(400)),
  /** Why the API could not complete the case, when it could not. */
  lookup: z.optional(z.object({ problem: z.string() })),
  updatedAt: Millis,
});
export type TabCase = z.infer<typeof TabCase>;

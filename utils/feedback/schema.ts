// A rep's word on one behaviour of the playbook, for whoever owns it: a change they suggest, or what got in the way
// of doing it. Kept like a kudos (saved first, then delivered through the outbox), never with the customer's name
// or email.
import * as z from 'zod/mini';
import { Delivery } from '../schemas';
import { Millis, text } from '../schemas/common';

/** `suggestion`: "Suggest a change"; `blocker`: "This got in my way". */
export const FeedbackKind = z.enum(['suggestion', 'blocker']);
export type FeedbackKind = z.infer<typeof FeedbackKind>;

/** What got in the way, as the rep picks it. */
export const Blocker = z.enum(['policy', 'tool', 'time', 'other']);
export type Blocker = z.infer<typeof Blocker>;

/** As the owner's channel reads them; the panel offers them in the rep's language (feedback.blocker.*). */
export const BLOCKER_LABELS: Record<Blocker, string> = {
  policy: 'A policy',
  tool: 'A tool',
  time: 'Time',
  other: 'Something else',
};

/** The case the rep was on: the helpdesk and a link, never the customer or the subject (the customer wrote it). */
export const FeedbackCase = z.object({
  helpdesk: text(50),
  ticketId: text(64),
  url: z.url(),
});
export type FeedbackCase = z.infer<typeof FeedbackCase>;

export const Feedback = z.object({
  id: text(64),
  createdAt: Millis,
  kind: FeedbackKind,
  from: z.object({ name: text(200), email: z.optional(text(320)) }),
  /** The rep's role, with its name as the playbook had it. */
  role: z.optional(z.object({ id: text(100), name: text(200) })),
  /** The behaviour and its promise as the rep saw them when writing (the playbook may change since). */
  behaviour: z.object({ id: text(100), text: text(1000) }),
  promise: z.object({ id: text(100), title: text(300) }),
  /** Why the change (suggestion), or what happened (blocker): the rep's words, masked like a quote. */
  message: text(2000).check(z.minLength(1)),
  /** The wording the rep would use instead; suggestions only. */
  wording: z.optional(text(1000)),
  /** What got in the way; blockers only. */
  blocker: z.optional(Blocker),
  case: z.optional(FeedbackCase),
  ...Delivery.shape,
});
export type Feedback = z.infer<typeof Feedback>;

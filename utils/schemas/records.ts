import * as z from 'zod/mini';
import { Channel } from '../playbook/schema';
import { ConversationStatus, ExternalId, Millis, Problem, Satisfaction, text } from './common';

/** One person, across helpdesks: keyed by normalised email, else `source:externalId`. */
export const Customer = z.object({
  key: text(400),
  email: z.optional(text(320)),
  name: text(200),
  organisation: z.optional(text(200)),
  /** Helpdesk user ids by source (`zendesk:acme.zendesk.com` → "3712"). */
  externalIds: z.record(z.string(), ExternalId),
  firstSeenAt: Millis,
  updatedAt: Millis,
});
export type Customer = z.infer<typeof Customer>;

/** An earlier ticket or chat. `source` is the helpdesk instance, e.g. `zendesk:acme.zendesk.com`. */
export const Conversation = z.object({
  source: text(300),
  id: text(64),
  customerKey: text(400),
  subject: text(500),
  status: ConversationStatus,
  /** The helpdesk's own word for a status Kept could not place (`other`), shown as it is. */
  statusName: z.optional(text(100)),
  /** The channel among Kept's (triggers match it), and the helpdesk's own word for it (shown). */
  channel: z.optional(Channel),
  channelName: z.optional(text(50)),
  createdAt: Millis,
  updatedAt: Millis,
  satisfaction: z.optional(Satisfaction),
  satisfactionComment: z.optional(text(1000)),
  /** First line of the description. */
  excerpt: z.optional(text(300)),
  url: z.url(),
  tags: z.array(text(100)),
  /** Helpdesk user id of the assignee, when the history knows it. */
  assigneeId: z.optional(ExternalId),
  /** Captured from the page in view, not read from the helpdesk's API (which replaces it when it answers). */
  captured: z.optional(z.literal(true)),
  /** Who that is, when the helpdesk said (used to suggest whom to praise). */
  assignee: z.optional(z.object({ name: z.optional(text(200)), email: z.optional(text(320)) })),
  /**
   * When Kept last stored this row. Retention counts from it (or from when the customer was last seen), never from
   * the helpdesk's dates: a two-year-old ticket is history the rep needs. Set by `saveConversations`.
   */
  storedAt: z.optional(Millis),
});
export type Conversation = z.infer<typeof Conversation>;

/** Who wrote a message of a conversation's thread. */
export const ThreadAuthor = z.enum(['customer', 'agent', 'other']);
export type ThreadAuthor = z.infer<typeof ThreadAuthor>;

/** One message of a conversation's thread, as plain text, as the helpdesk's API gives it. */
export const ThreadMessage = z.object({
  id: text(128),
  author: ThreadAuthor,
  /** A person's name, never a bare id; absent when the helpdesk does not say. */
  authorName: z.optional(text(200)),
  /** An internal note (never shown to the customer); shown only marked as internal. */
  internal: z.boolean(),
  body: text(20000),
  createdAt: Millis,
});
export type ThreadMessage = z.infer<typeof ThreadMessage>;

/**
 * One conversation's thread as Kept cached it, fetched when the rep expands its row: its messages, oldest first,
 * when they were last read, and why the last read failed (the cached messages stay).
 */
export const ConversationThread = z.object({
  source: text(300),
  id: text(64),
  messages: z.array(ThreadMessage).check(z.maxLength(1000)),
  fetchedAt: z.optional(Millis),
  attemptedAt: Millis,
  problem: z.optional(Problem),
});
export type ConversationThread = z.infer<typeof ConversationThread>;

export const KudosRecipient = z.object({
  kind: z.enum(['person', 'team']),
  name: text(200).check(z.minLength(1)),
  email: z.optional(text(320)),
  team: z.optional(text(200)),
});
export type KudosRecipient = z.infer<typeof KudosRecipient>;

/** `local`: kept in Kept only; `queued` → `sent`, or `retrying` → … → `sent` | `failed`. */
export const DeliveryState = z.enum(['local', 'queued', 'retrying', 'sent', 'failed']);
export type DeliveryState = z.infer<typeof DeliveryState>;

/** Where the delivery of something Kept sends (a kudos, feedback on the playbook) stands. */
export const Delivery = z.object({
  /** The channel it was written for ("Slack at hooks.slack.com"): it is never sent elsewhere without the rep's Retry. */
  channel: z.optional(text(300)),
  state: DeliveryState,
  /** Why it failed, or what the last attempt said. */
  stateDetail: z.optional(text(1000)),
  /** When the next delivery attempt is due, while retrying. */
  nextAttemptAt: z.optional(Millis),
  sentAt: z.optional(Millis),
});
export type Delivery = z.infer<typeof Delivery>;

/** The case a kudos came from. Never the customer's email. */
export const KudosCase = z.object({
  helpdesk: text(50),
  ticketId: text(64),
  url: z.url(),
  subject: z.optional(text(500)),
});
export type KudosCase = z.infer<typeof KudosCase>;

export const Kudos = z.object({
  id: text(64),
  createdAt: Millis,
  from: z.object({ name: text(200), email: z.optional(text(320)) }),
  to: KudosRecipient,
  promiseId: z.optional(text(100)),
  behaviourId: z.optional(text(100)),
  message: text(4000).check(z.minLength(1)),
  /** As it will be sent: masked unless the rep turned masking off for this kudos. */
  quote: z.optional(text(2000)),
  case: z.optional(KudosCase),
  ...Delivery.shape,
});
export type Kudos = z.infer<typeof Kudos>;

/**
 * A delivery still to make. The lease stops two wake-ups of the worker from sending the same kudos. `kudosId` is the
 * id of what it carries (named when kudos were all it carried; a primary key cannot be renamed in place).
 */
export const OutboxEntry = z.object({
  kudosId: text(64),
  /** What the entry delivers: a kudos (also when absent, as older rows are) or a rep's feedback on the playbook. */
  carries: z.optional(z.enum(['kudos', 'feedback'])),
  attempts: z.number().check(z.int(), z.nonnegative()),
  firstAttemptAt: Millis,
  nextAttemptAt: Millis,
  leaseUntil: z.optional(Millis),
  /** Who holds the lease: the run that wrote it applies its outcome only while the token is still its own. */
  leaseToken: z.optional(text(64)),
  lastError: z.optional(text(1000)),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** When one customer's history was last fetched from one source, and how that went. */
export const SyncState = z.object({
  source: text(300),
  customerKey: text(400),
  fetchedAt: z.optional(Millis),
  attemptedAt: Millis,
  problem: z.optional(Problem),
  /** Rows of the last fetch Kept could not read and left out (the rest were kept). */
  unreadable: z.optional(z.number().check(z.int(), z.nonnegative())),
});
export type SyncState = z.infer<typeof SyncState>;

/** A behaviour the rep ticked as done on one case (`caseKey` = `source#ticketId`). */
export const BehaviourCheck = z.object({
  caseKey: text(400),
  behaviourId: text(100),
  checkedAt: Millis,
});
export type BehaviourCheck = z.infer<typeof BehaviourCheck>;

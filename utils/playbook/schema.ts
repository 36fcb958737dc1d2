import * as z from 'zod/mini';
import { ConversationStatus, text } from '../schemas/common';

/** Case signals a behaviour can be triggered by (computed in utils/history/signals.ts). */
export const CASE_SIGNAL_IDS = [
  'repeat-contact',
  'last-rating-bad',
  'other-open',
  'first-contact',
  'last-rating-comment',
] as const;
export const CaseSignalId = z.enum(CASE_SIGNAL_IDS);
export type CaseSignalId = z.infer<typeof CaseSignalId>;

/**
 * The channels every helpdesk's own word maps to, so one trigger fits them all; the helpdesk's word stays for display.
 */
export const CHANNELS = ['email', 'web', 'chat', 'messaging', 'voice', 'social', 'api', 'other'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

const Id = text(100).check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'));

/** A promise the brand makes to every customer, e.g. "You never have to repeat yourself". */
export const BrandPromise = z.object({
  id: Id,
  title: text(200).check(z.minLength(1)),
  summary: text(1000),
});
export type BrandPromise = z.infer<typeof BrandPromise>;

export const Role = z.object({
  id: Id,
  name: text(100).check(z.minLength(1)),
  description: text(1000),
});
export type Role = z.infer<typeof Role>;

/** When a behaviour fits a case best: every kind given must match, any value within a kind. */
export const BehaviourWhen = z.object({
  signals: z.optional(z.array(CaseSignalId).check(z.maxLength(50))),
  tags: z.optional(z.array(text(100)).check(z.maxLength(50))),
  channels: z.optional(z.array(text(50)).check(z.maxLength(50))),
  statuses: z.optional(z.array(ConversationStatus).check(z.maxLength(50))),
});
export type BehaviourWhen = z.infer<typeof BehaviourWhen>;

/**
 * How often a behaviour is done: on every ticket (the per-case checklist), or once a day or a week (a team lead's
 * routines, ticked per day or week). Playbooks written before cadences existed have none: every behaviour per ticket.
 */
export const CADENCES = ['ticket', 'day', 'week'] as const;
export const Cadence = z.enum(CADENCES);
export type Cadence = z.infer<typeof Cadence>;

/** One concrete, observable thing a role does to keep a promise. */
export const Behaviour = z.object({
  id: Id,
  promiseId: Id,
  roles: z.union([z.literal('all'), z.array(Id).check(z.minLength(1), z.maxLength(50))], {
    error: 'use "all" or a list of role ids',
  }),
  text: text(500).check(z.minLength(1)),
  detail: z.optional(text(2000)),
  /** What doing it looks like, in words a colleague could check. */
  example: z.optional(text(2000)),
  when: z.optional(BehaviourWhen),
  cadence: z.optional(Cadence),
});
export type Behaviour = z.infer<typeof Behaviour>;

/** The shape of a playbook; utils/playbook/validate.ts adds the checks across fields (ids, references, size). */
export const Playbook = z.object({
  version: z.number().check(z.int(), z.positive()),
  name: text(200).check(z.minLength(1)),
  updatedAt: z.iso.datetime({ offset: true }),
  reviewedBy: z.optional(text(200)),
  reviewedAt: z.optional(z.iso.datetime({ offset: true })),
  promises: z.array(BrandPromise).check(z.minLength(1), z.maxLength(50)),
  roles: z.array(Role).check(z.minLength(1), z.maxLength(50)),
  behaviours: z.array(Behaviour).check(z.maxLength(2000)),
  /** The organisation's synonyms for a tag: `refund: ["refund_request", "money_back"]` lets a `refund` trigger fit both. */
  tagAliases: z.optional(z.record(text(100), z.array(text(100)).check(z.maxLength(50)))),
});
export type Playbook = z.infer<typeof Playbook>;

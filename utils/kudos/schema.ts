import * as z from 'zod/mini';
import { text } from '../schemas/common';

/** A person on the team who can be praised. */
export const Teammate = z.object({
  name: text(200).check(z.minLength(1)),
  email: z.optional(z.email().check(z.maxLength(320))),
  team: z.optional(text(200)),
  /** Their role in the playbook (its id or name), so praise for them offers that role's behaviours. */
  role: z.optional(text(100)),
});
export type Teammate = z.infer<typeof Teammate>;

/** Who a rep can praise: people, and teams (those named by people plus teams with no one listed). */
export const Roster = z.object({
  people: z.array(Teammate).check(z.maxLength(5000)),
  teams: z.array(text(200)).check(z.maxLength(500)),
});
export type Roster = z.infer<typeof Roster>;

/** The admin's rules for composing a kudos. */
export const KudosRules = z.object({
  minMessageLength: z.number().check(z.int(), z.gte(1), z.lte(1000)),
  requirePromise: z.boolean(),
});
export type KudosRules = z.infer<typeof KudosRules>;

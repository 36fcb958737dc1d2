// The team feed: where Kept reads back the team's kudos (a Slack app's channel or a JSON feed), what it keeps of
// them, and how the last read went.
import * as z from 'zod/mini';
import { WebhookBodyV1 } from '../kudos/delivery';
import { Kudos } from '../schemas';
import { Millis, Problem, text } from '../schemas/common';
import { TeamFeed } from '../schemas/settings';

// The feed's own setting is a setting like any other (utils/schemas/settings.ts, read by the policy too).
export { TeamFeed };

/** One kudos read back from the team feed, as the wall, the popup and the panel show it. */
export const TeamKudos = z.extend(
  z.pick(Kudos, {
    id: true,
    createdAt: true,
    from: true,
    to: true,
    promiseId: true,
    behaviourId: true,
    message: true,
    quote: true,
    case: true,
  }),
  {
    /** The promise's title in the sender's playbook, for a promise this rep's playbook lacks. */
    promiseTitle: z.optional(text(300)),
    /** Which feed it came from (`feedKey`). */
    feed: text(2100),
    receivedAt: Millis,
    /** 1 while it is praise for the rep that they have not looked at (IndexedDB cannot index booleans). */
    unread: z.union([z.literal(0), z.literal(1)]),
  },
);
export type TeamKudos = z.infer<typeof TeamKudos>;

/** Where the reading of one feed stands: its cursor, its cache validator, and how the last read went. */
export const FeedState = z.object({
  feed: text(2100),
  /** Slack: the `ts` of the newest message read, the `oldest` of the next read. */
  cursor: z.optional(text(40)),
  /** JSON feed: the first page's ETag, sent back as If-None-Match. */
  etag: z.optional(text(300)),
  attemptedAt: Millis,
  syncedAt: z.optional(Millis),
  problem: z.optional(Problem),
});
export type FeedState = z.infer<typeof FeedState>;

/** The key of a feed's rows and state: the channel or the URL, never the token. */
export const feedKey = (feed: TeamFeed): string =>
  feed.kind === 'slack' ? `slack:${feed.channel}` : `json:${feed.url}`;

/** A `kept.kudos/v1` item as the wall keeps it. */
export function teamKudosFrom(item: WebhookBodyV1, feed: string, now: number): TeamKudos {
  return {
    id: item.id,
    createdAt: Date.parse(item.createdAt),
    from: item.from,
    to: item.to,
    ...(item.promise ? { promiseId: item.promise.id, promiseTitle: item.promise.title } : {}),
    ...(item.behaviour ? { behaviourId: item.behaviour.id } : {}),
    message: item.message,
    ...(item.quote ? { quote: item.quote } : {}),
    ...(item.case ? { case: item.case } : {}),
    feed,
    receivedAt: now,
    unread: 0,
  };
}

/** One page of a feed, newest first: the items that read as `kept.kudos/v1`, how many did not, and the way on. */
export interface FeedPage {
  items: WebhookBodyV1[];
  skipped: number;
  next?: string;
}

/** Each item on its own: one bad item is skipped and counted, the others are kept. */
export function readItems(values: readonly unknown[]): { items: WebhookBodyV1[]; skipped: number } {
  const items: WebhookBodyV1[] = [];
  let skipped = 0;
  for (const value of values) {
    const item = WebhookBodyV1.safeParse(value);
    if (item.success && Number.isFinite(Date.parse(item.data.createdAt))) items.push(item.data);
    else skipped++;
  }
  return { items, skipped };
}

// The team feed as a JSON feed URL: pages of `kept.kudos/v1` items, newest first, a `next` cursor, an ETag.
import * as z from 'zod/mini';
import { text } from '../schemas/common';
import { type FeedPage, readItems, type TeamFeed } from './schema';

type JsonFeed = Extract<TeamFeed, { kind: 'json' }>;

const JsonFeedPage = z.object({
  items: z.array(z.unknown()).check(z.maxLength(1000)),
  next: z.optional(z.nullable(text(500))),
});

/** The first page (with the ETag of the last read, if any), or the page after `cursor`. */
export function jsonFeedRequest(feed: JsonFeed, cursor?: string, etag?: string): { url: string; init: RequestInit } {
  const url = new URL(feed.url);
  if (cursor) url.searchParams.set('cursor', cursor);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (etag && !cursor) headers['If-None-Match'] = etag;
  // No cookies: the feed is read with its URL alone, like a webhook.
  return { url: url.toString(), init: { method: 'GET', headers, credentials: 'omit' } };
}

/** One page of a JSON feed, or null when it is not one. */
export function parseJsonFeedPage(json: unknown): FeedPage | null {
  const page = JsonFeedPage.safeParse(json);
  if (!page.success) return null;
  const { items, skipped } = readItems(page.data.items);
  return { items, skipped, ...(page.data.next ? { next: page.data.next } : {}) };
}

// Reading the team feed into Dexie: newest first, from where the last read stopped (a cursor per feed), each kudos
// stored once by its id. Praise for the rep that this browser did not send is marked unread for the badge and the
// popup. A failed read records its problem in the feed's state and touches nothing else: not the rows already
// read, not the kudos this browser sent, not the outbox.
import { i18n } from '#i18n';
import { db, type KeptDB } from '../db';
import type { WebhookBodyV1 } from '../kudos/delivery';
import { isForMe, type Me } from '../kudos/wall';
import type { Problem } from '../schemas';
import { jsonReadProblem, request, slackReadProblem } from './http';
import { jsonFeedRequest, parseJsonFeedPage } from './json-feed';
import { type FeedState, feedKey, type TeamFeed, type TeamKudos, teamKudosFrom } from './schema';
import { historyRequest, parseHistoryPage } from './slack';

/** Pages read at most per refresh; the rest comes on the next one. */
export const MAX_PAGES = 10;

export interface FeedDeps {
  fetch: typeof fetch;
  now: () => number;
  me: Me;
  database?: KeptDB;
}

export type FeedSync = { ok: true; added: number; forMe: number; skipped: number } | { ok: false; error: Problem };

type Failed = { ok: false; error: Problem };
type Read = { ok: true; items: WebhookBodyV1[]; skipped: number; cursor?: string; etag?: string } | Failed;
/** One page: its kudos, how many were skipped, and the next page's cursor (none: stop after this page). */
type PageRead = { ok: true; items: WebhookBodyV1[]; skipped: number; next?: string | null } | Failed;

const unreadable = (from: 'slack' | 'feed'): Failed => ({
  ok: false,
  error: { kind: 'malformed', message: i18n.t(`reasons.feed.unreadable.${from}`) },
});

/** Page after page from the first, at most `MAX_PAGES`, until a page is the last to read or one fails. */
async function readPages(readPage: (cursor: string | undefined, page: number) => Promise<PageRead>) {
  const items: WebhookBodyV1[] = [];
  let skipped = 0;
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const read = await readPage(cursor, page);
    if (!read.ok) return read;
    items.push(...read.items);
    skipped += read.skipped;
    if (!read.next) break;
    cursor = read.next;
  }
  return { ok: true as const, items, skipped };
}

/** Slack: every message newer than the last read's newest, page after page (cursors), newest first. */
async function readSlack(
  feed: Extract<TeamFeed, { kind: 'slack' }>,
  state: FeedState | undefined,
  deps: FeedDeps,
): Promise<Read> {
  let newest = state?.cursor;
  const read = await readPages(async (cursor, page): Promise<PageRead> => {
    const call = historyRequest(feed, cursor, state?.cursor);
    const answer = await request(deps.fetch, call.url, call.init);
    const problem = slackReadProblem(answer, deps.now());
    if (problem) return { ok: false, error: problem };
    const parsed = answer.kind === 'answer' ? parseHistoryPage(answer.json) : null;
    if (!parsed) return unreadable('slack');
    if (page === 0 && parsed.newestTs) newest = parsed.newestTs;
    return { ok: true, items: parsed.items, skipped: parsed.skipped, next: parsed.next };
  });
  return read.ok && newest ? { ...read, cursor: newest } : read;
}

/** A JSON feed: the first page unless unchanged (ETag), then `next` pages until one holds a kudos already read. */
async function readJson(
  feed: Extract<TeamFeed, { kind: 'json' }>,
  state: FeedState | undefined,
  deps: FeedDeps,
): Promise<Read> {
  const database = deps.database ?? db;
  let etag = state?.etag;
  const read = await readPages(async (cursor, page): Promise<PageRead> => {
    const call = jsonFeedRequest(feed, cursor, state?.etag);
    const answer = await request(deps.fetch, call.url, call.init);
    const problem = jsonReadProblem(answer, deps.now());
    if (problem) return { ok: false, error: problem };
    if (answer.kind !== 'answer' || answer.status === 304) return { ok: true, items: [], skipped: 0 };
    const parsed = parseJsonFeedPage(answer.json);
    if (!parsed) return unreadable('feed');
    if (page === 0) etag = answer.headers.get('etag') ?? undefined;
    const known = await database.teamKudos.bulkGet(parsed.items.map((item) => item.id));
    const next = known.some(Boolean) ? undefined : parsed.next;
    return { ok: true, items: parsed.items, skipped: parsed.skipped, next };
  });
  return read.ok && etag ? { ...read, etag } : read;
}

/** Stores the kudos not stored yet; praise for the rep that another browser sent is marked unread. */
async function storeNew(
  items: WebhookBodyV1[],
  feed: string,
  deps: FeedDeps,
): Promise<{ added: number; forMe: number }> {
  const database = deps.database ?? db;
  const now = deps.now();
  return database.transaction('rw', database.teamKudos, database.kudos, async () => {
    const unique = [...new Map(items.map((item) => [item.id, item])).values()];
    const ids = unique.map((item) => item.id);
    const [stored, sentHere] = await Promise.all([database.teamKudos.bulkGet(ids), database.kudos.bulkGet(ids)]);
    const rows: TeamKudos[] = [];
    unique.forEach((item, i) => {
      if (stored[i]) return;
      const row = teamKudosFrom(item, feed, now);
      rows.push(!sentHere[i] && isForMe(row, deps.me) ? { ...row, unread: 1 } : row);
    });
    await database.teamKudos.bulkAdd(rows);
    return { added: rows.length, forMe: rows.filter((row) => row.unread === 1).length };
  });
}

/** One refresh of the team feed; the outcome is also recorded in the feed's state for the pages to show. */
export async function syncTeamFeed(feed: TeamFeed, deps: FeedDeps): Promise<FeedSync> {
  const database = deps.database ?? db;
  const key = feedKey(feed);
  const state = await database.feedState.get(key);
  const read = feed.kind === 'slack' ? await readSlack(feed, state, deps) : await readJson(feed, state, deps);
  const attemptedAt = deps.now();
  if (!read.ok) {
    const { problem: _old, ...kept } = state ?? { feed: key, attemptedAt };
    await database.feedState.put({ ...kept, attemptedAt, problem: read.error });
    return read;
  }
  const stored = await storeNew(read.items, key, deps);
  await database.feedState.put({
    feed: key,
    attemptedAt,
    syncedAt: attemptedAt,
    ...(read.cursor ? { cursor: read.cursor } : {}),
    ...(read.etag ? { etag: read.etag } : {}),
  });
  return { ok: true, ...stored, skipped: read.skipped };
}

/** Praise for the rep not looked at yet (for the badge). */
export const countUnreadPraise = (database: KeptDB = db): Promise<number> =>
  database.teamKudos.where('unread').equals(1).count();

/** The rep looked at their praise: the badge stops counting it. */
export const markPraiseSeen = (database: KeptDB = db): Promise<number> =>
  database.teamKudos.where('unread').equals(1).modify({ unread: 0 });

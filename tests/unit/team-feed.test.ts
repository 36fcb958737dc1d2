import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/utils/db';
import { postOutcome, request } from '@/utils/feed/http';
import { parseJsonFeedPage } from '@/utils/feed/json-feed';
import { postToSlackApp } from '@/utils/feed/post';
import { feedKey, type TeamFeed } from '@/utils/feed/schema';
import { parseHistoryPage } from '@/utils/feed/slack';
import { countUnreadPraise, type FeedDeps, syncTeamFeed } from '@/utils/feed/sync';
import { enqueueKudos } from '@/utils/kudos/outbox';
import type { Kudos } from '@/utils/schemas';
import { type DemoHelpdesk, startDemoHelpdesk } from '../../scripts/demo-helpdesk/server';
import { SLACK_DEMO } from '../../scripts/demo-helpdesk/slack-api';
import { hostFetch } from './host-fetch';

const FEED: TeamFeed = { kind: 'slack', token: SLACK_DEMO.token, channel: SLACK_DEMO.channel };
const SAM = { name: 'Sam Rivera', email: 'sam.rivera@acmehq.com' };

/** A `kept.kudos/v1` body, as Kept posts it. */
const item = (id: string, extra: Record<string, unknown> = {}) => ({
  schema: 'kept.kudos/v1',
  id,
  createdAt: '2026-12-01T10:00:00.000Z',
  from: { name: 'Maya Chen' },
  to: { kind: 'person', name: 'Sam Rivera', email: 'sam.rivera@acmehq.com' },
  message: 'Sam stayed with the customer until it worked.',
  ...extra,
});

describe('reading Slack pages', () => {
  it('keeps Kept’s kudos from their metadata, ignores other messages, skips bad items one by one', () => {
    const page = parseHistoryPage({
      ok: true,
      messages: [
        {
          type: 'message',
          ts: '1764583200.000300',
          text: '🎉',
          metadata: { event_type: 'kept_kudos', event_payload: item('a') },
        },
        { type: 'message', ts: '1764583100.000200', text: 'Lunch?', user: 'U1' },
        {
          type: 'message',
          ts: '1764583000.000100',
          metadata: { event_type: 'deploy_finished', event_payload: { v: 1 } },
        },
        {
          type: 'message',
          ts: '1764582900.000090',
          metadata: { event_type: 'kept_kudos', event_payload: item('b', { message: '' }) },
        },
        {
          type: 'message',
          ts: '1764582800.000080',
          metadata: { event_type: 'kept_kudos', event_payload: { id: 'c' } },
        },
        { type: 'message', text: 'no ts' },
        { type: 'message', ts: '1764582700.000070', metadata: { event_type: 'kept_kudos', event_payload: item('d') } },
      ],
      has_more: true,
      response_metadata: { next_cursor: 'bmV4dF90czox' },
    });
    expect(page?.items.map((k) => k.id)).toEqual(['a', 'd']);
    expect(page?.skipped).toBe(3);
    expect(page?.next).toBe('bmV4dF90czox');
    expect(page?.newestTs).toBe('1764583200.000300');
  });

  it('reads a page without metadata as no kudos, and refuses what is not a history page', () => {
    const plain = parseHistoryPage({ ok: true, messages: [{ type: 'message', ts: '1.000001', text: '🎉 kudos' }] });
    expect(plain).toMatchObject({ items: [], skipped: 0 });
    expect(plain?.next).toBeUndefined();
    expect(parseHistoryPage({ ok: false, error: 'invalid_auth' })).toBeNull();
    expect(parseHistoryPage('<html>')).toBeNull();
  });

  it('reads a JSON feed page the same way, item by item', () => {
    const page = parseJsonFeedPage({
      items: [item('x'), { schema: 'other' }, item('y', { createdAt: 'soon' })],
      next: 'p2',
    });
    expect(page).toMatchObject({ items: [{ id: 'x' }], skipped: 2, next: 'p2' });
    expect(parseJsonFeedPage({ items: 'nope' })).toBeNull();
  });
});

describe('the team feed from the Slack stand-in, over HTTP', () => {
  let demo: DemoHelpdesk;
  let fetcher: typeof fetch;
  const deps = (me = SAM): FeedDeps => ({ fetch: fetcher, now: Date.now, me });
  const kudos = (id: string, to = SAM): Kudos => ({
    id,
    createdAt: Date.now(),
    from: { name: 'Maya Chen', email: 'maya.chen@acmehq.com' },
    to: { kind: 'person', ...to },
    promiseId: 'no-repeat',
    message: 'Sam read the history first, so the customer did not repeat themselves.',
    case: { helpdesk: 'zendesk', ticketId: '5120', url: 'https://acme.zendesk.com/agent/tickets/5120' },
    state: 'queued',
  });
  const ctx = { fromName: 'Maya Chen', promiseTitle: 'You never have to repeat yourself' };

  let seeded: NonNullable<ReturnType<DemoHelpdesk['slack']['channels']['get']>> = [];
  beforeAll(async () => {
    demo = await startDemoHelpdesk({ tls: false });
    fetcher = hostFetch(demo.localUrl);
    seeded = [...(demo.slack.channels.get(SLACK_DEMO.channel) ?? [])];
  });
  afterAll(() => demo?.close());
  beforeEach(async () => {
    demo.slack.setFailure('none');
    // Each test starts from the demo's seeded channel, whatever the one before posted.
    demo.slack.channels.set(SLACK_DEMO.channel, [...seeded]);
    await Promise.all([db.teamKudos.clear(), db.feedState.clear(), db.kudos.clear(), db.outbox.clear()]);
  });

  it('reads the channel, then only what is newer, each kudos once', async () => {
    const first = await syncTeamFeed(FEED, deps());
    expect(first).toMatchObject({ ok: true, added: 3, forMe: 1 });
    expect((await db.teamKudos.toArray()).map((k) => k.id).sort()).toEqual([
      'demo-kudos-0001',
      'demo-kudos-0002',
      'demo-kudos-0003',
    ]);
    const cursor = (await db.feedState.get(feedKey(FEED)))?.cursor;
    expect(cursor).toMatch(/^\d+\.\d{6}$/);

    const before = demo.requestLog.length;
    expect(await syncTeamFeed(FEED, deps())).toMatchObject({ ok: true, added: 0, forMe: 0 });
    expect(demo.requestLog.length).toBe(before + 1);
    const read = demo.slack.channels.get(SLACK_DEMO.channel) ?? [];
    expect(read.length).toBeGreaterThan(3);

    expect(await postToSlackApp(FEED, kudos('k-new'), ctx, { fetch: fetcher })).toEqual({ kind: 'sent' });
    expect(await syncTeamFeed(FEED, deps())).toMatchObject({ ok: true, added: 1, forMe: 1 });
    expect(await countUnreadPraise()).toBe(2);
    const row = await db.teamKudos.get('k-new');
    expect(row).toMatchObject({ promiseTitle: 'You never have to repeat yourself', case: { ticketId: '5120' } });
  });

  it('pages through a long channel with Slack’s cursors', async () => {
    const reads = () => demo.requestLog.filter((r) => r.path === '/api/conversations.history').length;
    const before = reads();
    for (let i = 0; i < 205; i++) {
      expect(
        await postToSlackApp(FEED, kudos(`bulk-${i}`, { name: 'Noor Haddad', email: 'n@acmehq.com' }), ctx, {
          fetch: fetcher,
        }),
      ).toEqual({ kind: 'sent' });
    }
    expect(await syncTeamFeed(FEED, deps())).toMatchObject({ ok: true, added: 208, forMe: 1 });
    expect(reads() - before).toBe(2);
  });

  it('does not count as new praise a kudos this browser sent and then read back', async () => {
    const mine = await enqueueKudos(kudos('sent-here'), 'slack', Date.now());
    expect(await postToSlackApp(FEED, mine, ctx, { fetch: fetcher })).toEqual({ kind: 'sent' });
    await syncTeamFeed(FEED, deps());
    expect(await db.teamKudos.get('sent-here')).toMatchObject({ unread: 0 });
    // Only the seeded kudos for Sam is new praise.
    expect(await countUnreadPraise()).toBe(1);
  });

  it.each([
    ['ratelimited', 'rate-limited', /slow down \(ratelimited\)/],
    ['invalid_auth', 'signed-out', /refused the bot token \(invalid_auth\)/],
    ['not_in_channel', 'not-found', /not in the team feed's channel/],
  ] as const)(
    'a read answered %s has its own state, and leaves the outbox and the kudos alone',
    async (mode, kind, message) => {
      await syncTeamFeed(FEED, deps());
      const queued = await enqueueKudos(kudos('waiting'), 'slack', Date.now());
      const [outbox, sent, team] = await Promise.all([db.outbox.toArray(), db.kudos.toArray(), db.teamKudos.toArray()]);
      demo.slack.setFailure(mode, { method: 'conversations.history', retryAfterSeconds: 30 });

      const result = await syncTeamFeed(FEED, deps());
      expect(result).toMatchObject({ ok: false, error: { kind, message: expect.stringMatching(message) } });
      const state = await db.feedState.get(feedKey(FEED));
      expect(state?.problem?.kind).toBe(kind);
      if (mode === 'ratelimited') expect(state?.problem?.retryAt).toBeGreaterThan(Date.now() + 25_000);
      // The cursor stays, so the next read starts where the last good one stopped.
      expect(state?.cursor).toMatch(/^\d+\.\d{6}$/);
      expect(await db.outbox.toArray()).toEqual(outbox);
      expect(await db.kudos.toArray()).toEqual(sent);
      expect(await db.teamKudos.toArray()).toEqual(team);

      // Posting the next kudos still works while reading fails.
      expect(await postToSlackApp(FEED, queued, ctx, { fetch: fetcher })).toEqual({ kind: 'sent' });
      demo.slack.setFailure('none');
      expect(await syncTeamFeed(FEED, deps())).toMatchObject({ ok: true, added: 1 });
      expect((await db.feedState.get(feedKey(FEED)))?.problem).toBeUndefined();
    },
  );

  it('tells a rate limit (retry, with Slack’s wait) from a refused token (never retried)', async () => {
    demo.slack.setFailure('ratelimited', { method: 'chat.postMessage', retryAfterSeconds: 7 });
    expect(await postToSlackApp(FEED, kudos('r'), ctx, { fetch: fetcher })).toMatchObject({
      kind: 'retry',
      retryAfterMs: 7000,
    });
    demo.slack.setFailure('invalid_auth', { method: 'chat.postMessage' });
    expect(await postToSlackApp(FEED, kudos('r'), ctx, { fetch: fetcher })).toMatchObject({
      kind: 'permanent',
      reason: expect.stringContaining('invalid_auth'),
    });
    const unreachable = await request(globalThis.fetch, 'http://127.0.0.1:1/api/chat.postMessage', { method: 'POST' });
    expect(postOutcome(unreachable, Date.now()).kind).toBe('retry');
  });

  it('posts the kudos as Slack message metadata, without the customer’s email', async () => {
    const posted = { ...kudos('meta'), quote: 'Thanks! Write me at [email].' };
    await postToSlackApp(FEED, posted, ctx, { fetch: fetcher });
    const last = demo.slack.channels.get(SLACK_DEMO.channel)?.at(-1);
    expect(last?.metadata).toMatchObject({
      event_type: 'kept_kudos',
      event_payload: { schema: 'kept.kudos/v1', id: 'meta', promise: { id: 'no-repeat' }, case: { ticketId: '5120' } },
    });
    expect(JSON.stringify(last)).not.toMatch(/@(?!acmehq)/);
  });
});

describe('a JSON feed with next cursors and an ETag, over HTTP', () => {
  let server: http.Server;
  let url = '';
  const requests: Array<{ path: string; ifNoneMatch?: string }> = [];
  const pages: Record<string, { items: unknown[]; next?: string }> = {
    '': { items: [item('j3'), item('j2')], next: 'p2' },
    p2: { items: [item('j1')] },
  };
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const cursor = new URL(req.url ?? '/', 'http://x').searchParams.get('cursor') ?? '';
      requests.push({ path: req.url ?? '', ifNoneMatch: req.headers['if-none-match'] });
      if (!cursor && req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      const page = pages[cursor];
      if (!page) return void res.writeHead(404).end();
      res
        .writeHead(200, { 'content-type': 'application/json', ...(cursor ? {} : { etag: '"v1"' }) })
        .end(JSON.stringify(page));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/feed.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => Promise.all([db.teamKudos.clear(), db.feedState.clear()]));

  it('reads every page once, then asks with If-None-Match and reads nothing on 304', async () => {
    // The schema wants https; the test server is plain HTTP on 127.0.0.1, so the feed is built past it.
    const feed = { kind: 'json', url } as TeamFeed;
    const deps = { fetch: globalThis.fetch, now: Date.now, me: SAM };
    expect(await syncTeamFeed(feed, deps)).toMatchObject({ ok: true, added: 3 });
    expect((await db.feedState.get(feedKey(feed)))?.etag).toBe('"v1"');
    requests.length = 0;
    expect(await syncTeamFeed(feed, deps)).toMatchObject({ ok: true, added: 0 });
    expect(requests).toEqual([{ path: '/feed.json', ifNoneMatch: '"v1"' }]);
  });
});

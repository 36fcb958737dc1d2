import { i18n } from '#i18n';
import { db } from '@/utils/db';
import { type FeedState, feedKey } from '@/utils/feed/schema';
import { loadTeamFeed } from '@/utils/feed/settings';
import { markPraiseSeen, syncTeamFeed } from '@/utils/feed/sync';
import type { FeedRefreshReply, Handlers } from '@/utils/messages';
import { settings } from '@/utils/settings';
import { showBadge } from './badge';

const ALARM = 'team-feed';
/** How often the team feed is read while the browser runs (Slack allows conversations.history about 50 a minute). */
export const FEED_EVERY_MINUTES = 5;

const waiting = (state: FeedState | undefined, now: number) =>
  state?.problem?.retryAt !== undefined && state.problem.retryAt > now;

/** One read of the team feed in force; a rate limit's wait is honoured unless the rep asked. */
async function refresh(asked: boolean): Promise<FeedRefreshReply> {
  const { feed } = await loadTeamFeed();
  if (!feed) return { ok: true, added: 0, forMe: 0, skipped: 0 };
  const state = await db.feedState.get(feedKey(feed));
  if (!asked && waiting(state, Date.now()) && state?.problem) return { ok: false, error: state.problem };
  const me = await settings.profile.getValue();
  const result = await syncTeamFeed(feed, { fetch: (...args) => fetch(...args), now: Date.now, me });
  await showBadge();
  return result;
}

let running: Promise<FeedRefreshReply> | undefined;

/** Reads the team feed now; a refresh asked for during one waits for it rather than reading twice at once. */
export function refreshTeamFeed(asked: boolean): Promise<FeedRefreshReply> {
  running ??= refresh(asked)
    .catch((error: unknown): FeedRefreshReply => {
      console.error('[Kept] team feed refresh failed', error);
      return { ok: false, error: { kind: 'storage', message: i18n.t('reasons.feed.notStored') } };
    })
    .finally(() => {
      running = undefined;
    });
  return running;
}

export function feedHandlers(): Handlers {
  return {
    'feed:refresh': ({ asked }) => refreshTeamFeed(asked),
    'feed:seen': async () => {
      await markPraiseSeen();
      await showBadge();
      return { ok: true };
    },
  };
}

/** Reads the team feed at start and on an alarm; pages ask for a refresh when they open. */
export function setupTeamFeed(): void {
  browser.alarms.onAlarm.addListener((alarm) => (alarm.name === ALARM ? refreshTeamFeed(false) : undefined));
  void browser.alarms.create(ALARM, { periodInMinutes: FEED_EVERY_MINUTES });
  void refreshTeamFeed(false);
}

import type { FeedState } from '@/utils/feed/schema';
import { clockTime, relativeTime } from '@/utils/time';

interface Props {
  /** The feed in force; undefined kind: none is set. */
  feed: { kind?: 'slack' | 'json'; managed: boolean; state?: FeedState } | undefined;
  refreshing: boolean;
  onRefresh: () => void;
  now: number;
}

const FEED_NAMES = { slack: 'the Slack app', json: 'the JSON feed' } as const;

/** Where the team feed stands: not set, read a moment ago, or what went wrong (and that nothing local changed). */
export function TeamFeedStatus({ feed, refreshing, onRefresh, now }: Props) {
  if (!feed) return null;
  if (!feed.kind) {
    return (
      <p className="muted feed-status">
        No team feed is set, so this wall shows the kudos sent from this browser. An admin can set one in Options → Team
        feed.
      </p>
    );
  }
  const { state } = feed;
  const problem = state?.problem;
  return (
    <section aria-label="Team feed" className="feed-status">
      {problem ? (
        <p role="alert" className={`error feed-problem feed-problem--${problem.kind}`}>
          {`Team feed not updated: ${problem.message}`}
          {problem.retryAt ? ` Kept reads it again after ${clockTime(problem.retryAt)}.` : ''}
          {' The kudos already shown and your own kudos waiting to be sent are unchanged.'}
        </p>
      ) : (
        <p className="muted" aria-live="polite">
          {state?.syncedAt
            ? `Team feed from ${FEED_NAMES[feed.kind]}, updated ${relativeTime(state.syncedAt, now)}.`
            : `Reading the team feed from ${FEED_NAMES[feed.kind]}…`}
        </p>
      )}
      <button type="button" onClick={onRefresh} disabled={refreshing}>
        {refreshing ? 'Refreshing…' : 'Refresh team feed'}
      </button>
    </section>
  );
}

import { i18n } from '#i18n';
import type { FeedState } from '@/utils/feed/schema';
import { optionsUrl } from '@/utils/options/sections';
import { clockTime, relativeTime } from '@/utils/time';

interface Props {
  /** The feed in force; undefined kind: none is set. */
  feed: { kind?: 'slack' | 'json'; managed: boolean; state?: FeedState } | undefined;
  refreshing: boolean;
  onRefresh: () => void;
  now: number;
}

const feedName = (kind: 'slack' | 'json') => i18n.t(kind === 'slack' ? 'feed.fromSlack' : 'feed.fromJson');

/** Where the team feed stands: not set, read a moment ago, or what went wrong (and that nothing local changed). */
export function TeamFeedStatus({ feed, refreshing, onRefresh, now }: Props) {
  if (!feed) return null;
  if (!feed.kind) {
    return (
      <p className="muted feed-status">
        {i18n.t('feed.none')}{' '}
        <a href={optionsUrl('kudos')} target="_blank" rel="noreferrer">
          {i18n.t('feed.setUp')}
        </a>
      </p>
    );
  }
  const { state } = feed;
  const problem = state?.problem;
  return (
    <section aria-label={i18n.t('feed.region')} className="feed-status">
      {problem ? (
        <p role="alert" className={`error feed-problem feed-problem--${problem.kind}`}>
          {i18n.t('feed.notUpdated', { problem: problem.message })}
          {problem.retryAt ? ` ${i18n.t('feed.readsAgainAt', { time: clockTime(problem.retryAt) })}` : ''}
          {` ${i18n.t('feed.unchanged')}`}
        </p>
      ) : (
        <p className="muted" aria-live="polite">
          {state?.syncedAt
            ? i18n.t('feed.updatedFrom', { source: feedName(feed.kind), when: relativeTime(state.syncedAt, now) })
            : i18n.t('feed.reading', { source: feedName(feed.kind) })}
        </p>
      )}
      <button type="button" onClick={onRefresh} disabled={refreshing}>
        {refreshing ? i18n.t('panel.sync.refreshing') : i18n.t('feed.refresh')}
      </button>
    </section>
  );
}

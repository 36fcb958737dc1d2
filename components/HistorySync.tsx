import { i18n } from '#i18n';
import { type Freshness, unreadableLine } from '@/utils/history/summary';
import { optionsUrl, sectionName } from '@/utils/options/sections';
import type { RefreshStatus } from '@/utils/panel/history-state';
import type { Problem } from '@/utils/schemas';
import { absoluteDate, clockTime, relativeTime } from '@/utils/time';

interface Props {
  freshness?: Freshness;
  refresh: RefreshStatus;
  /** Undefined when the panel has no tab to refresh for. */
  onRefresh?: () => void;
  online: boolean;
  now: number;
}

/** What the rep can do about each problem; the button sends the same refresh. */
const ACTION: Partial<Record<Problem['kind'], 'refresh' | 'retry'>> = {
  'signed-out': 'refresh',
  server: 'retry',
  network: 'retry',
};

const liveText = (state: 'idle' | 'refreshing' | 'done') =>
  state === 'idle' ? '' : i18n.t(state === 'refreshing' ? 'panel.sync.refreshing' : 'panel.sync.refreshed');

/** How fresh the saved history is, why it may not be, and a way to refresh it. Saved rows stay shown below. */
export function HistorySync({ freshness, refresh, onRefresh, online, now }: Props) {
  const problem = freshness?.problem;
  const action = problem && ACTION[problem.kind];
  const fetchedAt = freshness?.fetchedAt;
  const refreshButton = (label: string) =>
    onRefresh && (
      <button type="button" aria-disabled={refresh.state === 'refreshing'} onClick={onRefresh}>
        {label}
      </button>
    );
  return (
    <div className="sync">
      {problem && (
        <div role="alert" className={`banner banner--${problem.kind}`}>
          <p>{problem.message}</p>
          {problem.kind === 'rate-limited' && (
            <p>
              {problem.retryAt
                ? i18n.t('panel.sync.retryingAt', { time: clockTime(problem.retryAt) })
                : i18n.t('panel.sync.retryingSoon')}
            </p>
          )}
          {action && refreshButton(i18n.t(`common.${action}`))}
          {problem.fixIn && (
            <a href={optionsUrl(problem.fixIn)} target="_blank" rel="noreferrer">
              {i18n.t('panel.sync.fixIn', { section: sectionName[problem.fixIn]() })}
            </a>
          )}
        </div>
      )}
      <div className="sync-bar">
        <p className="muted sync-status">
          {fetchedAt === undefined ? (
            <span>{i18n.t('panel.sync.notYet')}</span>
          ) : (
            <span title={absoluteDate(fetchedAt)}>
              {i18n.t('panel.sync.updated')} {relativeTime(fetchedAt, now)}
            </span>
          )}
          <span aria-live="polite">{refresh.state === 'failed' ? refresh.message : liveText(refresh.state)}</span>
        </p>
        {/* One Refresh button: when the banner offers it, the bar does not. */}
        {action !== 'refresh' && refreshButton(i18n.t('common.refresh'))}
      </div>
      {Boolean(freshness?.unreadable) && (
        <p className="muted sync-unreadable">{unreadableLine(freshness?.unreadable ?? 0)}</p>
      )}
      {!online && <p className="offline">{i18n.t('panel.sync.offline')}</p>}
    </div>
  );
}

import { i18n } from '#i18n';
import { praiseNotice } from '@/utils/feed/notice';
import type { TeamKudos } from '@/utils/feed/schema';
import { absoluteDate, isoDate, relativeTime } from '@/utils/time';

interface Props {
  /** Newest first. */
  praise: TeamKudos[];
  promiseTitles: ReadonlyMap<string, string>;
  now: number;
}

/** The latest praise teammates gave the rep, each with its case link. */
export function PraiseForYou({ praise, promiseTitles, now }: Props) {
  return (
    <section aria-labelledby="praise-for-you-title" className="praise-for-you">
      <h2 id="praise-for-you-title" className="heading">
        {i18n.t('feed.praiseForYou')}
      </h2>
      <ul aria-label={i18n.t('feed.praiseForYou')}>
        {praise.map((k) => (
          <li key={k.id}>
            <p>{praiseNotice(k, k.promiseId ? promiseTitles.get(k.promiseId) : undefined)}</p>
            <p className="kudos-message">{k.message}</p>
            <p className="kudos-meta">
              {k.case && /^https?:\/\//i.test(k.case.url) && (
                <a href={k.case.url} target="_blank" rel="noreferrer">
                  {i18n.t('feed.openTicket', { ticket: k.case.ticketId })}
                </a>
              )}
              <time dateTime={isoDate(k.createdAt)} title={absoluteDate(k.createdAt)}>
                {relativeTime(k.createdAt, now)}
              </time>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

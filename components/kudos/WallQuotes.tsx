import { i18n } from '#i18n';
import type { Praise } from '@/utils/kudos/wall';
import { absoluteDate, isoDate } from '@/utils/time';

/** The customers' own words from the latest kudos, as a strip of quotes. */
export function WallQuotes({ kudos }: { kudos: Praise[] }) {
  return (
    <section aria-labelledby="wall-quotes-title" className="wall-quotes">
      <h2 id="wall-quotes-title" className="heading">
        {i18n.t('wall.quotes')}
      </h2>
      {kudos.length === 0 ? (
        <p className="muted">{i18n.t('wall.noQuotes')}</p>
      ) : (
        <ul aria-labelledby="wall-quotes-title" className="quote-strip">
          {kudos.map((k) => (
            <li key={k.id}>
              <figure>
                <blockquote>{k.quote}</blockquote>
                <figcaption className="muted">
                  {i18n.t('wall.forWhom', { name: k.to.name })}
                  {k.case && ` · #${k.case.ticketId}`}
                  {' · '}
                  <time dateTime={isoDate(k.createdAt)}>{absoluteDate(k.createdAt)}</time>
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { i18n } from '#i18n';
import type { PromiseCounts } from '@/utils/kudos/wall';
import { monthOf } from '@/utils/time';

/** Kudos per promise per month, as a table (no chart needed): a row per promise, a column per month. */
export function WallCounts({ counts }: { counts: PromiseCounts }) {
  return (
    <div className="wall-counts">
      <table className="counts">
        <caption>{i18n.t('wall.counts')}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('composer.promise')}</th>
            {counts.periods.map((p) => (
              <th scope="col" key={p.month}>
                <time dateTime={p.month}>{monthOf(p.start)}</time>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {counts.rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.title}</th>
              {row.counts.map((n, i) => (
                <td key={counts.periods[i]?.month ?? i} className={n === 0 ? 'zero' : undefined}>
                  {n}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

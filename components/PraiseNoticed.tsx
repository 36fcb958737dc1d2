import { i18n } from '#i18n';
import type { NoticedPraise } from '@/utils/kudos/praise';

interface Props {
  praise: NoticedPraise[];
  onShare: (praise: NoticedPraise) => void;
}

/** The customer's own praise or thanks, one click from passing it on; nothing is sent without the rep. */
export function PraiseNoticed({ praise, onShare }: Props) {
  if (praise.length === 0) return null;
  return (
    <section aria-label={i18n.t('praise.noticed')} className="praise-noticed">
      <ul>
        {praise.map((p) => (
          <li key={p.key} className="praise">
            <q>{p.quote}</q>
            <span className="muted">
              {p.from}
              {p.recipient && ` · ${i18n.t('praise.forWhom', { name: p.recipient })}`}
            </span>
            <button type="button" onClick={() => onShare(p)}>
              {i18n.t('praise.share')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

import type { NoticedPraise } from '@/utils/kudos/praise';

interface Props {
  praise: NoticedPraise[];
  onShare: (praise: NoticedPraise) => void;
}

/** The customer's own praise or thanks, one click from passing it on; nothing is sent without the rep. */
export function PraiseNoticed({ praise, onShare }: Props) {
  if (praise.length === 0) return null;
  return (
    <section aria-label="Praise noticed" className="praise-noticed">
      <ul>
        {praise.map((p) => (
          <li key={p.key} className="praise">
            <q>{p.quote}</q>
            <span className="muted">
              {p.from}
              {p.recipient && ` · for ${p.recipient}`}
            </span>
            <button type="button" onClick={() => onShare(p)}>
              Share this praise
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

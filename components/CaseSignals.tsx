import { i18n } from '#i18n';
import type { CaseSignal } from '@/utils/history/signals';

/** What stands out about this case, each with the reason in plain view. */
export function CaseSignals({ signals }: { signals: CaseSignal[] }) {
  if (signals.length === 0) return null;
  return (
    <ul aria-label={i18n.t('panel.signals')} className="signals">
      {signals.map((signal) => (
        <li key={signal.id} className={`signal signal--${signal.id}`}>
          <span className="signal-label">{signal.label}</span>
          <span className="signal-reason">{signal.reason}</span>
        </li>
      ))}
    </ul>
  );
}

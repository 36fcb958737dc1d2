import type { Outcome } from '@/utils/state/outcome';

/** What a form's last action came to, read out as it changes; nothing while there is nothing to say. */
export function OutcomeView({ outcome }: { outcome: Outcome }) {
  return (
    <div aria-live="polite" className="outcome">
      {outcome.kind !== 'idle' && <p className={outcome.kind === 'failed' ? 'error' : 'muted'}>{outcome.text}</p>}
    </div>
  );
}

/** The same as one line that is always there, for notes under a list. */
export function OutcomeNote({ outcome }: { outcome: Outcome }) {
  return (
    <p aria-live="polite" className={outcome.kind === 'failed' ? 'error' : 'muted'}>
      {outcome.kind === 'idle' ? '' : outcome.text}
    </p>
  );
}

import type { Delivery } from '@/utils/schemas';
import { absoluteDate, clockTime } from '@/utils/time';

/** A kudos' (or feedback's) delivery state in the rep's words, with the reason or last answer as detail. */
export function kudosStatus(kudos: Delivery): { label: string; detail?: string } {
  switch (kudos.state) {
    case 'local':
      return { label: 'Kept in Kept' };
    case 'queued':
      return { label: 'Queued' };
    case 'sent':
      return { label: 'Sent' };
    case 'retrying':
      return {
        label: kudos.nextAttemptAt === undefined ? 'Retrying' : `Retrying (next at ${clockTime(kudos.nextAttemptAt)})`,
        detail: kudos.stateDetail,
      };
    case 'failed':
      return { label: `Failed: ${kudos.stateDetail ?? 'the reason was not recorded.'}` };
  }
}

/** Where a kudos' delivery stands: "Queued", "Sent", "Retrying (next at 14:05)", "Failed: …", "Kept in Kept". */
export function KudosStatus({ kudos }: { kudos: Delivery }) {
  const { label, detail } = kudosStatus(kudos);
  return (
    <p className={`kudos-state kudos-state--${kudos.state}`}>
      <span title={kudos.state === 'sent' && kudos.sentAt ? `Sent ${absoluteDate(kudos.sentAt)}` : undefined}>
        {label}
      </span>
      {detail && <small className="kudos-state-detail">{detail}</small>}
    </p>
  );
}

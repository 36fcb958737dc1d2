import type { Kudos } from '@/utils/schemas';
import { absoluteDate, clockTime } from '@/utils/time';

/** What a delivery state shows; feedback on the playbook has the same. */
type Delivered = Pick<Kudos, 'state' | 'stateDetail' | 'nextAttemptAt' | 'sentAt'>;

/** A kudos' delivery state in the rep's words, with the reason or last answer as detail. */
export function kudosStatus(kudos: Delivered): { label: string; detail?: string } {
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
export function KudosStatus({ kudos }: { kudos: Delivered }) {
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

import { i18n } from '#i18n';
import type { Delivery } from '@/utils/schemas';
import { absoluteDate, clockTime } from '@/utils/time';

/** A kudos' (or feedback's) delivery state in the rep's words, with the reason or last answer as detail. */
export function kudosStatus(kudos: Delivery): { label: string; detail?: string } {
  switch (kudos.state) {
    case 'local':
      return { label: i18n.t('status.delivery.local') };
    case 'queued':
      return { label: i18n.t('status.delivery.queued') };
    case 'sent':
      return { label: i18n.t('status.delivery.sent') };
    case 'retrying':
      return {
        label:
          kudos.nextAttemptAt === undefined
            ? i18n.t('status.delivery.retrying')
            : i18n.t('status.delivery.retryingAt', { time: clockTime(kudos.nextAttemptAt) }),
        detail: kudos.stateDetail,
      };
    case 'failed':
      return {
        label: i18n.t('status.delivery.failed', { reason: kudos.stateDetail ?? i18n.t('status.delivery.noReason') }),
      };
  }
}

/** Where a kudos' delivery stands: "Queued", "Sent", "Retrying (next at 14:05)", "Failed: …", "Kept in Kept". */
export function KudosStatus({ kudos }: { kudos: Delivery }) {
  const { label, detail } = kudosStatus(kudos);
  return (
    <p className={`kudos-state kudos-state--${kudos.state}`}>
      <span
        title={
          kudos.state === 'sent' && kudos.sentAt
            ? i18n.t('status.delivery.sentAt', { date: absoluteDate(kudos.sentAt) })
            : undefined
        }
      >
        {label}
      </span>
      {detail && <small className="kudos-state-detail">{detail}</small>}
    </p>
  );
}

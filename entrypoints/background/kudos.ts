import { i18n } from '#i18n';
import { postToSlackApp } from '@/utils/feed/post';
import { loadTeamFeed } from '@/utils/feed/settings';
import { deliverFeedback } from '@/utils/feedback/delivery';
import type { Feedback } from '@/utils/feedback/schema';
import { channelChanged, channelOf } from '@/utils/kudos/channel';
import { kudosContext } from '@/utils/kudos/context';
import { type DeliveryOutcome, deliver } from '@/utils/kudos/delivery';
import { processOutbox } from '@/utils/kudos/outbox';
import type { Handlers } from '@/utils/messages';
import { loadActivePlaybook } from '@/utils/playbook/store';
import type { Kudos } from '@/utils/schemas';
import { settings } from '@/utils/settings';
import { settlesWithin } from '@/utils/settles';
import { showBadge } from './badge';

const ALARM = 'kudos-outbox';

/**
 * How long an attempt waits for its settings. Chrome answers storage.managed only once it has loaded the policy,
 * seconds after a start on a busy machine; a read that never answers must not hold the outbox (and every later kudos)
 * for the rest of the worker's life.
 */
const SETTINGS_WAIT_MS = 15_000;

/** A retry when one of `reads` has not answered in time, named in the log; null when all have. */
async function unanswered(
  reads: readonly Promise<unknown>[],
  names: string[],
  waitMs: number,
): Promise<DeliveryOutcome | null> {
  const answered = reads.map(() => false);
  reads.forEach(
    (read, i) =>
      void read.then(
        () => (answered[i] = true),
        () => (answered[i] = true),
      ),
  );
  if (await settlesWithin(Promise.all(reads), waitMs)) return null;
  const pending = names.filter((_, i) => !answered[i]).join(', ');
  console.warn(`[Kept] delivery settings not answered within ${waitMs} ms: ${pending}`);
  return { kind: 'retry', reason: i18n.t('reasons.settingsLate') };
}

/**
 * One attempt with the target in force at this moment, if it is the channel the kudos was written for (else it stops
 * and says so, until the rep's Retry). With a Slack app as the team feed, every kudos goes through the app (once),
 * never also through a webhook.
 */
export async function deliverOne(kudos: Kudos, settingsWaitMs = SETTINGS_WAIT_MS): Promise<DeliveryOutcome> {
  const reads = [settings.deliveryTarget.getValue(), loadActivePlaybook(), loadTeamFeed()] as const;
  const late = await unanswered(reads, ['delivery target', 'playbook', 'team feed'], settingsWaitMs);
  if (late) return late;
  const [target, { playbook }, { feed }] = await Promise.all(reads);
  const moved = channelChanged(kudos, channelOf(target, feed));
  if (moved) return moved;
  if (feed?.kind === 'slack') return postToSlackApp(feed, kudos, kudosContext(kudos, playbook));
  if (target.kind === 'kept') {
    return { kind: 'permanent', reason: i18n.t('reasons.keptOnly.kudos') };
  }
  return deliver(target, kudos, kudosContext(kudos, playbook));
}

/** One attempt of a rep's feedback to the playbook owner's channel in force, if it was written for that one. */
export async function deliverFeedbackOne(
  feedback: Feedback,
  settingsWaitMs = SETTINGS_WAIT_MS,
): Promise<DeliveryOutcome> {
  const read = settings.feedbackTarget.getValue();
  const late = await unanswered([read], ['feedback target'], settingsWaitMs);
  if (late) return late;
  const target = await read;
  const moved = channelChanged(feedback, channelOf(target), 'feedback');
  if (moved) return moved;
  if (target.kind === 'kept') {
    return { kind: 'permanent', reason: i18n.t('reasons.keptOnly.feedback') };
  }
  return deliverFeedback(target, feedback);
}

let running: Promise<void> | undefined;
let wokenWhileRunning = false;

/** One pass over the outbox, then an alarm for what is still waiting. */
async function deliverDue(): Promise<void> {
  const run = await processOutbox({ now: Date.now, deliver: deliverOne, deliverFeedback: deliverFeedbackOne });
  // Alarms survive the worker being stopped, and are re-created here at every start.
  if (run.nextDueAt === null) await browser.alarms.clear(ALARM);
  else browser.alarms.create(ALARM, { when: Math.max(run.nextDueAt, Date.now() + 1000) });
}

/**
 * Runs the outbox now; a wake-up during a run triggers one more run, so no new kudos waits for the alarm. The badge is
 * drawn inside the loop: a wake-up while it is drawn must still be seen before the run ends.
 */
export function deliverKudos(): Promise<void> {
  if (running) {
    wokenWhileRunning = true;
    return running;
  }
  running = (async () => {
    do {
      wokenWhileRunning = false;
      await deliverDue().catch((error: unknown) => console.error('[Kept] kudos delivery run failed', error));
      await showBadge();
    } while (wokenWhileRunning);
  })().finally(() => {
    running = undefined;
  });
  return running;
}

export function kudosHandlers(): Handlers {
  return {
    // Answered once the run is over, so whoever awaits the answer knows what it sent; pages do not wait for it.
    'outbox:wake': async () => {
      await deliverKudos();
      return { ok: true };
    },
  };
}

/** Resumes deliveries whenever the worker starts (browser restart, wake-up) and when the retry alarm fires. */
export function setupKudosDelivery(): void {
  // The run is returned so that whoever fires the alarm (a test) can await it; the browser ignores it.
  browser.alarms.onAlarm.addListener((alarm) => (alarm.name === ALARM ? deliverKudos() : undefined));
  void deliverKudos();
}

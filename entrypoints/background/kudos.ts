import { kudosContext } from '@/utils/kudos/context';
import { type DeliveryOutcome, deliver } from '@/utils/kudos/delivery';
import { countFailed, processOutbox } from '@/utils/kudos/outbox';
import type { Handlers } from '@/utils/messages';
import { loadActivePlaybook } from '@/utils/playbook/store';
import type { Kudos } from '@/utils/schemas';
import { settings } from '@/utils/settings';

const ALARM = 'kudos-outbox';

/** One attempt with the target in force at this moment: an admin's change applies to the very next attempt. */
async function deliverOne(kudos: Kudos): Promise<DeliveryOutcome> {
  const [target, { playbook }] = await Promise.all([settings.deliveryTarget.getValue(), loadActivePlaybook()]);
  if (target.kind === 'kept') {
    return {
      kind: 'permanent',
      reason: 'Kudos are set to stay in Kept. Choose a channel in Options → Deliver kudos to, then Retry.',
    };
  }
  return deliver(target, kudos, kudosContext(kudos, playbook));
}

let running: Promise<void> | undefined;
let wokenWhileRunning = false;

/** One pass over the outbox, then an alarm for what is still waiting. */
async function deliverDue(): Promise<void> {
  const run = await processOutbox({ now: Date.now, deliver: deliverOne });
  // Alarms survive the worker being stopped, and are re-created here at every start.
  if (run.nextDueAt === null) await browser.alarms.clear(ALARM);
  else browser.alarms.create(ALARM, { when: Math.max(run.nextDueAt, Date.now() + 1000) });
}

/** Runs the outbox now; a wake-up during a run triggers one more run, so no new kudos waits for the alarm. */
export function deliverKudos(): Promise<void> {
  if (running) {
    wokenWhileRunning = true;
    return running;
  }
  running = (async () => {
    do {
      wokenWhileRunning = false;
      await deliverDue().catch((error: unknown) => console.error('[Kept] kudos delivery run failed', error));
    } while (wokenWhileRunning);
    await showFailedCount();
  })().finally(() => {
    running = undefined;
  });
  return running;
}

/** The toolbar badge counts kudos that failed to deliver, so a failure is never silent. */
async function showFailedCount(): Promise<void> {
  const failed = await countFailed();
  await browser.action.setBadgeBackgroundColor({ color: '#a32c1f' });
  await browser.action.setBadgeText({ text: failed > 0 ? String(failed) : '' });
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

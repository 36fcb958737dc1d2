import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { deliverOne, kudosHandlers, setupKudosDelivery } from '@/entrypoints/background/kudos';
import { db } from '@/utils/db';
import { enqueueKudos } from '@/utils/kudos/outbox';
import { settings } from '@/utils/settings';

const kudos = {
  id: 'kudos-wake-1',
  createdAt: Date.now(),
  from: { name: 'Ana Rep' },
  to: { kind: 'person' as const, name: 'Priya Shah' },
  message: 'Thank you for the quick refund.',
};
const popup = { id: fakeBrowser.runtime.id, url: 'chrome-extension://kept/popup.html' };

describe('the background’s kudos outbox, awaited', () => {
  beforeEach(async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });

  /** A kudos waiting for Slack, after the admin set kudos to stay in Kept: a run fails it, saying what to do. */
  async function waitingForAChannelGone() {
    await enqueueKudos(kudos, 'slack', Date.now());
    await settings.deliveryTarget.setValue({ kind: 'kept' });
  }

  async function expectRunOver() {
    const row = await db.kudos.get(kudos.id);
    expect(row?.state).toBe('failed');
    expect(row?.stateDetail).toContain('Choose a channel in Options');
    expect(await db.outbox.count()).toBe(0);
    // The failure is never silent: the toolbar says so, in the browser's language.
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.action.getTitle({})).toBe('Kept: 1 kudos not delivered');
  }

  it('answers once its run is over, so the kudos has its outcome by then', async () => {
    await waitingForAChannelGone();
    await expect(kudosHandlers()['outbox:wake']?.({}, popup)).resolves.toEqual({ ok: true });
    await expectRunOver();
  });

  it('gives the retry alarm’s run to whoever fires it', async () => {
    await waitingForAChannelGone();
    setupKudosDelivery();
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'kudos-outbox', scheduledTime: Date.now() });
    await expectRunOver();
  });
});

describe('an attempt whose settings the browser does not answer', () => {
  it('gives up on them in time and retries later, naming what did not answer, instead of holding the outbox', async () => {
    await settings.deliveryTarget.setValue({ kind: 'slack', url: 'https://hooks.slack.com/services/T0/B0/x' });
    // As Chrome's managed storage can before it has loaded the policy: no answer at all.
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise(() => undefined));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(deliverOne({ ...kudos, state: 'queued', channel: 'Slack at hooks.slack.com' }, 50)).resolves.toEqual({
      kind: 'retry',
      reason: 'The browser did not answer Kept’s settings in time. Kept will try again.',
    });
    expect(warn).toHaveBeenCalledWith(
      '[Kept] delivery settings not answered within 50 ms: delivery target, playbook, team feed',
    );
  });
});

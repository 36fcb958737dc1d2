import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { kudosHandlers, setupKudosDelivery } from '@/entrypoints/background/kudos';
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

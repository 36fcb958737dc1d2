import { describe, expect, it } from 'vitest';
import { deliverOne } from '@/entrypoints/background/kudos';
import { db } from '@/utils/db';
import { processOutbox, retryKudos } from '@/utils/kudos/outbox';
import { sendKudos } from '@/utils/kudos/send';
import { settings } from '@/utils/settings';

const NOW = 1_800_000_000_000;

describe('a queued kudos whose channel changed before it went out', () => {
  it('is not sent to the new channel unasked: it stops, says where it was for and where kudos go now', async () => {
    await settings.deliveryTarget.setValue({
      kind: 'slack',
      url: 'https://hooks.slack.com/services/T0KEPT/B0KEPT/old',
    });
    const kudos = await sendKudos(
      { to: { kind: 'person', name: 'Jonas Weber' }, message: 'Refunded in one reply.', quote: '', maskQuote: true },
      { name: 'Maya', email: '' },
      await settings.deliveryTarget.getValue(),
      NOW,
    );
    expect(kudos.channel).toBe('Slack at hooks.slack.com');

    // The admin points kudos at Teams while this one is still queued (the browser was offline, say).
    await settings.deliveryTarget.setValue({ kind: 'teams', url: 'https://acme.webhook.office.com/webhookb2/kept' });
    await processOutbox({ now: () => NOW, deliver: deliverOne });

    const stopped = await db.kudos.get(kudos.id);
    expect(stopped?.state).toBe('failed');
    expect(stopped?.stateDetail).toBe(
      'Written for Slack at hooks.slack.com; kudos now go to Microsoft Teams at acme.webhook.office.com. ' +
        'Retry sends it there.',
    );
    expect(await db.outbox.get(kudos.id)).toBeUndefined();

    // The rep's Retry is the consent: queued again for the channel in force.
    await retryKudos(kudos.id, NOW + 1000);
    const retried = await db.kudos.get(kudos.id);
    expect(retried?.state).toBe('queued');
    expect(retried?.channel).toBeUndefined();
  });
});

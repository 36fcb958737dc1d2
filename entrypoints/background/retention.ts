import { purgeExpired } from '@/utils/privacy/retention';
import { settings } from '@/utils/settings';

const ALARM = 'retention';

async function purge(): Promise<void> {
  const days = await settings.retentionDays.getValue();
  const purged = await purgeExpired(days, Date.now());
  if (purged.conversations + purged.customers > 0) console.info('[Kept] retention purge', purged);
}

/** Cached customer data older than the retention setting goes, daily and at every start of the worker. */
export function setupRetention(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void purge();
  });
  void browser.alarms.get(ALARM).then((existing) => {
    if (!existing) browser.alarms.create(ALARM, { periodInMinutes: 24 * 60 });
  });
  void purge().catch((error: unknown) => console.error('[Kept] retention purge failed', error));
  // A shorter retention applies at once.
  settings.retentionDays.watch(() => void purge());
}

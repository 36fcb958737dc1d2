import { i18n } from '#i18n';
import { countUnreadPraise } from '@/utils/feed/sync';
import { countFailed } from '@/utils/kudos/outbox';

/**
 * The toolbar badge: kudos that failed to deliver (red), so a failure is never silent; otherwise praise for the rep
 * from the team feed they have not looked at yet (green).
 */
export async function showBadge(): Promise<void> {
  const [failed, praise] = await Promise.all([countFailed(), countUnreadPraise()]);
  const count = failed || praise;
  await browser.action.setBadgeBackgroundColor({ color: failed > 0 ? '#a32c1f' : '#1d6b3a' });
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await browser.action.setTitle({
    title: failed > 0 ? i18n.t('badge.failed', failed) : praise > 0 ? i18n.t('badge.praise', praise) : 'Kept',
  });
}

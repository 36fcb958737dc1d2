import { i18n } from '#i18n';
import { countUnreadPraise } from '@/utils/feed/sync';
import { countFailed, countFailedFeedback } from '@/utils/kudos/outbox';

/** The toolbar's tooltip for what failed to deliver: kudos, playbook feedback, or both on two lines. */
const failedTitle = (kudos: number, feedback: number): string =>
  [kudos > 0 && i18n.t('badge.failed', kudos), feedback > 0 && i18n.t('badge.feedbackFailed', feedback)]
    .filter(Boolean)
    .join('\n');

/**
 * The toolbar badge: kudos and playbook feedback that failed to deliver (red), so a failure is never silent;
 * otherwise praise for the rep from the team feed they have not looked at yet (green).
 */
export async function showBadge(): Promise<void> {
  const [kudos, feedback, praise] = await Promise.all([countFailed(), countFailedFeedback(), countUnreadPraise()]);
  const failed = kudos + feedback;
  const count = failed || praise;
  await browser.action.setBadgeBackgroundColor({ color: failed > 0 ? '#a32c1f' : '#1d6b3a' });
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await browser.action.setTitle({
    title: failed > 0 ? failedTitle(kudos, feedback) : praise > 0 ? i18n.t('badge.praise', praise) : 'Kept',
  });
}

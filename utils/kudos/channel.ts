import { i18n } from '#i18n';
import type { TeamFeed } from '../feed/schema';
import type { DeliveryTarget, Kudos } from '../schemas';
import type { DeliveryOutcome } from './delivery';

const KINDS = { slack: 'Slack', teams: 'Microsoft Teams', webhook: 'Webhook' } as const;

/**
 * Where kudos go now, named without its secret parts (the kind and the host, or the Slack app's channel); undefined
 * when they stay in Kept. A kudos carries the one it was written for.
 */
export function channelOf(target: DeliveryTarget, feed?: TeamFeed): string | undefined {
  if (feed?.kind === 'slack') return `Slack app, channel ${feed.channel}`;
  if (target.kind === 'kept') return undefined;
  return `${KINDS[target.kind]} at ${new URL(target.url).host}`;
}

/**
 * A queued kudos (or feedback) never goes silently to a channel configured after it was written: it stops and says where it was
 * for and where kudos go now, and the rep's Retry sends it there.
 */
export function channelChanged(
  item: Pick<Kudos, 'channel'>,
  now: string | undefined,
  what: 'kudos' | 'feedback' = 'kudos',
): DeliveryOutcome | null {
  if (!item.channel || !now || item.channel === now) return null;
  return { kind: 'permanent', reason: i18n.t(`reasons.channelMoved.${what}`, { was: item.channel, now }) };
}

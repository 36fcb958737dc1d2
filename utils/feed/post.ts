import type { DeliveryOutcome, KudosContext } from '../kudos/delivery';
import type { Kudos } from '../schemas';
import { postOutcome, request } from './http';
import type { TeamFeed } from './schema';
import { postKudosRequest } from './slack';

/** One delivery attempt through the team's Slack app (`chat.postMessage` with the kudos as metadata). */
export async function postToSlackApp(
  feed: Extract<TeamFeed, { kind: 'slack' }>,
  kudos: Kudos,
  ctx: KudosContext,
  deps: { fetch?: typeof fetch; now?: () => number } = {},
): Promise<DeliveryOutcome> {
  const call = postKudosRequest(feed, kudos, ctx);
  const answer = await request(deps.fetch ?? globalThis.fetch, call.url, call.init);
  return postOutcome(answer, (deps.now ?? Date.now)());
}

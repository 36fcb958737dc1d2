// The team feed as pages see it, live from the database, and the refresh a page asks for when it opens.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { db } from '../db';
import { isForMe, type Me, mergeTeamKudos } from '../kudos/wall';
import { type FeedRefreshReply, send } from '../messages';
import type { Conversation } from '../schemas';
import { feedKey, type TeamKudos } from './schema';
import { loadTeamFeed } from './settings';

/** Every kudos read back from the team feed, newest first; undefined while loading. */
export function useTeamKudos(): TeamKudos[] | undefined {
  return useLiveQuery(() => db.teamKudos.orderBy('createdAt').reverse().toArray(), []);
}

/** The feed in force (who set it) and how its last read went, live; undefined while loading. */
export function useTeamFeedState() {
  const config = useLiveQuery(loadTeamFeed, []);
  const key = config?.feed ? feedKey(config.feed) : undefined;
  // A query of its own: a live query tracks only what it reads from Dexie, not the policy read before it.
  const state = useLiveQuery(() => (key ? db.feedState.get(key) : undefined), [key]);
  return config && { kind: config.feed?.kind, managed: config.managed, state };
}

/** Asks the background to read the team feed when the page opens; `refresh` is the rep's own Refresh. */
export function useFeedRefresh() {
  const [refreshing, setRefreshing] = useState(false);
  const [last, setLast] = useState<FeedRefreshReply>();
  const refresh = useCallback((asked: boolean) => {
    setRefreshing(true);
    send('feed:refresh', { asked })
      .then(setLast, () => undefined)
      .finally(() => setRefreshing(false));
  }, []);
  useEffect(() => refresh(false), [refresh]);
  return { refreshing, last, refresh: () => refresh(true) };
}

/** The latest praise for the rep from the team feed, newest first; tells the background the rep has seen it. */
export function usePraiseForMe(me: Me | undefined, limit = 5): TeamKudos[] | undefined {
  const team = useTeamKudos();
  useEffect(() => {
    void send('feed:seen', {}).catch(() => undefined);
  }, []);
  if (!team || !me) return undefined;
  return team.filter((k) => isForMe(k, me)).slice(0, limit);
}

/** A case as kudos name it: `zendesk#5120`. */
export const caseKeyOf = (helpdesk: string, ticketId: string) => `${helpdesk}#${ticketId}`;

/** The case key of a conversation of the history (its source is `helpdesk:instance`). */
export const conversationCaseKey = (c: Pick<Conversation, 'source' | 'id'>) =>
  caseKeyOf(c.source.split(':')[0] ?? '', c.id);

/** Kudos given for these cases (from the team feed and from this browser), each once, newest first. */
export function useKudosForCases(caseKeys: readonly string[]) {
  const key = caseKeys.join('|');
  return useLiveQuery(async () => {
    const cases = new Set(key.split('|'));
    const matches = (k: { case?: { helpdesk: string; ticketId: string } }) =>
      k.case !== undefined && cases.has(caseKeyOf(k.case.helpdesk, k.case.ticketId));
    const [team, mine] = await Promise.all([
      db.teamKudos.filter(matches).toArray(),
      db.kudos.filter(matches).toArray(),
    ]);
    return mergeTeamKudos(mine, team);
  }, [key]);
}

// Where the team feed is set: by the organisation's policy (`teamFeed` in storage.managed), else in Options. A
// Slack bot token is a secret, so the rep's own setting lives with the other credentials in the extension's own
// IndexedDB (utils/secrets.ts), where content scripts cannot read it; never in storage.local.
import { readPolicy } from '../policy';
import { secretsDb } from '../secrets';
import { TeamFeed } from './schema';

/**
 * The `teamFeed` policy key, or undefined when it is missing, unreadable or not a valid feed (browsers without a
 * managed area answer with an error, which means "not set").
 */
export const readTeamFeedPolicy = (): Promise<TeamFeed | undefined> => readPolicy('teamFeed');

/** The feed set in Options on this browser, if any (a row that no longer reads as a feed counts as none). */
export async function savedTeamFeed(): Promise<TeamFeed | undefined> {
  const row = await secretsDb.secrets.get('teamFeed');
  const feed = TeamFeed.safeParse(row?.value);
  return feed.success ? feed.data : undefined;
}

export async function saveTeamFeed(feed: TeamFeed | null): Promise<void> {
  if (feed) await secretsDb.secrets.put({ key: 'teamFeed', value: TeamFeed.parse(feed) });
  else await secretsDb.secrets.delete('teamFeed');
}

/** The feed in force and who set it: the policy wins over Options. */
export async function loadTeamFeed(): Promise<{ feed?: TeamFeed; managed: boolean }> {
  // The database is read first (in the same tick), so a live query over this function sees Options' changes.
  const [saved, managed] = await Promise.all([savedTeamFeed(), readTeamFeedPolicy()]);
  return managed ? { feed: managed, managed: true } : { feed: saved, managed: false };
}

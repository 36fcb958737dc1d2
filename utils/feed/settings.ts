// Where the team feed is set: by the organisation's policy (`teamFeed` in storage.managed), else in Options. A
// Slack bot token is a secret, so the rep's own setting lives in the extension's IndexedDB, in a small database of
// its own (`kept-team-feed`), where content scripts cannot read it; never in storage.local.
import Dexie, { type Table } from 'dexie';
import { TeamFeed } from './schema';

interface SavedFeed {
  key: 'teamFeed';
  value: TeamFeed;
}

class TeamFeedDB extends Dexie {
  settings!: Table<SavedFeed, string>;
  constructor() {
    super('kept-team-feed');
    this.version(1).stores({ settings: 'key' });
  }
}

export const teamFeedDb = new TeamFeedDB();

/**
 * The `teamFeed` policy key, or undefined when it is missing, unreadable or not a valid feed (browsers without a
 * managed area answer with an error, which means "not set").
 */
export async function readTeamFeedPolicy(): Promise<TeamFeed | undefined> {
  try {
    const value = await storage.getItem<unknown>('managed:teamFeed');
    const feed = TeamFeed.safeParse(value);
    return feed.success ? feed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The feed set in Options on this browser, if any (a row that no longer reads as a feed counts as none). */
export async function savedTeamFeed(): Promise<TeamFeed | undefined> {
  const row = await teamFeedDb.settings.get('teamFeed');
  const feed = TeamFeed.safeParse(row?.value);
  return feed.success ? feed.data : undefined;
}

export async function saveTeamFeed(feed: TeamFeed | null): Promise<void> {
  if (feed) await teamFeedDb.settings.put({ key: 'teamFeed', value: TeamFeed.parse(feed) });
  else await teamFeedDb.settings.delete('teamFeed');
}

/** The feed in force and who set it: the policy wins over Options. */
export async function loadTeamFeed(): Promise<{ feed?: TeamFeed; managed: boolean }> {
  // The database is read first (in the same tick), so a live query over this function sees Options' changes.
  const [saved, managed] = await Promise.all([savedTeamFeed(), readTeamFeedPolicy()]);
  return managed ? { feed: managed, managed: true } : { feed: saved, managed: false };
}

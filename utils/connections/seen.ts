import { i18n } from '#i18n';
import type { HelpdeskAdapter } from '../helpdesks/types';
import { type HelpdeskId, HelpdeskSeen, type SyncState } from '../schemas';
import { checkedItem } from '../storage-item';
import { relativeTime } from '../time';

// What Kept has seen of each helpdesk: the last ticket's host and time (written by the background on every accepted
// `case:seen`), and how its history fetches went (Dexie `syncState`). Read by Options → Helpdesks.

export const helpdeskSeenItem = checkedItem('local:helpdeskSeen', {
  schema: HelpdeskSeen,
  fallback: {},
  read: (raw) => {
    const parsed = HelpdeskSeen.safeParse(raw);
    return parsed.success ? parsed.data : {};
  },
});

/** A helpdesk re-reports its ticket as it renders; one write a minute per helpdesk and host is enough. */
const REWRITE_AFTER_MS = 60_000;

async function write(helpdesk: HelpdeskId, host: string, at: number): Promise<void> {
  const seen = await helpdeskSeenItem.getValue();
  const last = seen[helpdesk];
  if (last?.host === host && at - last.at < REWRITE_AFTER_MS) return;
  await helpdeskSeenItem.setValue({ ...seen, [helpdesk]: { host, at } });
}

// One read-modify-write at a time, so two tabs reporting at once do not drop each other's helpdesk.
let writing: Promise<void> = Promise.resolve();

export const helpdeskSeen = {
  get: () => helpdeskSeenItem.getValue(),
  record(helpdesk: HelpdeskId, host: string, at: number): Promise<void> {
    writing = writing.catch(() => undefined).then(() => write(helpdesk, host, at));
    return writing;
  },
};

/** "Seen 3 minutes ago on acme.zendesk.com", or "Not seen yet". */
export function seenText(entry: HelpdeskSeen[HelpdeskId], now: number): string {
  return entry
    ? i18n.t('options.helpdesks.seen', { when: relativeTime(entry.at, now), host: entry.host })
    : i18n.t('options.helpdesks.notSeen');
}

export type Connection =
  | { kind: 'no-source' }
  | { kind: 'not-yet' }
  | { kind: 'ok'; at: number }
  | { kind: 'problem'; at: number; message: string };

/**
 * The latest history fetch of a helpdesk (rows whose source is `<id>:<host>`), or why there is none. A helpdesk
 * without a session API has a history source only once an admin saved its API token.
 */
export function connectionOf(
  adapter: Pick<HelpdeskAdapter, 'id' | 'session' | 'token'>,
  rows: readonly SyncState[],
  tokenSaved = false,
): Connection {
  if (!adapter.session && !(adapter.token && tokenSaved)) return { kind: 'no-source' };
  const prefix = `${adapter.id}:`;
  let latest: SyncState | undefined;
  for (const row of rows) {
    if (row.source.startsWith(prefix) && (!latest || row.attemptedAt > latest.attemptedAt)) latest = row;
  }
  if (!latest) return { kind: 'not-yet' };
  return latest.problem
    ? { kind: 'problem', at: latest.attemptedAt, message: latest.problem.message }
    : { kind: 'ok', at: latest.attemptedAt };
}

export function connectionText(connection: Connection, now: number): string {
  switch (connection.kind) {
    case 'no-source':
      return i18n.t('options.helpdesks.noSource');
    case 'not-yet':
      return i18n.t('options.helpdesks.notFetched');
    case 'ok':
      return i18n.t('options.helpdesks.fetchOk', { when: relativeTime(connection.at, now) });
    case 'problem':
      return i18n.t('options.helpdesks.fetchFailed', {
        when: relativeTime(connection.at, now),
        problem: connection.message,
      });
  }
}

// Options → Team feed, decided: the form's draft, checking it, asking for the JSON feed's host inside the click,
// saving (the bot token goes to the team feed's own database, never storage.local) and a first read.
import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useState } from 'react';
import * as z from 'zod/mini';
import { i18n } from '#i18n';
import { type Access, requestOrigin } from '../host-access';
import { send } from '../messages';
import { useOutcome } from '../state/outcome';
import { TeamFeed } from './schema';
import { loadTeamFeed, saveTeamFeed } from './settings';

export type FeedKind = 'none' | TeamFeed['kind'];
/** Where the team feed can come from, in the order the choice shows them. */
export const FEED_KINDS: readonly FeedKind[] = ['none', 'slack', 'json'];
export const feedKindLabel = (kind: FeedKind): string => i18n.t(`options.teamFeed.kind.${kind}`);

export interface FeedDraft {
  kind: FeedKind;
  token: string;
  channel: string;
  url: string;
}

/** What is wrong with each field, in the admin's language (the schema's own messages are English). */
const FIELD_PROBLEMS: Partial<Record<string, `options.teamFeed.${'notHttps' | 'notBotToken' | 'notChannelId'}`>> = {
  url: 'options.teamFeed.notHttps',
  token: 'options.teamFeed.notBotToken',
  channel: 'options.teamFeed.notChannelId',
};

/** The draft as a feed to save (null: none), or what is wrong with it in the admin's words. */
export function checkFeedDraft(
  draft: FeedDraft,
): { ok: true; feed: TeamFeed | null; origin?: string } | { ok: false; message: string } {
  if (draft.kind === 'none') return { ok: true, feed: null };
  const value =
    draft.kind === 'slack'
      ? { kind: 'slack', token: draft.token.trim(), channel: draft.channel.trim() }
      : { kind: 'json', url: draft.url.trim() };
  const feed = TeamFeed.safeParse(value);
  if (!feed.success) {
    const field = feed.error.issues[0]?.path[0];
    const said = typeof field === 'string' ? FIELD_PROBLEMS[field] : undefined;
    const problem = said ? i18n.t(said) : z.prettifyError(feed.error);
    return { ok: false, message: i18n.t('options.teamFeed.notSaved', { problem }) };
  }
  return { ok: true, feed: feed.data, ...(feed.data.kind === 'json' ? { origin: new URL(feed.data.url).origin } : {}) };
}

/** "••••1f4e": enough of a token to tell which one is saved. */
export const maskedToken = (token: string) => `••••${token.slice(-4)}`;

/** Everything Options → Team feed shows and does. */
export function useTeamFeedOptions() {
  const current = useLiveQuery(loadTeamFeed, []);
  const [typed, setDraft] = useState<FeedDraft>();
  const draft: FeedDraft = typed ?? {
    kind: current?.feed?.kind ?? 'none',
    token: '',
    channel: current?.feed?.kind === 'slack' ? current.feed.channel : '',
    url: current?.feed?.kind === 'json' ? current.feed.url : '',
  };
  const { outcome, show, run } = useOutcome();

  const save = (event: FormEvent) => {
    event.preventDefault();
    // The saved token is never put back in the field: left empty, it stays as it is.
    const keepToken = draft.kind === 'slack' && !draft.token && current?.feed?.kind === 'slack';
    const checked = checkFeedDraft(
      keepToken && current?.feed?.kind === 'slack' ? { ...draft, token: current.feed.token } : draft,
    );
    if (!checked.ok) return show({ kind: 'failed', text: checked.message });
    const access: Promise<Access> = checked.origin
      ? requestOrigin(checked.origin, i18n.t('options.teamFeed.notAllowed', { origin: checked.origin }))
      : Promise.resolve({ granted: true });
    void run(i18n.t('common.saving'), async () => {
      const allowed = await access;
      if (!allowed.granted) return { kind: 'failed', text: allowed.why };
      await saveTeamFeed(checked.feed);
      setDraft(undefined);
      if (!checked.feed) return { kind: 'done', text: i18n.t('options.teamFeed.removed') };
      const read = await send('feed:refresh', { asked: true });
      return read.ok
        ? { kind: 'done', text: i18n.t('options.teamFeed.saved', read.added) }
        : { kind: 'failed', text: i18n.t('options.teamFeed.readFailed', { problem: read.error.message }) };
    });
  };

  return {
    current,
    draft,
    outcome,
    setDraft: (change: Partial<FeedDraft>) => setDraft({ ...draft, ...change }),
    save,
  };
}

import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { praiseNotice } from '@/utils/feed/notice';
import { checkFeedDraft } from '@/utils/feed/options';
import type { TeamKudos } from '@/utils/feed/schema';
import { loadTeamFeed, readTeamFeedPolicy, saveTeamFeed } from '@/utils/feed/settings';
import { secretsDb } from '@/utils/secrets';

const TOKEN = 'xoxb-1000000001-2000000002-abcdefabcdef';

describe('where the team feed is set', () => {
  it('reads the teamFeed policy key; missing or not a feed is not set', async () => {
    expect(await readTeamFeedPolicy()).toBeUndefined();
    await fakeBrowser.storage.managed.set({ teamFeed: { kind: 'slack', token: 'xoxp-user-token', channel: 'C0KEPT' } });
    expect(await readTeamFeedPolicy()).toBeUndefined();
    await fakeBrowser.storage.managed.set({ teamFeed: { kind: 'json', url: 'http://kudos.example.com/feed' } });
    expect(await readTeamFeedPolicy()).toBeUndefined();
    await fakeBrowser.storage.managed.set({ teamFeed: { kind: 'slack', token: TOKEN, channel: 'C0KEPT' } });
    expect(await readTeamFeedPolicy()).toEqual({ kind: 'slack', token: TOKEN, channel: 'C0KEPT' });
  });

  it('keeps the rep’s own feed (and its token) with the credentials in Kept’s own database, never in storage.local; policy wins', async () => {
    await saveTeamFeed({ kind: 'slack', token: TOKEN, channel: 'G0PRIVATE' });
    expect(await loadTeamFeed()).toEqual({
      feed: { kind: 'slack', token: TOKEN, channel: 'G0PRIVATE' },
      managed: false,
    });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(TOKEN);
    expect((await secretsDb.secrets.get('teamFeed'))?.value).toMatchObject({ token: TOKEN });
    await fakeBrowser.storage.managed.set({ teamFeed: { kind: 'json', url: 'https://kudos.example.com/feed.json' } });
    expect(await loadTeamFeed()).toEqual({
      feed: { kind: 'json', url: 'https://kudos.example.com/feed.json' },
      managed: true,
    });
    await saveTeamFeed(null);
    await fakeBrowser.storage.managed.clear();
    expect(await loadTeamFeed()).toEqual({ feed: undefined, managed: false });
  });

  it('checks the Options draft and says what is wrong', () => {
    const draft = { kind: 'slack' as const, token: TOKEN, channel: 'C0KEPT', url: '' };
    expect(checkFeedDraft(draft)).toMatchObject({ ok: true, feed: { kind: 'slack', channel: 'C0KEPT' } });
    expect(checkFeedDraft({ ...draft, token: 'xoxp-123456789' })).toEqual({
      ok: false,
      message: 'Nothing was saved: A Slack bot token starts with xoxb-.',
    });
    expect(checkFeedDraft({ ...draft, channel: '#kudos' })).toMatchObject({ ok: false, message: /channel id/ });
    expect(checkFeedDraft({ ...draft, kind: 'json', url: 'http://x.example.com' })).toMatchObject({
      ok: false,
      message: /https/,
    });
    expect(checkFeedDraft({ ...draft, kind: 'json', url: 'https://x.example.com/f?a=1' })).toMatchObject({
      ok: true,
      origin: 'https://x.example.com',
    });
    expect(checkFeedDraft({ ...draft, kind: 'none' })).toEqual({ ok: true, feed: null });
  });
});

describe('the popup’s notice', () => {
  const kudos: TeamKudos = {
    id: 'k',
    createdAt: 0,
    from: { name: 'Maya Chen' },
    to: { kind: 'person', name: 'Sam Rivera' },
    promiseId: 'no-repeat',
    promiseTitle: 'Their title',
    message: 'Thanks',
    case: { helpdesk: 'zendesk', ticketId: '5120', url: 'https://acme.zendesk.com/agent/tickets/5120' },
    feed: 'slack:C0KEPT',
    receivedAt: 0,
    unread: 1,
  };
  it('says who thanked the rep, for which case and promise', () => {
    expect(praiseNotice(kudos, 'You never have to repeat yourself')).toBe(
      'Maya thanked you for #5120 — You never have to repeat yourself',
    );
    expect(praiseNotice(kudos)).toBe('Maya thanked you for #5120 — Their title');
    const { case: _case, promiseId: _p, promiseTitle: _t, ...bare } = kudos;
    expect(praiseNotice(bare)).toBe('Maya thanked you');
  });
});

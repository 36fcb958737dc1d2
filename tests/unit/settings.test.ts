import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { helpdeskSeenItem } from '@/utils/connections/seen';
import { helpdeskTokensItem } from '@/utils/connections/tokens';
import { customRules } from '@/utils/custom-helpdesks/storage';
import { settings } from '@/utils/settings';

describe('settings', () => {
  it('start from defaults', async () => {
    expect(await settings.profile.getValue()).toEqual({ name: '', email: '' });
    expect(await settings.roleId.getValue()).toBeNull();
    expect(await settings.deliveryTarget.getValue()).toEqual({ kind: 'kept' });
    expect(await settings.helpdesks.getValue()).toEqual({});
    expect(await settings.historyCap.getValue()).toBe(500);
  });

  it('save a valid value in storage.local', async () => {
    await settings.profile.setValue({ name: 'Sam Rivera', email: 'sam@acme.test' });
    expect(await settings.profile.getValue()).toEqual({ name: 'Sam Rivera', email: 'sam@acme.test' });
    const stored = await fakeBrowser.storage.local.get('profile');
    expect(stored.profile).toEqual({ name: 'Sam Rivera', email: 'sam@acme.test' });
  });

  it.each([
    ['a profile with a bad email', () => settings.profile.setValue({ name: 'Sam', email: 'not-an-email' }), /email/i],
    ['a history cap of 0', () => settings.historyCap.setValue(0), />=10/],
    [
      'a Slack webhook over plain http',
      () => settings.deliveryTarget.setValue({ kind: 'slack', url: 'http://hooks.slack.com/x' }),
      /url/i,
    ],
  ])('refuse %s with a message and change nothing', async (_, write, message) => {
    const before = await fakeBrowser.storage.local.get(null);
    await expect(write()).rejects.toThrow(message);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  it('fall back to the default when what is stored no longer parses', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ historyCap: 'lots' });
    expect(await settings.historyCap.getValue()).toBe(500);
    expect(String(warn.mock.calls[0])).toContain('historyCap');
  });

  it('tell watchers about changes', async () => {
    const seen: number[] = [];
    const unwatch = settings.historyCap.watch((v) => seen.push(v));
    await settings.historyCap.setValue(2000);
    await vi.waitFor(() => expect(seen).toEqual([2000]));
    unwatch();
  });
});

describe('settings saved by an earlier Kept', () => {
  // What storage.local holds for a rep who set everything up before the settings were storage items of their own:
  // the same keys and shapes, some with WXT's version mark and some without.
  const earlier = {
    profile: { name: 'Sam Rivera', email: 'sam@acme.test' },
    profile$: { v: 1 },
    roleId: 'billing',
    deliveryTarget: { kind: 'webhook', url: 'https://hooks.acme.test/kudos', secret: 's3cret' },
    deliveryTarget$: { v: 1 },
    helpdesks: { zendesk: false },
    historyCap: 800,
    roster: { people: [{ name: 'Ana Lee', email: 'ana@acme.test', team: 'Billing' }], teams: ['Billing'] },
    retentionDays: 30,
    kudosRules: { minMessageLength: 40, requirePromise: true },
    helpdeskSeen: { zendesk: { host: 'acme.zendesk.com', at: 1_700_000_000_000 } },
    helpdeskTokens: {
      gorgias: { account: 'acme', user: 'ana@acme.test', secret: 'tok-12345678', savedAt: 1_700_000_000_000 },
    },
    customHelpdesks: [
      {
        id: 'r1',
        name: 'Northwind Desk',
        host: 'support.northwind.test',
        ticketUrl: '/tickets/(\\d+)',
        selectors: { email: '.email' },
      },
    ],
  };

  it('still load, every one as it was saved', async () => {
    await fakeBrowser.storage.local.set(earlier);
    expect(await settings.profile.getValue()).toEqual(earlier.profile);
    expect(await settings.roleId.getValue()).toBe('billing');
    expect(await settings.deliveryTarget.getValue()).toEqual(earlier.deliveryTarget);
    expect(await settings.helpdesks.getValue()).toEqual(earlier.helpdesks);
    expect(await settings.historyCap.getValue()).toBe(800);
    expect(await settings.roster.getValue()).toEqual(earlier.roster);
    expect(await settings.retentionDays.getValue()).toBe(30);
    expect(await settings.kudosRules.getValue()).toEqual(earlier.kudosRules);
    expect(await helpdeskSeenItem.getValue()).toEqual(earlier.helpdeskSeen);
    expect(await helpdeskTokensItem.getValue()).toEqual(earlier.helpdeskTokens);
    expect(await customRules.getValue()).toEqual(earlier.customHelpdesks);
  });

  it('are written back under the same keys, in the same shapes', async () => {
    await fakeBrowser.storage.local.set(earlier);
    await settings.historyCap.setValue(900);
    await customRules.setValue(earlier.customHelpdesks);
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored).toEqual({ ...earlier, historyCap: 900 });
  });
});

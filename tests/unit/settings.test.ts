import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
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

import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { helpdeskTokens } from '@/utils/connections/tokens';
import { deleteAllData, exportAllData } from '@/utils/privacy/export';
import { moveSecretsFromLocal, secretsDb } from '@/utils/secrets';
import { settings } from '@/utils/settings';

// Credentials are out of content scripts' reach: not in storage.local (which they can read whole), but in Kept's own
// IndexedDB, which only extension pages and the background open.

const HOOK = 'https://hooks.example.com/kept/incoming/0123456789abcdef';
const SECRET = 'whsec-very-secret-4242';
const TOKEN = { account: 'acme', user: 'it@acme.example', secret: 'gorgias-api-key-1f4e', savedAt: 1 };

/** Everything a content script could read of Kept's settings. */
const readableByPages = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

describe('credentials', () => {
  it('are saved where content scripts cannot read them', async () => {
    await settings.deliveryTarget.setValue({ kind: 'webhook', url: HOOK, secret: SECRET });
    await helpdeskTokens.save('gorgias', TOKEN);
    expect(await settings.deliveryTarget.getValue()).toEqual({ kind: 'webhook', url: HOOK, secret: SECRET });
    expect((await helpdeskTokens.get()).gorgias?.secret).toBe(TOKEN.secret);
    const pages = await readableByPages();
    for (const secret of [HOOK, SECRET, TOKEN.secret]) expect(pages).not.toContain(secret);
  });

  it('an older Kept left in storage.local are moved out of it, once, and still work', async () => {
    await fakeBrowser.storage.local.set({
      deliveryTarget: { kind: 'webhook', url: HOOK, secret: SECRET },
      helpdeskTokens: { gorgias: TOKEN },
      historyCap: 300,
    });
    await moveSecretsFromLocal();
    expect(await fakeBrowser.storage.local.get(['deliveryTarget', 'helpdeskTokens'])).toEqual({});
    expect(await fakeBrowser.storage.local.get('historyCap')).toEqual({ historyCap: 300 });
    expect(await settings.deliveryTarget.getValue()).toEqual({ kind: 'webhook', url: HOOK, secret: SECRET });
    expect((await helpdeskTokens.get()).gorgias).toEqual(TOKEN);
  });

  it('are read from storage.local on first use, even before the background moved them', async () => {
    await fakeBrowser.storage.local.set({ helpdeskTokens: { gorgias: TOKEN } });
    expect((await helpdeskTokens.get()).gorgias).toEqual(TOKEN);
    expect(await readableByPages()).not.toContain(TOKEN.secret);
  });

  it('are masked in an export and deleted with everything else', async () => {
    await settings.deliveryTarget.setValue({ kind: 'webhook', url: HOOK, secret: SECRET });
    await helpdeskTokens.save('gorgias', TOKEN);
    const exported = await exportAllData(Date.now());
    for (const secret of [HOOK, SECRET, TOKEN.secret]) expect(exported).not.toContain(secret);
    const { settings: saved } = JSON.parse(exported) as { settings: Record<string, Record<string, unknown>> };
    expect(saved.deliveryTarget).toMatchObject({ kind: 'webhook', url: 'https://hooks.example.com/…(masked)' });
    expect(saved.helpdeskTokens?.gorgias).toMatchObject({ account: 'acme', secret: '••••1f4e' });

    await deleteAllData();
    expect(await secretsDb.secrets.count()).toBe(0);
    expect(await settings.deliveryTarget.getValue()).toEqual({ kind: 'kept' });
  });
});

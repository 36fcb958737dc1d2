import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { helpdeskTokens } from '@/utils/connections/tokens';
import { db } from '@/utils/db';
import { deleteAllData, exportAllData, maskSecret } from '@/utils/privacy/export';
import { settings } from '@/utils/settings';
import { conversation, NOW } from './history-fixtures';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('export my data', () => {
  it('contains every table and setting, with webhook URLs and secrets masked', async () => {
    await db.conversations.put(conversation('1'));
    await settings.deliveryTarget.setValue({
      kind: 'webhook',
      url: 'https://hooks.example.com/kept/s3cr3t-path',
      secret: 'hunter2-hmac-secret',
    });
    await settings.profile.setValue({ name: 'Sam Rivera', email: 'sam@acme.test' });
    const json = await exportAllData(NOW);
    const data = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(
      expect.arrayContaining(['settings', 'customers', 'conversations', 'kudos', 'outbox', 'syncState', 'checks']),
    );
    expect(json).toContain('Sam Rivera');
    expect(json).not.toContain('s3cr3t-path');
    expect(json).not.toContain('hunter2-hmac-secret');
    expect(json).toContain('https://hooks.example.com/…(masked)');
  });

  it('masks helpdesk API tokens, keeping where they go', async () => {
    await helpdeskTokens.save('gorgias', {
      account: 'acme-home',
      user: 'admin@acme-home.example',
      secret: 'gorgias-live-key-93b1c0ffee',
      savedAt: NOW,
    });
    const data = JSON.parse(await exportAllData(NOW)) as { settings: Record<string, unknown> };
    expect(data.settings.helpdeskTokens).toEqual({
      gorgias: { account: 'acme-home', user: 'admin@acme-home.example', secret: '••••ffee', savedAt: NOW },
    });
  });

  it('masks a token to its last four characters', () => {
    expect(maskSecret('abcd1234wxyz')).toBe('••••wxyz');
  });
});

describe('delete all Kept data', () => {
  it('empties every table and the settings', async () => {
    await db.conversations.put(conversation('1'));
    await settings.roleId.setValue('billing');
    await deleteAllData();
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await settings.roleId.getValue()).toBeNull();
  });
});

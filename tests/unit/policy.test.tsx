import { readFileSync } from 'node:fs';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/options/App';
import { helpdeskTokens } from '@/utils/connections/tokens';
import { customRules } from '@/utils/custom-helpdesks/storage';
import { POLICY, quoteMaskingLocked } from '@/utils/policy';
import { settings } from '@/utils/settings';

// An organisation's policy (storage.managed) sets every admin setting once, for every rep: it wins over what is
// stored, refuses changes, and Options says so.

const HOOK = 'https://hooks.example.com/kept/incoming/0123456789abcdef';
const rule = {
  id: 'northwind',
  name: 'Northwind support',
  host: 'support.northwind.example',
  ticketUrl: '/conversation/(\\d+)',
  selectors: { email: '.customer-email' },
};
const policy = {
  delivery: { kind: 'webhook', url: HOOK, hmacSecret: 'org-signing-secret' },
  feedback: { kind: 'slack', url: 'https://hooks.slack.com/services/T0/B0/playbookowner' },
  roster: 'name,email,team\nSam Rivera,sam@acme.example,Billing\nAda Obi,ada@acme.example,Tier 2',
  retentionDays: 30,
  historyCap: 200,
  helpdesks: { freshdesk: false },
  allowedTenants: { zendesk: ['acme.zendesk.com'] },
  customHelpdesks: [rule],
  tokens: { gorgias: { account: 'acme', user: 'it@acme.example', secret: 'gorgias-api-key-0001' } },
  maskQuotes: true,
};

describe('the policy’s keys', () => {
  it('are all described in managed_schema.json, the playbook keys kept as they are', () => {
    const schema = JSON.parse(readFileSync('public/managed_schema.json', 'utf8')) as {
      properties: Record<string, { type: string; properties?: Record<string, unknown> }>;
    };
    const keys = Object.keys(schema.properties).sort();
    expect(keys).toEqual([...Object.keys(POLICY), 'playbook', 'roles', 'presetRole'].sort());
    expect(schema.properties.delivery?.properties).toHaveProperty('hmacSecret');
    expect(schema.properties.allowedTenants?.type).toBe('object');
  });

  it('set every admin setting, over the rep’s own', async () => {
    await settings.historyCap.setValue(900);
    await fakeBrowser.storage.managed.set(policy);
    expect(await settings.deliveryTarget.getValue()).toEqual({
      kind: 'webhook',
      url: HOOK,
      secret: 'org-signing-secret',
    });
    expect(await settings.feedbackTarget.getValue()).toEqual({
      kind: 'slack',
      url: 'https://hooks.slack.com/services/T0/B0/playbookowner',
    });
    expect(await settings.historyCap.getValue()).toBe(200);
    expect(await settings.retentionDays.getValue()).toBe(30);
    expect(await settings.helpdesks.getValue()).toEqual({ freshdesk: false });
    expect(await settings.allowedTenants.getValue()).toEqual({ zendesk: ['acme.zendesk.com'] });
    expect((await settings.roster.getValue()).people.map((p) => p.email)).toEqual([
      'sam@acme.example',
      'ada@acme.example',
    ]);
    expect(await customRules.getValue()).toEqual([rule]);
    expect((await helpdeskTokens.get()).gorgias?.secret).toBe('gorgias-api-key-0001');
    expect(await quoteMaskingLocked.getValue()).toBe(true);
  });

  it('refuse a change to a managed setting, and leave the others the rep’s', async () => {
    await fakeBrowser.storage.managed.set({ historyCap: 200, delivery: { kind: 'none' } });
    await expect(settings.historyCap.setValue(300)).rejects.toThrow('managed by your organisation');
    expect(await settings.deliveryTarget.getValue()).toEqual({ kind: 'kept' });
    await settings.retentionDays.setValue(45);
    expect(await settings.retentionDays.getValue()).toBe(45);
  });

  it('that do not parse are not used', async () => {
    await fakeBrowser.storage.managed.set({ historyCap: 'lots', delivery: { kind: 'slack', url: 'http://x' } });
    await settings.historyCap.setValue(700);
    expect(await settings.historyCap.getValue()).toBe(700);
    expect(await settings.deliveryTarget.getValue()).toEqual({ kind: 'kept' });
  });
});

describe('Options under a policy', () => {
  it('shows each managed setting as managed and offers no change', async () => {
    await fakeBrowser.storage.managed.set(policy);
    render(<App />);
    const delivery = await screen.findByRole('region', { name: 'Kudos delivery' });
    await within(delivery).findByText(/Managed by your organisation/);
    expect(within(delivery).getByLabelText('Deliver kudos to')).toBeDisabled();
    const feedback = screen.getByRole('region', { name: 'Playbook feedback' });
    await within(feedback).findByText(/Managed by your organisation/);
    expect(within(feedback).getByLabelText('Send playbook feedback to')).toBeDisabled();
    const helpdesks = screen.getByRole('region', { name: 'Helpdesks' });
    await within(helpdesks).findByRole('textbox', { name: 'Allowed tenants' });
    expect(await within(helpdesks).findByRole('checkbox', { name: 'Freshdesk' })).toBeDisabled();
    await expect.poll(() => within(helpdesks).getByRole('textbox', { name: 'Allowed tenants' })).toBeDisabled();
    expect(within(helpdesks).getByRole('textbox', { name: 'Allowed tenants' })).toHaveValue(
      'zendesk: acme.zendesk.com',
    );
    const history = await screen.findByLabelText('Earlier conversations to load per customer');
    await expect.poll(() => history.hasAttribute('disabled')).toBe(true);
    const data = screen.getByRole('region', { name: 'Your data' });
    expect(within(data).getByLabelText('Keep customer history for (days)')).toBeDisabled();
    const roster = screen.getByRole('region', { name: 'Teammates and teams' });
    await within(roster).findByText(/Managed by your organisation/);
  });
});

describe('Options → an API token', () => {
  it('says what a saved token lets every rep see', async () => {
    render(<App />);
    const helpdesks = await screen.findByRole('region', { name: 'Helpdesks' });
    const gorgias = await within(helpdesks).findByRole('form', { name: 'Gorgias API token' });
    expect(gorgias).toHaveTextContent('reads with the rights of whoever created it');
  });
});

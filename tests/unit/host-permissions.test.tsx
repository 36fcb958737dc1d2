import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { HelpdesksSection } from '@/components/options/HelpdesksSection';
import { helpdeskTokens } from '@/utils/connections/tokens';
import { customRules } from '@/utils/custom-helpdesks/storage';
import type { CustomHelpdeskRule } from '@/utils/schemas';

// A host's permission is asked for a rule or a token; deleting that rule or token gives it back, unless another
// rule still covers the host. The browser's permissions API is recorded here (the fake browser has none).

const northwind: CustomHelpdeskRule = {
  id: 'northwind',
  name: 'Northwind support',
  host: 'support.northwind.example',
  ticketUrl: '/conversation/(\\d+)',
  selectors: { email: '.customer-email' },
};
const wholesale: CustomHelpdeskRule = {
  ...northwind,
  id: 'wholesale',
  name: 'Wholesale desk',
  host: 'wholesale.example',
};

const original = browser.permissions;
let remove: Mock<(permissions: { origins?: string[] }) => Promise<boolean>>;
beforeEach(() => {
  remove = vi.fn(async () => true);
  Object.assign(browser, {
    permissions: { request: vi.fn(async () => true), contains: vi.fn(async () => true), remove },
  });
});
afterEach(() => {
  Object.assign(browser, { permissions: original });
});

async function renderSection() {
  render(<HelpdesksSection />);
  const section = screen.getByRole('region', { name: 'Helpdesks' });
  await within(section).findByRole('checkbox', { name: 'Zendesk' });
  return { user: userEvent.setup(), section };
}

describe('deleting what a host permission was asked for', () => {
  it('gives back a deleted rule’s host, and only that one', async () => {
    await customRules.setValue([northwind, wholesale]);
    const { user, section } = await renderSection();
    await user.click(await within(section).findByRole('button', { name: 'Delete Wholesale desk' }));
    await waitFor(() => expect(remove).toHaveBeenCalledWith({ origins: ['https://wholesale.example/*'] }));
    expect(await customRules.getValue()).toEqual([northwind]);
  });

  it('keeps a host another rule still covers', async () => {
    await customRules.setValue([northwind, { ...wholesale, host: northwind.host }]);
    const { user, section } = await renderSection();
    await user.click(await within(section).findByRole('button', { name: 'Delete Wholesale desk' }));
    await waitFor(async () => expect(await customRules.getValue()).toEqual([northwind]));
    expect(remove).not.toHaveBeenCalled();
  });

  it('gives back a deleted token’s API host', async () => {
    await helpdeskTokens.save('gorgias', {
      account: 'acme-home',
      user: 'admin@acme-home.example',
      secret: 'gorgias-demo-api-key-1f4e',
      savedAt: Date.now(),
    });
    const { user, section } = await renderSection();
    await user.click(await within(section).findByRole('button', { name: 'Delete Gorgias token' }, { timeout: 5_000 }));
    await waitFor(() => expect(remove).toHaveBeenCalledWith({ origins: ['https://acme-home.gorgias.com/*'] }));
    expect(await helpdeskTokens.get()).toEqual({});
  });
});

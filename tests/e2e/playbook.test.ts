import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Kept, launchKept } from '../../scripts/kept-browser';
import { OptionsPage, SidePanelPage } from './pages';

/** A small valid playbook an admin might import. */
const teamPlaybook = {
  version: 3,
  name: 'Northwind support playbook',
  updatedAt: '2026-11-20T09:00:00Z',
  reviewedBy: 'Dana Okoro',
  reviewedAt: '2026-11-20T09:00:00Z',
  promises: [{ id: 'no-repeat', title: 'You never repeat yourself', summary: 'We read before we reply.' }],
  roles: [
    { id: 'frontline', name: 'Frontline support', description: 'First replies.' },
    { id: 'billing', name: 'Billing', description: 'Invoices and refunds.' },
  ],
  behaviours: [
    {
      id: 'read-history',
      promiseId: 'no-repeat',
      roles: ['frontline'],
      text: 'Quote the customer’s last message back before asking anything new.',
      when: { signals: ['repeat-contact'] },
    },
    { id: 'refund-status', promiseId: 'no-repeat', roles: ['billing'], text: 'State the refund date from the ledger.' },
  ],
};

async function importFile(options: OptionsPage, name: string, content: string) {
  await options.field('Import playbook from a file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(content),
  });
}

describe('brand promises and behaviours, in Chromium', () => {
  let kept: Kept;
  let ticket: Page;
  let panel: SidePanelPage;
  const behaviours = () => panel.page.getByRole('region', { name: 'Behaviours for your role' });

  beforeAll(async () => {
    kept = await launchKept();
    ticket = await kept.context.newPage();
    await ticket.goto(kept.ticketUrl(kept.helpdesk.seed.demo.repeatContactTicketId));
    panel = await SidePanelPage.open(kept, await kept.tabIdOf(ticket));
  });
  afterAll(async () => {
    await kept?.close();
  });

  it('asks a new rep to choose a role, then shows that role’s behaviours in the open panel', async () => {
    await expect.poll(() => behaviours().textContent(), { timeout: 15_000 }).toContain('Pick your role');

    const options = await OptionsPage.open(kept);
    await options.field('Your role').selectOption({ label: 'Billing' });
    await expect.poll(() => behaviours().textContent(), { timeout: 10_000 }).toContain('Billing');

    await options.field('Your role').selectOption({ label: 'Frontline support' });
    await expect.poll(() => behaviours().textContent(), { timeout: 10_000 }).toContain('Frontline support');
    // This customer wrote three times this week: the behaviour for repeat contact comes first, with its reason.
    await expect.poll(() => behaviours().locator('.behaviour').first().textContent()).toContain('repeat contact');
    await options.page.close();
  });

  it('refuses a broken playbook with every error, keeps the old one, then takes a valid one', async () => {
    const before = await behaviours().textContent();
    const options = await OptionsPage.open(kept);
    const broken = {
      ...teamPlaybook,
      behaviours: [
        { ...teamPlaybook.behaviours[0], promiseId: 'own-it' },
        { ...teamPlaybook.behaviours[1], roles: ['finance'] },
      ],
    };
    await importFile(options, 'broken.json', JSON.stringify(broken));
    const errors = options.page.getByRole('list', { name: 'Playbook errors' });
    await expect
      .poll(() => errors.textContent(), { timeout: 10_000 })
      .toContain('behaviours[0].promiseId: no promise "own-it"');
    expect(await errors.textContent()).toContain('behaviours[1].roles[0]: no role "finance"');
    expect(await behaviours().textContent()).toBe(before);

    await importFile(options, 'team.json', JSON.stringify(teamPlaybook));
    await expect
      .poll(() => behaviours().textContent(), { timeout: 10_000 })
      .toContain('Quote the customer’s last message back');
    expect(await behaviours().textContent()).toContain('repeat contact');
    await options.page.close();
  });
});

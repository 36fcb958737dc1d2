import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Kept, launchKept } from '../../scripts/kept-browser';
import { OptionsPage, openTicket, type SidePanelPage } from './pages';

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

describe('brand promises and behaviours, in Chromium', () => {
  let kept: Kept;
  let panel: SidePanelPage;

  // Each test is a new rep in a browser of their own (no role yet, the built-in playbook), on a repeat contact.
  beforeEach(async () => {
    kept = await launchKept();
    ({ panel } = await openTicket(kept, kept.ticketUrl(kept.helpdesk.seed.demo.repeatContactTicketId)));
  });
  afterEach(async () => {
    await kept?.close();
  });

  it('asks a new rep to choose a role, then shows that role’s behaviours in the open panel', async () => {
    await expect.poll(() => panel.behaviours.textContent(), { timeout: 15_000 }).toContain('Pick your role');

    const options = await OptionsPage.open(kept);
    await options.chooseRole('Billing');
    await expect.poll(() => panel.behaviours.textContent(), { timeout: 10_000 }).toContain('Billing');

    await options.chooseRole('Frontline support');
    await expect.poll(() => panel.behaviours.textContent(), { timeout: 10_000 }).toContain('Frontline support');
    // This customer wrote three times this week: the behaviour for repeat contact comes first, with its reason.
    await expect.poll(() => panel.behaviours.locator('.behaviour').first().textContent()).toContain('repeat contact');
    await options.page.close();
  });

  it('refuses a broken playbook with every error, keeps the old one, then takes a valid one', async () => {
    const options = await OptionsPage.open(kept);
    await options.chooseRole('Frontline support');
    await expect.poll(() => panel.behaviours.textContent(), { timeout: 10_000 }).toContain('Frontline support');
    // The panel settles once the history is read (a repeat contact): compare with that, not with the first draw.
    await expect
      .poll(() => panel.behaviours.locator('.behaviour').first().textContent(), { timeout: 15_000 })
      .toContain('repeat contact');
    const before = await panel.behaviours.textContent();
    const broken = {
      ...teamPlaybook,
      behaviours: [
        { ...teamPlaybook.behaviours[0], promiseId: 'own-it' },
        { ...teamPlaybook.behaviours[1], roles: ['finance'] },
      ],
    };
    await options.importPlaybook({ name: 'broken.json', content: JSON.stringify(broken) });
    const errors = options.page.getByRole('list', { name: 'Playbook errors' });
    await expect
      .poll(() => errors.textContent(), { timeout: 10_000 })
      .toContain('behaviours[0].promiseId: no promise "own-it"');
    expect(await errors.textContent()).toContain('behaviours[1].roles[0]: no role "finance"');
    expect(await panel.behaviours.textContent()).toBe(before);

    await options.importPlaybook({ name: 'team.json', content: JSON.stringify(teamPlaybook) });
    await expect
      .poll(() => panel.behaviours.textContent(), { timeout: 10_000 })
      .toContain('Quote the customer’s last message back');
    expect(await panel.behaviours.textContent()).toContain('repeat contact');
    await options.page.close();
  });

  it('shows a behaviour a lead rewrites in the Playbook editor in the open panel, without a reload', async () => {
    const options = await OptionsPage.open(kept);
    await options.chooseRole('Frontline support');
    const first = panel.behaviours.locator('.behaviour-text').first();
    // The order settles once the history is read (a repeat contact): rewrite the behaviour that stays first.
    await expect
      .poll(() => panel.behaviours.locator('.behaviour').first().textContent(), { timeout: 15_000 })
      .toContain('repeat contact');
    const before = (await first.textContent()) ?? '';
    // A mark the panel page loses if it is reloaded.
    await panel.page.evaluate(() => Object.assign(window, { keptNotReloaded: true }));

    const rewritten = 'Read the last three conversations before you reply, and say so in the first line.';
    await options.editBehaviourText(before, rewritten);
    await expect.poll(() => first.textContent(), { timeout: 10_000 }).toBe(rewritten);
    expect(await panel.page.evaluate(() => 'keptNotReloaded' in window)).toBe(true);
    await options.page.close();
  });
});

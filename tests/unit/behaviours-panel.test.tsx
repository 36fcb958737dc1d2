import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BehavioursSection } from '@/components/BehavioursSection';
import { db } from '@/utils/db';
import type { CaseSignal } from '@/utils/history/signals';
import type { Playbook } from '@/utils/playbook/schema';
import { importPlaybook } from '@/utils/playbook/store';
import type { CaseContext } from '@/utils/schemas';
import { settings } from '@/utils/settings';

const current = (ticketId: string): CaseContext => ({
  helpdesk: 'zendesk',
  host: 'acme.zendesk.com',
  ticketId,
  url: `https://acme.zendesk.com/agent/tickets/${ticketId}`,
  subject: 'Third time asking',
  customer: { name: 'Hannah Schmidt' },
  tags: [],
  from: 'api',
  seenAt: Date.now(),
});
const repeatContact: CaseSignal[] = [
  { id: 'repeat-contact', label: 'Repeat contact', reason: '2 other tickets in the last 7 days' },
];
const section = () => screen.getByRole('region', { name: 'Behaviours for your role' });

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});
afterEach(() => vi.restoreAllMocks());

describe('Behaviours for your role', () => {
  it('asks a rep with no role to choose one, and opens options', async () => {
    const openOptions = vi.fn(async () => undefined);
    Object.assign(browser.runtime, { openOptionsPage: openOptions });
    render(<BehavioursSection current={current('1')} signals={[]} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Choose your role' }));
    expect(openOptions).toHaveBeenCalledOnce();
  });

  it('opens at most three, what fits this case first with the reason, the rest behind one button', async () => {
    await settings.roleId.setValue('frontline');
    render(<BehavioursSection current={current('1')} signals={repeatContact} />);
    await within(section()).findByText(/Frontline support/);
    const focused = within(section()).getByRole('list', { name: 'For this case' });
    const items = within(focused).getAllByRole('listitem');
    expect(items.length).toBeLessThanOrEqual(3);
    expect(items[0]).toHaveTextContent('Fits: repeat contact');
    // A rep's weekly routine (praising a colleague) is ticked apart from the case.
    const routines = within(within(section()).getByRole('region', { name: 'Your routines' })).getAllByRole('checkbox');
    expect(routines).toHaveLength(1);
    expect(within(section()).getAllByRole('checkbox')).toHaveLength(items.length + routines.length);

    const all = within(section()).getByRole('button', { name: /^All behaviours for your role \(\d+\)$/ });
    expect(all).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(all);
    expect(all).toHaveAttribute('aria-expanded', 'true');
    const count = Number(/\((\d+)\)/.exec(all.textContent ?? '')?.[1]);
    expect(within(section()).getAllByRole('checkbox')).toHaveLength(items.length + count + routines.length);
  });

  it('keeps a team lead’s weekly routines out of the case checklist, ticked per week', async () => {
    await settings.roleId.setValue('team-lead');
    render(<BehavioursSection current={current('1')} signals={[]} />);
    const routines = await within(section()).findByRole('region', { name: 'Your routines' });
    const weekly = within(routines).getByRole('list', { name: 'This week' });
    const box = within(weekly).getAllByRole('checkbox')[0];
    if (!box) throw new Error('no weekly routine');
    await userEvent.click(box);
    await waitFor(() => expect(box).toBeChecked());
    expect((await db.checks.toArray())[0]?.caseKey).toMatch(/^week:\d{4}-W\d{2}$/);
    await userEvent.click(within(section()).getByRole('button', { name: /All behaviours for your role/ }));
    // Every weekly routine shows once, in the routines, none among the case's behaviours.
    expect(within(section()).queryAllByText(/^Each week,/)).toHaveLength(
      within(weekly).getAllByRole('checkbox').length,
    );
    expect(within(weekly).getAllByRole('checkbox')).toHaveLength(5);
  });

  it('keeps ticks per case, so the list is a checklist for this ticket only', async () => {
    await settings.roleId.setValue('frontline');
    const { unmount } = render(<BehavioursSection current={current('1')} signals={repeatContact} />);
    const box = (await within(section()).findAllByRole('checkbox'))[0];
    if (!box) throw new Error('no behaviours');
    await userEvent.click(box);
    await waitFor(() => expect(box).toBeChecked());
    expect(await db.checks.count()).toBe(1);
    unmount();

    render(<BehavioursSection current={current('2')} signals={repeatContact} />);
    const other = (await within(section()).findAllByRole('checkbox'))[0];
    expect(other).not.toBeChecked();
  });

  it('follows a change of role and of playbook without a reload', async () => {
    await settings.roleId.setValue('frontline');
    render(<BehavioursSection current={current('1')} signals={[]} />);
    await within(section()).findByText(/Frontline support/);

    await settings.roleId.setValue('billing');
    await within(section()).findByText(/: Billing/);

    const playbook: Playbook = {
      version: 2,
      name: 'Team playbook',
      updatedAt: '2026-11-20T09:00:00Z',
      promises: [{ id: 'no-repeat', title: 'You never repeat yourself', summary: 'We read first.' }],
      roles: [{ id: 'billing', name: 'Billing', description: 'Money.' }],
      behaviours: [{ id: 'ledger', promiseId: 'no-repeat', roles: ['billing'], text: 'Quote the ledger date.' }],
    };
    await importPlaybook(playbook);
    await within(section()).findByText('Quote the ledger date.');
  });

  it('renders playbook text as text', async () => {
    await settings.roleId.setValue('billing');
    await importPlaybook({
      version: 1,
      name: 'x',
      updatedAt: '2026-11-20T09:00:00Z',
      promises: [{ id: 'p', title: '<b>bold</b>', summary: '' }],
      roles: [{ id: 'billing', name: 'Billing', description: '' }],
      behaviours: [{ id: 'b', promiseId: 'p', roles: 'all', text: '<img src=x onerror="window.__keptXss=1">' }],
    });
    render(<BehavioursSection current={current('1')} signals={[]} />);
    await within(section()).findByText('<img src=x onerror="window.__keptXss=1">');
    expect(section().querySelector('img, b')).toBeNull();
  });
});

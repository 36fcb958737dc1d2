import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { BehavioursSection } from '@/components/BehavioursSection';
import { db } from '@/utils/db';
import type { CaseContext } from '@/utils/schemas';
import { settings } from '@/utils/settings';

// "Suggest a change" and "This got in my way" under each behaviour of the panel: a short form, checked before
// anything is saved, then saved in the database with its delivery in the outbox.

const CASE_URL = 'https://acme.zendesk.com/agent/tickets/7';
const current: CaseContext = {
  helpdesk: 'zendesk',
  host: 'acme.zendesk.com',
  ticketId: '7',
  url: CASE_URL,
  subject: 'Hannah Schmidt asks again',
  customer: { name: 'Hannah Schmidt', email: 'hannah@example.com' },
  tags: [],
  from: 'api',
  seenAt: Date.now(),
};

/** The first behaviour the panel opens for the case. */
async function firstBehaviour() {
  const section = screen.getByRole('region', { name: 'Behaviours for your role' });
  const list = await within(section).findByRole('list', { name: 'For this case' });
  const item = within(list).getAllByRole('listitem')[0];
  if (!item) throw new Error('no behaviour shown');
  return item;
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await settings.roleId.setValue('frontline');
});

describe('feedback on a behaviour, from the panel', () => {
  it('offers both on every behaviour, each described by the behaviour it is about', async () => {
    render(<BehavioursSection current={current} signals={[]} />);
    const item = await firstBehaviour();
    const text = item.querySelector('.behaviour-text')?.textContent ?? '';
    for (const name of ['Suggest a change', 'This got in my way']) {
      const button = within(item).getByRole('button', { name });
      expect(button).toHaveAccessibleDescription(text);
      expect(button).toHaveAttribute('aria-expanded', 'false');
    }
    const section = screen.getByRole('region', { name: 'Behaviours for your role' });
    const behaviours = within(section).getAllByRole('checkbox').length;
    expect(within(section).getAllByRole('button', { name: 'Suggest a change' })).toHaveLength(behaviours);
  });

  it('says what is missing and saves nothing, then saves a suggestion without the customer', async () => {
    render(<BehavioursSection current={current} signals={[]} />);
    const item = await firstBehaviour();
    await userEvent.click(within(item).getByRole('button', { name: 'Suggest a change' }));
    const form = within(item).getByRole('form', { name: 'Suggest a change' });
    await userEvent.click(within(form).getByRole('button', { name: 'Send' }));
    expect(within(form).getByLabelText('Why should it change?')).toHaveAccessibleDescription(
      'Say why it should change.',
    );
    expect(await db.feedback.count()).toBe(0);

    await userEvent.type(within(form).getByLabelText('Why should it change?'), 'Hannah (hannah@example.com) said so');
    await userEvent.type(within(form).getByLabelText('New wording (optional)'), 'Say the date.');
    await userEvent.click(within(form).getByRole('button', { name: 'Send' }));
    await within(item).findByText(/^Suggestion saved in Kept; no feedback channel is set/);
    expect(within(item).queryByRole('form')).toBeNull();

    const [saved] = await db.feedback.toArray();
    expect(saved).toMatchObject({
      kind: 'suggestion',
      state: 'local',
      wording: 'Say the date.',
      role: { id: 'frontline' },
      case: { helpdesk: 'zendesk', ticketId: '7', url: CASE_URL },
    });
    expect(JSON.stringify(saved)).not.toContain('hannah@example.com');
    expect(JSON.stringify(saved)).not.toContain('Schmidt');
    expect(await db.outbox.count()).toBe(0);
  });

  it('asks what got in the way, then queues it for the owner’s channel', async () => {
    await settings.feedbackTarget.setValue({ kind: 'webhook', url: 'https://hooks.example.com/playbook' });
    render(<BehavioursSection current={current} signals={[]} />);
    const item = await firstBehaviour();
    await userEvent.click(within(item).getByRole('button', { name: 'This got in my way' }));
    expect(within(item).getByRole('button', { name: 'This got in my way' })).toHaveAttribute('aria-expanded', 'true');
    const form = within(item).getByRole('form', { name: 'This got in my way' });
    await userEvent.type(within(form).getByLabelText('What happened?'), 'No time between chats.');
    await userEvent.click(within(form).getByRole('button', { name: 'Send' }));
    expect(within(form).getByText('Say what got in the way.')).toBeInTheDocument();
    expect(await db.feedback.count()).toBe(0);

    await userEvent.click(within(form).getByRole('radio', { name: 'Time' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Send' }));
    await within(item).findByText('Blocker saved and on its way to the playbook owner.');
    const [saved] = await db.feedback.toArray();
    expect(saved).toMatchObject({ kind: 'blocker', blocker: 'time', message: 'No time between chats.' });
    expect(saved?.channel).toBe('Webhook at hooks.example.com');
    await waitFor(async () =>
      expect(await db.outbox.get(saved?.id ?? '')).toMatchObject({ carries: 'feedback', attempts: 0 }),
    );
  });
});

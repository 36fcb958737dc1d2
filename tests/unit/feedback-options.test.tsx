import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { FeedbackSection } from '@/components/options/FeedbackSection';
import { db } from '@/utils/db';
import type { Feedback } from '@/utils/feedback/schema';
import { enqueueFeedback } from '@/utils/kudos/outbox';
import { settings } from '@/utils/settings';

// Options → Playbook feedback: where it goes, and what the rep sent with each one's delivery state.

const NOW = Date.UTC(2026, 11, 5, 10, 0);
const feedback = (id: string, over: Partial<Feedback> = {}): Omit<Feedback, 'state'> => ({
  id,
  createdAt: NOW,
  kind: 'blocker',
  blocker: 'policy',
  from: { name: 'Ana Rep' },
  behaviour: { id: 'say-when-next', text: 'Say when the customer will hear from us next.' },
  promise: { id: 'tell-the-truth', title: 'We tell you the truth' },
  message: 'Refund dates are not ours to promise.',
  case: { helpdesk: 'zendesk', ticketId: '42', url: 'https://acme.zendesk.com/agent/tickets/42' },
  ...over,
});

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('Options → Playbook feedback', () => {
  it('saves where feedback goes, and shows the saved webhook masked', async () => {
    render(<FeedbackSection />);
    const form = await screen.findByRole('form', { name: 'Playbook feedback channel' });
    await userEvent.selectOptions(within(form).getByLabelText('Send playbook feedback to'), 'Slack');
    await userEvent.type(within(form).getByLabelText('Webhook URL'), 'http://hooks.slack.com/services/T0/B0/x');
    await userEvent.click(within(form).getByRole('button', { name: 'Save feedback channel' }));
    expect(await within(form).findByText(/must start with https/)).toBeInTheDocument();
    expect(await settings.feedbackTarget.getValue()).toEqual({ kind: 'kept' });

    await userEvent.clear(within(form).getByLabelText('Webhook URL'));
    await userEvent.type(within(form).getByLabelText('Webhook URL'), 'https://hooks.slack.com/services/T0/B0/owner');
    await userEvent.click(within(form).getByRole('button', { name: 'Save feedback channel' }));
    await within(form).findByText('Saved: playbook feedback goes to Slack.');
    expect(await settings.feedbackTarget.getValue()).toEqual({
      kind: 'slack',
      url: 'https://hooks.slack.com/services/T0/B0/owner',
    });
    expect(await settings.deliveryTarget.getValue()).toEqual({ kind: 'kept' });
  });

  it('lists what the rep sent with its delivery state, and Retry queues a failed one again', async () => {
    await enqueueFeedback(feedback('fb-sent', { createdAt: NOW - 1000 }), 'webhook', NOW, db);
    await db.feedback.update('fb-sent', { state: 'sent', sentAt: NOW });
    await db.outbox.clear();
    await enqueueFeedback(feedback('fb-failed', { kind: 'suggestion', blocker: undefined }), 'webhook', NOW, db);
    await db.feedback.update('fb-failed', { state: 'failed', stateDetail: 'The webhook says it is gone (HTTP 410).' });
    await db.outbox.delete('fb-failed');

    render(<FeedbackSection />);
    const list = await screen.findByRole('list', { name: 'Feedback you sent' });
    const [failed, sent] = within(list).getAllByRole('listitem');
    expect(failed).toHaveTextContent('Suggested a change');
    expect(failed).toHaveTextContent('Failed: The webhook says it is gone (HTTP 410).');
    expect(failed).toHaveTextContent('zendesk #42');
    expect(sent).toHaveTextContent('Got in the way (a policy)');
    expect(sent).toHaveTextContent('Sent');
    expect(within(sent as HTMLElement).queryByRole('button', { name: 'Retry' })).toBeNull();

    await userEvent.click(within(failed as HTMLElement).getByRole('button', { name: 'Retry' }));
    await waitFor(async () => expect((await db.feedback.get('fb-failed'))?.state).toBe('queued'));
    expect(await db.outbox.get('fb-failed')).toMatchObject({ carries: 'feedback', attempts: 0 });
    await within(list).findByText('Queued');
  });
});

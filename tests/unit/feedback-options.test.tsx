import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { FeedbackSection } from '@/components/options/FeedbackSection';
import { db } from '@/utils/db';
import { enqueueFeedback } from '@/utils/kudos/outbox';
import { settings } from '@/utils/settings';
import { FEEDBACK_AT, failedFeedback, feedbackDraft } from './feedback-fixtures';

// Options → Playbook feedback: where it goes, and what the rep sent with each one's delivery state.

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
    await enqueueFeedback(feedbackDraft('fb-sent', { createdAt: FEEDBACK_AT - 1000 }), 'webhook', FEEDBACK_AT, db);
    await db.feedback.update('fb-sent', { state: 'sent', sentAt: FEEDBACK_AT });
    await db.outbox.clear();
    await failedFeedback('fb-failed', { kind: 'suggestion', blocker: undefined });

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

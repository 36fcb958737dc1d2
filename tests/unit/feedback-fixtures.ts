import { db } from '@/utils/db';
import type { Feedback } from '@/utils/feedback/schema';
import { enqueueFeedback } from '@/utils/kudos/outbox';

// A rep's playbook feedback as the panel saves it, for the tests of where it goes and what the rep sees of it.

export const FEEDBACK_AT = Date.UTC(2026, 11, 5, 10, 0);

/** A blocker on a behaviour, from a Zendesk case, before the outbox gives it a state. */
export const feedbackDraft = (id: string, over: Partial<Feedback> = {}): Omit<Feedback, 'state'> => ({
  id,
  createdAt: FEEDBACK_AT,
  kind: 'blocker',
  blocker: 'policy',
  from: { name: 'Ana Rep' },
  behaviour: { id: 'say-when-next', text: 'Say when the customer will hear from us next.' },
  promise: { id: 'tell-the-truth', title: 'We tell you the truth' },
  message: 'Refund dates are not ours to promise.',
  case: { helpdesk: 'zendesk', ticketId: '42', url: 'https://acme.zendesk.com/agent/tickets/42' },
  ...over,
});

/** Feedback the outbox gave up on: saved for a webhook, failed with the receiver's reason, nothing left to send. */
export async function failedFeedback(id: string, over: Partial<Feedback> = {}): Promise<void> {
  await enqueueFeedback(feedbackDraft(id, over), 'webhook', FEEDBACK_AT, db);
  await db.feedback.update(id, { state: 'failed', stateDetail: 'The webhook says it is gone (HTTP 410).' });
  await db.outbox.delete(id);
}

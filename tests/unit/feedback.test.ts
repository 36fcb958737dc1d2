// @vitest-environment node
// A rep's feedback on the playbook: what it holds (never the customer), the kept.feedback/v1 body and the Slack and
// Teams messages, and its delivery through the kudos outbox to a real HTTP receiver, beside kudos.

import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KeptDB } from '@/utils/db';
import {
  deliverFeedback,
  FeedbackBodyV1,
  feedbackSlackMessage,
  feedbackTeamsMessage,
  feedbackWebhookBody,
} from '@/utils/feedback/delivery';
import { Feedback } from '@/utils/feedback/schema';
import { type FeedbackDraft, feedbackFrom, feedbackProblems } from '@/utils/feedback/send';
import { deliver } from '@/utils/kudos/delivery';
import { maskCustomerText } from '@/utils/kudos/mask';
import { enqueueFeedback, enqueueKudos, processOutbox } from '@/utils/kudos/outbox';
import { DEFAULT_PLAYBOOK } from '@/utils/playbook/default';
import type { CaseContext } from '@/utils/schemas';
import { startWebhookReceiver, type WebhookReceiver } from '../../scripts/webhook-receiver';

const T0 = Date.UTC(2026, 11, 5, 9, 0);
const CASE_URL = 'https://acme.zendesk.com/agent/tickets/1042';
const current: CaseContext = {
  helpdesk: 'zendesk',
  host: 'acme.zendesk.com',
  ticketId: '1042',
  url: CASE_URL,
  subject: 'Still no refund for Zoë Ångström',
  customer: { name: 'Zoë Ångström', email: 'zoe@example.com', organisation: 'Nordlys AB' },
  tags: ['billing'],
  from: 'api',
  seenAt: T0,
};
const behaviour = DEFAULT_PLAYBOOK.behaviours[0] as (typeof DEFAULT_PLAYBOOK.behaviours)[number];
const promise = DEFAULT_PLAYBOOK.promises.find((p) => p.id === behaviour.promiseId);
const role = DEFAULT_PLAYBOOK.roles[0];
const about = { behaviour, promise, role, current };
const rep = { name: 'Ana Rep', email: 'ana@acme.test' };
const blocker: FeedbackDraft = {
  kind: 'blocker',
  blocker: 'tool',
  message: 'The ledger had no date for the refund; the customer (zoe@example.com) asked twice.',
  wording: 'ignored for a blocker',
};
const suggestion: FeedbackDraft = { kind: 'suggestion', message: 'Too vague to check.', wording: 'Quote the date.' };

const written = (draft: FeedbackDraft, id = 'fb-1'): Feedback => ({
  ...feedbackFrom(draft, about, rep, maskCustomerText, T0),
  id,
  state: 'queued',
});

describe('what a piece of feedback holds', () => {
  it('says what stops a draft, field by field', () => {
    expect(feedbackProblems({ kind: 'blocker', message: ' ', wording: '' })).toEqual({
      blocker: 'Say what got in the way.',
      message: 'Say what happened.',
    });
    expect(feedbackProblems({ kind: 'suggestion', message: '', wording: 'New words' })).toEqual({
      message: 'Say why it should change.',
    });
    expect(feedbackProblems(blocker)).toEqual({});
  });

  it('carries the behaviour, the promise, the role and the case link; never the customer or the subject', () => {
    const feedback = written(blocker);
    expect(Feedback.parse(feedback)).toEqual(feedback);
    expect(feedback).toMatchObject({
      kind: 'blocker',
      blocker: 'tool',
      from: rep,
      role: { id: role?.id, name: role?.name },
      behaviour: { id: behaviour.id, text: behaviour.text },
      promise: { id: behaviour.promiseId, title: promise?.title },
      case: { helpdesk: 'zendesk', ticketId: '1042', url: CASE_URL },
    });
    expect(feedback.wording).toBeUndefined();
    const json = JSON.stringify(feedback);
    expect(json).not.toContain('zoe@example.com');
    expect(json).not.toContain('Zoë');
    expect(json).not.toContain('Still no refund');
    expect(feedback.message).toContain('[email]');
  });

  it('keeps the suggested wording of a suggestion, and no blocker', () => {
    expect(written(suggestion)).toMatchObject({ kind: 'suggestion', wording: 'Quote the date.' });
    expect(written(suggestion).blocker).toBeUndefined();
  });
});

describe('the messages the owner’s channel gets', () => {
  it('posts a kept.feedback/v1 body that its schema reads back, with nothing absent sent as null', () => {
    const body = feedbackWebhookBody(written(blocker));
    expect(FeedbackBodyV1.parse(body)).toEqual(body);
    expect(body).toEqual({
      schema: 'kept.feedback/v1',
      id: 'fb-1',
      createdAt: '2026-12-05T09:00:00.000Z',
      kind: 'blocker',
      from: rep,
      role: { id: role?.id, name: role?.name },
      promise: { id: behaviour.promiseId, title: promise?.title },
      behaviour: { id: behaviour.id, text: behaviour.text },
      message: written(blocker).message,
      blocker: 'tool',
      case: { helpdesk: 'zendesk', ticketId: '1042', url: CASE_URL },
    });
    expect(JSON.stringify(body)).not.toContain('null');
  });

  it('names the behaviour, the rep and the case in Slack, escaping what the rep wrote', () => {
    const message = feedbackSlackMessage({ ...written(suggestion), message: 'Use <!channel> & more' }) as {
      text: string;
      blocks: unknown[];
    };
    const json = JSON.stringify(message);
    expect(json).toContain('Suggested change to');
    expect(json).toContain(`<${CASE_URL}|Zendesk #1042>`);
    expect(json).toContain('&lt;!channel&gt; &amp; more');
    expect(json).not.toContain('<!channel>');
    expect(json).toContain('Quote the date.');
  });

  it('gives Teams an Adaptive Card with the blocker and a button to the case', () => {
    const json = JSON.stringify(feedbackTeamsMessage(written(blocker)));
    expect(json).toContain('AdaptiveCard');
    expect(json).toContain('Got in the way');
    expect(json).toContain('A tool');
    expect(json).toContain(`"url":"${CASE_URL}"`);
  });
});

describe('delivery through the kudos outbox to a real receiver', () => {
  let receiver: WebhookReceiver;
  let database: KeptDB;
  beforeAll(async () => {
    receiver = await startWebhookReceiver({ tls: false });
    receiver.respondLike('webhook');
  });
  afterAll(() => receiver.close());
  beforeEach(() => {
    database = new KeptDB(`feedback-${crypto.randomUUID()}`);
    receiver.received.length = 0;
    receiver.delivered.clear();
  });
  afterEach(() => database.delete());

  const target = () => ({ kind: 'webhook' as const, url: `${receiver.url}/playbook`, secret: 'owner-secret' });

  it('retries a failed attempt with the same body, signed, and ends sent once; kudos in the same outbox go too', async () => {
    receiver.failFirst(2, '429', { retryAfterSeconds: 1 });
    let clock = T0;
    await enqueueFeedback(written(blocker, 'fb-retry'), 'webhook', clock, database);
    // A kudos written ten minutes later shares the outbox (the feedback's failures are behind it by then).
    const later = clock + 600_000;
    await enqueueKudos(
      { id: 'k-1', createdAt: later, from: { name: 'Ana' }, to: { kind: 'team', name: 'Billing' }, message: 'Thanks!' },
      'slack',
      later,
      database,
    );
    expect(await database.outbox.get('fb-retry')).toMatchObject({ carries: 'feedback', attempts: 0 });
    expect((await database.outbox.get('k-1'))?.carries).toBeUndefined();

    const kudosTarget = { kind: 'slack' as const, url: `${receiver.url}/services/kudos` };
    for (let run = 0; run < 6 && (await database.outbox.count()) > 0; run++) {
      const result = await processOutbox({
        now: () => clock,
        deliver: (kudos) => deliver(kudosTarget, kudos, { fromName: kudos.from.name }, { now: () => clock }),
        deliverFeedback: (feedback) => deliverFeedback(target(), feedback, { now: () => clock }),
        database,
        random: () => 0,
      });
      clock = result.nextDueAt ?? clock;
    }

    expect(await database.feedback.get('fb-retry')).toMatchObject({ state: 'sent', sentAt: expect.any(Number) });
    expect((await database.kudos.get('k-1'))?.state).toBe('sent');
    expect(Object.fromEntries(receiver.delivered)).toEqual({ 'fb-retry': 1, 'k-1': 1 });
    const attempts = receiver.received.filter((r) => r.path === '/playbook');
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((r) => r.body)).size).toBe(1);
    const last = attempts[2];
    expect(last?.headers['x-kept-signature']).toBe(
      `sha256=${createHmac('sha256', 'owner-secret')
        .update(last?.body ?? '')
        .digest('hex')}`,
    );
    expect(FeedbackBodyV1.parse(last?.json)).toMatchObject({ id: 'fb-retry', behaviour: { id: behaviour.id } });
  });

  it('fails at once, with the reason, when the receiver refuses it for good', async () => {
    receiver.failFirst(1, 'invalid_payload');
    await enqueueFeedback(written(suggestion, 'fb-refused'), 'webhook', T0, database);
    await processOutbox({
      now: () => T0,
      deliver: () => Promise.reject(new Error('no kudos here')),
      deliverFeedback: (feedback) => deliverFeedback(target(), feedback),
      database,
    });
    expect(await database.feedback.get('fb-refused')).toMatchObject({
      state: 'failed',
      stateDetail: 'The webhook refused the feedback as malformed (HTTP 400). Please report this to Kept.',
    });
    expect(await database.outbox.count()).toBe(0);
  });

  it('is left waiting by a run that cannot deliver feedback, and stays in Kept when no channel is set', async () => {
    await enqueueFeedback(written(blocker, 'fb-wait'), 'webhook', T0, database);
    const run = await processOutbox({ now: () => T0, deliver: () => Promise.reject(new Error('none')), database });
    expect(run).toEqual({ sent: 0, retrying: 0, failed: 0, nextDueAt: T0 });
    expect((await database.feedback.get('fb-wait'))?.state).toBe('queued');

    const local = await enqueueFeedback(written(blocker, 'fb-local'), 'kept', T0, database);
    expect(local.state).toBe('local');
    expect(await database.outbox.get('fb-local')).toBeUndefined();
  });
});

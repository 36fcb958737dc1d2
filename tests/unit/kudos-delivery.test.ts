// @vitest-environment node

import { createHmac } from 'node:crypto';
import https from 'node:https';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  backoffDelay,
  FIRST_RETRY_MS,
  GIVE_UP_AFTER_MS,
  MAX_RETRY_MS,
  MIN_ATTEMPTS_BEFORE_GIVING_UP,
  nextAttemptAt,
} from '@/utils/kudos/backoff';
import {
  buildRequest,
  classifyResponse,
  type DeliveryOutcome,
  deliver,
  type KudosContext,
  slackMessage,
  TEAMS_MAX_BYTES,
  teamsMessage,
  WebhookBodyV1,
  webhookBody,
} from '@/utils/kudos/delivery';
import type { Kudos } from '@/utils/schemas';
import { mulberry32 } from '../../scripts/demo-helpdesk/seed';
import { startWebhookReceiver, type WebhookReceiver } from '../../scripts/webhook-receiver';
import { chromeMessages, getMessageFrom } from './locale-messages';

const CASE_URL = 'https://acme.zendesk.com/agent/tickets/1001';
const kudos: Kudos = {
  id: 'kudos-0001',
  createdAt: Date.UTC(2026, 2, 12, 14, 5),
  from: { name: 'Ana Rep', email: 'ana@example.com' },
  to: { kind: 'person', name: 'Priya Shah', team: 'Billing' },
  promiseId: 'own-it',
  behaviourId: 'follow-up',
  message: 'Priya fixed the refund in an hour & told the customer <before> they had to ask. <!channel>',
  quote: 'Best support I have had all year. [click](https://evil.example.com)',
  case: { helpdesk: 'zendesk', ticketId: '1001', url: CASE_URL, subject: 'Refund missing' },
  state: 'queued',
};
const ctx: KudosContext = {
  fromName: 'Ana Rep',
  promiseTitle: 'We own it until it is fixed',
  behaviourText: 'Follow up before the customer has to ask',
};
const bare: Kudos = {
  id: 'kudos-0002',
  createdAt: Date.UTC(2026, 2, 12, 15, 0),
  from: { name: 'Ana Rep' },
  to: { kind: 'team', name: 'Engineering' },
  message: 'Thanks for the hotfix.',
  state: 'queued',
};

type Block = { type: string; text?: { text: string }; elements?: Array<Record<string, unknown>> };

describe('backoff', () => {
  it('waits 30 s after the first failure and doubles the ceiling after that', () => {
    expect(backoffDelay(1, () => 0)).toBe(FIRST_RETRY_MS);
    expect(backoffDelay(1, () => 1)).toBe(FIRST_RETRY_MS);
    expect([2, 3, 4, 5].map((n) => backoffDelay(n, () => 1))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect([2, 3, 4, 5].map((n) => backoffDelay(n, () => 0))).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it('caps the wait at 1 h and never goes below 30 s, whatever the jitter', () => {
    const random = mulberry32(1);
    for (let attempt = 1; attempt <= 60; attempt++) {
      for (let i = 0; i < 20; i++) {
        const delay = backoffDelay(attempt, random);
        const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempt - 1));
        expect(delay).toBeGreaterThanOrEqual(Math.max(FIRST_RETRY_MS, ceiling / 2));
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
    expect(backoffDelay(8, () => 1)).toBe(MAX_RETRY_MS);
    expect(backoffDelay(10_000, () => 0.5)).toBe(0.75 * MAX_RETRY_MS);
    expect(backoffDelay(0, () => 1)).toBe(FIRST_RETRY_MS);
  });

  it('schedules from now, honours a longer Retry-After up to 1 h, and gives up 24 h after the first attempt', () => {
    const first = 1_000_000;
    expect(nextAttemptAt(first, 1, first, undefined, () => 0)).toBe(first + 30_000);
    expect(nextAttemptAt(first, 1, first, 120_000, () => 0)).toBe(first + 120_000);
    expect(nextAttemptAt(first, 1, first, 5_000, () => 0)).toBe(first + 30_000);
    expect(nextAttemptAt(first, 1, first, 5 * 3_600_000, () => 0)).toBe(first + MAX_RETRY_MS);
    // The last retry lands on the 24 h mark, not after it; a failure there gives up.
    const late = first + GIVE_UP_AFTER_MS - 10_000;
    expect(nextAttemptAt(late, 12, first, undefined, () => 0)).toBe(first + GIVE_UP_AFTER_MS);
    expect(nextAttemptAt(first + GIVE_UP_AFTER_MS, 13, first)).toBeNull();
    // Past the deadline after only a few attempts, the clock jumped: go on with the backoff until enough failed.
    expect(nextAttemptAt(first + GIVE_UP_AFTER_MS + 1, 2, first, undefined, () => 0)).toBe(
      first + GIVE_UP_AFTER_MS + 1 + 30_000,
    );
    expect(nextAttemptAt(first + GIVE_UP_AFTER_MS + 1, MIN_ATTEMPTS_BEFORE_GIVING_UP, first)).toBeNull();
  });
});

describe('what each channel is sent', () => {
  it('gives Slack Block Kit with who → whom, the message, the promise, the quote and the case link', () => {
    const message = slackMessage(kudos, ctx) as { text: string; blocks: Block[] };
    expect(message.blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'rich_text',
      'context',
    ]);
    expect(message.blocks[0]?.text?.text).toBe('🎉 Kudos for Priya Shah');
    expect(message.blocks[1]?.text?.text).toBe('*Ana Rep* → *Priya Shah (Billing)*');
    // Slack's three escapes: text can neither format links nor mention @channel.
    expect(message.blocks[2]?.text?.text).toContain('in an hour &amp; told the customer &lt;before&gt;');
    expect(message.blocks[2]?.text?.text).toContain('&lt;!channel&gt;');
    expect(message.blocks[3]?.text?.text).toContain('*Promise kept:* We own it until it is fixed');
    expect(message.blocks[3]?.text?.text).toContain('*Behaviour:* Follow up before the customer has to ask');
    expect(message.blocks[4]?.elements).toEqual([
      { type: 'rich_text_quote', elements: [{ type: 'text', text: kudos.quote }] },
    ]);
    expect(message.blocks[5]?.elements?.[0]?.text).toBe(
      `<${CASE_URL}|Zendesk #1001> · Refund missing · Sent with Kept`,
    );
    // The fallback (notifications, old clients) carries the quote and the case link too.
    expect(message.text).toContain('Ana Rep → Priya Shah (Billing)');
    expect(message.text).toContain('Best support I have had all year');
    expect(message.text).toContain(`<${CASE_URL}|Zendesk #1001>`);
  });

  it('splits a long Slack message into sections Slack accepts and leaves out what a kudos does not have', () => {
    const long = { ...bare, message: `${'&'.repeat(1000)}${'x'.repeat(3000)}` };
    const message = slackMessage(long, { fromName: '' }) as { text: string; blocks: Block[] };
    const sections = message.blocks.filter((b) => b.type === 'section').slice(1);
    expect(sections.length).toBeGreaterThan(1);
    for (const section of sections) expect(section.text?.text.length).toBeLessThanOrEqual(3000);
    expect(sections.map((s) => s.text?.text).join('')).toBe(`${'&amp;'.repeat(1000)}${'x'.repeat(3000)}`);
    expect(message.blocks.map((b) => b.type)).not.toContain('rich_text');
    expect(message.blocks[1]?.text?.text).toBe('*Ana Rep* → *Engineering*');
    expect(message.blocks.at(-1)?.elements?.[0]?.text).toBe('Sent with Kept');
  });

  it('gives Teams an Adaptive Card in the Workflows wrapper, with customer text that is never markdown', () => {
    const message = teamsMessage(kudos, ctx) as {
      type: string;
      attachments: Array<{ contentType: string; contentUrl: null; content: Record<string, unknown> }>;
    };
    expect(message.type).toBe('message');
    expect(message.attachments).toHaveLength(1);
    const [attachment] = message.attachments;
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment?.contentUrl).toBeNull();
    expect(attachment?.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(attachment?.content.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open the case', url: CASE_URL }]);
    const json = JSON.stringify(message);
    expect(json).not.toContain('"TextBlock"');
    for (const words of ['Priya Shah (Billing)', 'We own it until it is fixed', 'Zendesk #1001', '[click](https://']) {
      expect(json).toContain(words);
    }
  });

  it('keeps a Teams card under the ~28 KB limit however long the kudos', () => {
    const huge = { ...kudos, message: '\u0001'.repeat(4000), quote: '界'.repeat(2000) };
    const bytes = new TextEncoder().encode(JSON.stringify(teamsMessage(huge, ctx))).length;
    expect(bytes).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    expect(JSON.stringify(teamsMessage(huge, ctx))).toContain('…');
  });

  it('gives a generic webhook the kept.kudos/v1 body, valid against its schema', () => {
    const body = webhookBody(kudos, ctx);
    expect(WebhookBodyV1.safeParse(body).success).toBe(true);
    expect(body).toEqual({
      schema: 'kept.kudos/v1',
      id: 'kudos-0001',
      createdAt: '2026-03-12T14:05:00.000Z',
      from: { name: 'Ana Rep', email: 'ana@example.com' },
      to: { kind: 'person', name: 'Priya Shah', team: 'Billing' },
      promise: { id: 'own-it', title: 'We own it until it is fixed' },
      behaviour: { id: 'follow-up', text: 'Follow up before the customer has to ask' },
      message: kudos.message,
      quote: kudos.quote,
      case: { helpdesk: 'zendesk', ticketId: '1001', url: CASE_URL, subject: 'Refund missing' },
    });
    const minimal = webhookBody(bare, { fromName: 'Ana Rep' });
    expect(WebhookBodyV1.safeParse(minimal).success).toBe(true);
    expect(Object.keys(minimal).sort()).toEqual(['createdAt', 'from', 'id', 'message', 'schema', 'to']);
    expect(WebhookBodyV1.safeParse({ ...minimal, schema: 'kept.kudos/v2' }).success).toBe(false);
  });

  it('signs a webhook body with HMAC-SHA256 that node:crypto verifies, and sends an Idempotency-Key everywhere', async () => {
    const now = Date.UTC(2026, 2, 12, 14, 6);
    const target = { kind: 'webhook' as const, url: 'https://hooks.example.com/kept', secret: 'shh-it-is-a-secret' };
    const { url, init } = await buildRequest(target, kudos, ctx, now);
    const headers = init.headers as Record<string, string>;
    const body = String(init.body);
    expect(url).toBe(target.url);
    expect(init.method).toBe('POST');
    expect(headers['Content-Type']).toBe('application/json; charset=utf-8');
    expect(headers['Idempotency-Key']).toBe('kudos-0001');
    expect(headers['X-Kept-Timestamp']).toBe(String(now / 1000));
    const expected = createHmac('sha256', target.secret).update(body, 'utf8').digest('hex');
    expect(headers['X-Kept-Signature']).toBe(`sha256=${expected}`);
    expect(JSON.parse(body)).toEqual(webhookBody(kudos, ctx));
    // The same kudos gives the same bytes on every attempt.
    expect(String((await buildRequest(target, kudos, ctx, now + 60_000)).init.body)).toBe(body);

    const unsigned = await buildRequest({ kind: 'webhook', url: target.url }, kudos, ctx, now);
    expect(Object.keys(unsigned.init.headers as object).sort()).toEqual(['Content-Type', 'Idempotency-Key']);
    for (const kind of ['slack', 'teams'] as const) {
      const request = await buildRequest({ kind, url: 'https://hooks.slack.com/services/T/B/X' }, kudos, ctx);
      expect((request.init.headers as Record<string, string>)['Idempotency-Key']).toBe('kudos-0001');
    }
  });
});

describe('what an answer means', () => {
  const now = Date.UTC(2026, 2, 12, 14, 0);
  const cases: Array<[string, 'slack' | 'teams' | 'webhook', number, string, string | null, DeliveryOutcome['kind']]> =
    [
      ['Slack ok', 'slack', 200, 'ok', null, 'sent'],
      ['Slack 200 with an odd body', 'slack', 200, 'accepted', null, 'sent'],
      ['Slack 200 with an error string', 'slack', 200, 'no_service', null, 'permanent'],
      ['Teams Workflows 202', 'teams', 202, '', null, 'sent'],
      ['Teams 200', 'teams', 200, '1', null, 'sent'],
      [
        'Teams connector throttled in a 200',
        'teams',
        200,
        'Microsoft Teams endpoint returned HTTP error 429',
        null,
        'retry',
      ],
      ['webhook 204', 'webhook', 204, '', null, 'sent'],
      ['429', 'slack', 429, 'rate_limited', '30', 'retry'],
      ['500 rollup_error', 'slack', 500, 'rollup_error', null, 'retry'],
      ['502', 'teams', 502, '<html>Bad gateway</html>', null, 'retry'],
      ['503', 'webhook', 503, '', '120', 'retry'],
      ['408', 'webhook', 408, '', null, 'retry'],
      ['invalid_payload', 'slack', 400, 'invalid_payload', null, 'permanent'],
      ['user_not_found', 'slack', 400, 'user_not_found', null, 'permanent'],
      ['action_prohibited', 'slack', 403, 'action_prohibited', null, 'permanent'],
      ['channel_not_found', 'slack', 404, 'channel_not_found', null, 'permanent'],
      ['no_service', 'slack', 404, 'no_service', null, 'permanent'],
      ['channel_is_archived', 'slack', 410, 'channel_is_archived', null, 'permanent'],
      ['webhook 400', 'webhook', 400, '{"error":"bad"}', null, 'permanent'],
      ['webhook 401', 'webhook', 401, '', null, 'permanent'],
      ['Teams 403', 'teams', 403, '{"error":{"code":"DirectApiAuthorizationRequired"}}', null, 'permanent'],
      ['webhook 404', 'webhook', 404, 'Not Found', null, 'permanent'],
      ['webhook 410', 'webhook', 410, '', null, 'permanent'],
      ['webhook 413', 'webhook', 413, '', null, 'permanent'],
      ['webhook 422', 'webhook', 422, '', null, 'permanent'],
    ];
  it.each(cases)('%s → %s', (_name, kind, status, body, retryAfter, expected) => {
    expect(classifyResponse(kind, status, body, retryAfter, now).kind).toBe(expected);
  });

  it('says what went wrong in the rep’s words', () => {
    expect(classifyResponse('slack', 404, 'no_service', null, now)).toEqual({
      kind: 'permanent',
      reason: 'Slack says the webhook was revoked (no_service). Ask your admin for a new URL.',
    });
    expect(classifyResponse('slack', 500, 'rollup_error', null, now)).toEqual({
      kind: 'retry',
      reason: 'Slack had a problem (HTTP 500, rollup_error). Kept will try again.',
    });
    expect(classifyResponse('webhook', 401, '', null, now)).toMatchObject({
      reason: expect.stringContaining('Check its URL and secret'),
    });
  });

  it('names kudos and feedback each in its own words, in the browser’s language', async () => {
    expect(classifyResponse('webhook', 408, '', null, now, 'feedback')).toMatchObject({
      reason: 'The webhook timed out waiting for the feedback (HTTP 408). Kept will try again.',
    });
    fakeBrowser.i18n.getMessage = getMessageFrom(await chromeMessages('de'));
    expect(classifyResponse('webhook', 413, '', null, now)).toEqual({
      kind: 'permanent',
      reason: 'Das Lob ist zu groß für den Webhook (HTTP 413).',
    });
    expect(classifyResponse('webhook', 413, '', null, now, 'feedback')).toEqual({
      kind: 'permanent',
      reason: 'Das Feedback ist zu groß für den Webhook (HTTP 413).',
    });
    // Slack's own error code stays as Slack wrote it.
    expect(classifyResponse('slack', 500, 'rollup_error', null, now)).toEqual({
      kind: 'retry',
      reason: 'Slack hatte ein Problem (HTTP 500, rollup_error). Kept versucht es erneut.',
    });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(classifyResponse('slack', 429, '', '30', now)).toMatchObject({ kind: 'retry', retryAfterMs: 30_000 });
    const date = new Date(now + 90_000).toUTCString();
    expect(classifyResponse('webhook', 503, '', date, now)).toMatchObject({ kind: 'retry', retryAfterMs: 90_000 });
    expect(classifyResponse('slack', 429, '', 'soon', now)).not.toHaveProperty('retryAfterMs');
    expect(classifyResponse('slack', 429, '', null, now)).not.toHaveProperty('retryAfterMs');
  });
});

describe('delivering to a real receiver that fails on purpose', () => {
  let receiver: WebhookReceiver;
  // The path and the secret are the webhook's credentials: no reason may show them.
  const PATH = '/services/T0001/B0002/s3cr3tPathToken';
  const SECRET = 'hmac-secret-never-shown';
  const slack = () => ({ kind: 'slack' as const, url: `${receiver.url}${PATH}` });
  const expectNoCredentials = (outcome: DeliveryOutcome) => {
    const reason = 'reason' in outcome ? outcome.reason : '';
    expect(reason).not.toContain('s3cr3t');
    expect(reason).not.toContain('/services');
    expect(reason).not.toContain(SECRET);
    expect(reason).not.toContain(receiver.url);
  };

  beforeAll(async () => {
    receiver = await startWebhookReceiver({ tls: false });
  });
  afterEach(() => {
    receiver.failFirst(0, 'none');
    receiver.respondLike('slack');
    receiver.received.length = 0;
    receiver.delivered.clear();
  });
  afterAll(() => receiver.close());

  it('sends to Slack and counts one acceptance per Idempotency-Key', async () => {
    expect(await deliver(slack(), kudos, ctx)).toEqual({ kind: 'sent' });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({ path: PATH, failure: 'none' });
    expect(receiver.received[0]?.headers['idempotency-key']).toBe('kudos-0001');
    expect(receiver.received[0]?.json).toEqual(slackMessage(kudos, ctx));
    expect(receiver.delivered.get('kudos-0001')).toBe(1);
    // A second delivery of the same kudos shows up as 2.
    await deliver(slack(), kudos, ctx);
    expect(receiver.delivered.get('kudos-0001')).toBe(2);
  });

  it('sends to Teams (202) and to a signed webhook whose signature the receiver can check', async () => {
    receiver.respondLike('teams');
    expect(await deliver({ kind: 'teams', url: `${receiver.url}/workflows/abc` }, kudos, ctx)).toEqual({
      kind: 'sent',
    });
    receiver.respondLike('webhook');
    const target = { kind: 'webhook' as const, url: `${receiver.url}/kept`, secret: SECRET };
    expect(await deliver(target, kudos, ctx)).toEqual({ kind: 'sent' });
    const request = receiver.received[1];
    const signature = createHmac('sha256', SECRET)
      .update(request?.body ?? '')
      .digest('hex');
    expect(request?.headers['x-kept-signature']).toBe(`sha256=${signature}`);
    expect(WebhookBodyV1.safeParse(request?.json).success).toBe(true);
  });

  it('retries a 500', async () => {
    receiver.failFirst(1, '500');
    const outcome = await deliver(slack(), kudos, ctx);
    expect(outcome).toEqual({
      kind: 'retry',
      reason: 'Slack had a problem (HTTP 500, rollup_error). Kept will try again.',
    });
    expect(receiver.delivered.size).toBe(0);
    expect(await deliver(slack(), kudos, ctx)).toEqual({ kind: 'sent' });
  });

  it('retries a 429 after the Retry-After it was given', async () => {
    receiver.failFirst(1, '429', { retryAfterSeconds: 7 });
    const outcome = await deliver(slack(), kudos, ctx);
    expect(outcome).toMatchObject({ kind: 'retry', retryAfterMs: 7000 });
    expectNoCredentials(outcome);
  });

  it('waits for a slow answer that comes within the timeout', async () => {
    receiver.failFirst(1, 'slow', { slowMs: 150 });
    expect(await deliver(slack(), kudos, ctx, { timeoutMs: 3000 })).toEqual({ kind: 'sent' });
    expect(receiver.delivered.get('kudos-0001')).toBe(1);
  });

  it('gives up on an attempt that hangs when the timeout fires, to retry later', async () => {
    receiver.failFirst(1, 'hang');
    const started = Date.now();
    const outcome = await deliver(slack(), kudos, ctx, { timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(outcome).toEqual({ kind: 'retry', reason: 'Could not reach 127.0.0.1: no answer within 0.3 s.' });
  });

  it('knows, without waiting out a slow answer, that a request whose sender gave up was never accepted', async () => {
    receiver.failFirst(1, 'slow', { slowMs: 5000 });
    const started = Date.now();
    expect(await deliver(slack(), kudos, ctx, { timeoutMs: 200 })).toMatchObject({ kind: 'retry' });
    await receiver.answered();
    expect(Date.now() - started).toBeLessThan(4000);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.delivered.size).toBe(0);
  });

  it('retries when the connection is dropped before an answer', async () => {
    receiver.failFirst(1, 'refuse');
    const outcome = await deliver(slack(), kudos, ctx);
    expect(outcome).toEqual({
      kind: 'retry',
      reason: 'Could not reach 127.0.0.1: the connection was closed before an answer came.',
    });
  });

  it('retries when the connection closes in the middle of the answer (it may have landed)', async () => {
    receiver.failFirst(1, 'close-mid-response');
    const outcome = await deliver(slack(), kudos, ctx);
    expect(outcome).toEqual({
      kind: 'retry',
      reason: 'Could not reach 127.0.0.1: the connection closed in the middle of the answer.',
    });
    expect(receiver.delivered.size).toBe(0);
  });

  it('retries when nothing listens: connection refused', async () => {
    const gone = await startWebhookReceiver();
    const url = `${gone.url}${PATH}`;
    await gone.close();
    const outcome = await deliver({ kind: 'slack', url }, kudos, ctx);
    expect(outcome).toEqual({ kind: 'retry', reason: 'Could not reach 127.0.0.1: connection refused.' });
  });

  it('fails at once when Slack says the webhook was revoked or the payload is invalid', async () => {
    receiver.failFirst(1, 'no_service');
    const revoked = await deliver(slack(), kudos, ctx);
    expect(revoked).toEqual({
      kind: 'permanent',
      reason: 'Slack says the webhook was revoked (no_service). Ask your admin for a new URL.',
    });
    receiver.failFirst(1, 'invalid_payload');
    expect(await deliver(slack(), kudos, ctx)).toMatchObject({
      kind: 'permanent',
      reason: expect.stringContaining('invalid_payload'),
    });
  });

  it('never shows the URL path or the secret in any reason', async () => {
    const target = { kind: 'webhook' as const, url: `${receiver.url}${PATH}?sig=s3cr3t`, secret: SECRET };
    for (const mode of [
      '500',
      '429',
      'hang',
      'refuse',
      'close-mid-response',
      'no_service',
      'invalid_payload',
    ] as const) {
      receiver.failFirst(1, mode);
      const outcome = await deliver(target, kudos, ctx, { timeoutMs: 300 });
      expect(outcome.kind).not.toBe('sent');
      expectNoCredentials(outcome);
    }
  });

  it('turns a browser-style network failure and a bad address into outcomes, never exceptions', async () => {
    const offline = (async () => {
      throw new TypeError(`Failed to fetch ${receiver.url}${PATH}`);
    }) as typeof fetch;
    const outcome = await deliver(slack(), kudos, ctx, { fetch: offline });
    expect(outcome).toEqual({
      kind: 'retry',
      reason: 'Could not reach 127.0.0.1: network error (offline, blocked, or the host is down).',
    });
    expect(await deliver({ kind: 'slack', url: 'not a url' }, kudos, ctx)).toMatchObject({ kind: 'permanent' });
  });
});

describe('the receiver itself', () => {
  it('can be steered and read by another process over HTTP', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const fail = await fetch(`${receiver.url}/__receiver/fail`, {
        method: 'POST',
        body: JSON.stringify({ n: 1, mode: '429', retryAfterSeconds: 3 }),
      });
      expect(fail.status).toBe(200);
      const first = await fetch(`${receiver.url}/hook`, { method: 'POST', headers: { 'idempotency-key': 'a' } });
      expect([first.status, first.headers.get('retry-after')]).toEqual([429, '3']);
      const second = await fetch(`${receiver.url}/hook`, { method: 'POST', headers: { 'idempotency-key': 'a' } });
      expect([second.status, await second.text()]).toEqual([200, 'ok']);
      const state = (await (await fetch(`${receiver.url}/__receiver/received`)).json()) as {
        received: unknown[];
        delivered: Record<string, number>;
      };
      expect(state.received).toHaveLength(2);
      expect(state.delivered).toEqual({ a: 1 });
      const bad = await fetch(`${receiver.url}/__receiver/fail`, { method: 'POST', body: '{"n":1,"mode":"boom"}' });
      expect(bad.status).toBe(400);
    } finally {
      await receiver.close();
    }
  });

  it('serves HTTPS with a certificate for hooks.slack.com', async () => {
    const receiver = await startWebhookReceiver({ tls: true });
    try {
      expect(receiver.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      // Trust only this certificate and check the name, as a browser mapping hooks.slack.com to 127.0.0.1 would.
      const status = await new Promise<number>((resolve, reject) => {
        const req = https.request(
          {
            host: '127.0.0.1',
            port: receiver.port,
            path: '/services/T/B/X',
            method: 'POST',
            servername: 'hooks.slack.com',
            ca: receiver.cert,
            headers: { 'content-type': 'application/json', 'idempotency-key': 'tls-1' },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end('{"text":"hi"}');
      });
      expect(status).toBe(200);
      expect(receiver.delivered.get('tls-1')).toBe(1);
    } finally {
      await receiver.close();
    }
  });
});

// Delivery channels for kudos: the message each channel gets (pure builders), the request, and what an answer means.
// One `deliver` call makes one attempt; retries, leases and state live in ./outbox.ts. Feedback on the playbook
// (utils/feedback/delivery.ts) builds its own messages from the parts exported here and is sent the same way.

import * as z from 'zod/mini';
import { i18n } from '#i18n';
import { isRedirect } from '../history/token';
import { type DeliveryTarget, type Kudos, KudosCase, KudosRecipient } from '../schemas';
import { text } from '../schemas/common';

/** What the rep's side knows that the kudos row only holds as ids. */
export interface KudosContext {
  promiseTitle?: string;
  behaviourText?: string;
  fromName: string;
}

export type DeliveryOutcome =
  | { kind: 'sent' }
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  | { kind: 'permanent'; reason: string };

export type ChannelTarget = Exclude<DeliveryTarget, { kind: 'kept' }>;
export type ChannelKind = ChannelTarget['kind'];

/** One attempt waits this long for a complete answer (Chrome stops a worker whose fetch takes over 30 s). */
export const DELIVERY_TIMEOUT_MS = 20_000;
/** Teams Workflows refuses messages over about 28 KB; stay under it with room for the wrapper's own headers. */
export const TEAMS_MAX_BYTES = 27_000;
/** Slack refuses a `section` whose text is longer than this. */
export const SLACK_SECTION_MAX = 3000;
export const SLACK_HEADER_MAX = 150;

// ---------- shared ----------

/** At most `max` UTF-16 units, ending in "…" when shortened, never splitting a surrogate pair. */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const head = value.slice(0, Math.max(0, Math.floor(max) - 1));
  return `${/[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head}…`;
}

const helpdeskName = (id: string): string => (id ? id.charAt(0).toUpperCase() + id.slice(1) : 'Helpdesk');
export const caseLabel = (c: Pick<KudosCase, 'helpdesk' | 'ticketId'>): string =>
  `${helpdeskName(c.helpdesk)} #${c.ticketId}`;
const senderOf = (kudos: Kudos, ctx: KudosContext): string => ctx.fromName.trim() || kudos.from.name;
const recipientOf = (kudos: Kudos): string =>
  kudos.to.kind === 'person' && kudos.to.team ? `${kudos.to.name} (${kudos.to.team})` : kudos.to.name;
const promiseTitleOf = (kudos: Kudos, ctx: KudosContext): string | undefined =>
  kudos.promiseId ? ctx.promiseTitle?.trim() || kudos.promiseId : undefined;
const behaviourTextOf = (kudos: Kudos, ctx: KudosContext): string | undefined =>
  kudos.behaviourId ? ctx.behaviourText?.trim() || kudos.behaviourId : undefined;
const utf8Length = (value: string): number => new TextEncoder().encode(value).length;

// ---------- Slack (Block Kit, incoming webhook) ----------

/** Slack's mrkdwn needs only these three escaped; escaping `<` also stops pasted `<!channel>` mentions. */
export const slackEscape = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const slackLink = (url: string, label: string): string =>
  `<${slackEscape(url.replace(/[|<> ]/g, (c) => encodeURIComponent(c)))}|${slackEscape(label.replace(/\|/g, '¦'))}>`;

/** Splits escaped text into pieces Slack accepts as section text, never inside an entity or a surrogate pair. */
export function slackChunks(raw: string, max = SLACK_SECTION_MAX): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const char of raw) {
    const piece = slackEscape(char);
    if (current.length + piece.length > max) {
      chunks.push(current);
      current = '';
    }
    current += piece;
  }
  if (current) chunks.push(current);
  return chunks;
}

export const mrkdwnSection = (value: string) => ({ type: 'section', text: { type: 'mrkdwn', text: value } });

/** Block Kit for a Slack incoming webhook: who → whom, the message, the promise, the customer's words, the case. */
export function slackMessage(kudos: Kudos, ctx: KudosContext): object {
  const from = senderOf(kudos, ctx);
  const to = recipientOf(kudos);
  const promise = promiseTitleOf(kudos, ctx);
  const behaviour = behaviourTextOf(kudos, ctx);
  const blocks: object[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(`🎉 Kudos for ${kudos.to.name}`, SLACK_HEADER_MAX) } },
    mrkdwnSection(clip(`*${slackEscape(from)}* → *${slackEscape(to)}*`, SLACK_SECTION_MAX)),
    ...slackChunks(kudos.message).map(mrkdwnSection),
  ];
  const kept = [
    promise ? `*Promise kept:* ${slackEscape(promise)}` : '',
    behaviour ? `*Behaviour:* ${slackEscape(behaviour)}` : '',
  ].filter(Boolean);
  if (kept.length) blocks.push(mrkdwnSection(clip(kept.join('\n'), SLACK_SECTION_MAX)));
  if (kudos.quote) {
    blocks.push({
      type: 'rich_text',
      elements: [{ type: 'rich_text_quote', elements: [{ type: 'text', text: kudos.quote }] }],
    });
  }
  const context = [kudos.case ? slackLink(kudos.case.url, caseLabel(kudos.case)) : '', 'Sent with Kept'];
  if (kudos.case?.subject) context.splice(1, 0, slackEscape(kudos.case.subject));
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: clip(context.filter(Boolean).join(' · '), SLACK_SECTION_MAX) }],
  });

  // The notification and the text shown where blocks cannot be: everything that matters, in one line each.
  const fallback = [
    `🎉 ${slackEscape(from)} → ${slackEscape(to)}: ${slackEscape(kudos.message)}`,
    promise ? `Promise kept: ${slackEscape(promise)}` : '',
    kudos.quote ? `Customer: “${slackEscape(kudos.quote)}”` : '',
    kudos.case ? `Case: ${slackLink(kudos.case.url, caseLabel(kudos.case))}` : '',
  ].filter(Boolean);
  return { text: fallback.join('\n'), blocks };
}

// ---------- Microsoft Teams (Workflows webhook, Adaptive Card) ----------

// Rep- and customer-written text goes into TextRuns, which Adaptive Cards never read as markdown, so a quote
// holding "[click](https://…)" stays text.
export const run = (value: string, style: Record<string, unknown> = {}) => ({ type: 'TextRun', text: value, ...style });
export const richText = (...inlines: object[]) => ({ type: 'RichTextBlock', inlines });

function teamsCard(kudos: Kudos, ctx: KudosContext): object {
  const promise = promiseTitleOf(kudos, ctx);
  const behaviour = behaviourTextOf(kudos, ctx);
  const body: object[] = [
    richText(run(`🎉 Kudos for ${kudos.to.name}`, { size: 'Large', weight: 'Bolder' })),
    richText(
      run(senderOf(kudos, ctx), { weight: 'Bolder' }),
      run(' → '),
      run(recipientOf(kudos), { weight: 'Bolder' }),
    ),
    richText(run(kudos.message)),
  ];
  if (promise) body.push(richText(run('Promise kept: ', { weight: 'Bolder' }), run(promise)));
  if (behaviour) body.push(richText(run('Behaviour: ', { weight: 'Bolder' }), run(behaviour)));
  if (kudos.quote) {
    body.push({ type: 'Container', style: 'emphasis', items: [richText(run(`“${kudos.quote}”`, { italic: true }))] });
  }
  const actions: object[] = [];
  if (kudos.case) {
    const open = { type: 'Action.OpenUrl', title: 'Open the case', url: kudos.case.url };
    body.push(
      richText(
        run(caseLabel(kudos.case), { color: 'Accent', selectAction: open }),
        ...(kudos.case.subject ? [run(` · ${kudos.case.subject}`, { isSubtle: true })] : []),
      ),
    );
    actions.push(open);
  }
  body.push(richText(run('Sent with Kept', { isSubtle: true, size: 'Small' })));
  return adaptiveCard(body, actions);
}

/** An Adaptive Card's body and actions in the message a Teams Workflows webhook takes. */
export function adaptiveCard(body: object[], actions: object[]): object {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body,
          ...(actions.length ? { actions } : {}),
          msteams: { width: 'Full' },
        },
      },
    ],
  };
}

/** An Adaptive Card in the Workflows wrapper; long quotes and messages are shortened to stay under ~28 KB. */
export function teamsMessage(kudos: Kudos, ctx: KudosContext): object {
  let shortened = kudos;
  for (let round = 0; round < 12; round++) {
    const card = teamsCard(shortened, ctx);
    if (utf8Length(JSON.stringify(card)) <= TEAMS_MAX_BYTES) return card;
    const quote = shortened.quote;
    shortened = {
      ...shortened,
      quote: quote && quote.length > 200 ? clip(quote, Math.floor(quote.length * 0.6)) : quote,
      message:
        quote && quote.length > 200
          ? shortened.message
          : clip(shortened.message, Math.floor(shortened.message.length * 0.7)),
    };
  }
  return teamsCard(shortened, ctx);
}

// ---------- Generic webhook ----------

/**
 * The body Kept POSTs to a generic webhook, schema `kept.kudos/v1`. JSON, UTF-8; absent fields are left out, never
 * null. The same kudos always produces the same body, so a retry is byte-identical to the first attempt.
 *
 * - `schema`: always "kept.kudos/v1". A breaking change gets a new name.
 * - `id`: the kudos id; also sent as the `Idempotency-Key` header. A receiver may see the same id more than once
 *   (Kept retries when it cannot tell whether an attempt landed) and should keep the first.
 * - `createdAt`: when the rep wrote it, ISO 8601 UTC.
 * - `from`: `{ name, email? }`, the rep.
 * - `to`: `{ kind: "person" | "team", name, email?, team? }`.
 * - `promise`: `{ id, title }`, the brand promise it honours (title as the rep's playbook had it, else the id).
 * - `behaviour`: `{ id, text }`, the behaviour it honours (same fallback).
 * - `message`: the rep's words, up to 4,000 characters.
 * - `quote`: the customer's words as the rep chose to send them (masked unless the rep unmasked them).
 * - `case`: `{ helpdesk, ticketId, url, subject? }`. Never the customer's email.
 *
 * Headers: `Content-Type: application/json; charset=utf-8`, `Idempotency-Key: <id>`, and when a secret is set
 * `X-Kept-Timestamp: <unix seconds of this attempt>` and `X-Kept-Signature: sha256=<hex HMAC-SHA256(secret, body)>`
 * over the exact bytes of the body. Answer 2xx to accept; 429/5xx/408 are retried for up to 24 h (Retry-After is
 * honoured up to 1 h); any other 4xx fails the kudos at once.
 */
export const WebhookBodyV1 = z.object({
  schema: z.literal('kept.kudos/v1'),
  id: text(64),
  createdAt: z.iso.datetime(),
  from: z.object({ name: text(200), email: z.optional(text(320)) }),
  to: KudosRecipient,
  promise: z.optional(z.object({ id: text(100), title: text(300) })),
  behaviour: z.optional(z.object({ id: text(100), text: text(1000) })),
  message: text(4000).check(z.minLength(1)),
  quote: z.optional(text(2000)),
  case: z.optional(KudosCase),
});
export type WebhookBodyV1 = z.infer<typeof WebhookBodyV1>;

export function webhookBody(kudos: Kudos, ctx: KudosContext): WebhookBodyV1 {
  const promise = promiseTitleOf(kudos, ctx);
  const behaviour = behaviourTextOf(kudos, ctx);
  const { name, email } = kudos.from;
  const { kind, name: toName, email: toEmail, team } = kudos.to;
  return {
    schema: 'kept.kudos/v1',
    id: kudos.id,
    createdAt: new Date(kudos.createdAt).toISOString(),
    from: { name: clip(senderOf(kudos, ctx) || name, 200), ...(email ? { email } : {}) },
    to: { kind, name: toName, ...(toEmail ? { email: toEmail } : {}), ...(team ? { team } : {}) },
    ...(kudos.promiseId && promise ? { promise: { id: kudos.promiseId, title: clip(promise, 300) } } : {}),
    ...(kudos.behaviourId && behaviour ? { behaviour: { id: kudos.behaviourId, text: clip(behaviour, 1000) } } : {}),
    message: kudos.message,
    ...(kudos.quote ? { quote: kudos.quote } : {}),
    ...(kudos.case
      ? {
          case: {
            helpdesk: kudos.case.helpdesk,
            ticketId: kudos.case.ticketId,
            url: kudos.case.url,
            ...(kudos.case.subject ? { subject: kudos.case.subject } : {}),
          },
        }
      : {}),
  };
}

// ---------- the request ----------

async function hmacSha256Hex(secret: string, body: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(body)));
  return Array.from(signature, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The POST of one message to a channel, signed when the webhook has a secret; `id` is its Idempotency-Key. */
export async function channelRequest(
  target: ChannelTarget,
  id: string,
  payload: object,
  now: number,
): Promise<{ url: string; init: RequestInit }> {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json; charset=utf-8',
    'Idempotency-Key': id,
  };
  if (target.kind === 'webhook' && target.secret) {
    headers['X-Kept-Timestamp'] = String(Math.floor(now / 1000));
    headers['X-Kept-Signature'] = `sha256=${await hmacSha256Hex(target.secret, body)}`;
  }
  return { url: target.url, init: { method: 'POST', headers, body } };
}

/** The POST for one attempt. `now` only sets `X-Kept-Timestamp`; the body does not depend on it. */
export function buildRequest(
  target: ChannelTarget,
  kudos: Kudos,
  ctx: KudosContext,
  now: number = Date.now(),
): Promise<{ url: string; init: RequestInit }> {
  const payload =
    target.kind === 'slack'
      ? slackMessage(kudos, ctx)
      : target.kind === 'teams'
        ? teamsMessage(kudos, ctx)
        : webhookBody(kudos, ctx);
  return channelRequest(target, kudos.id, payload, now);
}

// ---------- what an answer means ----------

/** `Retry-After` as seconds or an HTTP date, in milliseconds from `now`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** Slack's error bodies that no retry can fix, each with its message in the rep's words. */
const SLACK_PERMANENT = {
  invalid_payload: 'options.delivery.reason.slack.invalidPayload',
  no_service: 'options.delivery.reason.slack.noService',
  channel_not_found: 'options.delivery.reason.slack.channelNotFound',
  channel_is_archived: 'options.delivery.reason.slack.channelArchived',
  action_prohibited: 'options.delivery.reason.slack.actionProhibited',
  user_not_found: 'options.delivery.reason.slack.userNotFound',
  invalid_token: 'options.delivery.reason.slack.invalidToken',
  no_team: 'options.delivery.reason.slack.noTeam',
  team_disabled: 'options.delivery.reason.slack.teamDisabled',
  posting_to_general_channel_denied: 'options.delivery.reason.slack.generalDenied',
  invalid_blocks: 'options.delivery.reason.slack.invalidBlocks',
  invalid_blocks_format: 'options.delivery.reason.slack.invalidBlocks',
  too_many_attachments: 'options.delivery.reason.slack.tooManyAttachments',
  no_text: 'options.delivery.reason.slack.noText',
} as const;

/** Slack's message for an error body no retry can fix, or undefined for any other body. */
function slackPermanent(code: string): string | undefined {
  return Object.hasOwn(SLACK_PERMANENT, code)
    ? i18n.t(SLACK_PERMANENT[code as keyof typeof SLACK_PERMANENT], { code })
    : undefined;
}

/** The receiver as a sentence starts with it. */
const channelName = (kind: ChannelKind): string =>
  kind === 'webhook' ? i18n.t('options.delivery.reason.theWebhook') : kind === 'slack' ? 'Slack' : 'Teams';

/** What Kept delivers, as a reason names it. */
export type Delivered = 'kudos' | 'feedback';

/** What one HTTP answer means: sent, worth another try later, or never going to work. */
export function classifyResponse(
  kind: ChannelKind,
  status: number,
  body: string,
  retryAfter: string | null,
  now: number,
  what: Delivered = 'kudos',
): DeliveryOutcome {
  const name = channelName(kind);
  const reason = 'options.delivery.reason';
  const code = body.trim().slice(0, 100);
  const wait = retryAfterMs(retryAfter, now);
  const retry = (reason: string): DeliveryOutcome => ({
    kind: 'retry',
    reason,
    ...(wait === undefined ? {} : { retryAfterMs: wait }),
  });
  const permanent = (reason: string): DeliveryOutcome => ({ kind: 'permanent', reason });
  const slackCode = kind === 'slack' && /^[a-z_]{2,60}$/.test(code) && code !== 'ok' ? `, ${code}` : '';

  if (status >= 200 && status < 300) {
    const slackError = kind === 'slack' ? slackPermanent(code) : undefined;
    if (slackError) return permanent(slackError);
    // A Teams connector that is being throttled still answers 200, with the real status in the body.
    if (kind === 'teams' && /HTTP error 429/i.test(body)) {
      return retry(i18n.t(`${reason}.teamsThrottled`));
    }
    return { kind: 'sent' };
  }
  // The status as the reasons show it, with Slack's error code when it gave one.
  const http = `${status}${slackCode}`;
  if (status === 429) return retry(i18n.t(`${reason}.slowDown`, { name }));
  if (status === 408) return retry(i18n.t(`${reason}.timedOut.${what}`, { name }));
  if (status >= 500) return retry(i18n.t(`${reason}.serverProblem`, { name, http }));

  const slackError = kind === 'slack' ? slackPermanent(code) : undefined;
  if (slackError) return permanent(slackError);
  switch (status) {
    case 400:
      return permanent(i18n.t(`${reason}.malformed.${what}`, { name, http }));
    case 401:
    case 403:
      return permanent(
        kind === 'webhook'
          ? i18n.t(`${reason}.webhookCredentials.${what}`, { http })
          : i18n.t(`${reason}.credentials`, { name, http }),
      );
    case 404:
      return permanent(i18n.t(`${reason}.unknownAddress`, { name, http }));
    case 410:
      return permanent(i18n.t(`${reason}.gone`, { name, http }));
    case 413:
      return permanent(
        i18n.t(`${reason}.tooLarge.${what}`, {
          target: kind === 'webhook' ? i18n.t(`${reason}.toTheWebhook`) : name,
        }),
      );
  }
  if (status >= 400) return permanent(i18n.t(`${reason}.refused.${what}`, { name, http }));
  return permanent(i18n.t(`${reason}.notUnderstood`, { name, http: String(status) }));
}

// ---------- one attempt ----------

const NETWORK_CODES = [
  [/^ECONNREFUSED$/, 'refused'],
  [/^(ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED)$/, 'closed'],
  [/^(ENOTFOUND|EAI_AGAIN)$/, 'noHost'],
  [/^(ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT)$/, 'timedOut'],
  [/^(ENETUNREACH|EHOSTUNREACH|ENETDOWN)$/, 'unreachable'],
  [/CERT|SELF_SIGNED|TLS|SSL/, 'untrusted'],
] as const;

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string') codes.push(code);
    current = cause;
  }
  return codes;
}

/** A short, credential-free description of why a fetch failed (error messages can hold the URL: never shown). */
function networkReason(error: unknown, timeoutMs: number, duringBody: boolean): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const network = 'options.delivery.reason.network';
  if (name === 'TimeoutError') {
    const seconds = Math.round(timeoutMs / 100) / 10;
    return i18n.t(duringBody ? `${network}.noCompleteAnswer` : `${network}.noAnswer`, { seconds });
  }
  if (name === 'AbortError') return i18n.t(`${network}.cancelled`);
  if (duringBody) return i18n.t(`${network}.closedMidAnswer`);
  for (const code of errorCodes(error)) {
    for (const [pattern, reason] of NETWORK_CODES) if (pattern.test(code)) return i18n.t(`${network}.${reason}`);
  }
  return i18n.t(`${network}.other`);
}

function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}

/** Answers longer than this are not needed to classify them. */
const MAX_BODY_CHARS = 4096;

export interface AttemptOptions {
  /** What is sent, for the reasons' words (default kudos). */
  what?: Delivered;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
}

/** One delivery attempt of a kudos; see `attemptRequest`. */
export function deliver(
  target: ChannelTarget,
  kudos: Kudos,
  ctx: KudosContext,
  options: AttemptOptions = {},
): Promise<DeliveryOutcome> {
  return attemptRequest(target, (now) => buildRequest(target, kudos, ctx, now), options);
}

/**
 * One delivery attempt of the request `build` makes for `target`. Whatever the network or the receiver does comes
 * back as an outcome, never an exception, and no outcome's reason holds the URL or the secret (both are
 * credentials), only the host.
 */
export async function attemptRequest(
  target: ChannelTarget,
  build: (now: number) => Promise<{ url: string; init: RequestInit }>,
  options: AttemptOptions = {},
): Promise<DeliveryOutcome> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const host = hostOf(target.url);
  if (!host) return { kind: 'permanent', reason: i18n.t('options.delivery.reason.badAddress') };

  const request = await build(now());
  let response: Response;
  try {
    // Never followed: a redirect would take the kudos (and a signed body) to another address than the configured one.
    response = await doFetch(request.url, {
      ...request.init,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const why = networkReason(error, timeoutMs, false);
    return { kind: 'retry', reason: i18n.t('options.delivery.reason.unreachable', { host, why }) };
  }
  if (isRedirect(response)) {
    return {
      kind: 'permanent',
      reason: i18n.t('options.delivery.reason.redirect', { host }),
    };
  }
  let body: string;
  try {
    body = (await response.text()).slice(0, MAX_BODY_CHARS);
  } catch (error) {
    // The kudos may have landed: retry, and let the Idempotency-Key keep it from showing twice.
    const why = networkReason(error, timeoutMs, true);
    return { kind: 'retry', reason: i18n.t('options.delivery.reason.unreachable', { host, why }) };
  }
  const retryAfter = response.headers.get('retry-after');
  return classifyResponse(target.kind, response.status, body, retryAfter, now(), options.what);
}

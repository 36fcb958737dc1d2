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

/** Slack's error bodies that no retry can fix, in the rep's words. */
const SLACK_PERMANENT = new Map<string, () => string>([
  ['invalid_payload', () => i18n.t('reasons.slack.invalidPayload')],
  ['no_service', () => i18n.t('reasons.slack.noService')],
  ['channel_not_found', () => i18n.t('reasons.slack.channelNotFound')],
  ['channel_is_archived', () => i18n.t('reasons.slack.channelIsArchived')],
  ['action_prohibited', () => i18n.t('reasons.slack.actionProhibited')],
  ['user_not_found', () => i18n.t('reasons.slack.userNotFound')],
  ['invalid_token', () => i18n.t('reasons.slack.invalidToken')],
  ['no_team', () => i18n.t('reasons.slack.noTeam')],
  ['team_disabled', () => i18n.t('reasons.slack.teamDisabled')],
  ['posting_to_general_channel_denied', () => i18n.t('reasons.slack.generalChannelDenied')],
  ['invalid_blocks', () => i18n.t('reasons.slack.invalidBlocks')],
  ['invalid_blocks_format', () => i18n.t('reasons.slack.invalidBlocksFormat')],
  ['too_many_attachments', () => i18n.t('reasons.slack.tooManyAttachments')],
  ['no_text', () => i18n.t('reasons.slack.noText')],
]);

/** What Kept delivers, as a reason names it. */
export type Delivered = 'kudos' | 'feedback';

/** The reasons that name what was delivered, one message each for kudos and feedback: languages inflect the noun. */
const ABOUT = {
  kudos: {
    timeout: (name: string) => i18n.t('reasons.http.timeout.kudos', { name }),
    malformed: (name: string, status: string) => i18n.t('reasons.http.malformed.kudos', { name, status }),
    credentials: (status: string) => i18n.t('reasons.http.webhookCredentials.kudos', { status }),
    tooLarge: (name: string) => i18n.t('reasons.http.tooLarge.kudos', { name }),
    refused: (name: string, status: string) => i18n.t('reasons.http.refused.kudos', { name, status }),
  },
  feedback: {
    timeout: (name: string) => i18n.t('reasons.http.timeout.feedback', { name }),
    malformed: (name: string, status: string) => i18n.t('reasons.http.malformed.feedback', { name, status }),
    credentials: (status: string) => i18n.t('reasons.http.webhookCredentials.feedback', { status }),
    tooLarge: (name: string) => i18n.t('reasons.http.tooLarge.feedback', { name }),
    refused: (name: string, status: string) => i18n.t('reasons.http.refused.feedback', { name, status }),
  },
} satisfies Record<Delivered, object>;

/** The channel as the subject of a reason; Slack and Teams are names in every language. */
const channelName = (kind: ChannelKind): string =>
  kind === 'webhook' ? i18n.t('reasons.http.theWebhook') : kind === 'slack' ? 'Slack' : 'Teams';

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
  const about = ABOUT[what];
  const code = body.trim().slice(0, 100);
  const wait = retryAfterMs(retryAfter, now);
  const retry = (reason: string): DeliveryOutcome => ({
    kind: 'retry',
    reason,
    ...(wait === undefined ? {} : { retryAfterMs: wait }),
  });
  const permanent = (reason: string): DeliveryOutcome => ({ kind: 'permanent', reason });
  // The status as reasons show it, with Slack's error code when it sent one: "500, rollup_error".
  const shown = `${status}${kind === 'slack' && /^[a-z_]{2,60}$/.test(code) && code !== 'ok' ? `, ${code}` : ''}`;
  const slackError = kind === 'slack' ? SLACK_PERMANENT.get(code) : undefined;

  if (status >= 200 && status < 300) {
    if (slackError) return permanent(slackError());
    // A Teams connector that is being throttled still answers 200, with the real status in the body.
    if (kind === 'teams' && /HTTP error 429/i.test(body)) return retry(i18n.t('reasons.http.teamsThrottled'));
    return { kind: 'sent' };
  }
  if (status === 429) return retry(i18n.t('reasons.http.slowDown', { name }));
  if (status === 408) return retry(about.timeout(name));
  if (status >= 500) return retry(i18n.t('reasons.http.serverProblem', { name, status: shown }));

  if (slackError) return permanent(slackError());
  switch (status) {
    case 400:
      return permanent(about.malformed(name, shown));
    case 401:
    case 403:
      return permanent(
        kind === 'webhook'
          ? about.credentials(String(status))
          : i18n.t('reasons.http.credentials', { name, status: shown }),
      );
    case 404:
      return permanent(i18n.t('reasons.http.notFound', { name, status: shown }));
    case 410:
      return permanent(i18n.t('reasons.http.gone', { name, status: shown }));
    case 413:
      return permanent(about.tooLarge(kind === 'webhook' ? i18n.t('reasons.http.webhookLower') : name));
  }
  if (status >= 400) return permanent(about.refused(name, shown));
  return permanent(i18n.t('reasons.http.notUnderstood', { name, status: String(status) }));
}

// ---------- one attempt ----------

const NETWORK_CODES: Array<[RegExp, () => string]> = [
  [/^ECONNREFUSED$/, () => i18n.t('reasons.network.refused')],
  [/^(ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED)$/, () => i18n.t('reasons.network.closed')],
  [/^(ENOTFOUND|EAI_AGAIN)$/, () => i18n.t('reasons.network.hostNotFound')],
  [
    /^(ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT)$/,
    () => i18n.t('reasons.network.timedOut'),
  ],
  [/^(ENETUNREACH|EHOSTUNREACH|ENETDOWN)$/, () => i18n.t('reasons.network.unreachable')],
  [/CERT|SELF_SIGNED|TLS|SSL/, () => i18n.t('reasons.network.untrusted')],
];

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
  if (name === 'TimeoutError') {
    const seconds = Math.round(timeoutMs / 100) / 10;
    return duringBody
      ? i18n.t('reasons.network.noCompleteAnswer', { seconds })
      : i18n.t('reasons.network.noAnswer', { seconds });
  }
  if (name === 'AbortError') return i18n.t('reasons.network.cancelled');
  if (duringBody) return i18n.t('reasons.network.closedMidAnswer');
  for (const code of errorCodes(error)) {
    for (const [pattern, reason] of NETWORK_CODES) if (pattern.test(code)) return reason();
  }
  return i18n.t('reasons.network.other');
}

/** "Could not reach hooks.slack.com: connection refused." */
export const couldNotReach = (host: string, reason: string): string =>
  i18n.t('reasons.network.couldNotReach', { host, reason });

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
  if (!host) return { kind: 'permanent', reason: i18n.t('reasons.network.notWebAddress') };

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
    return { kind: 'retry', reason: couldNotReach(host, networkReason(error, timeoutMs, false)) };
  }
  if (isRedirect(response)) {
    return { kind: 'permanent', reason: i18n.t('reasons.network.redirect', { host }) };
  }
  let body: string;
  try {
    body = (await response.text()).slice(0, MAX_BODY_CHARS);
  } catch (error) {
    // The kudos may have landed: retry, and let the Idempotency-Key keep it from showing twice.
    return { kind: 'retry', reason: couldNotReach(host, networkReason(error, timeoutMs, true)) };
  }
  const retryAfter = response.headers.get('retry-after');
  return classifyResponse(target.kind, response.status, body, retryAfter, now(), options.what);
}

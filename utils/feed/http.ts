// One request to a team feed or the Slack app, whatever happens answered as a value (never an exception), and
// Slack's answers read as delivery outcomes or feed problems.
import type { DeliveryOutcome } from '../kudos/delivery';
import { retryAfterMs } from '../kudos/delivery';
import type { Problem } from '../schemas';
import { SLACK_APP_ERRORS, SlackAnswer } from './slack';

/** Chrome stops a worker whose fetch takes over 30 s. */
export const FEED_TIMEOUT_MS = 20_000;
/** A feed page larger than this is not read. */
const MAX_BODY_CHARS = 5_000_000;

export type Answer =
  | { kind: 'answer'; status: number; headers: Headers; json: unknown }
  | { kind: 'unreachable'; reason: string };

/** The request's answer with its body read as JSON (undefined when it is not JSON or too large). */
export async function request(doFetch: typeof fetch, url: string, init: RequestInit): Promise<Answer> {
  try {
    const response = await doFetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(FEED_TIMEOUT_MS) });
    const body = response.status === 304 ? '' : await response.text();
    let json: unknown;
    try {
      json = body && body.length <= MAX_BODY_CHARS ? JSON.parse(body) : undefined;
    } catch {
      json = undefined;
    }
    return { kind: 'answer', status: response.status, headers: response.headers, json };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return {
      kind: 'unreachable',
      reason: timedOut ? 'no answer within 20 s' : 'offline, blocked, or the host is down',
    };
  }
}

/** Slack's error code in an answer: `ok: false` with its `error`, or null when Slack said ok. */
function slackError(answer: Extract<Answer, { kind: 'answer' }>): string | null {
  const parsed = SlackAnswer.safeParse(answer.json);
  if (!parsed.success) return `http_${answer.status}`;
  return parsed.data.ok ? null : (parsed.data.error ?? 'unknown_error');
}

/** Waits Slack asked for, when it asked (Retry-After, seconds). */
const waitOf = (answer: Extract<Answer, { kind: 'answer' }>, now: number) =>
  retryAfterMs(answer.headers.get('retry-after'), now);

/** What a `chat.postMessage` answer means for the outbox. */
export function postOutcome(answer: Answer, now: number): DeliveryOutcome {
  if (answer.kind === 'unreachable') return { kind: 'retry', reason: `Could not reach Slack: ${answer.reason}.` };
  const error = answer.status >= 500 ? `http_${answer.status}` : slackError(answer);
  if (error === null) return { kind: 'sent' };
  if (answer.status === 429 || error === 'ratelimited') {
    const wait = waitOf(answer, now);
    const reason = 'Slack asked Kept to slow down (ratelimited). Kept will try again.';
    return { kind: 'retry', reason, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
  }
  if (answer.status >= 500)
    return { kind: 'retry', reason: `Slack had a problem (HTTP ${answer.status}). Kept will try again.` };
  return { kind: 'permanent', reason: SLACK_APP_ERRORS[error] ?? `Slack refused the kudos (${error}).` };
}

/** Kept never waits longer than this for a rate-limited feed. */
const MAX_WAIT_MS = 3_600_000;

/** The problem a failed Slack read shows, or null when Slack answered ok. */
export function slackReadProblem(answer: Answer, now: number): Problem | null {
  if (answer.kind === 'unreachable') return { kind: 'network', message: `Could not reach Slack: ${answer.reason}.` };
  if (answer.status === 429) {
    const wait = Math.min(waitOf(answer, now) ?? 60_000, MAX_WAIT_MS);
    return {
      kind: 'rate-limited',
      message: 'Slack asked Kept to slow down (ratelimited). The team feed is read again after the wait.',
      retryAt: now + wait,
    };
  }
  if (answer.status >= 500) return { kind: 'server', message: `Slack had a problem (HTTP ${answer.status}).` };
  const error = slackError(answer);
  if (error === null) return null;
  const channel = error === 'channel_not_found' || error === 'not_in_channel' || error === 'is_archived';
  return {
    kind: channel ? 'not-found' : 'signed-out',
    message: SLACK_APP_ERRORS[error] ?? `Slack refused to read the team feed (${error}).`,
  };
}

/** The problem a failed JSON feed read shows, or null for 2xx and 304. */
export function jsonReadProblem(answer: Answer, now: number): Problem | null {
  if (answer.kind === 'unreachable')
    return { kind: 'network', message: `Could not reach the team feed: ${answer.reason}.` };
  const { status } = answer;
  if ((status >= 200 && status < 300) || status === 304) return null;
  if (status === 429) {
    const wait = Math.min(waitOf(answer, now) ?? 60_000, MAX_WAIT_MS);
    return { kind: 'rate-limited', message: 'The team feed asked Kept to slow down (HTTP 429).', retryAt: now + wait };
  }
  if (status === 401 || status === 403) {
    return { kind: 'signed-out', message: `The team feed refused Kept (HTTP ${status}). Ask your admin.` };
  }
  if (status === 404) return { kind: 'not-found', message: 'The team feed address answers 404. Ask your admin.' };
  return { kind: 'server', message: `The team feed had a problem (HTTP ${status}).` };
}

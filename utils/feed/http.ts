// One request to a team feed or the Slack app, whatever happens answered as a value (never an exception), and
// Slack's answers read as delivery outcomes or feed problems.
import { i18n } from '#i18n';
import { couldNotReach, type DeliveryOutcome, retryAfterMs } from '../kudos/delivery';
import type { Problem } from '../schemas';
import { SlackAnswer, slackAppError } from './slack';

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
      reason: timedOut
        ? i18n.t('reasons.network.noAnswer', { seconds: FEED_TIMEOUT_MS / 1000 })
        : i18n.t('reasons.network.offline'),
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
  if (answer.kind === 'unreachable') return { kind: 'retry', reason: couldNotReach('Slack', answer.reason) };
  const error = answer.status >= 500 ? `http_${answer.status}` : slackError(answer);
  if (error === null) return { kind: 'sent' };
  if (answer.status === 429 || error === 'ratelimited') {
    const wait = waitOf(answer, now);
    const reason = i18n.t('reasons.slackApp.ratelimited');
    return { kind: 'retry', reason, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
  }
  if (answer.status >= 500) {
    return { kind: 'retry', reason: i18n.t('reasons.http.serverProblem', { name: 'Slack', status: answer.status }) };
  }
  return { kind: 'permanent', reason: slackAppError(error) ?? i18n.t('reasons.slackApp.refusedKudos', { error }) };
}

/** Kept never waits longer than this for a rate-limited feed. */
const MAX_WAIT_MS = 3_600_000;

/** The problem a failed Slack read shows, or null when Slack answered ok. */
export function slackReadProblem(answer: Answer, now: number): Problem | null {
  if (answer.kind === 'unreachable') return { kind: 'network', message: couldNotReach('Slack', answer.reason) };
  if (answer.status === 429) {
    const wait = Math.min(waitOf(answer, now) ?? 60_000, MAX_WAIT_MS);
    return {
      kind: 'rate-limited',
      message: i18n.t('reasons.slackApp.readRatelimited'),
      retryAt: now + wait,
    };
  }
  if (answer.status >= 500) {
    return { kind: 'server', message: i18n.t('reasons.slackApp.readServer', { status: answer.status }) };
  }
  const error = slackError(answer);
  if (error === null) return null;
  const channel = error === 'channel_not_found' || error === 'not_in_channel' || error === 'is_archived';
  return {
    kind: channel ? 'not-found' : 'signed-out',
    message: slackAppError(error) ?? i18n.t('reasons.slackApp.readRefused', { error }),
  };
}

/** The problem a failed JSON feed read shows, or null for 2xx and 304. */
export function jsonReadProblem(answer: Answer, now: number): Problem | null {
  if (answer.kind === 'unreachable') {
    return { kind: 'network', message: i18n.t('reasons.feed.couldNotReach', { reason: answer.reason }) };
  }
  const { status } = answer;
  if ((status >= 200 && status < 300) || status === 304) return null;
  if (status === 429) {
    const wait = Math.min(waitOf(answer, now) ?? 60_000, MAX_WAIT_MS);
    return { kind: 'rate-limited', message: i18n.t('reasons.feed.slowDown'), retryAt: now + wait };
  }
  if (status === 401 || status === 403) {
    return { kind: 'signed-out', message: i18n.t('reasons.feed.refused', { status }) };
  }
  if (status === 404) return { kind: 'not-found', message: i18n.t('reasons.feed.notFound') };
  return { kind: 'server', message: i18n.t('reasons.feed.serverProblem', { status }) };
}

import { i18n } from '#i18n';
import { pathOf } from '../helpdesks/payload';
import type { ApiRequest, Auth } from '../helpdesks/types';
import type { HttpReply } from '../messages';
import type { Problem, Result } from '../schemas';

/**
 * Sends a request to a helpdesk API and answers what came back: a same-origin GET through the rep's tab (their
 * session), or a request with an admin's token from the background (utils/history/token.ts). When `signal` aborts
 * (the rep left the ticket), the request is cancelled and the promise rejects with an AbortError.
 */
export type Transport = (request: ApiRequest, signal?: AbortSignal) => Promise<HttpReply>;

/** Work cancelled because the rep left the ticket it was for: not a problem to show anyone. */
export const isAbort = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';

export const abortError = (why: string) => new DOMException(why, 'AbortError');

/** `work`, or its rejection with the signal's reason as soon as `signal` aborts. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** A helpdesk answer larger than this is refused unread: one history page is a few hundred KB at most. */
export const MAX_BODY = 20_000_000;

/** No helpdesk holds a customer's history back longer than this, whatever its `Retry-After` says. */
export const MAX_RETRY_AFTER_MS = 3_600_000;

/** `Retry-After` as seconds or an HTTP date, at most an hour ahead; 30 s when missing or unreadable. */
export function retryAtFrom(header: string | undefined, now: number): number {
  const seconds = Number(header);
  const date = header ? Date.parse(header) : Number.NaN;
  const asked =
    header && Number.isFinite(seconds) && seconds >= 0
      ? now + seconds * 1000
      : Number.isFinite(date) && date > now
        ? date
        : now + 30_000;
  return Math.min(asked, now + MAX_RETRY_AFTER_MS);
}

const SIGNED_OUT = (helpdesk: string) => i18n.t('problem.signedOut', { helpdesk });
const unreachable = (helpdesk: string, reason: string) => i18n.t('problem.unreachable', { helpdesk, reason });

/** What a failed reply means for the rep, or null when the reply can be read. */
export function problemOf(reply: HttpReply, helpdesk: string, now: number, auth: Auth = 'session'): Problem | null {
  const { status } = reply;
  if (status === 0) {
    return { kind: 'network', message: unreachable(helpdesk, reply.body || i18n.t('problem.networkDown')) };
  }
  if (auth === 'token' && (status === 401 || status === 403)) {
    return { kind: 'signed-out', message: i18n.t('problem.tokenRefused', { helpdesk, status }), fixIn: 'helpdesks' };
  }
  if (status === 401 || status === 403 || (status < 400 && reply.contentType.includes('text/html'))) {
    return { kind: 'signed-out', message: SIGNED_OUT(helpdesk) };
  }
  if (status === 429) {
    const retryAt = retryAtFrom(reply.retryAfter, now);
    return { kind: 'rate-limited', message: i18n.t('problem.slowDown', { helpdesk }), retryAt };
  }
  if (status === 404) return { kind: 'not-found', message: i18n.t('problem.notFound', { helpdesk }) };
  if (status >= 500) return { kind: 'server', message: i18n.t('problem.server', { helpdesk, status }) };
  if (status >= 400) return { kind: 'server', message: i18n.t('problem.refused', { helpdesk, status }) };
  return null;
}

/** GETs a JSON document, turning every way it can fail into a Problem; a cancelled request rejects (`isAbort`). */
/**
 * A request path as Kept may log it: without its query, and with anything shaped like an email address masked, since
 * helpdesk APIs look customers up by email in both (`?email=…`, Front's `/contacts/alt:email:…`).
 */
export const loggablePath = (path: string): string => path.split('?')[0]?.replace(/[^/:=]+@[^/]+/g, '[email]') ?? '';

export async function getJson(
  transport: Transport,
  request: ApiRequest,
  helpdesk: string,
  now: () => number,
  auth: Auth = 'session',
): Promise<Result<unknown>> {
  let reply: HttpReply;
  try {
    reply = await transport(request);
  } catch (error) {
    if (isAbort(error)) throw error;
    return { ok: false, error: { kind: 'network', message: unreachable(helpdesk, String(error)) } };
  }
  const problem = problemOf(reply, helpdesk, now(), auth);
  if (problem) return { ok: false, error: problem };
  if (reply.body.length > MAX_BODY) {
    const size = Math.round(reply.body.length / 1_000_000);
    const message = i18n.t('problem.tooLarge', { helpdesk, size, max: MAX_BODY / 1_000_000 });
    return { ok: false, error: { kind: 'malformed', message } };
  }
  if (reply.body.trim() === '') {
    const message = i18n.t('problem.empty', { helpdesk, status: reply.status });
    return { ok: false, error: { kind: 'malformed', message } };
  }
  // A sign-in page served as JSON or plain text (some SSO proxies do): the session is gone, not the data broken.
  if (auth === 'session' && /^\s*<(!doctype html|html|head|body)\b/i.test(reply.body.slice(0, 200))) {
    return { ok: false, error: { kind: 'signed-out', message: SIGNED_OUT(helpdesk) } };
  }
  try {
    return { ok: true, value: JSON.parse(reply.body) };
  } catch {
    console.warn(`[Kept] ${helpdesk} sent invalid JSON for ${loggablePath(pathOf(request))}`);
    return { ok: false, error: { kind: 'malformed', message: i18n.t('problem.unreadable', { helpdesk }) } };
  }
}

import { i18n } from '#i18n';
import { pathOf } from '../helpdesks/payload';
import type { ApiRequest, TokenApi } from '../helpdesks/types';
import type { HttpReply } from '../messages';
import type { HelpdeskToken, TokenCheck } from '../schemas';
import { getJson, isAbort, type Transport } from './http';
import { replyOf, unreachable } from './reply';

// Requests with an admin's API token, made by the background itself (the API's host permission was granted when the
// token was saved). Never with cookies: the token is the only credential, whatever the browser is signed in to.

/** An access token from an OAuth exchange, until a minute before it expires. */
interface Exchanged {
  accessToken: string;
  until: number;
}

/** Exchanged access tokens by credentials, for as long as the worker lives; a restarted worker exchanges again. */
const exchanged = new Map<string, Exchanged>();

const keyOf = (token: HelpdeskToken) => `${token.account ?? ''}\n${token.user ?? ''}\n${token.secret}`;

/** The URL of a request, refused when a full URL in it (a next-page link) leaves the API's origin. */
export function urlOf(origin: string, request: ApiRequest): URL | null {
  try {
    const url = new URL(pathOf(request), origin);
    return url.origin === origin ? url : null;
  } catch {
    return null;
  }
}

/** A redirect not followed: browsers give an opaque answer for it, other runtimes the 3xx itself. */
export const isRedirect = (response: Response): boolean =>
  response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);

function send(
  origin: string,
  request: ApiRequest,
  headers: Record<string, string>,
  fetcher: typeof fetch,
  signal?: AbortSignal,
): Promise<HttpReply> {
  const url = urlOf(origin, request);
  if (!url) return Promise.resolve(unreachable(`Kept refused to send the token outside ${origin}`));
  // A redirect is never followed: it could carry the token, or re-post a client secret, to another origin.
  const init: RequestInit = {
    credentials: 'omit',
    redirect: 'manual',
    headers: { accept: 'application/json', ...headers },
    signal,
  };
  if (typeof request !== 'string' && request.form) {
    init.method = 'POST';
    init.body = new URLSearchParams(request.form);
  } else if (typeof request !== 'string' && request.json !== undefined) {
    init.method = 'POST';
    init.body = JSON.stringify(request.json);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  const answered = (response: Response) =>
    isRedirect(response)
      ? unreachable(`${origin} answered with a redirect, which Kept does not follow`)
      : replyOf(response);
  return fetcher(url, init).then(answered, (error: unknown) => {
    if (isAbort(error)) throw error;
    return unreachable(error);
  });
}

/**
 * The headers of an API request with these credentials, exchanging them for an access token first if need be. When
 * the exchange fails, its reply: the request is then answered with it, so it reads as the same problem.
 */
async function authorise(
  api: TokenApi,
  name: string,
  token: HelpdeskToken,
  fetcher: typeof fetch,
  now: () => number,
): Promise<{ ok: true; headers: Record<string, string> } | { ok: false; reply: HttpReply }> {
  if (!api.exchange) return { ok: true, headers: api.headers(token) };
  const known = exchanged.get(keyOf(token));
  if (known && known.until > now()) return { ok: true, headers: api.headers(token, known.accessToken) };
  const sent = await send(api.origin(token), api.exchange.request(token), {}, fetcher);
  // OAuth servers answer bad client credentials with 400 `invalid_client`: a refused token, not a bad request.
  const reply = sent.status === 400 ? { ...sent, status: 401 } : sent;
  const json = await getJson(async () => reply, pathOf(api.exchange.request(token)), name, now, 'token');
  const granted = json.ok ? api.exchange.parse(json.value) : json;
  if (!granted.ok) {
    // An answer that parsed as JSON but is no token: the helpdesk's problem, not the data Kept was after.
    return { ok: false, reply: json.ok ? { status: 502, contentType: '', body: '' } : reply };
  }
  const { accessToken, expiresInSeconds } = granted.value;
  exchanged.set(keyOf(token), { accessToken, until: now() + Math.max(0, expiresInSeconds - 60) * 1000 });
  return { ok: true, headers: api.headers(token, accessToken) };
}

/** A transport sending requests to the helpdesk's API with the saved token. */
export function tokenTransport(
  api: TokenApi,
  name: string,
  token: HelpdeskToken,
  fetcher: typeof fetch = fetch,
  now: () => number = Date.now,
): Transport {
  const origin = api.origin(token);
  return async (request, signal) => {
    const auth = await authorise(api, name, token, fetcher, now);
    if (!auth.ok) return auth.reply;
    const reply = await send(origin, request, auth.headers, fetcher, signal);
    // An exchanged access token can end before its stated life (revoked, session policy): exchange once more.
    if (reply.status !== 401 || !api.exchange || !exchanged.delete(keyOf(token))) return reply;
    const renewed = await authorise(api, name, token, fetcher, now);
    return renewed.ok ? send(origin, request, renewed.headers, fetcher, signal) : reply;
  };
}

/** Whether the credentials work: one cheap authenticated read. The message is what Options shows. */
export async function checkToken(
  api: TokenApi,
  name: string,
  token: HelpdeskToken,
  fetcher: typeof fetch = fetch,
  now: () => number = Date.now,
): Promise<TokenCheck> {
  const json = await getJson(tokenTransport(api, name, token, fetcher, now), api.checkPath, name, now, 'token');
  return json.ok
    ? { ok: true, at: now(), message: i18n.t('options.token.accepted', { name }) }
    : { ok: false, at: now(), message: json.error.message };
}

import type { HelpdeskPage } from '@/utils/helpdesks/types';
import { replyOf, unreachable } from '@/utils/history/reply';
import type { HttpReply } from '@/utils/messages';
import { LEFT_TICKET } from './messaging';

/** The globals a fetch for the background uses; the content script's own, or a test's. */
export interface FetchScope {
  fetch: typeof fetch;
  /** Firefox only: the page's own window, whose `fetch` sends the request as the page does. */
  content?: { fetch?: typeof fetch };
}

/**
 * Firefox runs content-script fetches as the extension, without the page's Origin and Referer; `content.fetch` makes
 * them as the page (helpdesks.md section 0). Chrome's content-script fetch is the page's already. Called as a method,
 * so each runs with its own window.
 */
export function pageFetch(scope: FetchScope = globalThis): typeof fetch {
  const page = scope.content;
  if (page && typeof page.fetch === 'function') {
    const content = page as { fetch: typeof fetch };
    return (input, init) => content.fetch(input, init);
  }
  return (input, init) => scope.fetch(input, init);
}

interface Where {
  /** The session API of the page's helpdesk: only paths under its prefix are fetched. */
  api: HelpdeskPage['api'];
  /** The page the content script runs in; its origin is the only one fetched. */
  href?: string;
  /** Its window, for adapters' request headers. */
  page?: Window;
  scope?: FetchScope;
  /** Aborted when the rep leaves the ticket the request is for. */
  signal?: AbortSignal;
}

/** A same-origin GET for the background, limited to the helpdesk's API paths. */
export async function fetchForBackground(
  path: string,
  { api, href = location.href, page = window, scope = globalThis, signal }: Where,
): Promise<HttpReply> {
  const origin = new URL(href).origin;
  const url = new URL(path, origin);
  // The prefix is checked on the path as the URL resolves it: `/api/v2/../../x` is `/x`.
  if (!api || url.origin !== origin || !url.pathname.startsWith(api.pathPrefix)) {
    throw new Error(`Refused to fetch ${path}`);
  }
  const extra = (await api.requestHeaders?.(page).catch(() => undefined)) ?? {};
  try {
    if (signal?.aborted) throw signal.reason;
    const response = await pageFetch(scope)(url.href, {
      credentials: 'include',
      headers: { ...extra, accept: 'application/json' },
      signal,
    });
    return await replyOf(response);
  } catch (error) {
    // Said apart from a network failure, so the background drops the lookup rather than report a problem.
    if (signal?.aborted) throw new Error(LEFT_TICKET);
    return unreachable(error);
  }
}

import { createCaseWatcher } from '@/utils/case-watcher';
import { adapterForUrl, adapters } from '@/utils/helpdesks';
import { type HttpReply, listen, send } from '@/utils/messages';
import { createLauncher } from './launcher';

/** Firefox runs content-script fetches as the extension; `content.fetch` makes them as the page, with its cookies. */
const pageFetch: typeof fetch = (globalThis as { content?: { fetch: typeof fetch } }).content?.fetch ?? fetch;

/** A same-origin GET for the background, limited to the helpdesk's API paths. */
async function fetchForBackground(path: string): Promise<HttpReply> {
  const api = adapterForUrl(location.href)?.api;
  if (!api || !path.startsWith(api.pathPrefix)) throw new Error(`Refused to fetch ${path}`);
  try {
    const response = await pageFetch(new URL(path, location.origin).href, {
      credentials: 'include',
      headers: { accept: 'application/json' },
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      retryAfter: response.headers.get('retry-after') ?? undefined,
      body: await response.text(),
    };
  } catch (error) {
    return { status: 0, contentType: '', body: error instanceof Error ? error.message : String(error) };
  }
}

export default defineContentScript({
  matches: adapters.flatMap((a) => a.matches),
  runAt: 'document_idle',
  main(ctx) {
    const launcher = createLauncher(() => void send('panel:open', {}).catch(() => undefined));
    const watcher = createCaseWatcher(document, {
      seen: (page) => void send('case:seen', page).catch(() => undefined),
      none: (url) => void send('case:none', { url }).catch(() => undefined),
    });
    const check = (href: string) => {
      watcher.check(href);
      launcher.toggle(watcher.hasTicket());
    };
    const stopListening = listen({
      'helpdesk:fetch': ({ path }) => fetchForBackground(path),
      // What the rep selected on the ticket, to prefill a kudos' customer quote.
      'helpdesk:selection': () => ({ text: (window.getSelection()?.toString() ?? '').trim().slice(0, 2000) }),
    });
    ctx.onInvalidated(() => {
      stopListening();
      watcher.stop();
      launcher.remove();
    });
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => check(newUrl.href));
    check(location.href);
  },
});

import {
  CUSTOM_RULES_KEY,
  customRuleForUrl,
  findCustomTicket,
  parseRules,
  readCustomPage,
} from '@/utils/helpdesks/custom';
import type { MessageType, RequestOf } from '@/utils/messages';
import { listen, send } from '@/utils/messages';
import type { CustomHelpdeskRule, PageCase } from '@/utils/schemas';
import { createLauncher } from './helpdesk.content/launcher';

// The content script of custom helpdesks. Not in the manifest: the background registers it at run time on the hosts
// of the rules an admin added in Options (utils/helpdesks/custom-rules.ts). Like the helpdesk script it has no React
// and no database; it reads the page with the rule's selectors and reports the case.

const DEBOUNCE_MS = 250;
/** How long to keep re-reading a freshly opened ticket while the helpdesk renders it. */
const SETTLE_MS = 15_000;

/**
 * Sends, and tries again shortly when the background refuses: a background that has just woken up has not read the
 * rules yet, so it does not know this host for a moment.
 */
async function sendSoon<T extends MessageType>(type: T, data: RequestOf<T>, tries = 3): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await send(type, data);
      return;
    } catch {
      if (attempt >= tries) return;
      await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
    }
  }
}

/** One `case:seen` per ticket (again as more of it renders), one `case:none` when the rep leaves tickets. */
function createCustomWatcher(rules: readonly CustomHelpdeskRule[], onChange: (hasTicket: boolean) => void) {
  let last = 'none';
  let observer: MutationObserver | undefined;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let settle: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    observer?.disconnect();
    observer = undefined;
    clearTimeout(debounce);
    clearTimeout(settle);
  };

  const report = (href: string) => {
    const found = findCustomTicket(rules, href);
    const page: PageCase | null = found && { ...found.ref, url: href, ...readCustomPage(document, found.rule) };
    const key = page ? JSON.stringify(page) : 'none';
    if (key === last) return;
    last = key;
    if (page) void sendSoon('case:seen', page);
    else void sendSoon('case:none', { url: href });
    onChange(page !== null);
  };

  const check = (href: string) => {
    stop();
    report(href);
    if (last === 'none' || !document.body) return;
    observer = new MutationObserver(() => {
      clearTimeout(debounce);
      debounce = setTimeout(() => report(href), DEBOUNCE_MS);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    settle = setTimeout(stop, SETTLE_MS);
  };

  return { check, stop };
}

export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  async main(ctx) {
    const stored = await browser.storage.local.get([CUSTOM_RULES_KEY, 'helpdesks']);
    const switches = stored.helpdesks as Record<string, unknown> | undefined;
    // Switched off in Options ("Custom helpdesks"), or no rule for this host any more: nothing to do.
    if (switches?.custom === false) return;
    const rules = parseRules(stored[CUSTOM_RULES_KEY]);
    if (!customRuleForUrl(rules, location.href)) return;

    const launcher = createLauncher(() => void sendSoon('panel:open', {}, 2));
    const watcher = createCustomWatcher(rules, (hasTicket) => launcher.toggle(hasTicket));
    const stopListening = listen({
      // What the rep selected on the ticket, to prefill a kudos' customer quote.
      'helpdesk:selection': () => ({ text: (window.getSelection()?.toString() ?? '').trim().slice(0, 2000) }),
    });
    ctx.onInvalidated(() => {
      stopListening();
      watcher.stop();
      launcher.remove();
    });
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => watcher.check(newUrl.href));
    watcher.check(location.href);
  },
});

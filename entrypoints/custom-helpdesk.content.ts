import {
  CUSTOM_RULES_KEY,
  customRuleForUrl,
  findCustomTicket,
  readCustomPage,
  storedRules,
} from '@/utils/custom-helpdesks/page';
import type { CustomHelpdeskRule, PageCase } from '@/utils/schemas';
import { createLauncher } from './helpdesk.content/launcher';
import { listen, send } from './helpdesk.content/messaging';

// The content script of custom helpdesks. Not in the manifest: the background registers it at run time on the hosts
// of the rules an admin added in Options (utils/custom-helpdesks/storage.ts). Like the helpdesk script it has no React,
// no database and no Zod: it reads the rules by hand, reads the page with the rule's selectors and reports the case.

const DEBOUNCE_MS = 250;
/** How long to keep re-reading a freshly opened ticket while the helpdesk renders it. */
const SETTLE_MS = 15_000;

/**
 * Asks the background to open the panel, and once more shortly if it refused: a background woken by this very
 * click is still reading the rules and does not know this host yet. It refuses rather than answering late, since
 * the click's gesture, which opening the panel needs, does not outlast that read; the page's does, for seconds.
 */
function openPanel(): void {
  void send('panel:open', {})
    .catch(() => new Promise((resolve) => setTimeout(resolve, 300)).then(() => send('panel:open', {})))
    .catch(() => undefined);
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
    // A background that has just woken waits until it has read the rules before it answers.
    if (page) void send('case:seen', page).catch(() => undefined);
    else void send('case:none', { url: href }).catch(() => undefined);
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
    const rules = storedRules(stored[CUSTOM_RULES_KEY]);
    if (!customRuleForUrl(rules, location.href)) return;

    const launcher = createLauncher(openPanel);
    const watcher = createCustomWatcher(rules, (hasTicket) => launcher.toggle(hasTicket));
    const stopListening = listen({
      // Custom helpdesks have no API: the background reads nothing through this page (its history is the tickets
      // reps open), so it never asks.
      'helpdesk:fetch': () => Promise.reject(new Error('a custom helpdesk has no API')),
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

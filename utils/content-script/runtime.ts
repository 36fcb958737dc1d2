import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createCaseWatcher, type ReadCase } from '@/utils/case-watcher';
import type { HttpReply } from '@/utils/messages';
import { createLauncher } from './launcher';
import { listen, send } from './messaging';

/** What differs between the helpdesk and the custom-helpdesk content scripts; the rest is one runtime. */
export interface CaseScript {
  read: ReadCase;
  /** A same-origin GET the background asks for; `signal` aborts when the rep leaves the ticket in view. */
  fetch(path: string, signal: AbortSignal): Promise<HttpReply>;
  openPanel(): void;
  /** The raw value stored under LAUNCHER_WORDS_KEY, read with the script's other keys. */
  launcherWords: unknown;
  /** Whether the stored helpdesk switches turn this script off; followed while the page is open when given. */
  switchedOff?(switches: unknown): boolean;
}

/** What the rep selected on the ticket, to prefill a kudos' customer quote. */
const selection = () => ({ text: (window.getSelection()?.toString() ?? '').trim().slice(0, 2000) });

/** Follows the rep through the page: reports cases, shows the launcher on tickets, answers the background. */
export function runCaseScript(ctx: ContentScriptContext, script: CaseScript): void {
  let on = true;
  const launcher = createLauncher(script.openPanel, script.launcherWords);
  const watcher = createCaseWatcher(
    document,
    {
      seen: (page) => void send('case:seen', page).catch(() => undefined),
      none: (url) => void send('case:none', { url }).catch(() => undefined),
    },
    script.read,
  );
  const check = (href: string) => {
    if (!on) return;
    watcher.check(href);
    launcher.toggle(watcher.hasTicket());
  };
  // Switched off while the page is open: stop at once (on again takes effect when the tab reloads).
  const followSwitch = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (!on || area !== 'local' || !changes.helpdesks || !script.switchedOff?.(changes.helpdesks.newValue)) return;
    on = false;
    watcher.stop();
    launcher.remove();
    void send('case:none', { url: location.href }).catch(() => undefined);
  };
  browser.storage.onChanged.addListener(followSwitch);
  const stopListening = listen({
    'helpdesk:fetch': ({ path }) => script.fetch(path, watcher.signal()),
    'helpdesk:selection': selection,
  });
  ctx.onInvalidated(() => {
    browser.storage.onChanged.removeListener(followSwitch);
    stopListening();
    watcher.stop();
    launcher.remove();
  });
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => check(newUrl.href));
  check(location.href);
}

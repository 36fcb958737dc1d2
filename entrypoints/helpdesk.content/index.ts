import { createCaseWatcher } from '@/utils/case-watcher';
import { adapterForUrl, helpdeskPages } from '@/utils/helpdesks/pages';
import { createLauncher } from './launcher';
import { listen, send } from './messaging';
import { fetchForBackground } from './page-fetch';

export default defineContentScript({
  matches: helpdeskPages.flatMap((a) => a.matches),
  runAt: 'document_idle',
  async main(ctx) {
    // A helpdesk the rep switched off in Options: no button, no reports. Read raw, without the settings module:
    // this script stays small. The setting is a partial record where a missing helpdesk is on.
    const helpdesk = adapterForUrl(location.href)?.id;
    const switchedOff = (value: unknown) =>
      helpdesk !== undefined && (value as Record<string, unknown> | undefined)?.[helpdesk] === false;
    if (switchedOff((await browser.storage.local.get('helpdesks')).helpdesks)) return;
    let on = true;
    const launcher = createLauncher(() => void send('panel:open', {}).catch(() => undefined));
    const watcher = createCaseWatcher(document, {
      seen: (page) => void send('case:seen', page).catch(() => undefined),
      none: (url) => void send('case:none', { url }).catch(() => undefined),
    });
    const check = (href: string) => {
      if (!on) return;
      watcher.check(href);
      launcher.toggle(watcher.hasTicket());
    };
    // Switched off while the page is open: stop at once (on again takes effect when the tab reloads).
    const followSwitch = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (!on || area !== 'local' || !changes.helpdesks || !switchedOff(changes.helpdesks.newValue)) return;
      on = false;
      watcher.stop();
      launcher.remove();
      void send('case:none', { url: location.href }).catch(() => undefined);
    };
    browser.storage.onChanged.addListener(followSwitch);
    const stopListening = listen({
      'helpdesk:fetch': ({ path }) => fetchForBackground(path),
      // What the rep selected on the ticket, to prefill a kudos' customer quote.
      'helpdesk:selection': () => ({ text: (window.getSelection()?.toString() ?? '').trim().slice(0, 2000) }),
    });
    ctx.onInvalidated(() => {
      browser.storage.onChanged.removeListener(followSwitch);
      stopListening();
      watcher.stop();
      launcher.remove();
    });
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => check(newUrl.href));
    check(location.href);
  },
});

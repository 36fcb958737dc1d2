import { readHelpdeskCase } from '@/utils/helpdesks/read-case';
import type { HelpdeskPage } from '@/utils/helpdesks/types';
import { ALLOWED_TENANTS_KEY, tenantAllowed, tenantsInForce } from '@/utils/tenants';
import { LAUNCHER_WORDS_KEY } from './launcher';
import { send } from './messaging';
import { fetchForBackground } from './page-fetch';
import { runCaseScript } from './runtime';

/** What the script reads before it starts: the helpdesk switches, the allowed tenants and the button's words. */
const PAGE_KEYS = ['helpdesks', ALLOWED_TENANTS_KEY, LAUNCHER_WORDS_KEY];

/**
 * The content script of one helpdesk (`entrypoints/<id>.content.ts`). One script per helpdesk, so a page loads and
 * compiles only its own helpdesk's reader, not all of them, while it is still loading.
 */
export function helpdeskContentScript(page: HelpdeskPage) {
  return defineContentScript({
    matches: page.matches,
    runAt: 'document_idle',
    // WXT's legacy window.postMessage on start wakes every message listener of the helpdesk's page and costs a stack
    // capture on the page's thread as it loads; the custom event WXT also sends is all a reloaded script needs.
    noScriptStartedPostMessage: true,
    async main(ctx) {
      // A helpdesk the rep switched off in Options: no button, no reports. Another account of this helpdesk than the
      // organisation's own: Kept neither shows nor reads anything. Both read raw, without the settings module (this
      // script stays small), and in one round: each storage answer is a task on the page's thread as it loads.
      // The switches are a partial record where a missing helpdesk is on.
      const switchedOff = (value: unknown) => (value as Record<string, unknown> | undefined)?.[page.id] === false;
      const [local, managed] = await Promise.all([
        browser.storage.local.get(PAGE_KEYS),
        // The organisation's values win; a browser without a managed area answers with an error.
        browser.storage.managed.get(PAGE_KEYS).catch(() => ({}) as Record<string, unknown>),
      ]);
      if (switchedOff(managed.helpdesks ?? local.helpdesks)) return;
      const tenants = tenantsInForce(managed[ALLOWED_TENANTS_KEY], local[ALLOWED_TENANTS_KEY]);
      if (!tenantAllowed(tenants, page.id, location.hostname)) return;
      runCaseScript(ctx, {
        read: readHelpdeskCase(document, [page]),
        fetch: (path, signal) => fetchForBackground(path, { api: page.api, signal }),
        openPanel: () => void send('panel:open', {}).catch(() => undefined),
        launcherWords: local[LAUNCHER_WORDS_KEY],
        switchedOff,
      });
    },
  });
}

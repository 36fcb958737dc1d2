import { readHelpdeskCase } from '@/utils/helpdesks/read-case';
import type { HelpdeskPage } from '@/utils/helpdesks/types';
import { readAllowedTenants, tenantAllowed } from '@/utils/tenants';
import { send } from './messaging';
import { fetchForBackground } from './page-fetch';
import { runCaseScript } from './runtime';

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
      // A helpdesk the rep switched off in Options: no button, no reports. Read raw, without the settings module:
      // this script stays small. The setting is a partial record where a missing helpdesk is on.
      const switchedOff = (value: unknown) => (value as Record<string, unknown> | undefined)?.[page.id] === false;
      const [local, managed] = await Promise.all([
        browser.storage.local.get('helpdesks'),
        // The organisation's switches win; a browser without a managed area answers with an error.
        browser.storage.managed.get('helpdesks').catch(() => ({}) as Record<string, unknown>),
      ]);
      if (switchedOff(managed.helpdesks ?? local.helpdesks)) return;
      // Another account of this helpdesk than the organisation's own: Kept neither shows nor reads anything here.
      if (!tenantAllowed(await readAllowedTenants(), page.id, location.hostname)) return;
      runCaseScript(ctx, {
        read: readHelpdeskCase(document, [page]),
        fetch: (path, signal) => fetchForBackground(path, { api: page.api, signal }),
        openPanel: () => void send('panel:open', {}).catch(() => undefined),
        switchedOff,
      });
    },
  });
}

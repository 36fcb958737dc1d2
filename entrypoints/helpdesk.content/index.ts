import { adapterForUrl, helpdeskPages } from '@/utils/helpdesks/pages';
import { readHelpdeskCase } from '@/utils/helpdesks/read-case';
import { send } from './messaging';
import { fetchForBackground } from './page-fetch';
import { runCaseScript } from './runtime';

export default defineContentScript({
  matches: helpdeskPages.flatMap((a) => a.matches),
  runAt: 'document_idle',
  // WXT's legacy window.postMessage on start wakes every message listener of the helpdesk's page and costs a stack
  // capture on the page's thread as it loads; the custom event WXT also sends is all a reloaded script needs.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // A helpdesk the rep switched off in Options: no button, no reports. Read raw, without the settings module:
    // this script stays small. The setting is a partial record where a missing helpdesk is on.
    const helpdesk = adapterForUrl(location.href)?.id;
    const switchedOff = (value: unknown) =>
      helpdesk !== undefined && (value as Record<string, unknown> | undefined)?.[helpdesk] === false;
    if (switchedOff((await browser.storage.local.get('helpdesks')).helpdesks)) return;
    runCaseScript(ctx, {
      read: readHelpdeskCase(document),
      fetch: (path, signal) => fetchForBackground(path, { signal }),
      openPanel: () => void send('panel:open', {}).catch(() => undefined),
      switchedOff,
    });
  },
});

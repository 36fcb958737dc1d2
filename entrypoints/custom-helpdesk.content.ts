import type { ReadCase } from '@/utils/case-watcher';
import { LAUNCHER_WORDS_KEY } from '@/utils/content-script/launcher';
import { send } from '@/utils/content-script/messaging';
import { runCaseScript } from '@/utils/content-script/runtime';
import {
  CUSTOM_RULES_KEY,
  customRuleForUrl,
  findCustomTicket,
  readCustomPage,
  storedRules,
} from '@/utils/custom-helpdesks/page';
import { isComplete, type Shown } from '@/utils/helpdesks/complete';
import type { CustomHelpdeskRule, PageCase } from '@/utils/schemas';
import { ALLOWED_TENANTS_KEY, tenantAllowed, tenantsInForce } from '@/utils/tenants';

// The content script of custom helpdesks. Not in the manifest: the background registers it at run time on the hosts
// of the rules an admin added in Options (utils/custom-helpdesks/storage.ts). Like the helpdesk script it has no React,
// no database and no Zod: it reads the rules by hand, reads the page with the rule's selectors and reports the case.

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

/** The fields a rule reads: the case is complete once the page has shown each of them. */
const shownBy = (rule: CustomHelpdeskRule): Shown[] => [
  'email',
  ...(rule.selectors.name ? (['name'] as const) : []),
  ...(rule.selectors.subject ? (['subject'] as const) : []),
];

/** The case with the admin's rules; their selectors may point anywhere, so the whole page is watched. */
const readCustomCase =
  (rules: readonly CustomHelpdeskRule[]): ReadCase =>
  (href) => {
    const found = findCustomTicket(rules, href);
    if (!found) return null;
    const page: PageCase = { ...found.ref, url: href, ...readCustomPage(document, found.rule) };
    return { page, complete: isComplete(page, shownBy(found.rule)) };
  };

export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  // WXT's legacy window.postMessage on start wakes every message listener of the helpdesk's page and costs a stack
  // capture on the page's thread as it loads; the custom event WXT also sends is all a reloaded script needs.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // One round of storage reads: each answer is a task on the page's thread as it loads.
    const keys = [CUSTOM_RULES_KEY, 'helpdesks', ALLOWED_TENANTS_KEY, LAUNCHER_WORDS_KEY];
    const [stored, managed] = await Promise.all([
      browser.storage.local.get(keys),
      // The organisation's policy wins (keys `customHelpdesks`, `helpdesks`, `allowedTenants`).
      browser.storage.managed.get(keys).catch(() => ({}) as Record<string, unknown>),
    ]);
    const switches = (managed.helpdesks ?? stored.helpdesks) as Record<string, unknown> | undefined;
    // Switched off in Options ("Custom helpdesks"), or no rule for this host any more: nothing to do.
    if (switches?.custom === false) return;
    const rules = storedRules(managed[CUSTOM_RULES_KEY] ?? stored[CUSTOM_RULES_KEY]);
    if (!customRuleForUrl(rules, location.href)) return;
    const tenants = tenantsInForce(managed[ALLOWED_TENANTS_KEY], stored[ALLOWED_TENANTS_KEY]);
    if (!tenantAllowed(tenants, 'custom', location.hostname)) return;

    runCaseScript(ctx, {
      read: readCustomCase(rules),
      // Custom helpdesks have no API: the background reads nothing through this page (its history is the tickets
      // reps open), so it never asks.
      fetch: () => Promise.reject(new Error('a custom helpdesk has no API')),
      openPanel,
      launcherWords: stored[LAUNCHER_WORDS_KEY],
    });
  },
});

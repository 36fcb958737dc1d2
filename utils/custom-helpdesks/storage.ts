import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { requestOrigin } from '../host-access';
import { managedItem } from '../policy';
import { type CustomHelpdeskRule, CustomHelpdeskRule as RuleSchema } from '../schemas';
import { checkedItem } from '../storage-item';
import { CUSTOM_RULES_KEY, matchPatternsOf, parseRules, usableRules } from './rules';

// Custom helpdesk rules in `storage.local` (key `customHelpdesks`), and the run-time registration of the custom
// content script on their hosts.

/**
 * The rules, each read on its own so one bad rule does not take the others down. An organisation's rules are few; a
 * bound keeps a bad import from registering thousands of hosts. A write that breaks a rule is refused whole.
 */
export const customRules = managedItem(
  checkedItem(`local:${CUSTOM_RULES_KEY}`, {
    schema: z.array(RuleSchema).check(z.maxLength(50)),
    fallback: [],
    read: (raw) => usableRules(parseRules(raw)),
  }),
  'customHelpdesks',
  usableRules,
);

/** The registered script's id, and its file in the build (`entrypoints/custom-helpdesk.content.ts`). */
export const CUSTOM_SCRIPT_ID = 'kept-custom-helpdesks';
export const CUSTOM_SCRIPT_FILE = 'content-scripts/custom-helpdesk.js';

type Scripting = Pick<
  typeof browser.scripting,
  'registerContentScripts' | 'unregisterContentScripts' | 'getRegisteredContentScripts'
>;
type Permissions = Pick<typeof browser.permissions, 'contains'>;

/** The match patterns the rep granted: a host without permission gets no script (and the browser would not run it). */
async function granted(patterns: string[], permissions: Permissions | undefined): Promise<string[]> {
  if (!permissions?.contains) return patterns;
  const allowed = await Promise.all(
    patterns.map((pattern) => permissions.contains({ origins: [pattern] }).catch(() => false)),
  );
  return patterns.filter((_, i) => allowed[i]);
}

function sameList(a: readonly string[] | undefined, b: readonly string[]): boolean {
  if (!a || a.length !== b.length) return false;
  const sorted = [...b].sort();
  return [...a].sort().every((item, i) => item === sorted[i]);
}

/**
 * Makes the registered custom content script cover exactly the rules' granted hosts: replaced when there are some,
 * removed when there are none. Returns the patterns it registered.
 */
export async function registerCustomScripts(
  rules: readonly CustomHelpdeskRule[],
  scripting: Scripting = browser.scripting,
  permissions: Permissions | undefined = (browser as { permissions?: Permissions }).permissions,
): Promise<string[]> {
  const matches = await granted(matchPatternsOf(rules), permissions);
  const registered = await scripting.getRegisteredContentScripts({ ids: [CUSTOM_SCRIPT_ID] });
  // The worker starts often; an unchanged registration is left alone, so no page loads in a gap without it.
  if (registered.length === 1 && sameList(registered[0]?.matches, matches)) return matches;
  if (registered.length > 0) await scripting.unregisterContentScripts({ ids: [CUSTOM_SCRIPT_ID] });
  if (matches.length === 0) return [];
  await scripting.registerContentScripts([
    { id: CUSTOM_SCRIPT_ID, matches, js: [CUSTOM_SCRIPT_FILE], runAt: 'document_idle', allFrames: false },
  ]);
  return matches;
}

/**
 * Asks the browser to let Kept run on a rule's host. Call it inside the click, before anything is awaited: the
 * permission prompt needs the user gesture, which does not survive an await. No permissions API: nothing to ask.
 */
export function requestHostAccess(host: string): Promise<boolean> {
  return requestOrigin(`https://${host}`, '').then((access) => access.granted);
}

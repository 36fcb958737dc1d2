import { customRuleForUrl } from '@/utils/custom-helpdesks/page';
import { customRules, registerCustomScripts } from '@/utils/custom-helpdesks/storage';
import { isHelpdeskUrl } from '@/utils/helpdesks';
import type { CustomHelpdeskRule } from '@/utils/schemas';

// Custom helpdesks in the background: a cached copy of the rules for the (synchronous) message trust check, and the
// custom content script registered on the rules' hosts at start-up and whenever the rules or permissions change.

let rules: readonly CustomHelpdeskRule[] = [];
/** Set while the worker reads the rules at start-up; until then a custom helpdesk's page is not known yet. */
let reading: Promise<void> | undefined;

/** A page Kept may hear from: a built-in helpdesk's, or one on a custom rule's host. */
export const isKnownHelpdeskUrl = (url: string): boolean =>
  isHelpdeskUrl(url) || customRuleForUrl(rules, url) !== undefined;

/**
 * While a freshly woken worker is still reading the rules, a promise for when it has (never rejecting); then
 * undefined. The page's message that woke it is checked again then rather than refused (utils/messages.ts `listen`).
 */
export const customRulesLoading = (): Promise<void> | undefined => reading;

// One registration at a time: start-up and a storage change racing would register the same script id twice.
let registering: Promise<unknown> = Promise.resolve();

function register(): Promise<unknown> {
  const current = rules;
  registering = registering
    .catch(() => undefined)
    .then(() => registerCustomScripts(current))
    .catch((error: unknown) => console.warn('[Kept] could not register the custom helpdesk script', error));
  return registering;
}

function use(next: readonly CustomHelpdeskRule[]): Promise<unknown> {
  rules = next;
  return register();
}

/** Some browsers (and the test fake) lack an event; a missing one only means Kept re-registers on the next start. */
function onEvent(event: { addListener(callback: () => void): void } | undefined, callback: () => void): void {
  try {
    event?.addListener(callback);
  } catch {
    // Not implemented here.
  }
}

/** Loads the rules, registers the custom content script, and follows changes. Resolves when the first run is done. */
export function setupCustomHelpdesks(): Promise<unknown> {
  let changed = false;
  customRules.watch((next) => {
    changed = true;
    void use(next);
  });
  const { permissions } = browser as { permissions?: Partial<typeof browser.permissions> };
  // The rep can grant or revoke a host outside Options (browser settings): follow it.
  onEvent(permissions?.onAdded, () => void register());
  onEvent(permissions?.onRemoved, () => void register());
  const read = customRules.getValue().then((stored) => {
    // A change that lands while the first read is in flight is newer than what that read returns.
    if (!changed) rules = stored;
  });
  // Messages wait for the rules only, not for the script's registration.
  const settled = read.catch(() => undefined);
  reading = settled;
  void settled.then(() => {
    if (reading === settled) reading = undefined;
  });
  return read.then(() => (changed ? registering : register()));
}

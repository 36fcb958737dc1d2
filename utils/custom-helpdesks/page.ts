import { compact, emailOf, textOf } from '../helpdesks/dom';
import type { PageRead } from '../helpdesks/types';
import type { CustomHelpdeskRule, HelpdeskId, TicketRef } from '../schemas';

// Custom helpdesk rules as the custom content script needs them: reading the stored rules, matching a URL to a rule
// and reading a page with its selectors. Apart from rules.ts, and without Zod, so that script stays small (Zod's
// core alone is 5 KB gzip). rules.ts re-exports all of this; the background and Options check rules with Zod there.

/**
 * Every custom helpdesk goes by one id and one name: in a case, in history sources, and as one row (one switch) in
 * Options → Helpdesks.
 */
export const CUSTOM_HELPDESKS: { id: HelpdeskId; name: string } = { id: 'custom', name: 'Custom helpdesks' };

/** Where the rules live: `storage.local`, read raw by the custom content script. */
export const CUSTOM_RULES_KEY = 'customHelpdesks';

// The rule schema (utils/schemas/helpdesks.ts) takes its host and pattern checks from here, so both agree without
// this file importing Zod. tests/unit/custom-helpdesk.test.ts holds `storedRules` and `parseRules` together.

/**
 * A host an admin may add as a custom helpdesk: `support.example.com` or `*.example.com` (that domain and every
 * subdomain). At least two labels after any `*.`, so `*.com` is refused; no scheme, port or path.
 */
export const CUSTOM_HOST = /^(\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

// A group that repeats and holds a repeat or an alternative (`(a+)+`, `(\w*)*`, `(a|aa)+`): on a long URL that almost
// matches, the browser tries exponentially many ways, and the page's tab hangs. A backreference can do the same.
const NESTED_REPEAT = /\((?:[^()\\]|\\.)*(?:[+*}|])(?:[^()\\]|\\.)*\)[+*{]/;
const BACKREFERENCE = /\\[1-9]|\\k</;

/** Why a ticket URL pattern is unsafe to run on every page of the host, or null when it is not. */
export function unsafePattern(source: string): 'nestedRepeat' | 'backreference' | null {
  if (NESTED_REPEAT.test(source)) return 'nestedRepeat';
  if (BACKREFERENCE.test(source)) return 'backreference';
  return null;
}

/** How many capture groups a regular expression has, or null when it does not compile. */
export function captureGroups(source: string): number | null {
  try {
    // An empty alternative always matches, and the match has one slot per group.
    return (new RegExp(`${source}|`).exec('')?.length ?? 1) - 1;
  } catch {
    return null;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isText = (value: unknown, min: number, max: number): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;

/** An optional text: absent, or a text of at most `max` characters. */
const isOptionalText = (value: unknown, max: number): value is string | undefined =>
  value === undefined || isText(value, 0, max);

/** One stored rule as the rule schema (utils/schemas/helpdesks.ts) would parse it, or null where it would refuse. */
function storedRule(item: unknown): CustomHelpdeskRule | null {
  if (!isRecord(item) || !isRecord(item.selectors)) return null;
  const { id, name, host, ticketUrl, selectors } = item;
  if (!isText(id, 1, 64) || !isText(name, 1, 100) || !isText(host, 0, 253) || !CUSTOM_HOST.test(host)) return null;
  if (!isText(ticketUrl, 0, 500) || (captureGroups(ticketUrl) ?? 0) < 1 || unsafePattern(ticketUrl)) return null;
  const { email, name: customerName, subject } = selectors;
  if (!isText(email, 1, 500) || !isOptionalText(customerName, 500) || !isOptionalText(subject, 500)) return null;
  return { id, name, host, ticketUrl, selectors: compact({ email, name: customerName, subject }) };
}

/**
 * The rules in storage, checked by hand: each one on its own, so one bad rule does not take the others down. Keeps
 * exactly the rules `parseRules` (custom.ts, with Zod) keeps, so the page and the background agree on them.
 */
export function storedRules(raw: unknown): CustomHelpdeskRule[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const rule = storedRule(item);
    return rule ? [rule] : [];
  });
}

/** `*.example.com` covers example.com and every subdomain, as a browser match pattern does. */
export function hostMatches(pattern: string, hostname: string): boolean {
  if (!pattern.startsWith('*.')) return hostname === pattern;
  const domain = pattern.slice(2);
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

function httpsUrl(href: string): URL | null {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The rule whose host serves this URL (a ticket or not), if any. */
export function customRuleForUrl(rules: readonly CustomHelpdeskRule[], href: string): CustomHelpdeskRule | undefined {
  const url = httpsUrl(href);
  return url ? rules.find((rule) => hostMatches(rule.host, url.hostname)) : undefined;
}

function patternOf(rule: CustomHelpdeskRule): RegExp | null {
  try {
    return new RegExp(rule.ticketUrl);
  } catch {
    return null;
  }
}

/** The rule and ticket for a URL: the host matches and the pattern's first group holds the ticket id. */
export function findCustomTicket(
  rules: readonly CustomHelpdeskRule[],
  href: string,
): { rule: CustomHelpdeskRule; ref: TicketRef } | null {
  const url = httpsUrl(href);
  if (!url) return null;
  for (const rule of rules) {
    if (!hostMatches(rule.host, url.hostname)) continue;
    // The path (and a hash route), never the query: a link's parameters must not make a page a ticket.
    const ticketId = patternOf(rule)
      ?.exec(url.pathname + url.hash)?.[1]
      ?.trim();
    if (ticketId && ticketId.length <= 64) return { rule, ref: { helpdesk: 'custom', host: url.hostname, ticketId } };
  }
  return null;
}

const EMAIL_IN_TEXT = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[a-z]{2,}/i;

/** A selector's match, never throwing: a stored selector the page's browser cannot parse reads as nothing. */
function safely<T>(read: () => T | undefined): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** The customer and subject with the rule's selectors: an email from a mailto: link, a field's value or its text. */
export function readCustomPage(root: ParentNode, rule: CustomHelpdeskRule): PageRead {
  const { email, name, subject } = rule.selectors;
  const found = safely(() => emailOf(root, email)) ?? safely(() => EMAIL_IN_TEXT.exec(textOf(root, email) ?? '')?.[0]);
  return compact({
    subject: subject ? safely(() => textOf(root, subject))?.slice(0, 500) : undefined,
    customer: compact({
      email: found?.slice(0, 320),
      name: name ? safely(() => textOf(root, name))?.slice(0, 200) : undefined,
    }),
  });
}

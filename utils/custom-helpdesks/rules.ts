import { getPublicSuffix } from 'tldts';
import * as z from 'zod/mini';
import { i18n } from '#i18n';
import { compact } from '../helpdesks/dom';
import { CUSTOM_HOST, type CustomHelpdeskRule, captureGroups, CustomHelpdeskRule as RuleSchema } from '../schemas';
import { unsafePattern } from './page';

// Custom helpdesks: rules an admin writes in Options (a host, a ticket URL pattern, CSS selectors) for a helpdesk Kept
// has no adapter for. Pure functions: checking a rule, matching a URL to a rule, reading a page with a rule's
// selectors. What the custom content script needs lives in page.ts, without Zod.

export {
  CUSTOM_HELPDESKS,
  CUSTOM_RULES_KEY,
  customRuleForUrl,
  findCustomTicket,
  hostMatches,
  readCustomPage,
  storedRules,
} from './page';

/** What an admin typed into the rule form. */
export interface RuleDraft {
  name: string;
  host: string;
  ticketUrl: string;
  email: string;
  customerName: string;
  subject: string;
}
export type RuleField = keyof RuleDraft;
/** The fields that hold a CSS selector. */
type SelectorField = Extract<RuleField, 'email' | 'customerName' | 'subject'>;
export type RuleErrors = Partial<Record<RuleField, string>>;
export type RuleCheck = { ok: true; rule: CustomHelpdeskRule } | { ok: false; errors: RuleErrors };

export const emptyDraft: RuleDraft = { name: '', host: '', ticketUrl: '', email: '', customerName: '', subject: '' };

export const draftOf = (rule: CustomHelpdeskRule): RuleDraft => ({
  name: rule.name,
  host: rule.host,
  ticketUrl: rule.ticketUrl,
  email: rule.selectors.email,
  customerName: rule.selectors.name ?? '',
  subject: rule.selectors.subject ?? '',
});

type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** `support.example.com` or `*.example.com`; a pasted `https://support.example.com/` is accepted as its host. */
export function checkHost(input: string): Checked<string> {
  const typed = input.trim().toLowerCase();
  if (!typed) return { ok: false, message: i18n.t('options.helpdeskRules.error.noHost') };
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(typed) && !typed.startsWith('https://')) {
    return { ok: false, message: i18n.t('options.helpdeskRules.error.notHttps') };
  }
  const host = typed.replace(/^https:\/\//, '').replace(/\/\*?$/, '');
  if (host.includes('/')) return { ok: false, message: i18n.t('options.helpdeskRules.error.hostPath') };
  if (host.includes(':')) return { ok: false, message: i18n.t('options.helpdeskRules.error.hostPort') };
  if (host.includes('*') && !/^\*\.[^*]+$/.test(host)) {
    return { ok: false, message: i18n.t('options.helpdeskRules.error.hostStar') };
  }
  if (host.length > 253 || !CUSTOM_HOST.test(host)) {
    return { ok: false, message: i18n.t('options.helpdeskRules.error.badHost', { host: host.slice(0, 80) }) };
  }
  if (overPublicSuffix(host)) {
    return {
      ok: false,
      message: i18n.t('options.helpdeskRules.error.publicSuffix', { host, suffix: host.slice(2) }),
    };
  }
  return { ok: true, value: host };
}

/** `*.co.uk`, `*.github.io`: a wildcard over a public suffix covers sites of anyone (Public Suffix List, tldts). */
export function overPublicSuffix(host: string): boolean {
  if (!host.startsWith('*.')) return false;
  const domain = host.slice(2);
  return getPublicSuffix(domain, { allowPrivateDomains: true }) === domain;
}

/** The rules Kept uses: a rule over a public suffix is left out, wherever it came from. */
export const usableRules = (rules: readonly CustomHelpdeskRule[]): CustomHelpdeskRule[] =>
  rules.filter((rule) => !overPublicSuffix(rule.host));

/** The ticket URL pattern compiles and has a capture group for the ticket id. */
export function checkTicketPattern(input: string): Checked<string> {
  const source = input.trim();
  if (!source) return { ok: false, message: i18n.t('options.helpdeskRules.error.noPattern') };
  if (source.length > 500) return { ok: false, message: i18n.t('options.helpdeskRules.error.longPattern') };
  try {
    new RegExp(source);
  } catch (error) {
    return {
      ok: false,
      message: i18n.t('options.helpdeskRules.error.badPattern', { problem: (error as Error).message }),
    };
  }
  const unsafe = unsafePattern(source);
  if (unsafe) return { ok: false, message: i18n.t(`options.helpdeskRules.error.${unsafe}`) };
  if (!captureGroups(source)) return { ok: false, message: i18n.t('options.helpdeskRules.error.noGroup') };
  return { ok: true, value: source };
}

/**
 * A CSS selector the browser accepts. `root` is only asked to run it (an empty fragment by default), so a selector
 * that finds nothing here is fine; one that does not parse is not.
 */
export function checkSelector(input: string, of: SelectorField, required: boolean, root?: ParentNode): Checked<string> {
  const selector = input.trim();
  const label = i18n.t(`options.helpdeskRules.selectorOf.${of}`);
  if (!selector)
    return required
      ? { ok: false, message: i18n.t('options.helpdeskRules.error.noSelector', { label }) }
      : { ok: true, value: '' };
  if (selector.length > 500) {
    return { ok: false, message: i18n.t('options.helpdeskRules.error.longSelector', { label }) };
  }
  try {
    (root ?? document.createDocumentFragment()).querySelector(selector);
  } catch {
    return {
      ok: false,
      message: i18n.t('options.helpdeskRules.error.badSelector', { selector: selector.slice(0, 80), label }),
    };
  }
  return { ok: true, value: selector };
}

function checkName(input: string): Checked<string> {
  const name = input.trim();
  if (!name) return { ok: false, message: i18n.t('options.helpdeskRules.error.noName') };
  return name.length <= 100
    ? { ok: true, value: name }
    : { ok: false, message: i18n.t('options.helpdeskRules.error.longName') };
}

/** Checks every field of a draft and says what is wrong with each; a rule comes out only when all are right. */
export function checkRuleDraft(draft: RuleDraft, id: string, root?: ParentNode): RuleCheck {
  const checks: Record<RuleField, Checked<string>> = {
    name: checkName(draft.name),
    host: checkHost(draft.host),
    ticketUrl: checkTicketPattern(draft.ticketUrl),
    email: checkSelector(draft.email, 'email', true, root),
    customerName: checkSelector(draft.customerName, 'customerName', false, root),
    subject: checkSelector(draft.subject, 'subject', false, root),
  };
  const errors: RuleErrors = {};
  for (const [field, check] of Object.entries(checks) as Array<[RuleField, Checked<string>]>) {
    if (!check.ok) errors[field] = check.message;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const value = (field: RuleField) => {
    const check = checks[field];
    return check.ok && check.value ? check.value : undefined;
  };
  const rule = RuleSchema.safeParse({
    id,
    name: value('name'),
    host: value('host'),
    ticketUrl: value('ticketUrl'),
    selectors: compact({ email: value('email'), name: value('customerName'), subject: value('subject') }),
  });
  // The checks above cover the schema; this is the last word on what is stored.
  return rule.success ? { ok: true, rule: rule.data } : { ok: false, errors: { name: z.prettifyError(rule.error) } };
}

/**
 * Rules read from storage: each one is checked on its own, so one bad rule does not take the others down. The custom
 * content script keeps the same ones without Zod (`storedRules`).
 */
export function parseRules(raw: unknown): CustomHelpdeskRule[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const parsed = RuleSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Adds a rule, or replaces the one with its id. */
export const withRule = (rules: readonly CustomHelpdeskRule[], rule: CustomHelpdeskRule): CustomHelpdeskRule[] =>
  rules.some((r) => r.id === rule.id) ? rules.map((r) => (r.id === rule.id ? rule : r)) : [...rules, rule];

export const withoutRule = (rules: readonly CustomHelpdeskRule[], id: string): CustomHelpdeskRule[] =>
  rules.filter((r) => r.id !== id);

/** Browser match patterns for the rules' hosts, each once. */
export function matchPatternsOf(rules: readonly CustomHelpdeskRule[]): string[] {
  return [...new Set(rules.map((rule) => `https://${rule.host}/*`))];
}

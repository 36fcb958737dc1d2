import { freshdeskPage } from './freshdesk/page';
import { frontPage } from './front/page';
import { gorgiasPage } from './gorgias/page';
import { helpscoutPage } from './helpscout/page';
import { hubspotPage } from './hubspot/page';
import { intercomPage } from './intercom/page';
import { jsmPage } from './jsm/page';
import { kustomerPage } from './kustomer/page';
import { safeUrl, ticketAt } from './read-case';
import { salesforcePage } from './salesforce/page';
import type { HelpdeskPage } from './types';
import { zendeskPage } from './zendesk/page';
import { zohodeskPage } from './zohodesk/page';

// The registry as the content script needs it: every helpdesk by its page part (`<id>/page.ts`), so the content
// script bundles no API payload schemas and no Zod. index.ts lists the full adapters and re-exports all of this.

/**
 * Every helpdesk by its page part. Custom helpdesks have their own content script. Finding tickets and helpdesk URLs
 * goes through this list, so an adapter missing here finds no ticket (tests/unit/adapters-meta.test.ts fails).
 */
export const helpdeskPages: readonly HelpdeskPage[] = [
  zendeskPage,
  freshdeskPage,
  jsmPage,
  helpscoutPage,
  intercomPage,
  frontPage,
  hubspotPage,
  gorgiasPage,
  zohodeskPage,
  salesforcePage,
  kustomerPage,
];

/** The adapter and ticket for a URL, or null when no helpdesk ticket is open there. */
export const findTicket = (href: string) => ticketAt(href, helpdeskPages);

/** The helpdesk a URL belongs to (a ticket page or not), if Kept runs there. */
export function adapterForUrl(href: string): HelpdeskPage | undefined {
  const url = safeUrl(href);
  return url ? helpdeskPages.find((a) => a.matches.some((pattern) => inPattern(pattern, url))) : undefined;
}

/** Whether `text` is all of `glob`, where `*` is any run of characters. String work only: no RegExp to compile. */
function globMatches(glob: string, text: string): boolean {
  const [first = '', ...rest] = glob.split('*');
  if (rest.length === 0) return text === glob;
  const last = rest.pop() ?? '';
  if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let at = first.length;
  const end = text.length - last.length;
  for (const part of rest) {
    const found = text.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}

/**
 * Whether `url` is in a match pattern `scheme://host/path` as the browser reads one: scheme `*` is http and https,
 * host `*.example.com` is example.com and every subdomain, `*` in the path is any text. Without wxt's MatchPattern,
 * which is a tenth of the content script, and without regular expressions: the content script runs this as a page
 * loads, when compiling a dozen of them is a visible share of what Kept costs the page.
 */
export function inPattern(pattern: string, url: URL): boolean {
  const schemeEnd = pattern.indexOf('://');
  const pathStart = pattern.indexOf('/', schemeEnd + 3);
  if (schemeEnd < 0 || pathStart < 0) return false;
  const scheme = pattern.slice(0, schemeEnd);
  const host = pattern.slice(schemeEnd + 3, pathStart);
  const schemeMatches =
    scheme === '*' ? url.protocol === 'https:' || url.protocol === 'http:' : url.protocol === `${scheme}:`;
  const hostMatches =
    host === '*' ||
    url.hostname === host ||
    (host.startsWith('*.') && (url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1))));
  return schemeMatches && host !== '' && hostMatches && globMatches(pattern.slice(pathStart), url.pathname);
}

export const isHelpdeskUrl = (href: string): boolean => adapterForUrl(href) !== undefined;

/** The hosts of every helpdesk's match patterns (`*.zendesk.com`, `desk.zoho.eu`), each once. */
export const helpdeskHosts = (): string[] => [
  ...new Set(helpdeskPages.flatMap((page) => page.matches).map((pattern) => pattern.split('/')[2] ?? '')),
];

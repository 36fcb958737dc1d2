import { freshdeskPage } from './freshdesk';
import { frontPage } from './front';
import { gorgiasPage } from './gorgias';
import { helpscoutPage } from './helpscout';
import { hubspotPage } from './hubspot';
import { intercomPage } from './intercom';
import { jsmPage } from './jsm';
import { kustomerPage } from './kustomer';
import { salesforcePage } from './salesforce';
import type { HelpdeskPage } from './types';
import { zendeskPage } from './zendesk';
import { zohodeskPage } from './zohodesk';

// The registry as the content script needs it, apart from index.ts so that the content script does not import the
// full adapters (their API payload schemas), the custom-helpdesk rules or Zod. index.ts re-exports all of this.

/**
 * The same helpdesks as the content script needs them: an adapter with an API by its page part (`zendeskPage`), one
 * without by itself. Custom helpdesks have their own content script. Finding tickets and helpdesk URLs goes through
 * this list, so an adapter missing here finds no ticket (tests/unit/adapters-meta.test.ts fails).
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
export function findTicket(href: string) {
  const url = safeUrl(href);
  if (!url) return null;
  for (const adapter of helpdeskPages) {
    const ref = adapter.parseUrl(url);
    if (ref) return { adapter, ref };
  }
  return null;
}

/** The helpdesk a URL belongs to (a ticket page or not), if Kept runs there. */
export function adapterForUrl(href: string): HelpdeskPage | undefined {
  const url = safeUrl(href);
  return url ? helpdeskPages.find((a) => a.matches.some((pattern) => inPattern(pattern, url))) : undefined;
}

const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);

/**
 * Whether `url` is in a match pattern `scheme://host/path` as the browser reads one: scheme `*` is http and https,
 * host `*.example.com` is example.com and every subdomain, `*` in the path is any text. Without wxt's MatchPattern,
 * which is a tenth of the content script.
 */
export function inPattern(pattern: string, url: URL): boolean {
  const [, scheme, host = '', path = ''] = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern) ?? [];
  if (!scheme || !(scheme === '*' ? /^https?:$/.test(url.protocol) : url.protocol === `${scheme}:`)) return false;
  const hostMatches =
    host === '*' ||
    url.hostname === host ||
    (host.startsWith('*.') && (url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1))));
  return hostMatches && glob(path).test(url.pathname);
}

export const isHelpdeskUrl = (href: string): boolean => adapterForUrl(href) !== undefined;

function safeUrl(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

import { MatchPattern } from 'wxt/utils/match-patterns';
import type { HelpdeskAdapter } from './types';
import { zendesk } from './zendesk';

/** Every helpdesk Kept knows, by explicit import. The file name is the adapter id. */
export const adapters: readonly HelpdeskAdapter[] = [zendesk];

export function adapterById(id: string): HelpdeskAdapter | undefined {
  return adapters.find((a) => a.id === id);
}

/** The adapter and ticket for a URL, or null when no helpdesk ticket is open there. */
export function findTicket(href: string) {
  const url = safeUrl(href);
  if (!url) return null;
  for (const adapter of adapters) {
    const ref = adapter.parseUrl(url);
    if (ref) return { adapter, ref };
  }
  return null;
}

/** The helpdesk a URL belongs to (a ticket page or not), if Kept runs there. */
export function adapterForUrl(href: string): HelpdeskAdapter | undefined {
  // A string, not a URL: MatchPattern checks `instanceof Location`, which a service worker does not define.
  if (!safeUrl(href)) return undefined;
  return adapters.find((a) => a.matches.some((pattern) => new MatchPattern(pattern).includes(href)));
}

export const isHelpdeskUrl = (href: string): boolean => adapterForUrl(href) !== undefined;

function safeUrl(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

import type { ReadCase } from '../case-watcher';
import type { PageCase } from '../schemas';
import { isComplete } from './complete';
import type { HelpdeskPage } from './types';

export function safeUrl(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

/** The helpdesk of `pages` with a ticket open at `href`, and that ticket; or null. */
export function ticketAt(href: string, pages: readonly HelpdeskPage[]) {
  const url = safeUrl(href);
  if (!url) return null;
  for (const adapter of pages) {
    const ref = adapter.parseUrl(url);
    if (ref) return { adapter, ref };
  }
  return null;
}

/**
 * The case as built-in helpdesk adapters read it. Each helpdesk's content script passes its own page part only, so
 * it carries no other helpdesk's code.
 */
export function readHelpdeskCase(doc: Document, pages: readonly HelpdeskPage[]): ReadCase {
  return (href) => {
    const found = ticketAt(href, pages);
    if (!found) return null;
    const { adapter, ref } = found;
    const page: PageCase = { ...ref, url: href, ...adapter.readPage(doc, ref) };
    return { page, pane: adapter.pane, complete: isComplete(page, adapter.shows) };
  };
}

import { findTicket } from './helpdesks/pages';
import type { PageCase } from './schemas';

export interface CaseReporter {
  seen(page: PageCase): void;
  none(url: string): void;
}

/** How long to keep re-reading a freshly opened ticket while the helpdesk renders it. */
const SETTLE_MS = 15_000;
const DEBOUNCE_MS = 250;

/**
 * Turns the page into case reports: one `seen` per ticket (again when more of it has rendered), one `none` when the
 * rep leaves tickets. On pages that are not tickets it only looks at the URL.
 */
export function createCaseWatcher(doc: Document, reporter: CaseReporter) {
  let last = 'none';
  let observer: MutationObserver | undefined;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let settle: ReturnType<typeof setTimeout> | undefined;

  const stopObserving = () => {
    observer?.disconnect();
    observer = undefined;
    clearTimeout(debounce);
    clearTimeout(settle);
  };

  const read = (href: string) => {
    const found = findTicket(href);
    if (!found) return null;
    return { ...found.ref, url: href, ...found.adapter.readPage(doc, found.ref) } satisfies PageCase;
  };

  const report = (href: string) => {
    const page = read(href);
    const key = page ? JSON.stringify(page) : 'none';
    if (key === last) return;
    last = key;
    if (page) reporter.seen(page);
    else reporter.none(href);
  };

  const check = (href: string) => {
    stopObserving();
    report(href);
    if (last === 'none' || !doc.body) return;
    // Helpdesks render a ticket in pieces after the URL changes; re-read a few times, then stop paying for it.
    observer = new MutationObserver(() => {
      clearTimeout(debounce);
      debounce = setTimeout(() => report(href), DEBOUNCE_MS);
    });
    observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
    settle = setTimeout(stopObserving, SETTLE_MS);
  };

  return { check, stop: stopObserving, hasTicket: () => last !== 'none' };
}

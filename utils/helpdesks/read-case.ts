import type { ReadCase } from '../case-watcher';
import type { PageCase } from '../schemas';
import { findTicket } from './pages';
import { isComplete, panes } from './panes';

/** The case as the built-in helpdesk adapters read it. */
export function readHelpdeskCase(doc: Document): ReadCase {
  return (href) => {
    const found = findTicket(href);
    if (!found) return null;
    const page: PageCase = { ...found.ref, url: href, ...found.adapter.readPage(doc, found.ref) };
    const pane = panes[found.adapter.id];
    return { page, pane: pane?.selector, complete: pane ? isComplete(page, pane.shows) : false };
  };
}

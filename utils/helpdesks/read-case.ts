import type { ReadCase } from '../case-watcher';
import type { PageCase } from '../schemas';
import { isComplete } from './complete';
import { findTicket } from './pages';

/** The case as the built-in helpdesk adapters read it. */
export function readHelpdeskCase(doc: Document): ReadCase {
  return (href) => {
    const found = findTicket(href);
    if (!found) return null;
    const { adapter, ref } = found;
    const page: PageCase = { ...ref, url: href, ...adapter.readPage(doc, ref) };
    return { page, pane: adapter.pane, complete: isComplete(page, adapter.shows) };
  };
}

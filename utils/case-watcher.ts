import type { PageCase } from './schemas';

export interface CaseReporter {
  seen(page: PageCase): void;
  none(url: string): void;
}

/** What the page shows at a URL: the case, the parts of the page it is read from, whether the page is done. */
export interface CaseRead {
  page: PageCase;
  /** The parts of the page the case is read from, as a selector; none: the whole body. */
  pane?: string;
  /** Everything this helpdesk shows of a case has been read: nothing more is worth waiting for. */
  complete: boolean;
}

/** Reads the case at a URL, or null when no ticket is open there. */
export type ReadCase = (href: string) => CaseRead | null;

/** How long to keep re-reading a freshly opened ticket while the helpdesk renders it. */
const SETTLE_MS = 15_000;
const DEBOUNCE_MS = 250;
const OBSERVED = { childList: true, subtree: true, characterData: true };

/** The outermost elements matching `selector`, or the body when none does. */
function panesIn(doc: Document, selector: string | undefined): Node[] {
  const found = selector ? [...doc.querySelectorAll(selector)] : [];
  const outermost = found.filter((pane) => !found.some((other) => other !== pane && other.contains(pane)));
  return outermost.length > 0 ? outermost : [doc.body];
}

/** Every ancestor of `nodes` up to `top`, once each. */
function ancestorsOf(nodes: Node[], top: Node): Set<Node> {
  const found = new Set<Node>();
  for (const node of nodes) {
    let up = node === top ? null : node.parentNode;
    while (up && !found.has(up)) {
      found.add(up);
      up = up === top ? null : up.parentNode;
    }
  }
  return found;
}

const ticketOf = (page: PageCase) => `${page.helpdesk}\n${page.host}\n${page.ticketId}`;
const leftTicket = () => new DOMException('The rep left the ticket', 'AbortError');

/** The work for the ticket in view: an AbortSignal per ticket, aborted when the rep leaves it. */
function ticketWork() {
  let ticket: { key: string; work: AbortController } | undefined;
  const leave = () => {
    ticket?.work.abort(leftTicket());
    ticket = undefined;
  };
  return {
    leave,
    enter(page: PageCase) {
      const key = ticketOf(page);
      if (ticket?.key === key) return;
      leave();
      ticket = { key, work: new AbortController() };
    },
    signal: () => ticket?.work.signal ?? AbortSignal.abort(leftTicket()),
  };
}

/**
 * Watches the parts of the page a case is read from, and whether they are drawn anew; calls `changed` once they
 * have been quiet for a moment.
 */
function paneWatch(doc: Document, changed: () => void) {
  let observer: MutationObserver | undefined;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    observer?.disconnect();
    observer = undefined;
    clearTimeout(debounce);
  };
  return {
    stop,
    watch(pane: string | undefined) {
      stop();
      observer = new MutationObserver(() => {
        clearTimeout(debounce);
        debounce = setTimeout(changed, DEBOUNCE_MS);
      });
      const targets = panesIn(doc, pane);
      for (const target of targets) observer.observe(target, OBSERVED);
      // A pane drawn anew replaces it or one of its ancestors: their own children are cheap to watch.
      for (const ancestor of ancestorsOf(targets, doc.body)) observer.observe(ancestor, { childList: true });
    },
  };
}

/**
 * Turns the page into case reports: one `seen` per ticket (again when more of it has rendered), one `none` when the
 * rep leaves tickets. On pages that are not tickets it only looks at the URL. Each ticket has an AbortSignal,
 * aborted when the rep leaves it, for the work done for that ticket.
 */
export function createCaseWatcher(doc: Document, reporter: CaseReporter, read: ReadCase) {
  let last = 'none';
  let href = '';
  let settle: ReturnType<typeof setTimeout> | undefined;
  const ticket = ticketWork();

  /** Reports what changed since the last report; answers what it read. */
  const report = () => {
    const found = read(href);
    const key = found ? JSON.stringify(found.page) : 'none';
    if (key === last) return found;
    last = key;
    if (found) {
      ticket.enter(found.page);
      reporter.seen(found.page);
    } else {
      ticket.leave();
      reporter.none(href);
    }
    return found;
  };

  // Helpdesks render a ticket in pieces after the URL changes: watch only the ticket's pane, re-read once it is
  // quiet, and stop as soon as the case is complete, or after SETTLE_MS.
  const panes = paneWatch(doc, () => {
    const found = report();
    if (!found || found.complete) stopWatching();
    else panes.watch(found.pane);
  });
  const stopWatching = () => {
    panes.stop();
    clearTimeout(settle);
  };

  const check = (to: string) => {
    stopWatching();
    href = to;
    const found = report();
    if (!found || found.complete || !doc.body) return;
    panes.watch(found.pane);
    settle = setTimeout(stopWatching, SETTLE_MS);
  };

  return {
    check,
    /** Stops watching, and ends the work for the ticket in view. */
    stop: () => {
      stopWatching();
      ticket.leave();
    },
    hasTicket: () => last !== 'none',
    /** Aborted once the rep leaves the ticket in view (already, when none is). */
    signal: ticket.signal,
  };
}

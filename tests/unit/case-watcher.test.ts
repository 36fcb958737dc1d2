import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCaseWatcher, type ReadCase } from '@/utils/case-watcher';
import { helpdeskPages } from '@/utils/helpdesks/pages';
import { readHelpdeskCase } from '@/utils/helpdesks/read-case';
import type { PageCase } from '@/utils/schemas';
import { showFixture } from './fixtures';

function watch() {
  const seen: PageCase[] = [];
  const none: string[] = [];
  const reads: string[] = [];
  const helpdesk = readHelpdeskCase(document, helpdeskPages);
  const read: ReadCase = (href) => {
    reads.push(href);
    return helpdesk(href);
  };
  const watcher = createCaseWatcher(document, { seen: (p) => seen.push(p), none: (u) => none.push(u) }, read);
  return { watcher, seen, none, reads };
}

/** The zendesk ticket with its requester's name not drawn yet: the case is incomplete until it is. */
function ticketStillRendering() {
  const fixture = showFixture('zendesk-ticket.html');
  const workspace = `[data-side-conversations-anchor-id="${fixture.expect.activeTicketId}"]`;
  const nameNodes = [
    ...document.querySelectorAll(
      `${workspace} [data-test-id="customer-context-name"], ${workspace} [data-test-id="ticket-system-field-requester-label"]`,
    ),
  ];
  for (const node of nameNodes) node.textContent = '';
  const drawName = () => {
    for (const node of nameNodes) node.textContent = fixture.expect.requester?.name ?? '';
  };
  return { fixture, workspace, drawName };
}

describe('following the rep through the helpdesk', () => {
  afterEach(() => vi.useRealTimers());

  it('reports the ticket in view once, and again only when the rep moves to another ticket in the page', () => {
    const { watcher, seen, none } = watch();
    const first = showFixture('zendesk-ticket.html');
    watcher.check(first.url);
    watcher.check(first.url);
    expect(seen.map((s) => s.ticketId)).toEqual([String(first.expect.activeTicketId)]);
    expect(seen[0]?.customer.name).toBe(first.expect.requester?.name);

    // In-app navigation: the URL changes and the workspace of the other tab becomes active, no reload.
    const switched = showFixture('zendesk-ticket-switched.html');
    watcher.check(switched.url);
    expect(seen.map((s) => s.ticketId)).toEqual([
      String(first.expect.activeTicketId),
      String(switched.expect.activeTicketId),
    ]);
    expect(seen[1]?.customer.name).toBe(switched.expect.requester?.name);
    expect(none).toEqual([]);
    watcher.stop();
  });

  it('says nothing on pages that are not tickets, and reports leaving a ticket once', () => {
    const { watcher, seen, none } = watch();
    const dashboard = showFixture('zendesk-dashboard.html');
    watcher.check(dashboard.url);
    expect(seen).toEqual([]);
    expect(none).toEqual([]);

    const ticket = showFixture('zendesk-ticket.html');
    watcher.check(ticket.url);
    showFixture('zendesk-user.html');
    watcher.check('https://acme.zendesk.com/agent/users/1');
    watcher.check('https://acme.zendesk.com/agent/dashboard');
    expect(none).toEqual(['https://acme.zendesk.com/agent/users/1']);
    expect(watcher.hasTicket()).toBe(false);
  });

  it('reads the ticket again when the helpdesk finishes rendering it', async () => {
    vi.useFakeTimers();
    const { watcher, seen } = watch();
    const { fixture, drawName } = ticketStillRendering();
    // The requester's name arrives after the URL has changed.
    watcher.check(fixture.url);
    expect(seen.at(-1)?.customer.name).toBeUndefined();

    drawName();
    await vi.advanceTimersByTimeAsync(300);
    expect(seen.at(-1)?.customer.name).toBe(fixture.expect.requester?.name);
    expect(seen).toHaveLength(2);
    watcher.stop();
  });
});

describe('what the watcher costs a busy page', () => {
  afterEach(() => vi.useRealTimers());

  it('does not watch the page at all when the ticket is complete at once', async () => {
    vi.useFakeTimers();
    const { watcher, reads } = watch();
    const fixture = showFixture('zendesk-ticket.html');
    watcher.check(fixture.url);
    document.querySelector('[data-side-conversations-anchor-id]')?.append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(reads).toHaveLength(1);
  });

  it('watches only the ticket’s pane: changes elsewhere on the page read nothing', async () => {
    vi.useFakeTimers();
    const { watcher, reads } = watch();
    const { fixture, workspace } = ticketStillRendering();
    watcher.check(fixture.url);
    // The left navigation and the top bar keep changing (counts, presence): not the ticket.
    document.querySelector('nav')?.append(document.createElement('span'));
    document.querySelector('header')?.setAttribute('data-unread', '3');
    await vi.advanceTimersByTimeAsync(1000);
    expect(reads).toHaveLength(1);

    document.querySelector(workspace)?.append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(300);
    expect(reads).toHaveLength(2);
    watcher.stop();
  });

  it('stops watching once the case is complete', async () => {
    vi.useFakeTimers();
    const { watcher, reads, seen } = watch();
    const { fixture, workspace, drawName } = ticketStillRendering();
    watcher.check(fixture.url);
    drawName();
    await vi.advanceTimersByTimeAsync(300);
    expect(seen.at(-1)?.customer.name).toBe(fixture.expect.requester?.name);
    const readsWhenComplete = reads.length;

    document.querySelector(workspace)?.append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(reads).toHaveLength(readsWhenComplete);
  });

  it('stops watching an incomplete ticket after 15 s', async () => {
    vi.useFakeTimers();
    const { watcher, reads } = watch();
    const { fixture, workspace } = ticketStillRendering();
    watcher.check(fixture.url);
    await vi.advanceTimersByTimeAsync(15_000);
    document.querySelector(workspace)?.append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(reads).toHaveLength(1);
  });

  it('follows a pane the helpdesk draws anew, with what holds it', async () => {
    vi.useFakeTimers();
    const { watcher, seen } = watch();
    const { fixture, drawName } = ticketStillRendering();
    watcher.check(fixture.url);
    // The app swaps its whole main area for fresh markup, the requester's name drawn in it this time.
    const main = document.querySelector('main');
    drawName();
    const fresh = [...(main?.childNodes ?? [])].map((node) => node.cloneNode(true));
    main?.replaceChildren();
    await vi.advanceTimersByTimeAsync(300);
    main?.replaceChildren(...fresh);
    await vi.advanceTimersByTimeAsync(300);
    expect(seen.at(-1)?.customer.name).toBe(fixture.expect.requester?.name);
    watcher.stop();
  });

  it('watches the whole page when the helpdesk’s pane is not drawn yet', async () => {
    vi.useFakeTimers();
    const { watcher, reads } = watch();
    const { fixture } = ticketStillRendering();
    for (const pane of document.querySelectorAll('.ticket-panes-grid-layout, [data-test-id="header-tablist"]')) {
      pane.remove();
    }
    watcher.check(fixture.url);
    document.body.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(300);
    expect(reads).toHaveLength(2);
    watcher.stop();
  });
});

describe('the work done for a ticket', () => {
  it('is aborted when the rep moves to another ticket, and not when the same ticket is read again', () => {
    const { watcher } = watch();
    const first = showFixture('zendesk-ticket.html');
    watcher.check(first.url);
    const forFirst = watcher.signal();
    watcher.check(first.url);
    expect(watcher.signal()).toBe(forFirst);
    expect(forFirst.aborted).toBe(false);

    const switched = showFixture('zendesk-ticket-switched.html');
    watcher.check(switched.url);
    expect(forFirst.aborted).toBe(true);
    expect((forFirst.reason as DOMException).name).toBe('AbortError');
    expect(watcher.signal().aborted).toBe(false);
    watcher.stop();
  });

  it('is aborted when the rep leaves tickets or the script stops, and none is open off a ticket', () => {
    const { watcher } = watch();
    const ticket = showFixture('zendesk-ticket.html');
    watcher.check(ticket.url);
    const forTicket = watcher.signal();
    showFixture('zendesk-dashboard.html');
    watcher.check('https://acme.zendesk.com/agent/dashboard');
    expect(forTicket.aborted).toBe(true);
    expect(watcher.signal().aborted).toBe(true);

    showFixture('zendesk-ticket.html');
    watcher.check(ticket.url);
    const again = watcher.signal();
    watcher.stop();
    expect(again.aborted).toBe(true);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCaseWatcher } from '@/utils/case-watcher';
import type { PageCase } from '@/utils/schemas';
import { showFixture } from './fixtures';

function watch() {
  const seen: PageCase[] = [];
  const none: string[] = [];
  const watcher = createCaseWatcher(document, { seen: (p) => seen.push(p), none: (u) => none.push(u) });
  return { watcher, seen, none };
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
    const fixture = showFixture('zendesk-ticket.html');
    // The requester's name arrives after the URL has changed.
    const workspace = `[data-side-conversations-anchor-id="${fixture.expect.activeTicketId}"]`;
    const nameNodes = [
      ...document.querySelectorAll(
        `${workspace} [data-test-id="customer-context-name"], ${workspace} [data-test-id="ticket-system-field-requester-label"]`,
      ),
    ];
    const full = fixture.expect.requester?.name;
    for (const node of nameNodes) node.textContent = '';
    watcher.check(fixture.url);
    expect(seen.at(-1)?.customer.name).toBeUndefined();

    for (const node of nameNodes) node.textContent = full ?? '';
    await vi.advanceTimersByTimeAsync(300);
    expect(seen.at(-1)?.customer.name).toBe(full);
    expect(seen).toHaveLength(2);
    watcher.stop();
  });
});

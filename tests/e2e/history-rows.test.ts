import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Kept, launchKept } from '../../scripts/kept-browser';
import { openTicket } from './pages';

describe('a history page with a row Kept cannot read, in Chromium', () => {
  let kept: Kept;
  beforeAll(async () => {
    kept = await launchKept();
  });
  afterAll(async () => {
    await kept?.close();
  });

  it('shows every other row of the page, and says one conversation could not be read', async () => {
    // The demo helpdesk sends the first row of each list without its id.
    kept.helpdesk.setApiFailure('bad-row');
    const ticketId = kept.helpdesk.seed.demo.repeatContactTicketId;
    const { tickets } = kept.helpdesk.seed;
    const requester = tickets.find((t) => t.id === ticketId)?.requester_id;
    // Kept asks newest update first, so the spoilt row is the customer's most recently updated ticket.
    const theirs = tickets
      .filter((t) => t.requester_id === requester)
      .sort((a, b) => b.updated_at.localeCompare(a.updated_at) || b.id - a.id);
    const unreadable = theirs[0]?.id;
    const shown = theirs.filter((t) => t.id !== ticketId && t.id !== unreadable);
    expect(shown.length).toBeGreaterThan(1);

    const ticket = await openTicket(kept, kept.ticketUrl(ticketId));
    const { panel } = ticket;
    await panel.page.getByText('1 conversation could not be read').waitFor({ timeout: 15_000 });
    await expect.poll(() => panel.rows.count(), { timeout: 15_000 }).toBe(shown.length);
    const rows = await panel.rows.allTextContents();
    for (const t of shown) expect(rows.some((row) => row.includes(t.subject))).toBe(true);
    expect(await panel.banner.count()).toBe(0);
    await ticket.close();
  });
});

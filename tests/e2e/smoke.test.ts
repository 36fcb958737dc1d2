import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Kept, launchKept } from '../../scripts/kept-browser';
import { openTicket } from './pages';

describe('Kept in Chromium on a Zendesk ticket', () => {
  let kept: Kept;
  beforeAll(async () => {
    kept = await launchKept();
  });
  afterAll(async () => {
    await kept?.close();
  });

  it('reports the open ticket and the panel pinned to that tab shows its customer', async () => {
    const ticketId = kept.helpdesk.seed.demo.zoeTicketId;
    const { panel } = await openTicket(kept, kept.ticketUrl(ticketId));
    // Only the content script can have told the background about this ticket.
    await expect.poll(() => panel.customer.textContent(), { timeout: 15_000 }).toContain('Zoë Ångström');
    expect(await panel.customer.textContent()).toContain(`#${ticketId}`);
  });
});

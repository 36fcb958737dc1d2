import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Kept, launchKept, type Servers, startServers } from '../../scripts/kept-browser';
import { openTicket, type SidePanelPage } from './pages';

const FRESHDESK = 'https://acme.freshdesk.com';
const DAY = 24 * 60 * 60_000;

/** The rep opens a ticket and the side panel beside it; answers the panel's rows once `count` are listed. */
async function rowsBeside(kept: Kept, url: string, count: number): Promise<{ rows: string[]; panel: SidePanelPage }> {
  const { panel } = await openTicket(kept, url);
  await expect.poll(() => panel.rows.count(), { timeout: 20_000 }).toBe(count);
  return { rows: (await panel.rows.allTextContents()).sort(), panel };
}

describe('cached history across a browser restart with the helpdesk unreachable, in Chromium', () => {
  let servers: Servers;
  let kept: Kept;
  beforeAll(async () => {
    servers = await startServers();
    kept = await launchKept({ servers });
  });
  afterAll(async () => {
    await kept?.close();
    await servers?.close();
  });

  it('lists every earlier conversation, however old, and says the helpdesk cannot be reached', {
    timeout: 180_000,
  }, async () => {
    const { demo, tickets, users, freshdesk } = servers.helpdesk.seed;
    const zoe = users.find((u) => u.name === 'Zoë Ångström');
    const inZendesk = tickets.filter((t) => t.requester_id === zoe?.id);
    const inFreshdesk = freshdesk.tickets.filter(
      (t) => t.requester_id === freshdesk.tickets.find((f) => f.id === demo.freshdesk.zoeTicketId)?.requester_id,
    );
    // What the test is about: tickets the helpdesk last updated long before the 90-day retention period.
    expect(inZendesk.some((t) => Date.parse(t.updated_at) < servers.helpdesk.seed.now - 90 * DAY)).toBe(true);

    // Zoë's Zendesk ticket, then her Freshdesk ticket: one customer, both helpdesks' history.
    const zendeskUrl = kept.ticketUrl(demo.zoeTicketId);
    const freshdeskUrl = `${FRESHDESK}/a/tickets/${demo.freshdesk.zoeTicketId}`;
    await rowsBeside(kept, zendeskUrl, inZendesk.length - 1);
    const merged = inZendesk.length + inFreshdesk.length - 1;
    const before = {
      freshdesk: await rowsBeside(kept, freshdeskUrl, merged),
      zendesk: await rowsBeside(kept, zendeskUrl, merged),
    };

    await kept.quitBrowser();
    servers.helpdesk.setApiFailure('down');
    kept = await launchKept({ servers, profile: kept.profile });

    for (const [url, { rows }] of [
      [freshdeskUrl, before.freshdesk],
      [zendeskUrl, before.zendesk],
    ] as const) {
      const after = await rowsBeside(kept, url, rows.length);
      expect(after.rows).toEqual(rows);
      // The ticket's own lookup fails, and says so; the saved history stays listed.
      await expect.poll(() => after.panel.lookupProblem.textContent(), { timeout: 20_000 }).toMatch(/Could not reach/);
      // Refresh, as a rep would: the history banner says the helpdesk cannot be reached, and nothing is lost.
      await after.panel.refresh.click();
      await expect.poll(() => after.panel.banner.textContent(), { timeout: 20_000 }).toMatch(/Could not reach/);
      expect((await after.panel.rows.allTextContents()).sort()).toEqual(rows);
    }
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Kept, launchKept, type Servers, SLACK_WEBHOOK, startServers } from '../../scripts/kept-browser';
import { fastForwardOutbox, inOptions, openTicket, toolbarBadge } from './pages';

const QUOTE = 'Sam fixed it in ten minutes! Write to me at zoe.angstrom@fabrikam.com anytime.';

/** A rep on a ticket sends praise from the side panel. */
async function sendPraiseFrom(kept: Kept, ticketId: number) {
  const ticket = await openTicket(kept, kept.ticketUrl(ticketId));
  await ticket.panel.openComposer();
  await ticket.panel.sendPraise({
    to: 'Sam Rivera',
    message: 'Sam stayed with Zoë until the password reset worked.',
    quote: QUOTE,
  });
  return ticket;
}

const deliveredOnce = (servers: Servers) => [...servers.receiver.delivered.values()];

describe('praise from a Zendesk case, delivered to Slack, in Chromium', () => {
  let servers: Servers;
  let kept: Kept;
  beforeAll(async () => {
    servers = await startServers();
    kept = await launchKept({ servers });
    await inOptions(kept, (options) => options.deliverToSlack(SLACK_WEBHOOK));
  });
  afterAll(async () => {
    await kept?.close();
    await servers?.close();
  });
  beforeEach(() => {
    servers.receiver.received.length = 0;
    servers.receiver.delivered.clear();
  });

  it('delivers exactly one message with the case link and the quote masked', async () => {
    const ticketId = servers.helpdesk.seed.demo.zoeTicketId;
    const ticket = await sendPraiseFrom(kept, ticketId);
    await expect.poll(() => deliveredOnce(servers), { timeout: 15_000 }).toEqual([1]);
    const [message] = servers.receiver.received;
    expect(message?.body).toContain(kept.ticketUrl(ticketId));
    expect(message?.body).toContain('[email]');
    expect(message?.body).not.toContain('zoe.angstrom@fabrikam.com');
    expect(message?.body).toContain('Sam Rivera');
    await ticket.close();
  });

  it('still arrives exactly once when Slack fails the first 3 attempts', async () => {
    // 429, not 5xx: Chrome itself holds back an extension's requests to a URL after repeated 5xx answers.
    servers.receiver.failFirst(3, '429', { retryAfterSeconds: 1 });
    const ticket = await sendPraiseFrom(kept, servers.helpdesk.seed.demo.repeatContactTicketId);
    for (let attempt = 1; attempt <= 3; attempt++) {
      await expect.poll(() => servers.receiver.received.length, { timeout: 15_000 }).toBe(attempt);
      await fastForwardOutbox(ticket.panel.page);
    }
    await expect.poll(() => deliveredOnce(servers), { timeout: 15_000 }).toEqual([1]);
    expect(servers.receiver.received).toHaveLength(4);
    await ticket.close();
  });

  it('still arrives exactly once after the browser restarts while the kudos waits to retry', async () => {
    servers.receiver.failFirst(1, '429', { retryAfterSeconds: 1 });
    const ticket = await sendPraiseFrom(kept, servers.helpdesk.seed.demo.badRatingTicketId);
    await expect.poll(() => servers.receiver.received.length, { timeout: 15_000 }).toBe(1);
    await ticket.close();

    await kept.quitBrowser();
    kept = await launchKept({ servers, profile: kept.profile });
    const page = await kept.context.newPage();
    await page.goto(`chrome-extension://${kept.extensionId}/kudos.html`);
    await fastForwardOutbox(page);
    await expect.poll(() => deliveredOnce(servers), { timeout: 15_000 }).toEqual([1]);
    expect(servers.receiver.received).toHaveLength(2);
    await page.close();
  });

  it('refused for good, it turns the toolbar badge red; deleting it on the wall clears the badge', async () => {
    servers.receiver.failFirst(1, 'no_service');
    const ticket = await sendPraiseFrom(kept, servers.helpdesk.seed.demo.firstContactTicketId);
    await expect
      .poll(() => toolbarBadge(kept), { timeout: 15_000 })
      .toEqual({ text: '1', title: 'Kept: 1 kudos not delivered' });
    await ticket.close();

    const wall = await kept.context.newPage();
    await wall.goto(`chrome-extension://${kept.extensionId}/kudos.html`);
    const failed = wall.getByRole('list', { name: 'Kudos' }).getByRole('listitem').filter({ hasText: 'Failed' });
    await failed.getByRole('button', { name: 'Delete' }).click();
    await failed.getByRole('button', { name: 'Confirm delete' }).click();
    await expect.poll(() => failed.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => toolbarBadge(kept), { timeout: 10_000 }).toEqual({ text: '', title: 'Kept' });
    await wall.close();
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_DEMO } from '../../scripts/demo-helpdesk/slack-api';
import { type Kept, launchKept, type Servers, startServers } from '../../scripts/kept-browser';
import { inOptions, openTicket, PopupPage, toolbarBadge } from './pages';

const MAYA = { name: 'Maya Chen', email: 'mei.lin.chen@acmehq.com' };
const SAM = { name: 'Sam Rivera', email: 'sam.rivera@acmehq.com' };
const MESSAGE = 'Sam read the whole history first, so Zoë did not have to explain again.';

const badgeOf = async (kept: Kept) => (await toolbarBadge(kept)).text;

async function openWall(kept: Kept): Promise<Page> {
  const page = await kept.context.newPage();
  await page.goto(`chrome-extension://${kept.extensionId}/kudos.html`);
  return page;
}

/** The rep's Refresh on the wall, until the read it started is over. */
async function refreshWall(wall: Page): Promise<void> {
  const button = wall.getByRole('button', { name: /^(Refresh team feed|Refreshing…)$/ });
  await expect.poll(() => button.isEnabled(), { timeout: 10_000 }).toBe(true);
  await button.click();
  await expect.poll(() => button.textContent(), { timeout: 15_000 }).toBe('Refresh team feed');
}

const wallItems = (wall: Page, text: string) =>
  wall.getByRole('list', { name: 'Kudos' }).getByRole('listitem').filter({ hasText: text });

describe('the team feed between two reps’ browsers, through the Slack app', () => {
  let servers: Servers;
  let a: Kept;
  let b: Kept;
  beforeAll(async () => {
    servers = await startServers();
    [a, b] = await Promise.all([launchKept({ servers }), launchKept({ servers })]);
    for (const [kept, rep] of [
      [a, MAYA],
      [b, SAM],
    ] as const) {
      await inOptions(kept, async (options) => {
        await options.saveProfile(rep.name, rep.email);
        await options.teamFeedFromSlack(SLACK_DEMO.token, SLACK_DEMO.channel);
      });
    }
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await servers?.close();
  });

  it('rep A praises rep B from a case; B’s wall, popup and badge show it once, A’s wall once', async () => {
    const badgeBefore = Number((await badgeOf(b)) || 0);
    const ticketId = servers.helpdesk.seed.demo.zoeTicketId;
    const ticket = await openTicket(a, a.ticketUrl(ticketId));
    await ticket.panel.openComposer();
    await ticket.panel.sendPraise({ to: SAM.name, message: MESSAGE, promise: 'You never have to repeat yourself' });
    const channel = () => servers.helpdesk.slack.channels.get(SLACK_DEMO.channel) ?? [];
    await expect
      .poll(() => channel().filter((m) => JSON.stringify(m).includes(MESSAGE)).length, { timeout: 15_000 })
      .toBe(1);
    // Posted once, through the app: nothing went to the incoming webhook.
    expect(servers.receiver.received).toHaveLength(0);
    await ticket.close();

    // B: one refresh of the team feed (the wall asks for one when it opens).
    const wall = await openWall(b);
    await expect.poll(() => wallItems(wall, MESSAGE).count(), { timeout: 15_000 }).toBe(1);
    const link = wallItems(wall, MESSAGE).getByRole('link');
    expect(await link.getAttribute('href')).toBe(a.ticketUrl(ticketId));
    await expect.poll(() => badgeOf(b), { timeout: 10_000 }).toBe(String(badgeBefore + 1));
    await refreshWall(wall);
    expect(await badgeOf(b)).toBe(String(badgeBefore + 1));
    await wall.getByRole('checkbox', { name: 'For me' }).check();
    expect(await wallItems(wall, MESSAGE).count()).toBe(1);
    await wall.close();

    const popup = await PopupPage.open(b);
    const praise = popup.page.getByRole('list', { name: 'Praise for you' }).getByRole('listitem').first();
    await expect
      .poll(() => praise.textContent(), { timeout: 10_000 })
      .toContain(`Maya thanked you for #${ticketId} — You never have to repeat yourself`);
    expect(await praise.getByRole('link').getAttribute('href')).toBe(a.ticketUrl(ticketId));
    // Seen in the popup: the badge stops counting it.
    await expect.poll(() => badgeOf(b), { timeout: 10_000 }).toBe('');
    await popup.page.close();

    // A: sent here and read back, shown once, as sent.
    const wallA = await openWall(a);
    await refreshWall(wallA);
    await expect.poll(() => wallItems(wallA, MESSAGE).count(), { timeout: 10_000 }).toBe(1);
    expect(await wallItems(wallA, MESSAGE).textContent()).toContain('Sent');
    expect(await badgeOf(a)).toBe('');
    await wallA.close();
  }, 120_000);

  it.each([
    ['ratelimited', /Slack asked Kept to slow down \(ratelimited\)/],
    ['invalid_auth', /Slack refused the bot token \(invalid_auth\)/],
  ] as const)(
    'a read answered %s shows its state; the next kudos is still delivered',
    async (mode, shown) => {
      const wall = await openWall(b);
      await expect
        .poll(() => wall.getByText(/^Team feed from the Slack app, updated/).count(), { timeout: 15_000 })
        .toBe(1);
      const before = await wall.getByRole('list', { name: 'Kudos' }).getByRole('listitem').count();
      servers.helpdesk.slack.setFailure(mode, { method: 'conversations.history', retryAfterSeconds: 30 });
      await refreshWall(wall);
      await expect.poll(() => wall.getByRole('alert').textContent(), { timeout: 10_000 }).toMatch(shown);
      expect(await wall.getByRole('list', { name: 'Kudos' }).getByRole('listitem').count()).toBe(before);

      const message = `Thanks for covering the ${mode} shift, Sam — the customer noticed.`;
      const ticket = await openTicket(a, a.ticketUrl(servers.helpdesk.seed.demo.repeatContactTicketId));
      await ticket.panel.openComposer();
      await ticket.panel.sendPraise({ to: SAM.name, message });
      // The panel shows the kudos given for this customer's conversations, this one included.
      const wentWell = ticket.panel.page.getByRole('region', { name: 'What went well before' });
      await expect.poll(() => wentWell.getByText(message).count(), { timeout: 10_000 }).toBe(1);
      const posted = () =>
        (servers.helpdesk.slack.channels.get(SLACK_DEMO.channel) ?? []).filter((m) =>
          JSON.stringify(m).includes(message),
        );
      await expect.poll(() => posted().length, { timeout: 15_000 }).toBe(1);
      await ticket.close();

      servers.helpdesk.slack.setFailure('none');
      await refreshWall(wall);
      await expect.poll(() => wallItems(wall, message).count(), { timeout: 10_000 }).toBe(1);
      expect(await wall.getByRole('alert').count()).toBe(0);
      await wall.close();
    },
    120_000,
  );
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Kept, launchKept, type Servers, SLACK_WEBHOOK, startServers } from '../../scripts/kept-browser';
import { OptionsPage, SidePanelPage } from './pages';

const QUOTE = 'Sam fixed it in ten minutes! Write to me at zoe.angstrom@fabrikam.com anytime.';

/** The admin points delivery at Slack, as in Options. */
async function deliverToSlack(kept: Kept) {
  const options = await OptionsPage.open(kept);
  await options.field('Deliver kudos to').selectOption({ label: 'Slack' });
  await options.field('Webhook URL').fill(SLACK_WEBHOOK);
  await options.page.getByRole('button', { name: 'Save delivery' }).click();
  // Once saved, the URL is shown masked (it is a credential).
  await options.page
    .getByText(/hooks\.slack\.com.*…/)
    .first()
    .waitFor({ timeout: 10_000 });
  await options.page.close();
}

/** A rep on a ticket sends praise from the side panel. */
async function sendPraise(kept: Kept, ticketId: number) {
  const ticket = await kept.context.newPage();
  await ticket.goto(kept.ticketUrl(ticketId));
  const panel = await SidePanelPage.open(kept, await kept.tabIdOf(ticket));
  await panel.customer.waitFor({ timeout: 15_000 });
  await panel.page.getByRole('button', { name: 'Send praise' }).click();
  await panel.page.getByLabel('To', { exact: true }).fill('Sam Rivera');
  await panel.page.getByLabel('Message', { exact: true }).fill('Sam stayed with Zoë until the password reset worked.');
  await panel.page.getByLabel('Customer quote', { exact: true }).fill(QUOTE);
  await panel.page.getByRole('button', { name: 'Send', exact: true }).click();
  return { ticket, panel };
}

/**
 * Lets time pass for the outbox: once no attempt is in flight (no live lease), every waiting delivery becomes due
 * now, then the background is woken.
 */
async function fastForward(page: Page) {
  await page.evaluate(async () => {
    const idle = () =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open('kept');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('outbox', 'readwrite');
          const store = tx.objectStore('outbox');
          const all = store.getAll();
          let moved = false;
          all.onsuccess = () => {
            const entries = all.result as Array<{ leaseUntil?: number; nextAttemptAt: number }>;
            if (entries.some((e) => (e.leaseUntil ?? 0) > Date.now())) return;
            for (const entry of entries) store.put({ ...entry, nextAttemptAt: Date.now() });
            moved = true;
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve(moved);
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    for (let tries = 0; tries < 100 && !(await idle()); tries++) await new Promise((r) => setTimeout(r, 50));
    await chrome.runtime.sendMessage({ kept: 1, type: 'outbox:wake', data: {} });
  });
}

const deliveredOnce = (servers: Servers) => [...servers.receiver.delivered.values()];

describe('praise from a Zendesk case, delivered to Slack, in Chromium', () => {
  let servers: Servers;
  let kept: Kept;
  beforeAll(async () => {
    servers = await startServers();
    kept = await launchKept({ servers });
    await deliverToSlack(kept);
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
    const { ticket, panel } = await sendPraise(kept, ticketId);
    await expect.poll(() => deliveredOnce(servers), { timeout: 15_000 }).toEqual([1]);
    const [message] = servers.receiver.received;
    expect(message?.body).toContain(kept.ticketUrl(ticketId));
    expect(message?.body).toContain('[email]');
    expect(message?.body).not.toContain('zoe.angstrom@fabrikam.com');
    expect(message?.body).toContain('Sam Rivera');
    await ticket.close();
    await panel.page.close();
  });

  it('still arrives exactly once when Slack fails the first 3 attempts', async () => {
    // 429, not 5xx: Chrome itself holds back an extension's requests to a URL after repeated 5xx answers.
    servers.receiver.failFirst(3, '429', { retryAfterSeconds: 1 });
    const { ticket, panel } = await sendPraise(kept, servers.helpdesk.seed.demo.repeatContactTicketId);
    for (let attempt = 1; attempt <= 3; attempt++) {
      await expect.poll(() => servers.receiver.received.length, { timeout: 15_000 }).toBe(attempt);
      await fastForward(panel.page);
    }
    await expect.poll(() => deliveredOnce(servers), { timeout: 15_000 }).toEqual([1]);
    expect(servers.receiver.received).toHaveLength(4);
    await ticket.close();
    await panel.page.close();
  });

  it('still arrives exactly once after the browser restarts while the kudos waits to retry', async () => {
    servers.receiver.failFirst(1, '429', { retryAfterSeconds: 1 });
    const { ticket, panel } = await sendPraise(kept, servers.helpdesk.seed.demo.badRatingTicketId);
    await expect.poll(() => servers.receiver.received.length, { timeout: 15_000 }).toBe(1);
    await ticket.close();
    await panel.page.close();

    await kept.quitBrowser();
    kept = await launchKept({ servers, profile: kept.profile });
    const page = await kept.context.newPage();
    await page.goto(`chrome-extension://${kept.extensionId}/kudos.html`);
    await fastForward(page);
    await expect.poll(() => deliveredOnce(servers), { timeout: 15_000 }).toEqual([1]);
    expect(servers.receiver.received).toHaveLength(2);
    await page.close();
  });
});

// npm run demo: build Kept, start the demo helpdesk, and open Chromium with Kept at a demo Zendesk ticket.
// npm run demo -- --headless: the same without a window; saves a picture of the ticket with the side panel beside it
// and prints its path.
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { gorgiasApi } from './demo-helpdesk/gorgias-api';
import { launchKept } from './kept-browser';

const headless = process.argv.includes('--headless');
execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });

const PANEL = { width: 400, height: 900 };
const PAGE = { width: 1040, height: 900 };

/** The Options welcome Kept opens on install, once it is there (so the ticket opened after it is in front). */
async function welcomeShown(context: BrowserContext): Promise<void> {
  const isWelcome = (page: Page) => page.url().includes('options.html');
  if (context.pages().some(isWelcome)) return;
  await context.waitForEvent('page', { predicate: isWelcome, timeout: 10_000 }).catch(() => undefined);
}

/** One picture of the helpdesk page with the panel beside it, as a rep sees them: composed in a page of its own. */
async function pictureBeside(context: BrowserContext, ticket: Page, panel: Page, file: string): Promise<void> {
  const shot = async (page: Page) => `data:image/png;base64,${(await page.screenshot()).toString('base64')}`;
  const [left, right] = [await shot(ticket), await shot(panel)];
  const frame = await context.newPage();
  await frame.setViewportSize({ width: PAGE.width + PANEL.width + 1, height: PAGE.height });
  await frame.setContent(
    `<body style="margin:0;display:flex;gap:1px;background:#9aa5a1"><img src="${left}"><img src="${right}"></body>`,
  );
  await frame.screenshot({ path: file });
}

const kept = await launchKept({ headless });
const ticketId = kept.helpdesk.seed.demo.repeatContactTicketId;
await welcomeShown(kept.context);
// The browser's first tab shows the ticket rather than staying empty beside it.
const ticket = kept.context.pages().find((page) => page.url() === 'about:blank') ?? (await kept.context.newPage());
await ticket.goto(kept.ticketUrl(ticketId));
await ticket.bringToFront();
const tabId = await kept.tabIdOf(ticket);

if (headless) {
  await ticket.setViewportSize(PAGE);
  const panel = await kept.context.newPage();
  await panel.setViewportSize(PANEL);
  await panel.goto(`chrome-extension://${kept.extensionId}/sidepanel.html?tabId=${tabId}`);
  const story = panel.getByRole('region', { name: 'The story so far' });
  await story.getByText(/handled by/).waitFor({ timeout: 20_000 });
  await story.locator('.last-reply').waitFor({ timeout: 20_000 });
  await panel.getByRole('list', { name: 'Earlier conversations' }).waitFor({ timeout: 20_000 });
  await mkdir('test-results', { recursive: true });
  const file = path.resolve('test-results/demo-side-panel.png');
  await pictureBeside(kept.context, ticket, panel, file);
  console.log(file);
  await kept.close();
} else {
  // The in-page button is in a closed shadow root; a real click on it is the user gesture the side panel needs.
  await ticket.locator('kept-launcher').click({ timeout: 20_000 });
  console.log(`Kept is running on ${kept.ticketUrl(ticketId)}.`);
  console.log('Click the "Kept" button on the page (or press Alt+Shift+K) to open the side panel. Ctrl+C to stop.');
  const { demo } = kept.helpdesk.seed;
  const { account, user, secret } = gorgiasApi.credentials;
  console.log('Zoë Ångström wrote to every demo helpdesk; open her tickets to see one history from all of them:');
  console.log(`  ${kept.ticketUrl(demo.zoeTicketId)}`);
  console.log(`  https://acme.freshdesk.com/a/tickets/${demo.freshdesk.zoeTicketId}`);
  console.log(`  https://acme.atlassian.net/browse/${demo.jsm.issueKey}`);
  const zoho = kept.helpdesk.seed.zohodesk;
  console.log(
    `  https://desk.zoho.com/agent/${zoho.portal}/${zoho.department.slug}/tickets/details/${demo.zohodesk.zoeTicketId}`,
  );
  console.log(`  https://${account}.gorgias.com/app/ticket/180600007 (history once Options → Helpdesks → Gorgias has`);
  console.log(`    subdomain ${account}, login email ${user}, API key ${secret})`);
  const stop = () => void kept.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  kept.context.on('close', stop);
}

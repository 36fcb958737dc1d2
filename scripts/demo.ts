// npm run demo: build Kept, start the demo helpdesk, and open Chromium with Kept at a demo Zendesk ticket.
// npm run demo -- --headless: the same without a window; saves a screenshot of the side panel and prints its path.
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { gorgiasApi } from './demo-helpdesk/gorgias-api';
import { launchKept } from './kept-browser';

const headless = process.argv.includes('--headless');
execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });

const kept = await launchKept({ headless });
const ticketId = kept.helpdesk.seed.demo.repeatContactTicketId;
const ticket = await kept.context.newPage();
await ticket.goto(kept.ticketUrl(ticketId));
const tabId = await kept.tabIdOf(ticket);

if (headless) {
  const panel = await kept.context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(`chrome-extension://${kept.extensionId}/sidepanel.html?tabId=${tabId}`);
  await panel.getByRole('list', { name: 'Earlier conversations' }).waitFor({ timeout: 20_000 });
  const behaviours = panel.getByRole('region', { name: 'Behaviours for your role' });
  await behaviours
    .getByRole('button', { name: 'Choose your role' })
    .or(behaviours.getByRole('checkbox').first())
    .waitFor();
  await mkdir('test-results', { recursive: true });
  const file = path.resolve('test-results/demo-side-panel.png');
  await panel.screenshot({ path: file });
  console.log(file);
  await kept.close();
} else {
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

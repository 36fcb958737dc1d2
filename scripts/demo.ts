// npm run demo: build Kept, start the demo helpdesk, and open Chromium with Kept at a demo Zendesk ticket.
// npm run demo -- --headless: the same without a window; saves a picture of the ticket with the side panel beside it
// and prints its path.
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { gorgiasApi } from './demo-helpdesk/gorgias-api';
import { SLACK_DEMO } from './demo-helpdesk/slack-api';
import { openOnTicket } from './demo-open';
import { type Kept, launchKept } from './kept-browser';
import { panelBeside, pictureBeside } from './side-panel-picture';

/** The demo team's feed: Options set to the Slack stand-in's channel, then the kudos wall with teammates' kudos. */
async function showTeamWall(kept: Kept): Promise<void> {
  const options = await kept.context.newPage();
  await options.goto(`chrome-extension://${kept.extensionId}/options.html`);
  await options.getByLabel('Read the team’s kudos from').selectOption({ label: 'Slack app (bot token and channel)' });
  await options.getByLabel('Slack bot token').fill(SLACK_DEMO.token);
  await options.getByLabel('Slack channel id').fill(SLACK_DEMO.channel);
  await options.getByRole('button', { name: 'Save team feed' }).click();
  await options.getByText(/^Team feed saved and read/).waitFor({ timeout: 20_000 });
  await options.close();
  const wall = await kept.context.newPage();
  await wall.goto(`chrome-extension://${kept.extensionId}/kudos.html`);
}

const headless = process.argv.includes('--headless');
execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });

const PANEL = { width: 400, height: 900 };
const PAGE = { width: 1040, height: 900 };

const kept = await launchKept({ headless });
await showTeamWall(kept);
const ticketId = kept.helpdesk.seed.demo.repeatContactTicketId;
const ticket = await openOnTicket(kept, ticketId, !headless);

if (headless) {
  await ticket.setViewportSize(PAGE);
  const panel = await panelBeside(kept, ticket, PANEL);
  await mkdir('test-results', { recursive: true });
  const file = path.resolve('test-results/demo-side-panel.png');
  await pictureBeside(kept.context, ticket, panel, file);
  console.log(file);
  await kept.close();
} else {
  console.log(`Kept is running on ${kept.ticketUrl(ticketId)}, with its side panel open beside the ticket.`);
  console.log('The "Kept" button on the page (or Alt+Shift+K) opens the panel again. Ctrl+C to stop.');
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

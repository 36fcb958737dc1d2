// npm run store-assets: the Chrome Web Store and Firefox Add-ons pictures, from the demo helpdesk in headless
// Chromium. Screenshots are 1280×800 (a demo ticket with the side panel beside it), light in English and dark in
// German; the small promo tile is 440×280. All are written to store/ (RGB, no alpha, as both stores want).
// `-- --no-build` reuses .output/chrome-mv3.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { openOnTicket } from './demo-open';
import { CHROMIUM, launchKept, type Servers, startServers } from './kept-browser';
import { panelBeside, pictureBeside } from './side-panel-picture';

const OUT = path.resolve('store');
const SCREEN = { width: 1280, height: 800 };
const PANEL = { width: 400, height: SCREEN.height };
/** The helpdesk takes what the panel leaves, less the hairline between them. */
const TICKET = { width: SCREEN.width - PANEL.width - 1, height: SCREEN.height };
const TILE = { width: 440, height: 280 };

interface Shot {
  file: string;
  colorScheme: 'light' | 'dark';
  language: string;
}

const SHOTS: [Shot, ...Shot[]] = [
  { file: 'screenshot-light-en.png', colorScheme: 'light', language: 'en-US' },
  { file: 'screenshot-dark-de.png', colorScheme: 'dark', language: 'de' },
];

/** A rep who has said who they are and picked a role, so the panel shows their behaviours. */
const REP = { roleId: 'frontline', profile: { name: 'Maya Lindqvist', email: 'maya@acme.example' } };

/** One screenshot: the repeat-contact demo ticket with the panel beside it. Returns the panel page's picture. */
async function screenshot(servers: Servers, shot: Shot): Promise<Buffer> {
  const kept = await launchKept({ servers, colorScheme: shot.colorScheme, language: shot.language });
  try {
    await kept.worker.evaluate((settings) => chrome.storage.local.set(settings), REP);
    const ticket = await openOnTicket(kept, servers.helpdesk.seed.demo.repeatContactTicketId, false);
    await ticket.setViewportSize(TICKET);
    const panel = await panelBeside(kept, ticket, PANEL);
    await pictureBeside(kept.context, ticket, panel, path.join(OUT, shot.file));
    return await panel.screenshot();
  } finally {
    await kept.close();
  }
}

const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;

/** The small promo tile: the icon, the name, one line on what Kept does, and the top of the panel. */
async function promoTile(page: Page, panelPicture: Buffer): Promise<void> {
  const icon = dataUrl('image/svg+xml', await readFile('scripts/icon.svg'));
  await page.setViewportSize(TILE);
  await page.setContent(`<!doctype html>
<body style="margin:0;width:${TILE.width}px;height:${TILE.height}px;overflow:hidden;display:flex;
  background:#1f4f46;color:#fbfcfb;font:15px/1.35 system-ui,sans-serif">
  <div style="flex:1;padding:28px 0 0 26px">
    <img src="${icon}" width="56" height="56" alt="">
    <p style="margin:14px 0 6px;font-size:30px;font-weight:700">Kept</p>
    <p style="margin:0;max-width:190px;font-size:14px">The customer's story, your team's promises and praise, beside every ticket.</p>
  </div>
  <img src="${dataUrl('image/png', panelPicture)}" alt=""
    style="width:200px;margin:24px 0 0;align-self:flex-start;border-radius:8px 0 0 0;box-shadow:0 0 0 1px #9aa5a1">
</body>`);
  await page.screenshot({ path: path.join(OUT, 'promo-small-440x280.png') });
}

if (!process.argv.includes('--no-build')) execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
await mkdir(OUT, { recursive: true });
const servers = await startServers();
try {
  const [first, ...others] = SHOTS;
  const lightPanel = await screenshot(servers, first);
  for (const shot of others) await screenshot(servers, shot);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await promoTile(await browser.newPage(), lightPanel);
  } finally {
    await browser.close();
  }
  for (const file of [...SHOTS.map((s) => s.file), 'promo-small-440x280.png']) console.log(path.join(OUT, file));
} finally {
  await servers.close();
}

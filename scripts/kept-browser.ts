import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { type DemoHelpdesk, startDemoHelpdesk } from './demo-helpdesk/server';

export const EXTENSION_DIR = path.resolve('.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The helpdesk host the tests open; --host-resolver-rules sends it to the local demo helpdesk. */
export const ZENDESK = 'acme.zendesk.com';

export interface Kept {
  context: BrowserContext;
  helpdesk: DemoHelpdesk;
  extensionId: string;
  worker: Worker;
  /** https://acme.zendesk.com/agent/tickets/{id} */
  ticketUrl(id: number | string): string;
  /** Chrome's id of the tab showing `page`. */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

/** Starts the demo helpdesk and Debian's Chromium with the built extension loaded, the way a rep runs them. */
export async function launchKept(options: { headless?: boolean } = {}): Promise<Kept> {
  const helpdesk = await startDemoHelpdesk({ port: 0, tls: true });
  const profile = await mkdtemp(path.join(tmpdir(), 'kept-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--host-resolver-rules=MAP *.zendesk.com 127.0.0.1:${helpdesk.port}, MAP *.freshdesk.com 127.0.0.1:${helpdesk.port}, MAP *.atlassian.net 127.0.0.1:${helpdesk.port}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    helpdesk,
    extensionId,
    worker,
    ticketUrl: (id) => `https://${ZENDESK}/agent/tickets/${id}`,
    async tabIdOf(page) {
      const url = page.url();
      const id = await worker.evaluate(async (href) => {
        const tabs = await chrome.tabs.query({});
        return tabs.find((t) => t.url === href)?.id;
      }, url);
      if (id === undefined) throw new Error(`No tab shows ${url}`);
      return id;
    },
    async close() {
      await context.close();
      await helpdesk.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { helpdeskHosts } from '../utils/helpdesks/pages';
import { type DemoHelpdesk, startDemoHelpdesk } from './demo-helpdesk/server';
import { TOKEN_API_VENDORS } from './demo-helpdesk/token-apis';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

export const EXTENSION_DIR = path.resolve('.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The helpdesk host the tests open; --host-resolver-rules sends it to the local demo helpdesk. */
export const ZENDESK = 'acme.zendesk.com';
/** Where kudos go in the demo and the tests: a Slack-shaped receiver answering for hooks.slack.com. */
export const SLACK_WEBHOOK = 'https://hooks.slack.com/services/T0KEPT/B0KEPT/demo0000000000000000';

export interface Servers {
  helpdesk: DemoHelpdesk;
  receiver: WebhookReceiver;
  close(): Promise<void>;
}

/** The demo helpdesk and the kudos receiver, both over HTTPS with throwaway certificates. */
export async function startServers(): Promise<Servers> {
  const [helpdesk, receiver] = await Promise.all([
    startDemoHelpdesk({ port: 0, tls: true }),
    startWebhookReceiver({ tls: true }),
  ]);
  return { helpdesk, receiver, close: async () => void (await Promise.all([helpdesk.close(), receiver.close()])) };
}

export interface Kept extends Servers {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** The browser profile; pass it to launchKept again to restart the same browser. */
  profile: string;
  /** https://acme.zendesk.com/agent/tickets/{id} */
  ticketUrl(id: number | string): string;
  /** Chrome's id of the tab showing `page`. */
  tabIdOf(page: Page): Promise<number>;
  /** Closes the browser, keeping the profile and the servers (for a restart). */
  quitBrowser(): Promise<void>;
  /** Closes everything and removes the profile. */
  close(): Promise<void>;
}

interface LaunchOptions {
  headless?: boolean;
  /** Reuse servers (and keep them running when this browser closes). */
  servers?: Servers;
  /** Reuse a profile, as after a browser restart. */
  profile?: string;
  /** The browser's language, as a rep's browser set to German (`de`) or Japanese (`ja`) would have it. */
  language?: string;
  /** The system's light or dark appearance. */
  colorScheme?: 'light' | 'dark';
}

/**
 * The flags and environment that start Chromium in a language: `--lang` (Windows, macOS, ChromeOS) and, as Chromium
 * on Linux takes its UI language from the environment instead, LANGUAGE; the page-level locale (navigator.language,
 * Intl's default) follows too.
 */
function languageOf(language: string | undefined) {
  if (!language) return { args: [], env: undefined, locale: undefined };
  return {
    args: [`--lang=${language}`, `--accept-lang=${language}`],
    env: { ...process.env, LANGUAGE: language, LANG: `${language.replace('-', '_')}.UTF-8` },
    locale: language,
  };
}

/** Starts Debian's Chromium with the built extension loaded, helpdesk and Slack hosts mapped to the local servers. */
export async function launchKept(options: LaunchOptions = {}): Promise<Kept> {
  const servers = options.servers ?? (await startServers());
  const { helpdesk, receiver } = servers;
  const profile = options.profile ?? (await mkdtemp(path.join(tmpdir(), 'kept-e2e-')));
  const rules = [
    // Every helpdesk's pages, and the APIs Kept reaches with an admin's token: the demo helpdesk answers for all.
    ...[...helpdeskHosts(), ...TOKEN_API_VENDORS.flatMap((vendor) => vendor.hosts)].map(
      (host) => `MAP ${host} 127.0.0.1:${helpdesk.port}`,
    ),
    `MAP hooks.slack.com 127.0.0.1:${receiver.port}`,
    // Slack's Web API (the team feed's Slack app) is the demo helpdesk's stand-in.
    `MAP slack.com 127.0.0.1:${helpdesk.port}`,
  ];
  const language = languageOf(options.language);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 800 },
    ...(language.locale ? { locale: language.locale, env: language.env } : {}),
    ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
    args: [
      ...language.args,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--host-resolver-rules=${rules.join(', ')}`,
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
  const quitBrowser = () => context.close();
  return {
    ...servers,
    context,
    extensionId,
    worker,
    profile,
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
    quitBrowser,
    async close() {
      await quitBrowser();
      if (!options.servers) await servers.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

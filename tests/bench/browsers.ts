import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM, type Servers } from '../../scripts/kept-browser';

/** Chromium without Kept, otherwise launched as `launchKept` launches it: same flags, same hosts mapped. */
export async function launchPlain(servers: Servers): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = await mkdtemp(path.join(tmpdir(), 'kept-bench-plain-'));
  const { helpdesk, receiver } = servers;
  const rules = [
    `MAP *.zendesk.com 127.0.0.1:${helpdesk.port}`,
    `MAP *.freshdesk.com 127.0.0.1:${helpdesk.port}`,
    `MAP *.atlassian.net 127.0.0.1:${helpdesk.port}`,
    `MAP hooks.slack.com 127.0.0.1:${receiver.port}`,
  ];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 800 },
    args: [
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
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * tsx compiles this benchmark with esbuild's keepNames, which wraps named inner functions in `__name(…)`; functions
 * handed to `page.evaluate` or `addInitScript` then need that helper in the page. (The service worker has none:
 * keep functions given to `worker.evaluate` free of named inner functions.)
 */
export async function acceptCompiledFunctions(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
}

export interface MainThread {
  /** Renderer main-thread busy time (CDP Performance `TaskDuration`), ms. */
  taskMs: number;
  /** Of which running script (`ScriptDuration`), ms. */
  scriptMs: number;
  /** Style and layout (`RecalcStyleDuration` + `LayoutDuration`), ms. */
  styleLayoutMs: number;
}

/** Reads a page's cumulative main-thread metrics; `Performance.enable` must have been sent on `cdp` first. */
export async function mainThread(cdp: Awaited<ReturnType<BrowserContext['newCDPSession']>>): Promise<MainThread> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  const of = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return {
    taskMs: of('TaskDuration'),
    scriptMs: of('ScriptDuration'),
    styleLayoutMs: of('RecalcStyleDuration') + of('LayoutDuration'),
  };
}

export const minus = (a: MainThread, b: MainThread): MainThread => ({
  taskMs: a.taskMs - b.taskMs,
  scriptMs: a.scriptMs - b.scriptMs,
  styleLayoutMs: a.styleLayoutMs - b.styleLayoutMs,
});

/** A new page with CDP performance metrics on from before its first navigation. */
export async function meteredPage(context: BrowserContext) {
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { page, cdp };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `work` and throws when it has not finished within `ms`: every step of the benchmark is bounded. */
export async function within<T>(ms: number, what: string, work: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

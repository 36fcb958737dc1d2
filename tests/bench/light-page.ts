// What Kept costs a light ticket page at its busiest moments: the first seconds of its load, and the watch window
// right after a ticket opens while the helpdesk keeps changing the page. The page's whole main-thread time with Kept
// divided by the same without Kept, alternating browsers, several runs.

import type { BrowserContext } from 'playwright-core';
import type { Kept } from '../../scripts/kept-browser';
import { type MainThread, mainThread, meteredPage } from './browsers';
import { mutate } from './page-cost';
import { type Figure, median, round } from './report';

/** How long Kept keeps watching a freshly opened ticket (SETTLE_MS in utils/case-watcher.ts). */
export const WATCH_WINDOW_S = 15;
/** The part of a load the load budget is about. */
const LOAD_WINDOW_MS = 3000;

/**
 * Page-side work for ticket pages opened with `?kept-bench=busy`; runs in the page's own world. From the moment the
 * document is parsed, the ticket's workspace changes 1,000 nodes a second (`mutate`) for `seconds`.
 */
function busyHelpdesk(change: (seconds: number) => Promise<number>, seconds: number): void {
  if (new URLSearchParams(location.search).get('kept-bench') !== 'busy') return;
  const w = window as unknown as { __keptBenchBusyDone?: number };
  document.addEventListener('DOMContentLoaded', () => {
    void change(seconds).then(() => {
      w.__keptBenchBusyDone = performance.now();
    });
  });
}

export async function installBusyPage(contexts: BrowserContext[]): Promise<void> {
  const content = `(${busyHelpdesk.toString()})(${mutate.toString()}, ${WATCH_WINDOW_S});`;
  for (const context of contexts) await context.addInitScript({ content });
}

/** A busy ticket page from navigation until the helpdesk's burst of changes ends: its whole main-thread time. */
async function busyOpen(context: BrowserContext, url: string): Promise<MainThread> {
  const { page, cdp } = await meteredPage(context);
  try {
    await page.goto(`${url}?kept-bench=busy`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => (window as { __keptBenchBusyDone?: number }).__keptBenchBusyDone, undefined, {
      timeout: (WATCH_WINDOW_S + 30) * 1000,
      polling: 200,
    });
    return await mainThread(cdp);
  } finally {
    await page.close();
  }
}

/** A light ticket page from navigation to 3 s after it: its whole main-thread time, Kept's share included. */
async function lightLoad(context: BrowserContext, url: string): Promise<MainThread> {
  const { page, cdp } = await meteredPage(context);
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction((ms) => performance.now() >= ms, LOAD_WINDOW_MS, { timeout: 30_000, polling: 50 });
    return await mainThread(cdp);
  } finally {
    await page.close();
  }
}

/** Per run, with Kept ÷ without, the two measured back to back, alternating which goes first; after a warm-up. */
async function ratios(
  kept: BrowserContext,
  plain: BrowserContext,
  rounds: number,
  measure: (context: BrowserContext) => Promise<MainThread>,
): Promise<{ ratios: number[]; withMs: number[]; withoutMs: number[] }> {
  await measure(kept);
  await measure(plain);
  const out = { ratios: [] as number[], withMs: [] as number[], withoutMs: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    const keptFirst = r % 2 === 0;
    const first = await measure(keptFirst ? kept : plain);
    const second = await measure(keptFirst ? plain : kept);
    const [withKept, without] = keptFirst ? [first, second] : [second, first];
    out.withMs.push(round(withKept.taskMs));
    out.withoutMs.push(round(without.taskMs));
    out.ratios.push(round(withKept.taskMs / without.taskMs, 3));
  }
  return out;
}

export interface LightPageCost {
  figures: Figure[];
  details: Record<string, unknown>;
}

export async function lightPageCost(
  kept: Kept,
  plain: BrowserContext,
  ticketId: number,
  rounds: { busy: number; load: number },
): Promise<LightPageCost> {
  const url = kept.ticketUrl(ticketId);
  const busy = await ratios(kept.context, plain, rounds.busy, (c) => busyOpen(c, url));
  const load = await ratios(kept.context, plain, rounds.load, (c) => lightLoad(c, url));
  const range = (values: number[]) => `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}×`;
  const busyNote = `CDP TaskDuration from navigation to the end of ${WATCH_WINDOW_S} s of 1,000 node changes a second in the ticket's workspace, light ticket page, with ÷ without Kept, median of ${rounds.busy} alternating pairs (${range(busy.ratios)})`;
  const loadNote = `CDP TaskDuration over the first ${LOAD_WINDOW_MS / 1000} s of a light ticket page, with ÷ without Kept, median of ${rounds.load} alternating pairs (${range(load.ratios)})`;
  return {
    figures: [
      {
        id: 'busyTicket.ratio',
        section: 'content script',
        label: 'busy page right after a ticket opens: with ÷ without Kept',
        value: round(median(busy.ratios), 3),
        unit: 'ratio',
        note: busyNote,
      },
      {
        id: 'lightLoad.ratio',
        section: 'content script',
        label: `light ticket page, first ${LOAD_WINDOW_MS / 1000} s: with ÷ without Kept`,
        value: round(median(load.ratios), 3),
        unit: 'ratio',
        note: loadNote,
      },
    ],
    details: { busyTicket: busy, lightLoad: load },
  };
}

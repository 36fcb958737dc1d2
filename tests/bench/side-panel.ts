// The side panel: time to first render, and its JS heap with a customer of 2,000 conversations loaded.

import type { Page } from 'playwright-core';
import type { Kept } from '../../scripts/kept-browser';
import { within } from './browsers';
import { call } from './idb';
import { type Figure, median, percentile, round } from './report';

/** A tab id no real tab has: the panel pinned to it only reads that tab's case from storage.session. */
const TAB = 990_001;
const CUSTOMER = 'bench-panel@bench.example';
const NAME = 'Bench Customer';
const CONVERSATIONS = 2000;

/** Records in the panel page, from its navigation start (performance.now), when the Customer region and the summary appear. */
function watchFirstRender(): void {
  if (location.pathname !== '/sidepanel.html') return;
  const g = window as unknown as { __keptRegionAt?: number; __keptSummaryAt?: number };
  const observer = new MutationObserver(() => {
    const region = document.querySelector('section[aria-label="Customer"]');
    if (region && g.__keptRegionAt === undefined) g.__keptRegionAt = performance.now();
    if (region?.querySelector('.summary') && g.__keptSummaryAt === undefined) {
      g.__keptSummaryAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function openPanel(kept: Kept): Promise<{ page: Page; regionMs: number; summaryMs: number }> {
  const page = await kept.context.newPage();
  await page.goto(`chrome-extension://${kept.extensionId}/sidepanel.html?tabId=${TAB}`);
  const handle = await page.waitForFunction(
    () => {
      const g = window as unknown as { __keptRegionAt?: number; __keptSummaryAt?: number };
      return g.__keptSummaryAt !== undefined && { regionMs: g.__keptRegionAt ?? 0, summaryMs: g.__keptSummaryAt };
    },
    undefined,
    { timeout: 20_000, polling: 50 },
  );
  const at = (await handle.jsonValue()) as { regionMs: number; summaryMs: number };
  const summary = await page.locator('section[aria-label="Customer"] .summary').textContent();
  if (!summary?.startsWith(`${CONVERSATIONS} conversations`)) throw new Error(`the panel says "${summary}"`);
  return { page, ...at };
}

export async function sidePanel(kept: Kept, benchPage: Page, opens: number): Promise<Figure[]> {
  await within(60_000, 'seeding the panel customer', () =>
    call(benchPage, 'seedPanelCustomer', CUSTOMER, NAME, CONVERSATIONS),
  );
  await kept.worker.evaluate(
    ([tab, key, name]) => {
      const url = `https://acme.zendesk.com/agent/tickets/${tab}`;
      const ticket = { helpdesk: 'zendesk', host: 'acme.zendesk.com', ticketId: String(tab), url };
      return chrome.storage.session.set({
        [`tab-case:${tab}`]: {
          case: {
            ...ticket,
            subject: 'Bench: a customer with 2,000 earlier conversations',
            status: 'open',
            customer: { name, email: key },
            tags: [],
            from: 'api',
            seenAt: Date.now(),
          },
          customerKey: key,
          updatedAt: Date.now(),
        },
      });
    },
    [TAB, CUSTOMER, NAME] as const,
  );
  await kept.context.addInitScript(watchFirstRender);
  const region: number[] = [];
  const summary: number[] = [];
  let heapMB = Number.NaN;
  await within(120_000, 'opening the side panel', async () => {
    // The first open is a warm-up (disk cache, code cache); it is not counted.
    for (let i = 0; i <= opens; i++) {
      const opened = await openPanel(kept);
      if (i > 0) {
        region.push(opened.regionMs);
        summary.push(opened.summaryMs);
      }
      if (i === opens) {
        const cdp = await kept.context.newCDPSession(opened.page);
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
        heapMB = usedSize / 2 ** 20;
        await cdp.detach();
      }
      await opened.page.close();
    }
  });
  const note = `${opens} opens of sidepanel.html pinned to a case whose customer has ${CONVERSATIONS} cached conversations`;
  return [
    {
      id: 'sidePanel.firstRender.p50Ms',
      section: 'side panel',
      label: 'navigation → Customer region, p50',
      value: round(median(region)),
      unit: 'ms',
      note,
    },
    {
      id: 'sidePanel.firstRender.p95Ms',
      section: 'side panel',
      label: 'navigation → Customer region, p95',
      value: round(percentile(region, 95)),
      unit: 'ms',
      note,
    },
    {
      id: 'sidePanel.history.p50Ms',
      section: 'side panel',
      label: `navigation → history of ${CONVERSATIONS.toLocaleString('en-US')} summarised, p50`,
      value: round(median(summary)),
      unit: 'ms',
      note,
    },
    {
      id: 'sidePanel.heapMB',
      section: 'side panel',
      label: `JS heap with ${CONVERSATIONS.toLocaleString('en-US')} conversations loaded`,
      value: round(heapMB, 1),
      unit: 'MB',
      note: 'CDP Runtime.getHeapUsage after a forced GC',
    },
  ];
}

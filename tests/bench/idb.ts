// IndexedDB at scale, in real Chromium, in the extension's origin: Kept's "one customer's conversations, newest
// first" with 10k, 100k and 1M conversations stored, against a raw IndexedDB index query on the same data.

import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { Kept } from '../../scripts/kept-browser';
import { within } from './browsers';
import type * as InPage from './idb-page';
import { type Figure, median, percentile, round } from './report';

type Bench = typeof InPage;

/** tests/bench/idb-page.ts as one script that defines `__keptBenchIdb` (esbuild, outside the extension build). */
export async function bundleInPage(): Promise<string> {
  const result = await build({
    entryPoints: [path.resolve('tests/bench/idb-page.ts')],
    bundle: true,
    format: 'iife',
    globalName: '__keptBenchIdb',
    platform: 'browser',
    target: 'chrome120',
    tsconfig: path.resolve('tsconfig.json'),
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** An extension page with the bench code loaded. CDP's Runtime.evaluate is not subject to the page's CSP. */
export async function benchPage(kept: Kept, code: string): Promise<Page> {
  const page = await kept.context.newPage();
  // A page of the extension's origin that runs none of Kept's own code.
  await page.goto(`chrome-extension://${kept.extensionId}/manifest.json`);
  const cdp = await kept.context.newCDPSession(page);
  const { exceptionDetails } = (await cdp.send('Runtime.evaluate', { expression: code })) as {
    exceptionDetails?: { text: string };
  };
  await cdp.detach();
  if (exceptionDetails) throw new Error(`bench code failed to load: ${exceptionDetails.text}`);
  return page;
}

/** Calls one export of idb-page.ts in the page. */
export function call<K extends keyof Bench>(
  page: Page,
  name: K,
  ...args: Parameters<Bench[K]>
): Promise<Awaited<ReturnType<Bench[K]>>> {
  return page.evaluate(
    ([fn, rest]) => {
      const bench = (globalThis as unknown as { __keptBenchIdb: Record<string, (...a: unknown[]) => unknown> })
        .__keptBenchIdb;
      return bench[fn]?.(...rest);
    },
    [name, args] as [string, unknown[]],
  ) as Promise<Awaited<ReturnType<Bench[K]>>>;
}

const TARGETS = 20;
const PER_TARGET = 100;
const LOOKUPS = 200;

export interface IdbResult {
  figures: Figure[];
  details: Record<string, unknown>;
}

export async function indexedDbAtScale(page: Page, stages: number[]): Promise<IdbResult> {
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  // The outbox first, while the origin's IndexedDB is not busy compacting a million fresh rows.
  const KUDOS = 500;
  const box = await within(120_000, 'outbox', () => call(page, 'outbox', KUDOS));
  if (box.sent !== KUDOS) throw new Error(`the outbox sent ${box.sent} of ${KUDOS}`);
  const outboxNote = `${KUDOS} kudos: enqueueKudos one by one, then processOutbox with a channel that answers at once`;
  figures.push(
    {
      id: 'outbox.enqueuePerSecond',
      section: 'IndexedDB',
      label: 'outbox: kudos enqueued per second',
      value: Math.round((KUDOS / box.enqueueMs) * 1000),
      unit: '/s',
      note: outboxNote,
    },
    {
      id: 'outbox.deliveredPerSecond',
      section: 'IndexedDB',
      label: 'outbox: kudos delivered per second',
      value: Math.round((KUDOS / box.deliverMs) * 1000),
      unit: '/s',
      note: outboxNote,
    },
  );
  await call(page, 'open', 'kept-bench');
  try {
    // One database that grows: the target customers first, then filler up to each stage's total.
    await call(page, 'addTargets', TARGETS, PER_TARGET);
    let stored = TARGETS * PER_TARGET;
    const seeding: Array<{ rows: number; ms: number }> = [];
    for (const total of stages) {
      const label = total >= 1_000_000 ? `${total / 1_000_000}M` : `${total / 1000}k`;
      const filled = await within(400_000, `seeding ${label} conversations`, () => call(page, 'fill', total - stored));
      seeding.push({ rows: total - stored, ms: round(filled.ms) });
      stored = filled.rows;
      const runs = await within(120_000, `lookups at ${label}`, () =>
        call(page, 'lookups', LOOKUPS, TARGETS, PER_TARGET),
      );
      const dexieP95 = percentile(runs.dexie, 95);
      const rawP95 = percentile(runs.raw, 95);
      const note = `${LOOKUPS} lookups of ${TARGETS} customers with ${PER_TARGET} conversations each, ${stored.toLocaleString('en-US')} stored; Kept's conversationsOf (Dexie) and raw IDBIndex.getAll + reverse, alternating`;
      figures.push(
        {
          id: `indexedDb.${label}.p50Ms`,
          section: 'IndexedDB',
          label: `${label} stored: one customer's 100, newest first, p50`,
          value: round(median(runs.dexie)),
          unit: 'ms',
          note,
        },
        {
          id: `indexedDb.${label}.p95Ms`,
          section: 'IndexedDB',
          label: `${label} stored: one customer's 100, newest first, p95`,
          value: round(dexieP95),
          unit: 'ms',
          note,
        },
        {
          id: `indexedDb.${label}.rawP95Ms`,
          section: 'IndexedDB',
          label: `${label} stored: raw IndexedDB index query, p95`,
          value: round(rawP95),
          unit: 'ms',
          note,
        },
        {
          id: `indexedDb.${label}.p95VsRaw`,
          section: 'IndexedDB',
          label: `${label} stored: Kept / raw IndexedDB, p95`,
          value: round(dexieP95 / rawP95),
          unit: 'ratio',
          note,
        },
      );
      details[label] = {
        stored,
        dexie: { p50: round(median(runs.dexie)), p95: round(dexieP95) },
        raw: { p50: round(median(runs.raw)), p95: round(rawP95) },
      };
    }
    details.seeding = seeding;
    const upserts: number[] = [];
    for (let i = 0; i < 3; i++) upserts.push(await within(60_000, 'bulk upsert', () => call(page, 'upsert', 10_000)));
    figures.push({
      id: 'indexedDb.upsert10kMs',
      section: 'IndexedDB',
      label: `bulk upsert of 10k conversations (half new) into ${(stored / 1000).toLocaleString('en-US')}k`,
      value: round(median(upserts)),
      unit: 'ms',
      note: 'saveConversations (Dexie bulkPut), median of 3',
    });
    details.upsertMs = upserts.map((ms) => round(ms));
  } finally {
    await call(page, 'close');
  }
  return { figures, details };
}

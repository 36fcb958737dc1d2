// `npm run bench`: what Kept costs the helpdesk page, how fast the panel answers, IndexedDB at scale.
// Builds the extension (KEPT_BENCH_SKIP_BUILD=1 reuses .output), measures in Debian's Chromium, prints a table and
// writes test-results/bench.json. `npm run bench -- --check` exits 1 when a figure misses tests/bench/budgets.json.
// `--quick` (for working on the benchmark itself) stops IndexedDB at 100k and runs fewer rounds: its --check fails.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR, launchKept, startServers } from '../../scripts/kept-browser';
import { acceptCompiledFunctions, launchPlain, within } from './browsers';
import { benchPage, bundleInPage, indexedDbAtScale } from './idb';
import { installBusyPage, lightPageCost } from './light-page';
import { addedMainThread, installHeavyPage, timeToCaseSeen } from './page-cost';
import { type Budget, checkBudgets, type Figure, machine, table } from './report';
import { sidePanel } from './side-panel';
import { measureSizes } from './sizes';
import { threadExpand } from './thread-expand';
import { ticketSwitch } from './ticket-switch';

const args = new Set(process.argv.slice(2));
const check = args.has('--check');
const quick = args.has('--quick');
const REPORT = path.resolve('test-results/bench.json');
const BUDGETS = path.resolve('tests/bench/budgets.json');

const started = Date.now();
const log = (message: string) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);

async function main(): Promise<number> {
  if (process.env.KEPT_BENCH_SKIP_BUILD !== '1') {
    log('building the extension (wxt build)');
    try {
      execFileSync('npx', ['wxt', 'build'], { stdio: 'pipe' });
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: Buffer; stderr?: Buffer };
      console.error(`${stdout}${stderr}`);
      throw new Error('wxt build failed');
    }
  }
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};

  const sized = measureSizes(EXTENSION_DIR);
  figures.push(...sized.figures);
  details.sizes = sized.sizes;

  const inPage = await bundleInPage();
  const servers = await startServers();
  const kept = await launchKept({ servers });
  const plain = await launchPlain(servers);
  try {
    await acceptCompiledFunctions(kept.context);
    await acceptCompiledFunctions(plain.context);
    const { demo } = servers.helpdesk.seed;
    const tickets = [demo.zoeTicketId, demo.repeatContactTicketId, demo.badRatingTicketId, demo.firstContactTicketId];

    log('content script: navigation → case stored');
    figures.push(...(await within(120_000, 'time to case:seen', () => timeToCaseSeen(kept, tickets, quick ? 8 : 20))));

    log('content script: heavy ticket page and live mutations, with and without Kept');
    await installHeavyPage([kept.context, plain.context]);
    const cost = await addedMainThread(kept, plain.context, demo.repeatContactTicketId, {
      heavy: quick ? 2 : 5,
      mutating: quick ? 1 : 2,
      profiled: quick ? 1 : 3,
    });
    figures.push(...cost.figures);
    details.mainThread = cost.details;

    log('content script: light ticket page, its load and a busy page right after it opens, with and without Kept');
    await installBusyPage([kept.context, plain.context]);
    const light = await within(600_000, 'the light-page runs', () =>
      lightPageCost(kept, plain.context, demo.repeatContactTicketId, { busy: quick ? 2 : 5, load: quick ? 3 : 9 }),
    );
    figures.push(...light.figures);
    details.lightPage = light.details;
    await plain.close();

    log('ticket switch → panel');
    figures.push(...(await ticketSwitch(kept, tickets, quick ? 10 : 50)));

    log('thread expand (cached) → shown');
    figures.push(...(await threadExpand(kept, demo.repeatContactTicketId, quick ? 10 : 30)));

    // The side panel first, while the origin's IndexedDB is quiet; the 1M stage leaves it compacting for a while.
    const page = await benchPage(kept, inPage);
    log('side panel: first render and heap');
    figures.push(...(await sidePanel(kept, page, quick ? 3 : 10)));

    log('IndexedDB at scale (the 1M stage takes a few minutes)');
    const idb = await indexedDbAtScale(page, quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]);
    figures.push(...idb.figures);
    details.indexedDb = idb.details;
    await page.close();
  } finally {
    await plain.close().catch(() => undefined);
    await kept.close();
  }

  const budgets = JSON.parse(readFileSync(BUDGETS, 'utf8')).budgets as Record<string, Budget>;
  const results = checkBudgets(figures, budgets);
  const about = machine();
  console.log(`\n${table(figures, results)}\n`);
  console.log(
    `Machine: ${about.cpus} CPUs (${about.cpuModel}), ${about.memoryGiB} GiB, ${about.os}; ${about.chromium}; Node ${about.node}`,
  );
  const notes = [...new Set(figures.map((f) => f.note).filter(Boolean))];
  for (const note of notes) console.log(`  · ${note}`);
  mkdirSync(path.dirname(REPORT), { recursive: true });
  const seconds = Math.round((Date.now() - started) / 1000);
  writeFileSync(
    REPORT,
    `${JSON.stringify({ date: new Date().toISOString(), seconds, quick, machine: about, figures, budgets: results, details }, null, 2)}\n`,
  );
  log(`wrote ${path.relative(process.cwd(), REPORT)} in ${seconds} s`);
  const missed = results.filter((r) => !r.ok);
  if (missed.length > 0) {
    console.log(
      `\n${missed.length} budget(s) missed: ${missed.map((r) => `${r.id} = ${r.value} (max ${r.max})`).join('; ')}`,
    );
  }
  return check && missed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);

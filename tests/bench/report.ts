import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { CHROMIUM } from '../../scripts/kept-browser';

/** One measured figure. `id` is what budgets.json refers to. */
export interface Figure {
  id: string;
  section: string;
  label: string;
  value: number;
  unit: 'B' | 'ms' | 'ratio' | 'MB' | '/s';
  /** How it was measured, in a few words (printed under the table, kept in the JSON). */
  note?: string;
}

export interface Budget {
  max: number;
  /** The budget as the issue states it. */
  says: string;
}

export interface BudgetResult extends Budget {
  id: string;
  value: number | null;
  ok: boolean;
}

/** Nearest-rank percentile of `values` (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

export function checkBudgets(figures: readonly Figure[], budgets: Record<string, Budget>): BudgetResult[] {
  return Object.entries(budgets).map(([id, budget]) => {
    const figure = figures.find((f) => f.id === id);
    const value = figure?.value ?? null;
    // A budget whose figure was not measured is a miss: the check must not pass by measuring less.
    return { id, ...budget, value, ok: value !== null && Number.isFinite(value) && value <= budget.max };
  });
}

function format(figure: Figure): string {
  const { value, unit } = figure;
  if (!Number.isFinite(value)) return 'n/a';
  switch (unit) {
    case 'B':
      return value >= 1000 ? `${(value / 1000).toFixed(1)} KB` : `${value} B`;
    case 'ms':
      return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
    case 'ratio':
      return Math.abs(value) < 0.2 ? `${(value * 100).toFixed(2)} %` : `${value.toFixed(2)}×`;
    case 'MB':
      return `${value.toFixed(1)} MB`;
    case '/s':
      return `${Math.round(value).toLocaleString('en-US')} /s`;
  }
}

/** A plain-text table: section, what, figure, and the budget where there is one. */
export function table(figures: readonly Figure[], results: readonly BudgetResult[]): string {
  const rows = figures.map((f) => {
    const budget = results.find((r) => r.id === f.id);
    return [f.section, f.label, format(f), budget ? `${budget.ok ? 'ok' : 'OVER'} (${budget.says})` : ''];
  });
  const header = ['section', 'what', 'figure', 'budget'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  chromium: string;
  node: string;
  os: string;
}

export function machine(): Machine {
  const cpuinfo = (() => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8');
    } catch {
      return '';
    }
  })();
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const chromium = (() => {
    try {
      return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return 'unknown';
    }
  })();
  const osRelease = (() => {
    try {
      return /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? process.platform;
    } catch {
      return process.platform;
    }
  })();
  return {
    // What `nproc` says: the CPUs this process may use.
    cpus: availableParallelism(),
    cpuModel: model.trim(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    chromium,
    node: process.version,
    os: osRelease,
  };
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { helpdeskPages } from '../../utils/helpdesks/pages';
import type { Figure } from './report';

const helpdeskIds = new Set<string>(helpdeskPages.map((page) => page.id));

export interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
}

const sizeOf = (dir: string, file: string): FileSize => {
  const code = readFileSync(path.join(dir, file));
  return { file, bytes: code.length, gzip: gzipSync(code, { level: 9 }).length };
};

/** Relative imports a built module loads before it runs (`import … from "./x.js"`, `import "./x.js"`). */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    if (match[1]) found.add(match[1]);
  }
  return [...found];
}

/**
 * Every script an extension page loads before its first render: the HTML's module scripts and modulepreloads, and
 * whatever they import statically (lazy `import()` chunks are not counted).
 */
export function pageScripts(dir: string, html: string): string[] {
  const source = readFileSync(path.join(dir, html), 'utf8');
  const queue = [...source.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)]
    .map((m) => m[1] ?? '')
    .filter(Boolean)
    .map((src) => path.posix.normalize(src.replace(/^\//, '')));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(path.join(dir, file), 'utf8');
    for (const rel of staticImports(code)) queue.push(path.posix.join(path.posix.dirname(file), rel));
  }
  return [...seen].sort();
}

export interface Sizes {
  contentScripts: FileSize[];
  sidePanel: { files: FileSize[]; bytes: number; gzip: number };
}

export function measureSizes(dir: string): { sizes: Sizes; figures: Figure[] } {
  const scriptsDir = path.join(dir, 'content-scripts');
  const contentScripts = existsSync(scriptsDir)
    ? readdirSync(scriptsDir)
        .filter((f) => f.endsWith('.js'))
        .map((f) => sizeOf(dir, `content-scripts/${f}`))
    : [];
  const panelFiles = pageScripts(dir, 'sidepanel.html').map((f) => sizeOf(dir, f));
  const sidePanel = {
    files: panelFiles,
    bytes: panelFiles.reduce((sum, f) => sum + f.bytes, 0),
    // Each file is fetched and compressed on its own, so the sum of per-file gzip sizes is what a store download
    // and the disk cache see.
    gzip: panelFiles.reduce((sum, f) => sum + f.gzip, 0),
  };
  // One script per helpdesk: the budget holds for the largest; every script is listed.
  const helpdeskScripts = contentScripts.filter((f) => helpdeskIds.has(path.basename(f.file, '.js')));
  const largest = helpdeskScripts.reduce<FileSize | undefined>(
    (big, f) => (big && big.gzip >= f.gzip ? big : f),
    undefined,
  );
  const figures: Figure[] = [
    {
      id: 'contentScript.gzipBytes',
      section: 'content script',
      label: `largest helpdesk script (${largest ? path.basename(largest.file) : 'none'}), gzip -9`,
      value: largest?.gzip ?? Number.NaN,
      unit: 'B',
    },
    {
      id: 'contentScript.bytes',
      section: 'content script',
      label: `largest helpdesk script, raw`,
      value: largest?.bytes ?? Number.NaN,
      unit: 'B',
    },
    ...contentScripts
      .filter((f) => f !== largest)
      .map(
        (f): Figure => ({
          id: `contentScript.${path.basename(f.file, '.js')}.gzipBytes`,
          section: 'content script',
          label: `${path.basename(f.file)}, gzip -9 (${(f.bytes / 1000).toFixed(1)} KB raw)`,
          value: f.gzip,
          unit: 'B',
        }),
      ),
    {
      id: 'sidePanel.jsGzipBytes',
      section: 'side panel',
      label: `JS before first render, gzip -9 (${panelFiles.length} files, ${(sidePanel.bytes / 1000).toFixed(0)} KB raw)`,
      value: sidePanel.gzip,
      unit: 'B',
    },
  ];
  return { sizes: { contentScripts, sidePanel }, figures };
}

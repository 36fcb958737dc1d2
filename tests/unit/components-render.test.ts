import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Components render; hooks and stores decide. No file under components/ reaches the database, the network or the
// background itself: that lives in utils/, where it is tested without a screen.

function sourcesUnder(folder: string): string[] {
  return readdirSync(path.resolve(folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.join(folder, file));
}

/** The modules a file imports as values (`import type` brings nothing at run time). */
function valueImports(source: string): string[] {
  const imports = source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)';/gms);
  return [...imports].filter(([, typeOnly]) => !typeOnly).map(([, , from]) => from ?? '');
}

/** What a component file does that belongs in a hook or a store; empty when nothing. */
function ioIn(source: string): string[] {
  const found: string[] = [];
  for (const from of valueImports(source)) {
    if (/(^|\/)utils\/db$|^\.\.?\/.*\bdb$|^dexie(-react-hooks)?$/.test(from)) found.push(`imports ${from}`);
    if (/(^|\/)utils\/messages$/.test(from)) found.push(`imports ${from}`);
  }
  // Called, or handed on (`fetchPlaybook(url, fetch)`); words in comments and text do not count.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  if (/(?<![.\w])fetch\s*\(|[(,=]\s*fetch\s*[),;]/.test(code)) found.push('calls fetch');
  if (/\bsendMessage\s*\(/.test(source)) found.push('sends a runtime message');
  return found;
}

describe('components', () => {
  it.each(sourcesUnder('components'))('%s does no I/O of its own', (file) => {
    expect(ioIn(readFileSync(path.resolve(file), 'utf8'))).toEqual([]);
  });

  it('the check finds a database import, a fetch and a message', () => {
    const source = [
      "import { db } from '@/utils/db';",
      "import { useLiveQuery } from 'dexie-react-hooks';",
      "import { send } from '@/utils/messages';",
      "import type { KeptDB } from '@/utils/db';",
      'void load(url, fetch);',
      'void browser.runtime.sendMessage({});',
    ].join('\n');
    expect(ioIn(source)).toEqual([
      'imports @/utils/db',
      'imports dexie-react-hooks',
      'imports @/utils/messages',
      'calls fetch',
      'sends a runtime message',
    ]);
    expect(ioIn("import type { KeptDB } from '@/utils/db';\n// the last history fetch (ok)\n<p>fetch</p>")).toEqual([]);
  });
});

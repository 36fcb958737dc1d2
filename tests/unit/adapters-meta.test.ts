import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CUSTOM_HELPDESKS, findCustomTicket } from '@/utils/custom-helpdesks/rules';
import { adapters, findTicket, helpdeskPages } from '@/utils/helpdesks';
import { CustomHelpdeskRule, HELPDESK_IDS } from '@/utils/schemas';
import { loadFixture } from './fixtures';

// Every adapter in the registry is a known helpdesk id, is tested on saved pages, and is documented: adding a
// helpdesk means adding its fixtures and its README row too.

const FIXTURES = readdirSync(path.resolve('tests/fixtures/helpdesks')).filter((f) => f.endsWith('.html'));

const HELPDESKS_DIR = path.resolve('utils/helpdesks');
/** The adapter folders: every folder in utils/helpdesks/ (shared helpers are files beside them). */
const FOLDERS = readdirSync(HELPDESKS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const filesIn = (folder: string) => readdirSync(path.join(HELPDESKS_DIR, folder)).sort();

/** The first cell of each row of the README's "Helpdesks" table. */
function readmeHelpdeskRows(): string[] {
  const readme = readFileSync(path.resolve('README.md'), 'utf8');
  const section = /^## Helpdesks\s*$([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
  const rows = section.split('\n').filter((line) => line.trim().startsWith('|'));
  // The header row and the |---| separator are not helpdesks.
  return rows.slice(2).map((row) => row.split('|')[1]?.trim() ?? '');
}

/** Where a fixture's URL leads: the built-in registry, or, for custom helpdesks, the rule saved in its header. */
function ticketAt(adapterId: string, fixture: ReturnType<typeof loadFixture>) {
  if (adapterId !== 'custom') return findTicket(fixture.url);
  const rule = CustomHelpdeskRule.parse((fixture.expect as { rule?: unknown }).rule);
  // Custom pages are no built-in helpdesk's: only the admin's rule finds the ticket.
  expect(findTicket(fixture.url), `${fixture.url} is claimed by a built-in adapter`).toBeNull();
  const found = findCustomTicket([rule], fixture.url);
  return found && { adapter: { id: 'custom' }, ref: found.ref };
}

/** A copy of a page with only the elements matching `pane`, their contents and their ancestors left. */
function panesOnly(doc: Document, pane: string): Document {
  const copy = doc.cloneNode(true) as Document;
  const panes = [...copy.querySelectorAll(pane)];
  for (const element of [...copy.body.querySelectorAll('*')]) {
    if (element.isConnected && !panes.some((p) => p.contains(element) || element.contains(p))) element.remove();
  }
  return copy;
}

describe('the adapter folders', () => {
  it('each hold the same files: page.ts and api.ts', () => {
    for (const folder of FOLDERS) expect(filesIn(folder), folder).toEqual(['api.ts', 'page.ts']);
  });

  it('are each registered, in full and by page, in the same order', () => {
    expect(adapters.map((a) => a.id).sort()).toEqual(FOLDERS);
    expect(helpdeskPages.map((p) => p.id)).toEqual(adapters.map((a) => a.id));
  });

  it.each(FOLDERS)('%s has its own content script, entrypoints/%s.content.ts, made from its page part', (folder) => {
    const source = readFileSync(path.resolve(`entrypoints/${folder}.content.ts`), 'utf8');
    expect(source).toContain(`from '@/utils/helpdesks/${folder}/page'`);
    expect(source).toContain(`helpdeskContentScript(${folder}Page)`);
  });

  it.each(FOLDERS)('%s/page.ts reads pages only: no Zod, no browser APIs, no API code', (folder) => {
    const source = readFileSync(path.join(HELPDESKS_DIR, folder, 'page.ts'), 'utf8');
    const imports = [...source.matchAll(/^import (type )?[^;]*? from '([^']+)';$/gms)].map(([, type, from = '']) => ({
      type: Boolean(type),
      from,
    }));
    for (const { type, from } of imports) {
      // Types only from the schemas: a value import runs every schema module, and Zod with them.
      if (from.endsWith('/schemas')) expect(type, `${folder}/page.ts imports values from ${from}`).toBe(true);
      else
        expect(from, `${folder}/page.ts imports ${from}`).toMatch(/^\.\.\/(dom|types|urls)$|^\.\.\/\.\.\/page-world\//);
    }
    expect(source).not.toMatch(/\bbrowser\.|\bchrome\.|\bfetch\(/);
  });
});

describe('the helpdesk registry', () => {
  it('has unique ids, each one a known helpdesk', () => {
    const ids = adapters.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(HELPDESK_IDS).toContain(id);
  });

  it.each(adapters.map((a) => [a.id, a] as const))('%s runs on https pages only', (_, adapter) => {
    expect(adapter.matches).not.toEqual([]);
    for (const pattern of adapter.matches) expect(pattern).toMatch(/^https:\/\/[^/]+\/.*/);
  });

  it.each(adapters.map((a) => a.id))(
    '%s has API answers shaped as its vendor documents them (tests/fixtures/vendors/%s/)',
    (id) => {
      const dir = path.resolve('tests/fixtures/vendors', id);
      const answers = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
      expect(answers, `no tests/fixtures/vendors/${id}/*.json`).not.toEqual([]);
    },
  );

  // Custom helpdesks are no adapter, but are tested on saved pages and documented all the same.
  describe.each([...adapters, CUSTOM_HELPDESKS].map((a) => [a.id, a] as const))('%s', (id, adapter) => {
    const mine = FIXTURES.filter((name) => name.startsWith(`${id}-`));

    it(`has saved pages (tests/fixtures/helpdesks/${id}-*.html) whose URL leads to its tickets`, () => {
      expect(mine, `no fixture named ${id}-*.html`).not.toEqual([]);
      const withTicket = mine.filter((name) => {
        const fixture = loadFixture(name);
        const found = ticketAt(id, fixture);
        if (fixture.expect.activeTicketId === null) {
          expect(found, `${name} expects no ticket`).toBeNull();
          return false;
        }
        expect(found?.adapter.id, `${name}: ${fixture.url}`).toBe(id);
        expect(found?.ref.ticketId, name).toBe(String(fixture.expect.activeTicketId));
        return true;
      });
      expect(withTicket, `no ${id} fixture has a ticket open`).not.toEqual([]);
    });

    const pane = helpdeskPages.find((page) => page.id === id)?.pane;
    it.runIf(pane)('reads nothing outside its pane on its saved pages', () => {
      expect(mine.some((name) => loadFixture(name).doc.querySelector(pane ?? ''))).toBe(true);
      for (const name of mine) {
        const fixture = loadFixture(name);
        const found = findTicket(fixture.url);
        if (!found) continue;
        const read = found.adapter.readPage(fixture.doc, found.ref);
        expect(found.adapter.readPage(panesOnly(fixture.doc, pane ?? ''), found.ref), name).toEqual(read);
      }
    });

    it('has a row in the README’s Helpdesks table', () => {
      const named = readmeHelpdeskRows().some((cell) => cell.includes(adapter.name));
      expect(named, `README.md ## Helpdesks has no row naming "${adapter.name}"`).toBe(true);
    });
  });
});

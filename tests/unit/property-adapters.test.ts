// Property tests: every adapter over randomly damaged copies of its saved pages, and over random URLs. A helpdesk
// redesign, a half-rendered page or a hostile customer name must never make an adapter throw or return anything
// but strings: it finds the customer, or says (with an empty or partial identity) that it could not.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CUSTOM_HELPDESKS, readCustomPage } from '@/utils/custom-helpdesks/rules';
import { adapters } from '@/utils/helpdesks/index';
import type { HelpdeskPage, PageRead } from '@/utils/helpdesks/types';
import { ConversationStatus, CustomHelpdeskRule, type TicketRef } from '@/utils/schemas';
import { loadFixture } from './fixtures';

const RUNS = 200;
// Each damaged page is a jsdom clone plus a read, tens of ms on a busy 2-core machine: fewer runs per adapter keep
// the unit suite quick. KEPT_PROPERTY_RUNS=1000 for a deeper search.
const PAGE_RUNS = Number(process.env.KEPT_PROPERTY_RUNS) || 100;
const FIXTURE_DIR = path.resolve('tests/fixtures/helpdesks');

/** Fixtures are found by name, `<adapter id>-*.html`, so a new adapter's pages are covered as soon as they land. */
const fixturesOf = (adapter: HelpdeskPage) =>
  readdirSync(FIXTURE_DIR).filter((name) => name.startsWith(`${adapter.id}-`) && name.endsWith('.html'));

// What a helpdesk page or a customer could put in any text: markup, scripts, huge or strange text.
const hostileText = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '<img src=x onerror="window.__keptXss=1">',
    '<script>window.__keptXss=1</script>',
    'mallory@example.com',
    'mailto:not an email',
    '\u202eevil\u0000',
    '#',
    'undefined',
    '{"name":1}',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constant('x'.repeat(5000)),
);

// Attribute names the adapters read, so a mutation can hit what they look at.
const attributeName = fc.constantFrom(
  'class',
  'id',
  'href',
  'title',
  'value',
  'aria-label',
  'aria-selected',
  'data-test-id',
  'data-garden-id',
  'data-testid',
  'data-ticket-id',
  'data-id',
  'data-selected',
  'role',
  'hidden',
);

/** One way a page changes under an adapter: nodes gone, blanked, rewritten, duplicated, moved, attributes changed. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('blank' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(), text: hostileText }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('set-attribute' as const), at: fc.nat(), name: attributeName, value: hostileText }),
  fc.record({ kind: fc.constant('remove-attribute' as const), at: fc.nat(), name: attributeName }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

/** Applies one change; `elements` is the page's element list from before the changes (a removed one is harmless). */
function mutate(elements: Element[], change: Mutation): void {
  const target = elements[change.at % Math.max(1, elements.length)];
  if (!target) return;
  switch (change.kind) {
    case 'remove':
      target.remove();
      return;
    case 'blank':
      target.textContent = '';
      return;
    case 'text':
      target.textContent = change.text;
      return;
    case 'duplicate':
      target.after(target.cloneNode(true));
      return;
    case 'move': {
      const parent = elements[change.to % elements.length];
      if (parent && parent !== target && !target.contains(parent)) parent.append(target);
      return;
    }
    case 'set-attribute':
      try {
        target.setAttribute(change.name, change.value);
      } catch {
        // Not every value is a valid attribute value; the page simply keeps the old one.
      }
      return;
    case 'remove-attribute':
      target.removeAttribute(change.name);
      return;
  }
}

const optionalString = (value: unknown) => value === undefined || typeof value === 'string';

/** Strings or nothing, in the shape the content script sends on; a status only from the known ones. */
function assertReadable(read: PageRead): 'found' | 'not found' {
  expect(typeof read).toBe('object');
  expect(typeof read.customer).toBe('object');
  const { name, email, externalId, organisation } = read.customer;
  for (const value of [name, email, externalId, organisation, read.subject]) expect(optionalString(value)).toBe(true);
  if (read.status !== undefined) expect(ConversationStatus.options).toContain(read.status);
  if (email !== undefined) expect(email).toMatch(/^[^\s@]+@[^\s@]+$/);
  return name || email ? 'found' : 'not found';
}

/** The ticket a fixture is about: from its URL, else the first ticket it shows open (a list or dashboard page). */
function refOf(adapter: HelpdeskPage, url: string, openTicketIds: Array<number | string>): TicketRef {
  const parsed = new URL(url);
  return (
    adapter.parseUrl(parsed) ?? {
      helpdesk: adapter.id,
      host: parsed.hostname,
      ticketId: String(openTicketIds[0] ?? '1'),
    }
  );
}

const tried = { pages: 0, found: 0, notFound: 0, urls: 0, fixtures: 0 };
afterAll(() => {
  console.info(
    `[property] ${tried.pages} damaged pages over ${tried.fixtures} fixtures (customer found in ${tried.found}, ` +
      `not found in ${tried.notFound}); ${tried.urls} random URLs`,
  );
});

/** Custom helpdesks' saved pages: no adapter reads them, the admin's rule saved in each fixture's header does. */
const custom: HelpdeskPage = {
  ...CUSTOM_HELPDESKS,
  matches: [],
  shows: [],
  parseUrl: () => null,
  readPage: () => ({ customer: {} }),
};

describe.each([...adapters, custom].map((adapter) => [adapter.id, adapter] as const))(
  'the %s adapter',
  (_, adapter) => {
    const fixtures = fixturesOf(adapter).map((name) => ({ name, ...loadFixture(name) }));

    // jsdom clones and queries slowly (a large page takes tens of ms on a busy 2-core machine): hence the timeout.
    it.runIf(fixtures.length > 0)(
      'reads damaged copies of its saved pages without throwing',
      { timeout: 60_000 },
      () => {
        tried.fixtures += fixtures.length;
        fc.assert(
          fc.property(
            fc.constantFrom(...fixtures),
            fc.array(mutation, { minLength: 1, maxLength: 8 }),
            (fixture, changes) => {
              const doc = fixture.doc.cloneNode(true) as Document;
              const elements = [...doc.documentElement.querySelectorAll('*')];
              for (const change of changes) mutate(elements, change);
              const ref = refOf(adapter, fixture.url, fixture.expect.openTicketIds);
              const outcome = assertReadable(adapter.readPage(doc, ref));
              // A custom helpdesk's page is read by its admin's rule (saved in the fixture's header).
              const rule = CustomHelpdeskRule.safeParse((fixture.expect as { rule?: unknown }).rule);
              if (rule.success) assertReadable(readCustomPage(doc, rule.data));
              tried.pages++;
              tried[outcome === 'found' ? 'found' : 'notFound']++;
            },
          ),
          { numRuns: PAGE_RUNS },
        );
      },
    );

    it('reads random URLs, and its own URLs changed at random, without throwing', () => {
      const own = fixtures.map((f) => new URL(f.url));
      const ownUrl = own.length
        ? fc
            .tuple(
              fc.constantFrom(...own),
              fc.array(fc.oneof(fc.webSegment(), hostileText), { maxLength: 4 }),
              fc.nat(),
            )
            .map(([base, segments, cut]) => {
              const parts = base.pathname.split('/');
              const kept = parts.slice(0, parts.length - (cut % parts.length));
              return `${base.origin}${[...kept, ...segments.map(encodeURIComponent)].join('/')}${base.search}${base.hash}`;
            })
        : fc.webUrl();
      const anyUrl = fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), ownUrl);
      fc.assert(
        fc.property(anyUrl, (href) => {
          tried.urls++;
          const ref = adapter.parseUrl(new URL(href));
          if (ref === null) return;
          expect(ref.helpdesk).toBe(adapter.id);
          expect(typeof ref.host).toBe('string');
          expect(typeof ref.ticketId).toBe('string');
          expect(ref.ticketId.length).toBeGreaterThan(0);
        }),
        { numRuns: RUNS },
      );
    });
  },
);

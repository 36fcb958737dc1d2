import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findTicket } from '@/utils/helpdesks/pages';
import { isComplete, panes } from '@/utils/helpdesks/panes';
import { loadFixture } from './fixtures';

const ticketPages = readdirSync('tests/fixtures/helpdesks')
  .filter((name) => !name.startsWith('custom-'))
  .map((name) => ({ name, ...loadFixture(name) }))
  .flatMap((fixture) => {
    const found = findTicket(fixture.url);
    return found ? [{ ...fixture, ...found }] : [];
  });

/** The document with only the panes left: every element outside them and their ancestors removed. */
function onlyPanes(doc: Document, selector: string): Document {
  const copy = doc.cloneNode(true) as Document;
  const kept = [...copy.querySelectorAll(selector)];
  for (const element of [...copy.body.querySelectorAll('*')]) {
    const inPane = kept.some((pane) => pane.contains(element) || element.contains(pane));
    if (!inPane) element.remove();
  }
  return copy;
}

describe('the part of the page Kept watches while a ticket renders', () => {
  it('has a pane or a reason for every helpdesk with a ticket fixture', () => {
    for (const { adapter } of ticketPages) expect(panes[adapter.id], adapter.id).toBeDefined();
  });

  it.each(ticketPages.map((f) => [f.name, f] as const))('holds everything the adapter reads on %s', (_, fixture) => {
    const pane = panes[fixture.adapter.id];
    const everything = fixture.adapter.readPage(fixture.doc, fixture.ref);
    if (!pane?.selector) return;
    expect(fixture.doc.querySelector(pane.selector), pane.selector).not.toBeNull();
    expect(fixture.adapter.readPage(onlyPanes(fixture.doc, pane.selector), fixture.ref)).toEqual(everything);
  });

  // Salesforce's fixture draws its fields into shadow roots by script, which a parsed document does not run.
  it.each(
    ticketPages
      .filter((f) => !/missing|phone|hidden|switched|salesforce/.test(f.name))
      .map((f) => [f.name, f] as const),
  )('sees the case complete on %s', (_, fixture) => {
    const page = { ...fixture.ref, url: fixture.url, ...fixture.adapter.readPage(fixture.doc, fixture.ref) };
    expect(isComplete(page, panes[fixture.adapter.id]?.shows ?? [])).toBe(true);
  });
});

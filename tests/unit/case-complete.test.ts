import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isComplete } from '@/utils/helpdesks/complete';
import { findTicket } from '@/utils/helpdesks/pages';
import { loadFixture } from './fixtures';

// Whether the pane holds everything the adapter reads is the adapter meta-test's; this is when the watcher stops.
const ticketPages = readdirSync('tests/fixtures/helpdesks')
  .filter((name) => !name.startsWith('custom-'))
  .map((name) => ({ name, ...loadFixture(name) }))
  .flatMap((fixture) => {
    const found = findTicket(fixture.url);
    return found ? [{ ...fixture, ...found }] : [];
  });

describe('when a freshly opened ticket is fully drawn', () => {
  // Salesforce's fixture draws its fields into shadow roots by script, which a parsed document does not run.
  it.each(
    ticketPages
      .filter((f) => !/missing|phone|hidden|switched|salesforce/.test(f.name))
      .map((f) => [f.name, f] as const),
  )('sees the case complete on %s', (_, fixture) => {
    const page = { ...fixture.ref, url: fixture.url, ...fixture.adapter.readPage(fixture.doc, fixture.ref) };
    expect(isComplete(page, fixture.adapter.shows)).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface FixtureExpectation {
  activeTicketId: number | string | null;
  openTicketIds: Array<number | string>;
  subject?: string;
  status?: string;
  requester?: { name: string; email: string | null; organization: string | null };
}

/** A saved helpdesk page: its HTML, the URL it was saved from, and what a reader should find in it. */
export function loadFixture(name: string) {
  const html = readFileSync(path.resolve('tests/fixtures/helpdesks', name), 'utf8');
  const header = /^<!-- url: (\S+) expect: (.*) -->/.exec(html);
  if (!header?.[1] || !header[2]) throw new Error(`${name} has no url/expect header`);
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return { html, doc, url: header[1], expect: JSON.parse(header[2]) as FixtureExpectation };
}

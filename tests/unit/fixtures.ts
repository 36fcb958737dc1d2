import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCaseWatcher } from '@/utils/case-watcher';
import { adapterForUrl, helpdeskPages } from '@/utils/helpdesks/pages';
import { readHelpdeskCase } from '@/utils/helpdesks/read-case';
import type { HelpdeskAdapter, HelpdeskPage, SeenTicket, SessionApi } from '@/utils/helpdesks/types';
import type { PageCase } from '@/utils/schemas';

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

/** Puts a saved page's body into the test document, as the helpdesk would render it. */
export function showFixture(name: string) {
  const fixture = loadFixture(name);
  document.body.replaceWith(document.importNode(fixture.doc.body, true));
  return fixture;
}

/**
 * The reports the case watcher sends as the rep moves from one saved page to another without a reload: the URL
 * changes first while the previous page is still drawn, then the new page arrives.
 */
export function reportsAcrossSwitch(firstFile: string, nextFile: string) {
  const seen: PageCase[] = [];
  const reporter = { seen: (p: PageCase) => seen.push(p), none: () => undefined };
  const watcher = createCaseWatcher(document, reporter, readHelpdeskCase(document, helpdeskPages));
  const first = showFixture(firstFile);
  watcher.check(first.url);
  const next = loadFixture(nextFile);
  watcher.check(next.url);
  showFixture(nextFile);
  watcher.check(next.url);
  watcher.stop();
  return { first, next, seen };
}

/** An adapter's session API, which the test needs it to have. */
export function apiOf(adapter: HelpdeskAdapter): SessionApi {
  if (!adapter.session) throw new Error(`${adapter.name} has no session API`);
  return adapter.session;
}

/** A ticket no request needs to know more of than that it is one. */
const SOME_TICKET: SeenTicket = { helpdesk: 'zendesk', host: 'helpdesk.invalid', ticketId: '1' };

/** A session API's first history request for the customer with this id in the helpdesk: a path. */
export function historyPath(
  history: NonNullable<SessionApi['history']>,
  customerId: string,
  pageSize: number,
  ref: SeenTicket = SOME_TICKET,
): string {
  const request = history.request({ externalId: customerId }, ref, pageSize);
  if (typeof request !== 'string') throw new Error('a session API asks by path');
  return request;
}

/** The path prefix an adapter's page lets the content script fetch for its session API. */
export function prefixOf(adapter: HelpdeskPage): string {
  if (!adapter.api) throw new Error(`${adapter.name} has no session API`);
  return adapter.api.pathPrefix;
}

/** The session API of the helpdesk a page URL belongs to, as that helpdesk's content script holds it. */
export const apiAt = (href: string): HelpdeskPage['api'] => adapterForUrl(href)?.api;

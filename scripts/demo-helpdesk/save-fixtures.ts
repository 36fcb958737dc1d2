// Writes the saved helpdesk DOM fixtures in tests/fixtures/helpdesks/ from the demo pages (Zendesk, Freshdesk, Jira
// Service Management), with a fixed clock so they never churn: `npx tsx scripts/demo-helpdesk/save-fixtures.ts`.
// A unit test checks they are current.
import { writeFileSync } from 'node:fs';
import { renderFreshdeskDocument, renderFreshdeskPage } from './freshdesk-pages';
import { renderJsmDocument, renderJsmPage } from './jsm-pages';
import type { DemoPage } from './page-bits';
import { FRESHDESK_STATUSES, findOrganization, findTicket, findUser, makeSeed, type Seed } from './seed';
import { openTabsFor, renderAgentDocument, renderAgentPage } from './zendesk-pages';

export const FIXTURE_NOW = Date.parse('2026-11-01T12:00:00Z');
const HOST = 'acme.zendesk.com';

/** What a test can expect from a fixture; written as JSON into the fixture's first line. */
export interface FixtureExpectations {
  /** A number for Zendesk and Freshdesk, the issue key (e.g. "SUP-8") for Jira. */
  activeTicketId: number | string | null;
  openTicketIds: Array<number | string>;
  subject?: string;
  status?: string;
  requester?: { name: string; email: string | null; organization: string | null };
}

/** The first line of a fixture; `--` inside it would end the comment early. */
function header(url: string, expect: FixtureExpectations): string {
  const line = `<!-- url: ${url} expect: ${JSON.stringify(expect)} -->`;
  if (line.slice(4, -3).includes('--')) throw new Error(`Fixture header for ${url} would end the comment early`);
  return line;
}

function fixture(seed: Seed, path: string, openTabs: readonly number[] = []): string {
  const page = renderAgentPage(seed, path, openTabs);
  const ticketId = Number(/^\/agent\/tickets\/(\d+)$/.exec(path)?.[1]);
  const ticket = findTicket(seed, ticketId);
  const requester = ticket && findUser(seed, ticket.requester_id);
  const expect: FixtureExpectations = ticket
    ? {
        activeTicketId: ticket.id,
        openTicketIds: openTabsFor(seed, ticket.id, openTabs),
        subject: ticket.subject,
        status: ticket.status,
        requester: {
          name: requester?.name ?? '',
          email: requester?.email ?? null,
          organization: findOrganization(seed, requester?.organization_id ?? null)?.name ?? null,
        },
      }
    : { activeTicketId: null, openTicketIds: [] };
  const header = `<!-- url: https://${HOST}${path} expect: ${JSON.stringify(expect)} -->`;
  if (header.slice(4, -3).includes('--')) throw new Error(`Fixture header for ${path} would end the comment early`);
  return `${header}\n${renderAgentDocument(seed, page)}`;
}

/** What the Freshdesk page for `path` should read as: the ticket's subject, status word and requester. */
function freshdeskFixture(seed: Seed, path: string): string {
  const page: DemoPage = renderFreshdeskPage(seed, path);
  const ticket = seed.freshdesk.tickets.find((t) => `/a/tickets/${t.id}` === path);
  const contact = seed.freshdesk.contacts.find((c) => c.id === ticket?.requester_id);
  const label = ticket && FRESHDESK_STATUSES[ticket.status];
  const pageStatus: Record<string, string> = { Open: 'open', Pending: 'pending', Resolved: 'solved', Closed: 'closed' };
  const expect: FixtureExpectations = ticket
    ? {
        activeTicketId: ticket.id,
        openTicketIds: [ticket.id],
        subject: ticket.subject,
        ...(label && pageStatus[label] ? { status: pageStatus[label] } : {}),
        requester: {
          name: contact?.name ?? '',
          email: contact?.email ?? null,
          organization: seed.freshdesk.companies.find((c) => c.id === contact?.company_id)?.name ?? null,
        },
      }
    : { activeTicketId: null, openTicketIds: [] };
  return `${header(`https://acme.freshdesk.com${path}`, expect)}\n${renderFreshdeskDocument(seed, page)}`;
}

/** The same for a Jira page; Jira shows the reporter's name only (no email, no organisation). */
function jsmFixture(seed: Seed, path: string): string {
  const page: DemoPage = renderJsmPage(seed, path);
  const issue = seed.jsm.issues.find((i) => path.endsWith(`/${i.key}`));
  const reporter = seed.jsm.users.find((u) => u.accountId === issue?.reporter);
  const pageStatus: Record<string, string> = {
    'Waiting for support': 'open',
    'In Progress': 'open',
    'Waiting for customer': 'pending',
    Resolved: 'solved',
    Closed: 'closed',
    Canceled: 'closed',
  };
  const expect: FixtureExpectations = issue
    ? {
        activeTicketId: issue.key,
        openTicketIds: [issue.key],
        subject: issue.summary,
        status: pageStatus[issue.status.name] ?? 'open',
        requester: { name: reporter?.displayName ?? '', email: null, organization: null },
      }
    : { activeTicketId: null, openTicketIds: [] };
  return `${header(`https://acme.atlassian.net${path}`, expect)}\n${renderJsmDocument(seed, page)}`;
}

/** File name → contents, for every saved fixture. */
export function renderFixtures(): Record<string, string> {
  const seed = makeSeed(FIXTURE_NOW);
  const { zoeTicketId, noEmailTicketId } = seed.demo;
  const tabs = openTabsFor(seed, zoeTicketId);
  const other = tabs[1] ?? zoeTicketId;
  const busyCustomer = seed.users.find((u) => u.name === 'Yuki Tanaka') ?? seed.users[0];
  return {
    'zendesk-ticket.html': fixture(seed, `/agent/tickets/${zoeTicketId}`),
    'zendesk-ticket-missing-fields.html': fixture(seed, `/agent/tickets/${noEmailTicketId}`),
    // After in-app navigation: same tabs, the second one now active.
    'zendesk-ticket-switched.html': fixture(seed, `/agent/tickets/${other}`, tabs),
    'zendesk-dashboard.html': fixture(seed, '/agent/dashboard'),
    'zendesk-user.html': fixture(seed, `/agent/users/${busyCustomer?.id}`),
    'freshdesk-ticket.html': freshdeskFixture(seed, `/a/tickets/${seed.demo.freshdesk.zoeTicketId}`),
    'freshdesk-ticket-phone-only.html': freshdeskFixture(seed, `/a/tickets/${seed.demo.freshdesk.phoneOnlyTicketId}`),
    'freshdesk-tickets-list.html': freshdeskFixture(seed, '/a/tickets/filters/all_tickets'),
    'jsm-request.html': jsmFixture(seed, `/jira/servicedesk/projects/SUP/queues/custom/1/${seed.demo.jsm.issueKey}`),
    'jsm-browse-hidden-email.html': jsmFixture(seed, `/browse/${seed.demo.jsm.hiddenEmailIssueKey}`),
    'jsm-queue.html': jsmFixture(seed, '/jira/servicedesk/projects/SUP/queues/custom/1'),
  };
}

export const FIXTURE_DIR = new URL('../../tests/fixtures/helpdesks/', import.meta.url);

if (process.argv[1]?.endsWith('save-fixtures.ts')) {
  for (const [name, content] of Object.entries(renderFixtures())) {
    writeFileSync(new URL(name, FIXTURE_DIR), content);
    console.log(`wrote tests/fixtures/helpdesks/${name}`);
  }
}

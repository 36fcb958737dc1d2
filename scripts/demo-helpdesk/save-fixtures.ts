// Writes the saved Zendesk DOM fixtures in tests/fixtures/helpdesks/ from the demo pages, with a fixed clock
// so they never churn: `npx tsx scripts/demo-helpdesk/save-fixtures.ts`. A unit test checks they are current.
import { writeFileSync } from 'node:fs';
import { findOrganization, findTicket, findUser, makeSeed, type Seed } from './seed';
import { openTabsFor, renderAgentDocument, renderAgentPage } from './zendesk-pages';

export const FIXTURE_NOW = Date.parse('2026-11-01T12:00:00Z');
const HOST = 'acme.zendesk.com';

/** What a test can expect from a fixture; written as JSON into the fixture's first line. */
export interface FixtureExpectations {
  activeTicketId: number | null;
  openTicketIds: number[];
  subject?: string;
  status?: string;
  requester?: { name: string; email: string | null; organization: string | null };
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

/** File name → contents, for every saved Zendesk fixture. */
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
  };
}

export const FIXTURE_DIR = new URL('../../tests/fixtures/helpdesks/', import.meta.url);

if (process.argv[1]?.endsWith('save-fixtures.ts')) {
  for (const [name, content] of Object.entries(renderFixtures())) {
    writeFileSync(new URL(name, FIXTURE_DIR), content);
    console.log(`wrote tests/fixtures/helpdesks/${name}`);
  }
}

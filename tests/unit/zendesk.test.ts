import { describe, expect, it } from 'vitest';
import { findTicket } from '@/utils/helpdesks';
import { zendesk } from '@/utils/helpdesks/zendesk/api';
import type { TicketRef } from '@/utils/schemas';
import { historyPath, loadFixture } from './fixtures';

const ref = (ticketId: string): TicketRef => ({ helpdesk: 'zendesk', host: 'acme.zendesk.com', ticketId });

describe('Zendesk URLs', () => {
  it.each([
    ['https://acme.zendesk.com/agent/tickets/3242', '3242'],
    ['https://acme.zendesk.com/agent/tickets/3242/events', '3242'],
    ['https://acme.zendesk.com/agent/tickets/3242?foo=1#c', '3242'],
  ])('finds the ticket in %s', (url, id) => {
    expect(zendesk.parseUrl(new URL(url))).toEqual(ref(id));
  });

  it.each([
    'https://acme.zendesk.com/agent/dashboard',
    'https://acme.zendesk.com/agent/filters/360001',
    'https://acme.zendesk.com/agent/users/373000000001',
    'https://acme.zendesk.com/agent/search/1?q=refund',
    'https://acme.zendesk.com/agent/tickets/new/1',
    'http://acme.zendesk.com/agent/tickets/3242',
    'https://zendesk.com.evil.example/agent/tickets/3242',
    'https://24475.apps.zdusercontent.com/agent/tickets/3242',
  ])('sees no ticket at %s', (url) => {
    expect(zendesk.parseUrl(new URL(url))).toBeNull();
    expect(findTicket(url)).toBeNull();
  });
});

describe('Zendesk pages', () => {
  it.each(['zendesk-ticket.html', 'zendesk-ticket-switched.html', 'zendesk-ticket-missing-fields.html'])(
    'reads the active ticket of %s and nothing from the other open tabs',
    (name) => {
      const fixture = loadFixture(name);
      const found = findTicket(fixture.url);
      expect(found?.ref.ticketId).toBe(String(fixture.expect.activeTicketId));
      // Several tickets are open in the page; each is read from its own workspace.
      expect(fixture.expect.openTicketIds.length).toBeGreaterThan(1);
      const read = zendesk.readPage(fixture.doc, ref(String(fixture.expect.activeTicketId)));
      const requester = fixture.expect.requester;
      expect(read).toEqual({
        subject: fixture.expect.subject,
        status: fixture.expect.status,
        customer: {
          name: requester?.name,
          ...(requester?.email ? { email: requester.email } : {}),
          ...(requester?.organization ? { organisation: requester.organization } : {}),
        },
      });
    },
  );

  it('reads an inactive tab by its own ticket id, not the active one', () => {
    const fixture = loadFixture('zendesk-ticket.html');
    const other = fixture.expect.openTicketIds.find((id) => id !== fixture.expect.activeTicketId);
    const active = zendesk.readPage(fixture.doc, ref(String(fixture.expect.activeTicketId)));
    const inactive = zendesk.readPage(fixture.doc, ref(String(other)));
    expect(inactive.customer.name).toBeTruthy();
    expect(inactive.customer.name).not.toBe(active.customer.name);
  });

  it.each(['zendesk-dashboard.html', 'zendesk-user.html'])('finds no ticket on %s', (name) => {
    const fixture = loadFixture(name);
    expect(findTicket(fixture.url)).toBeNull();
  });

  it('says what it could not find instead of throwing when the workspace is missing', () => {
    const fixture = loadFixture('zendesk-dashboard.html');
    expect(zendesk.readPage(fixture.doc, ref('3242'))).toEqual({ subject: undefined, status: undefined, customer: {} });
  });

  it('keeps payloads in names as text', () => {
    const doc = new DOMParser().parseFromString(
      `<div data-side-conversations-anchor-id="9"><div data-test-id="customer-context-name">&lt;img src=x onerror=alert(1)&gt;Mallory</div></div>`,
      'text/html',
    );
    expect(zendesk.readPage(doc, ref('9')).customer.name).toBe('<img src=x onerror=alert(1)>Mallory');
  });
});

describe('Zendesk API payloads', () => {
  const api = zendesk.session;
  const ticketApi = api?.ticket;
  if (!api || !ticketApi) throw new Error('the Zendesk adapter has an API');
  const history = api.history;
  if (!history) throw new Error('this adapter reads history');
  const ticket = {
    id: 3242,
    subject: 'Refund not received',
    description: '\n  I returned the jacket on the 2nd.\nOrder #5512',
    status: 'open',
    requester_id: 501,
    assignee_id: 12,
    tags: ['refund'],
    via: { channel: 'email' },
    satisfaction_rating: { score: 'bad', comment: 'Slow' },
    created_at: '2026-10-30T09:00:00Z',
    updated_at: '2026-10-31T10:00:00Z',
    custom_fields: [{ id: 1, value: 'ignored' }],
  };

  it('completes the case from a ticket with its requester and organisation', () => {
    const result = ticketApi.parse(
      {
        ticket,
        users: [{ id: 501, name: 'Zoë Ångström', email: 'zoe@example.com', organization_id: 7 }],
        organizations: [{ id: 7, name: 'Fabrikam, Inc.' }],
      },
      ref('3242'),
    );
    expect(result.ok && result.value).toMatchObject({
      customer: { name: 'Zoë Ångström', email: 'zoe@example.com', externalId: '501', organisation: 'Fabrikam, Inc.' },
      status: 'open',
      channel: 'email',
      satisfaction: 'bad',
      conversation: {
        id: '3242',
        excerpt: 'I returned the jacket on the 2nd.',
        assigneeId: '12',
        url: 'https://acme.zendesk.com/agent/tickets/3242',
      },
    });
  });

  it('refuses a ticket of the wrong shape with a clear message', () => {
    const result = ticketApi.parse({ ticket: { ...ticket, id: 'x' } }, ref('3242'));
    expect(result).toEqual({
      ok: false,
      error: { kind: 'malformed', message: 'Zendesk sent a ticket Kept could not read.' },
    });
  });

  it('names the assignee of each earlier ticket from the sideloaded users', () => {
    const result = history.parsePage(
      { tickets: [ticket], users: [{ id: 12, name: 'Sam Rivera', email: 'sam@acme.test' }] },
      ref('1'),
      '',
    );
    expect(result.ok && result.value.conversations[0]?.assignee).toEqual({
      name: 'Sam Rivera',
      email: 'sam@acme.test',
    });
    expect(historyPath(history, '501', 100)).toContain('include=users');
  });

  it('follows links.next on the same host only', () => {
    const page = (next: string) =>
      history.parsePage({ tickets: [ticket], meta: { has_more: true }, links: { next } }, ref('1'), '');
    const same = page(
      'https://acme.zendesk.com/api/v2/users/501/tickets/requested.json?page[after]=abc&page[size]=100',
    );
    expect(same.ok && same.value.next).toBe('/api/v2/users/501/tickets/requested.json?page[after]=abc&page[size]=100');
    const other = page('https://evil.example/api/v2/steal');
    expect(other.ok && other.value.next).toBeNull();
  });
});

describe('Zendesk right after in-app navigation', () => {
  it('does not read the previous ticket’s workspace for the new ticket', () => {
    const fixture = loadFixture('zendesk-ticket.html');
    const read = zendesk.readPage(fixture.doc, ref('9999'));
    expect(read.customer).toEqual({});
  });
});

describe('Zendesk excerpts', () => {
  it('skips the greeting so the first line says what the ticket is about', () => {
    const result = zendesk.session?.history?.parsePage(
      {
        tickets: [
          {
            id: 1,
            subject: 'Charged twice',
            description: 'Hi team,\n\nI was charged twice for INV-50862.',
            status: 'open',
            requester_id: 2,
            created_at: '2026-10-30T09:00:00Z',
            updated_at: '2026-10-31T10:00:00Z',
          },
        ],
      },
      ref('1'),
      '',
    );
    expect(result?.ok && result.value.conversations[0]?.excerpt).toBe('I was charged twice for INV-50862.');
  });
});

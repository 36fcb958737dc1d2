import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SeenTicket } from '@/utils/helpdesks/types';
import { zendesk } from '@/utils/helpdesks/zendesk/api';

const vendor = (name: string): { request: string; body: unknown } =>
  JSON.parse(readFileSync(`tests/fixtures/vendors/zendesk/${name}`, 'utf8'));

const ref: SeenTicket = { helpdesk: 'zendesk', host: 'lumenbikes.zendesk.com', ticketId: '48213' };
const thread = zendesk.session?.thread;

describe('Zendesk thread', () => {
  it('asks the List Comments endpoint of the conversation, with its authors', () => {
    const conversation = { source: 'zendesk:lumenbikes.zendesk.com', id: '48213', url: 'https://x.example/' };
    expect(`GET ${thread?.request(conversation, ref)}`).toBe(vendor('comments.json').request);
  });

  it('reads customer messages, agent replies and internal notes in order, with names', () => {
    const page = thread?.parsePage(vendor('comments.json').body, ref, '');
    expect(page?.ok).toBe(true);
    if (!page?.ok) return;
    expect(page.value.next).toBeNull();
    expect(page.value.messages.map((m) => [m.author, m.authorName, m.internal])).toEqual([
      ['customer', 'Maria Okafor', false],
      ['agent', 'Jonas Lindqvist', true],
      ['agent', 'Jonas Lindqvist', false],
    ]);
    expect(page.value.messages[0]?.body).toContain('rear hub');
    const times = page.value.messages.map((m) => m.createdAt);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('follows the next page while Zendesk says there is more, on its own host only', () => {
    const { body } = vendor('comments.json') as { body: Record<string, unknown> };
    const more = { ...body, meta: { has_more: true } };
    const page = thread?.parsePage(more, ref, '');
    expect(page?.ok && page.value.next).toMatch(/^\/api\/v2\/tickets\/48213\/comments\.json\?.*page%5Bafter%5D=/);
    const elsewhere = { ...more, links: { next: 'https://evil.example/api/v2/tickets/1/comments.json' } };
    const refused = thread?.parsePage(elsewhere, ref, '');
    expect(refused?.ok && refused.value.next).toBeNull();
  });

  it('refuses a page of another shape with a clear message', () => {
    const page = thread?.parsePage({ comments: 'oops' }, ref, '');
    expect(page).toEqual({
      ok: false,
      error: { kind: 'malformed', message: 'Zendesk sent a conversation thread Kept could not read.' },
    });
  });
});

describe('Zendesk customer', () => {
  it('carries the requester’s time zone and language', () => {
    const details = zendesk.session?.ticket?.parse(vendor('ticket.json').body, ref);
    expect(details?.ok && details.value.customer).toMatchObject({ timeZone: 'Europe/Berlin', locale: 'de' });
  });
});

import { describe, expect, it } from 'vitest';
import { adapterForUrl, findTicket } from '@/utils/helpdesks';
import { helpscout } from '@/utils/helpdesks/helpscout';
import type { TicketRef } from '@/utils/schemas';
import { loadFixture, reportsAcrossSwitch } from './fixtures';

const ref = (ticketId: string, host = 'secure.helpscout.net'): TicketRef => ({
  helpdesk: 'helpscout',
  host,
  ticketId,
});

describe('Help Scout URLs', () => {
  it.each([
    ['https://secure.helpscout.net/conversation/2146893412/4821?folderId=7130521', '4821'],
    ['https://secure.helpscout.net/conversation/2146893412/4821/', '4821'],
    ['https://secure.helpscout.net/conversations/2146893412/4821#thread-9920', '4821'],
  ])('finds conversation #%s', (url, number) => {
    expect(helpscout.parseUrl(new URL(url))).toEqual(ref(number));
    expect(findTicket(url)?.adapter.id).toBe('helpscout');
  });

  it('follows the possible new host too', () => {
    expect(helpscout.parseUrl(new URL('https://app.helpscout.com/conversation/2146893412/4821'))).toEqual(
      ref('4821', 'app.helpscout.com'),
    );
  });

  it.each([
    'https://secure.helpscout.net/mailbox/7b0c3f1a2d4e5f60/7130521/',
    'https://secure.helpscout.net/customer/318554902/0/',
    'https://secure.helpscout.net/dashboard/',
    'https://secure.helpscout.net/conversation/2146893412',
    'http://secure.helpscout.net/conversation/2146893412/4821',
    'https://secure.helpscout.net.evil.example/conversation/2146893412/4821',
    'https://helpscout.net.evil.example/conversation/2146893412/4821',
    'https://docs.helpscout.com/conversation/2146893412/4821',
  ])('sees no conversation at %s', (url) => {
    expect(helpscout.parseUrl(new URL(url))).toBeNull();
    expect(findTicket(url)).toBeNull();
  });

  it('runs on the agent app only', () => {
    expect(adapterForUrl('https://secure.helpscout.net/mailbox/7b0c3f1a2d4e5f60/7130521/')?.id).toBe('helpscout');
    expect(adapterForUrl('http://secure.helpscout.net/mailbox/')).toBeUndefined();
    expect(adapterForUrl('https://www.helpscout.com/pricing/')).toBeUndefined();
  });
});

describe('Help Scout pages', () => {
  it.each([
    'helpscout-conversation.html',
    'helpscout-conversation-switched.html',
    'helpscout-conversation-missing-fields.html',
  ])('reads the conversation in view in %s, not the others in the list', (name) => {
    const fixture = loadFixture(name);
    const found = findTicket(fixture.url);
    expect(found?.ref).toEqual(ref(String(fixture.expect.activeTicketId)));
    expect(fixture.expect.openTicketIds.length).toBeGreaterThan(1);
    const requester = fixture.expect.requester;
    expect(helpscout.readPage(fixture.doc, ref(String(fixture.expect.activeTicketId)))).toEqual({
      subject: fixture.expect.subject,
      status: fixture.expect.status,
      customer: {
        name: requester?.name,
        ...(requester?.email ? { email: requester.email } : {}),
        externalId: expect.stringMatching(/^\d+$/),
      },
    });
  });

  it('takes the customer id from the profile link, and no email when the customer has none', () => {
    const read = helpscout.readPage(loadFixture('helpscout-conversation-missing-fields.html').doc, ref('4819'));
    expect(read.customer).toEqual({ name: 'Kofi Boateng', externalId: '318552877' });
  });

  it('ignores the Cc and the note’s addresses: the customer comes from the sidebar', () => {
    const read = helpscout.readPage(loadFixture('helpscout-conversation.html').doc, ref('4821'));
    expect(read.customer.email).toBe('hannah.schmidt@globex-logistics.de');
  });

  it('reads nothing of the previous conversation right after in-app navigation', () => {
    // The URL already names #4817 while #4821 is still drawn.
    const fixture = loadFixture('helpscout-conversation.html');
    expect(helpscout.readPage(fixture.doc, ref('4817'))).toEqual({ customer: {} });
    // Once #4817 is drawn, it is read.
    const switched = loadFixture('helpscout-conversation-switched.html');
    expect(helpscout.readPage(switched.doc, ref('4817')).customer.name).toBe('Amara Okafor');
  });

  it('finds no conversation on the mailbox list, and reads nothing there without throwing', () => {
    const fixture = loadFixture('helpscout-mailbox.html');
    expect(findTicket(fixture.url)).toBeNull();
    expect(helpscout.readPage(fixture.doc, ref('4821'))).toEqual({
      subject: undefined,
      status: undefined,
      customer: {},
    });
  });

  it('maps Help Scout’s statuses, never the assignee’s name, and leaves Spam without one', () => {
    const page = (status: string) =>
      new DOMParser().parseFromString(
        `<div class="StatusAssigneecss__ContainerUI-sc-2iztpe-0"><button>${status}</button><button>Pending Payments Team</button></div>`,
        'text/html',
      );
    expect(helpscout.readPage(page('Active'), ref('1')).status).toBe('open');
    expect(helpscout.readPage(page('Closed'), ref('1')).status).toBe('closed');
    expect(helpscout.readPage(page('Spam'), ref('1')).status).toBeUndefined();
  });

  it('has no session API: history comes from what the rep opens', () => {
    expect(helpscout.api).toBeUndefined();
  });
});

describe('Help Scout in the content script', () => {
  it('follows the rep to another conversation without a reload, never pinning the old customer on the new one', () => {
    const { first, next, seen } = reportsAcrossSwitch(
      'helpscout-conversation.html',
      'helpscout-conversation-switched.html',
    );
    expect(seen.map((s) => s.ticketId)).toEqual([
      String(first.expect.activeTicketId),
      String(next.expect.activeTicketId),
      String(next.expect.activeTicketId),
    ]);
    expect(seen.map((s) => s.customer.name)).toEqual(['Hannah Schmidt', undefined, 'Amara Okafor']);
  });
});

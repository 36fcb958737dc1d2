import { describe, expect, it } from 'vitest';
import { adapterForUrl, findTicket } from '@/utils/helpdesks';
import { front } from '@/utils/helpdesks/front';
import type { TicketRef } from '@/utils/schemas';
import { loadFixture, reportsAcrossSwitch } from './fixtures';

const ref = (ticketId: string): TicketRef => ({ helpdesk: 'front', host: 'app.frontapp.com', ticketId });

describe('Front URLs', () => {
  it.each([
    ['https://app.frontapp.com/inboxes/teams/views/15931074/open/117421069338', 'cnv_1hxxh0yi'],
    ['https://app.frontapp.com/inboxes/teammates/20999898/inbox/all/117421069338', 'cnv_1hxxh0yi'],
    ['https://app.frontapp.com/inboxes/teams/folders/4808209/unassigned/117421069338?q=1', 'cnv_1hxxh0yi'],
    ['https://app.frontapp.com/inboxes/shared/support/archived/117421069338/', 'cnv_1hxxh0yi'],
    ['https://app.frontapp.com/open/cnv_1hxxh0yi', 'cnv_1hxxh0yi'],
    ['https://app.frontapp.com/inboxes/teams/4808209/inbox/4bj7r/cnv_1hxxh0yi', 'cnv_1hxxh0yi'],
  ])('finds the conversation in %s, by its API id', (url, id) => {
    expect(front.parseUrl(new URL(url))).toEqual(ref(id));
    expect(findTicket(url)?.adapter.id).toBe('front');
  });

  it.each([
    'https://app.frontapp.com/inboxes/teams/views/15931074/open',
    'https://app.frontapp.com/inboxes/teams/views/15931074',
    'https://app.frontapp.com/inboxes/teams/folders/4808209/unassigned',
    'https://app.frontapp.com/inboxes/teams/4808209/search/workspace/amara%40gmail.com/0',
    'https://app.frontapp.com/inboxes/teams/views/15931074/open/0',
    'https://app.frontapp.com/settings/tim:20999898/preferences',
    'https://app.frontapp.com/contacts/crd_4a2b9',
    'http://app.frontapp.com/open/cnv_1hxxh0yi',
    'https://app.frontapp.com.evil.example/open/cnv_1hxxh0yi',
    'https://frontapp.com/open/cnv_1hxxh0yi',
    'https://api2.frontapp.com/conversations/cnv_1hxxh0yi',
  ])('sees no conversation at %s', (url) => {
    expect(front.parseUrl(new URL(url))).toBeNull();
    expect(findTicket(url)).toBeNull();
  });

  it('runs on the app only', () => {
    expect(adapterForUrl('https://app.frontapp.com/inboxes/teams/views/15931074/open')?.id).toBe('front');
    expect(adapterForUrl('https://api2.frontapp.com/me')).toBeUndefined();
  });
});

describe('Front pages', () => {
  it.each(['front-conversation.html', 'front-conversation-switched.html', 'front-conversation-missing-fields.html'])(
    'reads the conversation in view in %s, not the others in the list',
    (name) => {
      const fixture = loadFixture(name);
      const found = findTicket(fixture.url);
      expect(found?.ref).toEqual(ref(String(fixture.expect.activeTicketId)));
      expect(fixture.expect.openTicketIds.length).toBeGreaterThan(1);
      const requester = fixture.expect.requester;
      expect(front.readPage(fixture.doc, ref(String(fixture.expect.activeTicketId)))).toEqual({
        subject: fixture.expect.subject,
        customer: {
          name: requester?.name,
          ...(requester?.email ? { email: requester.email } : {}),
          ...(requester?.organization ? { organisation: requester.organization } : {}),
        },
      });
    },
  );

  it('takes the customer from the first message, not the teammate’s reply or the comment', () => {
    const read = front.readPage(loadFixture('front-conversation.html').doc, ref('cnv_1hxxh0yi'));
    expect(read.customer).toEqual({
      name: 'Hannah Schmidt',
      email: 'hannah.schmidt@globex-logistics.de',
      organisation: 'Globex Logistics GmbH',
    });
  });

  it('reads no email from a phone handle', () => {
    const read = front.readPage(loadFixture('front-conversation-missing-fields.html').doc, ref('cnv_1hxxcfkz'));
    expect(read.customer).toEqual({ name: 'Kofi Boateng' });
  });

  it('reads nothing of the previous conversation right after in-app navigation', () => {
    // The URL already names the next conversation while the previous viewer is still drawn.
    const before = loadFixture('front-conversation.html');
    expect(front.readPage(before.doc, ref('cnv_1hxxh93u'))).toEqual({ subject: undefined, customer: {} });
    const after = loadFixture('front-conversation-switched.html');
    expect(front.readPage(after.doc, ref('cnv_1hxxh93u')).customer.name).toBe('Amara Okafor');
  });

  it('finds no conversation on the inbox list, and reads nothing there without throwing', () => {
    const fixture = loadFixture('front-inbox.html');
    expect(findTicket(fixture.url)).toBeNull();
    expect(front.readPage(fixture.doc, ref('cnv_1hxxh0yi'))).toEqual({ subject: undefined, customer: {} });
    expect(front.readPage(fixture.doc, ref('not-a-front-id'))).toEqual({ subject: undefined, customer: {} });
  });

  it('keeps markup in names as text', () => {
    const doc = new DOMParser().parseFromString(
      `<div data-testid="viewer-42"><div class="messageViewerBase__StyledMessageDiv-sc-1"><div class="messageViewerRecipient__StyledDetailsWrapperDiv-sc-2"><div>&lt;b&gt;Mallory&lt;/b&gt; &amp; co</div></div></div></div>`,
      'text/html',
    );
    expect(front.readPage(doc, ref(`cnv_${(42).toString(36)}`)).customer.name).toBe('<b>Mallory</b> & co');
  });

  it('has no session API: history comes from what the rep opens', () => {
    expect(front.api).toBeUndefined();
  });
});

describe('Front in the content script', () => {
  it('follows the rep to another conversation without a reload, never pinning the old customer on the new one', () => {
    const { first, next, seen } = reportsAcrossSwitch('front-conversation.html', 'front-conversation-switched.html');
    expect(seen.map((s) => s.ticketId)).toEqual([
      String(first.expect.activeTicketId),
      String(next.expect.activeTicketId),
      String(next.expect.activeTicketId),
    ]);
    expect(seen.map((s) => s.customer.name)).toEqual(['Hannah Schmidt', undefined, 'Amara Okafor']);
  });
});

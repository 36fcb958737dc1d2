import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emailOf } from '@/utils/helpdesks/dom';
import { checkMessage } from '@/utils/messages';
import { type PageCase, TabCase } from '@/utils/schemas';

// What a helpdesk page or API shows is outside text of any length: Kept cuts it to its limits rather than dropping
// the case, and a malformed address is no address, not a crash.

const page: PageCase = {
  helpdesk: 'zendesk',
  host: 'acme.zendesk.com',
  ticketId: '42',
  url: 'https://acme.zendesk.com/agent/tickets/42',
  subject: `Refund ${'for the order that never arrived '.repeat(20)}`.slice(0, 600),
  customer: { name: 'Zoë '.repeat(80), email: 'zoe@example.org' },
};
const sender = {
  id: fakeBrowser.runtime.id,
  url: page.url,
  tab: { id: 7 },
  frameId: 0,
};
const rules = {
  extensionId: fakeBrowser.runtime.id,
  extensionOrigin: 'chrome-extension://kept/',
  isHelpdeskUrl: () => true,
};

describe('a case with long text', () => {
  it('is taken with a 600-character subject and a long name, each cut to its limit', () => {
    expect(page.subject).toHaveLength(600);
    const checked = checkMessage({ kept: 1, type: 'case:seen', data: page }, sender, rules);
    expect(checked.ok).toBe(true);
    const data = checked.ok ? (checked.data as PageCase) : undefined;
    expect(data?.subject).toHaveLength(500);
    expect(data?.subject?.endsWith('…')).toBe(true);
    expect(data?.customer.name).toHaveLength(200);
  });

  it('is kept for the tab with a long name and channel from the API', () => {
    const tabCase = TabCase.parse({
      case: {
        ...page,
        channel: 'messaging',
        channelName: 'WhatsApp Business via the regional partner gateway (EMEA)',
        tags: ['x'.repeat(140)],
        from: 'api',
        seenAt: 1,
      },
      customerKey: 'zoe@example.org',
      updatedAt: 1,
    });
    expect(tabCase.case?.channelName).toHaveLength(50);
    expect(tabCase.case?.tags[0]).toHaveLength(100);
  });
});

describe('a mailto link', () => {
  const linked = (href: string) => new DOMParser().parseFromString(`<a href="${href}">Write to us</a>`, 'text/html');

  it('with a malformed %-escape is no address, and does not throw', () => {
    expect(() => emailOf(linked('mailto:50%off@deals.example'), 'a')).not.toThrow();
    expect(emailOf(linked('mailto:50%off@deals.example'), 'a')).toBeUndefined();
  });

  it('with a proper escape is read', () => {
    expect(emailOf(linked('mailto:zo%C3%AB@example.org?subject=Hi'), 'a')).toBe('zoë@example.org');
  });
});

import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { findCustomTicket, storedRules } from '@/utils/custom-helpdesks/page';
import { checkHost, checkTicketPattern, parseRules } from '@/utils/custom-helpdesks/rules';
import { customRules } from '@/utils/custom-helpdesks/storage';
import { CustomHelpdeskRule } from '@/utils/schemas';

// A custom rule runs on every page of its host: its pattern must not hang the tab, must read the path only, and its
// host must be the company's, not a public suffix anyone can register under.

const rule = (host: string, ticketUrl = '/conversation/(\\d+)') => ({
  id: 'northwind',
  name: 'Northwind support',
  host,
  ticketUrl,
  selectors: { email: '.customer-email' },
});

describe('a custom rule’s ticket URL pattern', () => {
  it.each(['(a+)+$', '/t/(\\w*)*x', '/t/(a|aa)+$', '/t/(\\d+)/\\1'])('is refused when catastrophic: %s', (pattern) => {
    expect(checkTicketPattern(pattern).ok).toBe(false);
    expect(CustomHelpdeskRule.safeParse(rule('support.northwind.example', pattern)).success).toBe(false);
    expect(storedRules([rule('support.northwind.example', pattern)])).toEqual([]);
  });

  it('is taken when it only repeats plainly', () => {
    for (const pattern of ['/conversation/(\\d+)', '#/tickets/([A-Z]+-\\d+)', '/c/(\\d+)/?(x+)?']) {
      expect(checkTicketPattern(pattern)).toEqual({ ok: true, value: pattern });
    }
  });

  it('matches the path, never the query', () => {
    const rules = [rule('support.northwind.example')];
    expect(findCustomTicket(rules, 'https://support.northwind.example/mailbox?next=/conversation/99')).toBeNull();
    expect(findCustomTicket(rules, 'https://support.northwind.example/conversation/58213?folder=1')?.ref.ticketId).toBe(
      '58213',
    );
  });
});

describe('a custom rule’s host', () => {
  it.each(['*.co.uk', '*.github.io', '*.com.au'])('is refused as a wildcard over a public suffix: %s', (host) => {
    expect(checkHost(host).ok).toBe(false);
  });

  it('is taken as a wildcard over the company’s own domain', () => {
    expect(checkHost('*.northwind.co.uk')).toEqual({ ok: true, value: '*.northwind.co.uk' });
    expect(checkHost('*.northwind.github.io')).toEqual({ ok: true, value: '*.northwind.github.io' });
  });

  it('over a public suffix is never used, stored or set by policy', async () => {
    const wide = { ...rule('*.github.io'), id: 'wide' };
    await fakeBrowser.storage.local.set({ customHelpdesks: [rule('support.northwind.example'), wide] });
    expect(parseRules([wide])).toEqual([wide]);
    expect((await customRules.getValue()).map((r) => r.id)).toEqual(['northwind']);
    await fakeBrowser.storage.managed.set({ customHelpdesks: [wide] });
    expect(await customRules.getValue()).toEqual([]);
  });
});

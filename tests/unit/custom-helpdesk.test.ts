import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { caseHandlers } from '@/entrypoints/background/cases';
import { isKnownHelpdeskUrl, setupCustomHelpdesks } from '@/entrypoints/background/custom-helpdesks';
import { db } from '@/utils/db';
import { adapterById, findTicket } from '@/utils/helpdesks';
import {
  checkRuleDraft,
  customRuleForUrl,
  findCustomTicket,
  hostMatches,
  matchPatternsOf,
  parseRules,
  type RuleDraft,
  readCustomPage,
} from '@/utils/helpdesks/custom';
import {
  CUSTOM_SCRIPT_FILE,
  CUSTOM_SCRIPT_ID,
  customRules,
  registerCustomScripts,
} from '@/utils/helpdesks/custom-rules';
import { helpdeskSeen } from '@/utils/helpdesks/seen';
import type { Sender } from '@/utils/messages';
import { CustomHelpdeskRule, type PageCase } from '@/utils/schemas';
import { settings } from '@/utils/settings';
import { tabCases } from '@/utils/tab-case';
import { loadFixture } from './fixtures';

/** A saved FreeScout page and the rule an admin wrote for it (kept in the fixture's header). */
function customFixture(name: string) {
  const fixture = loadFixture(name);
  const rule = CustomHelpdeskRule.parse((fixture.expect as { rule?: unknown }).rule);
  return { ...fixture, rule };
}

const conversation = customFixture('custom-freescout-conversation.html');
const mailbox = customFixture('custom-freescout-mailbox.html');
const rule = conversation.rule;

const draft = (change: Partial<RuleDraft> = {}): RuleDraft => ({
  name: 'Northwind support (FreeScout)',
  host: 'support.northwind.example',
  ticketUrl: '/conversation/(\\d+)',
  email: '#conv-layout-customer .customer-email .contact-main',
  customerName: '#conv-layout-customer .customer-name',
  subject: '#conv-subject .conv-subjtext',
  ...change,
});

describe('checking a custom helpdesk rule', () => {
  it('turns a complete draft into the rule that reads the saved page', () => {
    expect(checkRuleDraft(draft(), 'northwind-freescout')).toEqual({ ok: true, rule });
  });

  it('takes a pasted https address as its host, and leaves optional selectors out', () => {
    const checked = checkRuleDraft(
      draft({ host: ' https://Support.Northwind.example/ ', customerName: ' ', subject: '' }),
      'r1',
    );
    expect(checked).toMatchObject({ ok: true, rule: { host: 'support.northwind.example' } });
    if (checked.ok) expect(checked.rule.selectors).toEqual({ email: rule.selectors.email });
  });

  it.each([
    ['name', { name: '  ' }, /Give the helpdesk a name/],
    ['host', { host: 'http://support.northwind.example' }, /https helpdesks only/],
    ['host', { host: 'support.northwind.example/conversation' }, /without a path/],
    ['host', { host: 'support.northwind.example:8443' }, /without a port/],
    ['host', { host: '*.example' }, /not a host Kept can use/],
    ['host', { host: 'support.*.example' }, /A \* may only begin the host/],
    ['host', { host: 'support northwind' }, /not a host Kept can use/],
    ['ticketUrl', { ticketUrl: '/conversation/(\\d+' }, /not a valid regular expression/],
    ['ticketUrl', { ticketUrl: '/conversation/\\d+' }, /capture group/],
    ['email', { email: '' }, /Enter a CSS selector for the customer’s email/],
    ['email', { email: '.customer-email a[href=' }, /not a valid CSS selector for the customer’s email/],
    ['customerName', { customerName: '.requester .name,' }, /not a valid CSS selector for the customer’s name/],
    ['subject', { subject: '#conv-subject >> .x' }, /not a valid CSS selector for the subject/],
  ] as const)('refuses a bad %s and says why', (field, change, message) => {
    const checked = checkRuleDraft(draft(change), 'r1');
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.errors[field]).toMatch(message);
      expect(Object.keys(checked.errors)).toEqual([field]);
    }
  });

  it('lists every wrong field at once', () => {
    const checked = checkRuleDraft(draft({ host: 'ftp://x', ticketUrl: '(', email: '[' }), 'r1');
    expect(checked.ok ? [] : Object.keys(checked.errors).sort()).toEqual(['email', 'host', 'ticketUrl']);
  });

  it('keeps the valid rules from storage and drops the broken ones', () => {
    const broken = [{ ...rule, id: 'b1', ticketUrl: '/conversation/\\d+' }, { ...rule, id: 'b2', host: '*.com' }, 42];
    expect(parseRules([rule, ...broken])).toEqual([rule]);
    expect(parseRules('not a list')).toEqual([]);
  });
});

describe('matching a page to a custom rule', () => {
  it('finds the conversation id in the URL of the saved conversation page, and no ticket on the mailbox page', () => {
    expect(findCustomTicket([rule], conversation.url)).toEqual({
      rule,
      ref: {
        helpdesk: 'custom',
        host: 'support.northwind.example',
        ticketId: String(conversation.expect.activeTicketId),
      },
    });
    expect(mailbox.expect.activeTicketId).toBeNull();
    expect(findCustomTicket([rule], mailbox.url)).toBeNull();
    // Still a page of the custom helpdesk: the background accepts messages from it.
    expect(customRuleForUrl([rule], mailbox.url)).toBe(rule);
  });

  it('is not a built-in helpdesk: the registry finds no ticket there, but knows the custom adapter', () => {
    expect(findTicket(conversation.url)).toBeNull();
    expect(adapterById('custom')).toMatchObject({ id: 'custom', matches: [] });
    expect(adapterById('custom')?.api).toBeUndefined();
  });

  it.each([
    'http://support.northwind.example/conversation/58213',
    'https://northwind.example/conversation/58213',
    'https://support.northwind.example.evil.test/conversation/58213',
    'https://evilsupport.northwind.example/conversation/58213',
    'not a url',
  ])('ignores %s', (href) => {
    expect(findCustomTicket([rule], href)).toBeNull();
    expect(customRuleForUrl([rule], href)).toBeUndefined();
  });

  it('lets *.domain cover the domain and its subdomains, like a browser match pattern', () => {
    expect(hostMatches('*.northwind.example', 'northwind.example')).toBe(true);
    expect(hostMatches('*.northwind.example', 'eu.support.northwind.example')).toBe(true);
    expect(hostMatches('*.northwind.example', 'northwind.example.test')).toBe(false);
    expect(hostMatches('*.northwind.example', 'badnorthwind.example')).toBe(false);
    const wide = { ...rule, id: 'wide', host: '*.northwind.example' };
    expect(findCustomTicket([wide], 'https://eu.northwind.example/conversation/7')?.ref).toEqual({
      helpdesk: 'custom',
      host: 'eu.northwind.example',
      ticketId: '7',
    });
    expect(matchPatternsOf([rule, wide, { ...rule, id: 'again' }])).toEqual([
      'https://support.northwind.example/*',
      'https://*.northwind.example/*',
    ]);
  });
});

describe('reading a custom helpdesk page with the rule’s selectors', () => {
  it('reads the customer and subject of the saved conversation, not the agent, the Cc or the second address', () => {
    const read = readCustomPage(conversation.doc, rule);
    const requester = conversation.expect.requester;
    expect(read).toEqual({
      subject: conversation.expect.subject,
      customer: { name: requester?.name, email: requester?.email },
    });
  });

  it('finds an email inside a labelled text or a form field', () => {
    const doc = new DOMParser().parseFromString(
      `<p class="who">Requester: Jonas Pettersen &lt;jonas@pettersen.example&gt;</p><input class="mail" value="ana@ruiz.example">`,
      'text/html',
    );
    expect(readCustomPage(doc, { ...rule, selectors: { email: '.who' } }).customer.email).toBe(
      'jonas@pettersen.example',
    );
    expect(readCustomPage(doc, { ...rule, selectors: { email: 'input.mail' } }).customer.email).toBe(
      'ana@ruiz.example',
    );
  });

  it('reads nothing, without throwing, from a page that lacks the elements or with a selector the browser refuses', () => {
    expect(readCustomPage(mailbox.doc, rule)).toEqual({ customer: {} });
    const broken = { ...rule, selectors: { email: '[data-x=', name: '::nope(', subject: '' } };
    expect(readCustomPage(conversation.doc, broken)).toEqual({ customer: {} });
  });
});

// ---------- the background: registration, the trust check, and case reports ----------

const registerContentScripts = vi.fn(async (_scripts: unknown) => undefined);
const unregisterContentScripts = vi.fn(async (_filter: unknown) => undefined);
const getRegisteredContentScripts = vi.fn(
  async (_filter?: unknown): Promise<Array<{ id: string; matches?: string[] }>> => [],
);
const contains = vi.fn(async (_p: { origins?: string[] }) => true);
const original = { scripting: browser.scripting, permissions: browser.permissions };

beforeEach(() => {
  for (const mock of [registerContentScripts, unregisterContentScripts, getRegisteredContentScripts, contains]) {
    mock.mockClear();
  }
  getRegisteredContentScripts.mockImplementation(async () => []);
  contains.mockImplementation(async () => true);
  Object.assign(browser, {
    scripting: { registerContentScripts, unregisterContentScripts, getRegisteredContentScripts },
    permissions: { request: vi.fn(async () => true), contains },
  });
});
afterEach(() => {
  Object.assign(browser, original);
});

describe('registering the custom content script', () => {
  it('registers one script on every rule’s host', async () => {
    const other = { ...rule, id: 'wholesale', host: 'wholesale.northwind.example' };
    expect(await registerCustomScripts([rule, other])).toEqual([
      'https://support.northwind.example/*',
      'https://wholesale.northwind.example/*',
    ]);
    expect(unregisterContentScripts).not.toHaveBeenCalled();
    expect(registerContentScripts).toHaveBeenCalledWith([
      {
        id: CUSTOM_SCRIPT_ID,
        matches: ['https://support.northwind.example/*', 'https://wholesale.northwind.example/*'],
        js: [CUSTOM_SCRIPT_FILE],
        runAt: 'document_idle',
        allFrames: false,
      },
    ]);
  });

  it('leaves an unchanged registration alone, replaces a changed one, and removes it when no rule is left', async () => {
    getRegisteredContentScripts.mockImplementation(async () => [
      { id: CUSTOM_SCRIPT_ID, matches: ['https://support.northwind.example/*'] },
    ]);
    expect(await registerCustomScripts([rule])).toEqual(['https://support.northwind.example/*']);
    expect(unregisterContentScripts).not.toHaveBeenCalled();
    expect(registerContentScripts).not.toHaveBeenCalled();

    getRegisteredContentScripts.mockImplementation(async () => [
      { id: CUSTOM_SCRIPT_ID, matches: ['https://old.northwind.example/*'] },
    ]);
    await registerCustomScripts([rule]);
    expect(unregisterContentScripts).toHaveBeenCalledWith({ ids: [CUSTOM_SCRIPT_ID] });
    expect(registerContentScripts).toHaveBeenCalledTimes(1);

    await registerCustomScripts([]);
    expect(unregisterContentScripts).toHaveBeenCalledTimes(2);
    expect(registerContentScripts).toHaveBeenCalledTimes(1);
  });

  it('leaves out a host the rep has not granted (or revoked)', async () => {
    contains.mockImplementation(async ({ origins }) => origins?.[0] !== 'https://wholesale.northwind.example/*');
    const other = { ...rule, id: 'wholesale', host: 'wholesale.northwind.example' };
    expect(await registerCustomScripts([rule, other])).toEqual(['https://support.northwind.example/*']);
  });

  it('registers at start-up from storage, follows rule changes, and trusts pages on the rules’ hosts', async () => {
    await customRules.set([rule]);
    await setupCustomHelpdesks();
    expect(registerContentScripts).toHaveBeenLastCalledWith([
      expect.objectContaining({ matches: ['https://support.northwind.example/*'] }),
    ]);
    expect(isKnownHelpdeskUrl(conversation.url)).toBe(true);
    expect(isKnownHelpdeskUrl('https://acme.zendesk.com/agent/tickets/1')).toBe(true);
    expect(isKnownHelpdeskUrl('https://wholesale.northwind.example/conversation/1')).toBe(false);

    const other = { ...rule, id: 'wholesale', host: 'wholesale.northwind.example' };
    await customRules.set([other]);
    await vi.waitFor(() =>
      expect(registerContentScripts).toHaveBeenLastCalledWith([
        expect.objectContaining({ matches: ['https://wholesale.northwind.example/*'] }),
      ]),
    );
    expect(isKnownHelpdeskUrl('https://wholesale.northwind.example/conversation/1')).toBe(true);
    expect(isKnownHelpdeskUrl(conversation.url)).toBe(false);
  });
});

describe('the background and helpdesk switches', () => {
  const tab: Sender = { id: fakeBrowser.runtime.id, url: conversation.url, tab: { id: 7 }, frameId: 0 };
  const page: PageCase = {
    ...(findCustomTicket([rule], conversation.url)?.ref ?? { helpdesk: 'custom', host: '', ticketId: '' }),
    url: conversation.url,
    ...readCustomPage(conversation.doc, rule),
  };
  const seenHandler = caseHandlers()['case:seen'];

  beforeEach(async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });

  it('records a custom case and when Kept saw the helpdesk', async () => {
    vi.setSystemTime(new Date('2026-05-12T11:00:00Z'));
    try {
      seenHandler?.(page, tab);
      await vi.waitFor(async () => expect((await tabCases.get(7))?.customerKey).toBe('amara.okafor@fastmail.example'));
      expect(await helpdeskSeen.get()).toEqual({
        custom: { host: 'support.northwind.example', at: Date.parse('2026-05-12T11:00:00Z') },
      });
      // The ticket the rep opened becomes part of the customer's history, with no API.
      expect(await db.conversations.get(['custom:support.northwind.example', '58213'])).toMatchObject({
        subject: 'Charged twice for order #NW-20931',
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores reports from a helpdesk the rep switched off', async () => {
    await settings.helpdesks.set({ custom: false });
    seenHandler?.(page, tab);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await tabCases.get(7)).toBeNull();
    expect(await helpdeskSeen.get()).toEqual({});
    expect(await db.customers.count()).toBe(0);
  });
});

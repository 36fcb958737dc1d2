import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { caseHandlers } from '@/entrypoints/background/cases';
import { isKnownHelpdeskUrl, setupCustomHelpdesks } from '@/entrypoints/background/custom-helpdesks';
import { helpdeskSeen } from '@/utils/connections/seen';
import { storedRules } from '@/utils/custom-helpdesks/page';
import {
  checkRuleDraft,
  customRuleForUrl,
  findCustomTicket,
  hostMatches,
  matchPatternsOf,
  parseRules,
  type RuleDraft,
  readCustomPage,
} from '@/utils/custom-helpdesks/rules';
import {
  CUSTOM_SCRIPT_FILE,
  CUSTOM_SCRIPT_ID,
  customRules,
  registerCustomScripts,
} from '@/utils/custom-helpdesks/storage';
import { db } from '@/utils/db';
import { adapterById, findTicket, helpdeskName, listedHelpdesks } from '@/utils/helpdesks';
import { listen, type Sender } from '@/utils/messages';
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

describe('reading the rules in the custom content script, without Zod', () => {
  it('keeps exactly the rules the schema keeps, for each way a stored rule can be wrong', () => {
    // Each at its limit: 253 characters, 500 characters.
    const longHost = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    const longPattern = `/c/(\\d+)${'x'.repeat(492)}`;
    const edge = {
      id: 'e'.repeat(64),
      name: 'n'.repeat(100),
      host: longHost,
      ticketUrl: longPattern,
      selectors: { email: '.e'.repeat(250), name: '.n'.repeat(250), subject: '.s'.repeat(250) },
    };
    const broken: unknown[] = [
      { ...rule, id: '' },
      { ...rule, id: 'x'.repeat(65) },
      { ...rule, name: '' },
      { ...rule, name: 'x'.repeat(101) },
      { ...rule, host: '*.com' },
      { ...rule, host: 'Support.Northwind.example' },
      { ...rule, host: `${longHost}e` },
      { ...rule, ticketUrl: '/conversation/\\d+' },
      { ...rule, ticketUrl: '/conversation/(\\d+' },
      { ...rule, ticketUrl: `${longPattern}x` },
      { ...rule, selectors: { email: '' } },
      { ...rule, selectors: { ...rule.selectors, name: 42 } },
      { ...rule, selectors: { ...rule.selectors, subject: 'x'.repeat(501) } },
      { ...rule, selectors: '#email' },
      { ...rule, id: undefined },
      [rule],
      null,
      'rule',
    ];
    const wide = { ...rule, id: 'wide', host: '*.northwind.example', selectors: { email: '.email' }, extra: true };
    const stored = [rule, ...broken, wide, edge];
    expect(longHost).toHaveLength(253);
    expect(longPattern).toHaveLength(500);
    expect(storedRules(stored)).toEqual(parseRules(stored));
    expect(storedRules(stored).map((r) => r.id)).toEqual([rule.id, 'wide', edge.id]);
    expect(storedRules({ 0: rule })).toEqual([]);
  });

  it('agrees with the schema on any stored value (property)', () => {
    // Each field mostly right, sometimes near or past a limit, sometimes anything.
    const mostly = <T>(good: fc.Arbitrary<T>, ...bad: Array<fc.Arbitrary<unknown>>) =>
      fc.oneof({ weight: 6, arbitrary: good }, ...bad.map((arbitrary) => ({ weight: 1, arbitrary })));
    const text = (max: number) =>
      mostly(
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.string({ minLength: max - 1, maxLength: max + 1 }),
        fc.constantFrom('', undefined, null, 7),
      );
    const host = mostly(
      fc.oneof(fc.constantFrom('support.northwind.example', '*.northwind.example'), fc.domain()),
      fc.constantFrom('*.com', 'a-.example', '-a.example', 'Support.example.com', 'x', '*.*.example', 'a..example'),
      fc.domain().map((d) => `*.${d}`),
      fc.string({ maxLength: 12 }),
    );
    const ticketUrl = mostly(
      fc.constantFrom('/conversation/(\\d+)', '/t/(?<id>\\d+)', '#/tickets/([A-Z]+-\\d+)', '(a)|(b)'),
      fc.constantFrom('/t/\\d+', '(', '(?:x)', '\\(x\\)', '[(]', '(?<a>x)(?<a>y)'),
      fc.string({ maxLength: 12 }),
      fc.string({ minLength: 497, maxLength: 500 }).map((s) => `(${s})`),
    );
    const optional = mostly(
      fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
      fc.string({ minLength: 500, maxLength: 501 }),
      fc.constantFrom(null, 1),
    );
    const selectors = mostly(
      fc.record({ email: text(500), name: optional, subject: optional }, { requiredKeys: ['email'] }),
      fc.anything({ maxDepth: 1 }),
    );
    const fields = { id: text(64), name: text(100), host, ticketUrl, selectors };
    const item = mostly(fc.record(fields), fc.record(fields, { requiredKeys: [] }), fc.anything({ maxDepth: 2 }));
    let kept = 0;
    fc.assert(
      fc.property(fc.oneof(fc.array(item, { maxLength: 4 }), fc.anything({ maxDepth: 2 })), (raw) => {
        const rules = storedRules(raw);
        expect(rules).toEqual(parseRules(raw));
        kept += rules.length;
      }),
      { numRuns: 500 },
    );
    // Not only refusals: a good share of the generated rules are valid ones.
    expect(kept).toBeGreaterThan(50);
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

  it('is not a built-in helpdesk: the registry finds no ticket there, but lists custom helpdesks', () => {
    expect(findTicket(conversation.url)).toBeNull();
    expect(adapterById('custom')).toBeUndefined();
    expect(listedHelpdesks.find((h) => h.id === 'custom')).toEqual({ id: 'custom', name: 'Custom helpdesks' });
    expect(helpdeskName('custom')).toBe('Custom helpdesks');
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
    await customRules.setValue([rule]);
    await setupCustomHelpdesks();
    expect(registerContentScripts).toHaveBeenLastCalledWith([
      expect.objectContaining({ matches: ['https://support.northwind.example/*'] }),
    ]);
    expect(isKnownHelpdeskUrl(conversation.url)).toBe(true);
    expect(isKnownHelpdeskUrl('https://acme.zendesk.com/agent/tickets/1')).toBe(true);
    expect(isKnownHelpdeskUrl('https://wholesale.northwind.example/conversation/1')).toBe(false);

    const other = { ...rule, id: 'wholesale', host: 'wholesale.northwind.example' };
    await customRules.setValue([other]);
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
    // The background trusts a custom case only on a page its rules match.
    await customRules.setValue([rule]);
  });

  it('records a custom case and when Kept saw the helpdesk', async () => {
    vi.setSystemTime(new Date('2026-05-12T11:00:00Z'));
    try {
      await seenHandler?.(page, tab);
      expect((await tabCases.get(7))?.customerKey).toBe('amara.okafor@fastmail.example');
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
    await settings.helpdesks.setValue({ custom: false });
    await seenHandler?.(page, tab);
    expect(await tabCases.get(7)).toBeNull();
    expect(await helpdeskSeen.get()).toEqual({});
    expect(await db.customers.count()).toBe(0);
  });
});

describe('a background woken by a custom helpdesk page', () => {
  const tab: Sender = { id: fakeBrowser.runtime.id, url: conversation.url, tab: { id: 7 }, frameId: 0 };
  const page: PageCase = {
    ...(findCustomTicket([rule], conversation.url)?.ref ?? { helpdesk: 'custom', host: '', ticketId: '' }),
    url: conversation.url,
    ...readCustomPage(conversation.doc, rule),
  };
  const envelope = (type: string, data: unknown) => ({ kept: 1, type, data });
  const dispatch = (raw: unknown, sender: Sender) =>
    new Promise<unknown>((resolve) => {
      const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
      void trigger(raw, sender, resolve).then((results) => {
        if (!results.includes(true)) resolve('no answer');
      });
    });

  /** The background as a worker that has just started has it: the rules in storage, none read into memory yet. */
  async function wake() {
    vi.resetModules();
    const worker = await import('@/entrypoints/background/custom-helpdesks');
    listen(caseHandlers(), worker.isKnownHelpdeskUrl, worker.customRulesLoading);
    const started = worker.setupCustomHelpdesks();
    return { ...worker, started };
  }

  beforeEach(async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
    await customRules.setValue([rule]);
  });

  it('accepts the case report that woke it once it has read the rules', async () => {
    const worker = await wake();
    // The race: the page's first message arrives before the rules are read.
    expect(worker.isKnownHelpdeskUrl(conversation.url)).toBe(false);
    expect(worker.customRulesLoading()).toBeInstanceOf(Promise);
    await expect(dispatch(envelope('case:seen', page), tab)).resolves.toEqual({ ok: true, reply: { ok: true } });
    expect(worker.isKnownHelpdeskUrl(conversation.url)).toBe(true);
    expect(worker.customRulesLoading()).toBeUndefined();
    expect((await tabCases.get(7))?.customerKey).toBe('amara.okafor@fastmail.example');
    expect((await tabCases.get(7))?.case).toMatchObject({ helpdesk: 'custom', ticketId: '58213' });
    await worker.started;
  });

  it('still refuses a page no rule covers, once it has read the rules, and records nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const worker = await wake();
    const elsewhere = 'https://wholesale.northwind.example/conversation/58213';
    const reply = dispatch(envelope('case:seen', { ...page, host: 'wholesale.northwind.example', url: elsewhere }), {
      ...tab,
      url: elsewhere,
    });
    await expect(reply).resolves.toEqual({ ok: false, rejected: expect.stringContaining('untrusted sender') });
    expect(String(warn.mock.calls[0])).toContain('untrusted sender');
    await worker.started;
    expect(await tabCases.get(7)).toBeNull();
    expect(await db.customers.count()).toBe(0);
  });

  it('once it has read the rules, refuses a page no rule covers at once, without holding its message', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const worker = await wake();
    await worker.started;
    expect(worker.customRulesLoading()).toBeUndefined();
    const elsewhere = 'https://wholesale.northwind.example/conversation/1';
    await expect(dispatch(envelope('case:none', { url: elsewhere }), { ...tab, url: elsewhere })).resolves.toBe(
      'no answer',
    );
  });
});

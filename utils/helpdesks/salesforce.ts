import * as z from 'zod/mini';
import type { ConversationStatus, CustomerIdentity, HelpdeskToken, Result, TicketRef } from '../schemas';
import { bearer } from './connect';
import { compact, deepQuerySelector } from './dom';
import { bounded, firstLine, malformed } from './payload';
import type { ApiRequest, HelpdeskAdapter, HelpdeskPage, TicketDetails, TokenApi } from './types';

// Salesforce Service Cloud, Lightning Experience Case pages. Facts and sources: helpdesks.md section 9; the console's
// tab markup (`li.oneConsoleTabItem > a.tabHeader[role=tab][aria-controls]`, `section.tabContent.oneConsoleTab`),
// the standard-navigation page host and the `records-record-layout-item[field-label]` fields come from public
// Selenium/Playwright page objects and extensions for Lightning. None of it was checked against a live org.
//
// No session `api`: Salesforce's REST API refuses the Lightning-domain session ("RESTRICTED and NOT valid for API
// access"); it wants the `sid` cookie of *.my.salesforce.com, read in the background through the `cookies`
// permission, which Kept does not ask for. The case's contact and history come from the REST API instead, with a
// connected app's consumer key and secret (OAuth client credentials) saved in Options.

const NAME = 'Salesforce';

/** Case ids start with the key prefix 500; 15 characters (case-sensitive) or 18 (with a checksum). */
const CASE_PATH = /^\/lightning\/r\/Case\/(500[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)\/view\/?$/;
const CONTACT_HREF = /\/lightning\/r\/(?:Contact\/)?(003[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)\//;
const CONTACT_ID = /^003[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/;
/** A record page's own related lists link to `/lightning/r/[Object/]{its id}/related/{list}/view`. */
const RELATED_HREF = /\/lightning\/r\/(?:\w+\/)?([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)\/related\//;
const RECORD_KEY = /^[a-zA-Z0-9]{15}$/;
const ELEMENT_ID = /^[\w:.-]{1,100}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Salesforce's default Case statuses; an org's own ones are left unknown rather than guessed. */
const STATUSES: Record<string, ConversationStatus> = {
  new: 'new',
  working: 'open',
  escalated: 'open',
  'on hold': 'hold',
  closed: 'closed',
};

/** The first 15 characters name a record whichever length the link uses. */
const keyOf = (id: string): string => id.slice(0, 15);

const CHECKSUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * A record id in its 18-character form, the one the API answers with: the three added characters encode which of
 * the 15 are upper case, so the case in view and its row in the history are one record whichever form the URL used.
 */
export function fullId(id: string): string {
  if (id.length !== 15) return id;
  const chunk = (from: number) =>
    CHECKSUM[[...id.slice(from, from + 5)].reduce((bits, c, i) => (c >= 'A' && c <= 'Z' ? bits | (1 << i) : bits), 0)];
  return id + chunk(0) + chunk(5) + chunk(10);
}

/** The panel a console tab header controls (its `aria-controls`), searched through shadow roots. */
function panelOf(root: ParentNode, tab: Element): Element | null {
  const id = tab.getAttribute('aria-controls');
  return id && ELEMENT_ID.test(id) ? deepQuerySelector(root, `[id="${id}"]`) : null;
}

/** True when the page host's related lists belong to another record: it is the previous page, still in view. */
function showsAnotherRecord(page: ParentNode, key: string): boolean {
  const href = deepQuerySelector(page, 'a[href*="/related/"]')?.getAttribute('href') ?? '';
  const shown = RELATED_HREF.exec(href)?.[1];
  return shown !== undefined && keyOf(shown) !== key;
}

/**
 * The part of the page that shows this case, or null when none does yet. Lightning keeps many views in the DOM at
 * once (console tabs, sub-tabs, cached pages of standard navigation), most of them hidden.
 */
function casePage(root: ParentNode, caseId: string): ParentNode | null {
  const key = keyOf(caseId);
  if (!RECORD_KEY.test(key)) return null;
  // Service Console: a primary tab per case, maybe sub-tabs inside it (the case, its contact…); each header links
  // to its record and names the panel it controls. Follow the case's header down to its own panel.
  let scope: ParentNode | null = null;
  for (let depth = 0; depth < 2; depth++) {
    const tab = deepQuerySelector(scope ?? root, `a[role="tab"][href*="${key}"]`);
    const panel = tab && (panelOf(root, tab) ?? activeConsolePanel(root, tab));
    if (!panel) break;
    scope = panel;
  }
  if (scope) return scope;
  // A console without a tab for this case has not opened it yet: nothing on the page belongs to it.
  if (deepQuerySelector(root, '.oneConsoleTabItem')) return null;
  // Standard navigation: the active page host is in view. Right after in-app navigation it may still be the previous
  // record's page; its related-list links say so when they have rendered.
  const page = deepQuerySelector(root, '.lafSinglePaneWindowManager > .windowViewMode-normal.active.lafPageHost');
  return page && !showsAnotherRecord(page, key) ? page : null;
}

/** A selected tab whose header names no panel: the console's active tab panel is its panel. */
function activeConsolePanel(root: ParentNode, tab: Element): Element | null {
  if (tab.getAttribute('aria-selected') !== 'true') return null;
  return deepQuerySelector(root, '.oneWorkspace.active section.tabContent.active.oneConsoleTab');
}

/** Text as the rep sees it: a shadow host shows its shadow tree, a slot shows what was put in it. */
function renderedText(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeType === 1) {
    const element = node as Element;
    if (element.tagName === 'SCRIPT' || element.tagName === 'STYLE' || element.tagName === 'TEMPLATE') return '';
    if (element.tagName === 'SLOT') {
      const assigned = (element as HTMLSlotElement).assignedNodes();
      if (assigned.length > 0) return assigned.map(renderedText).join('');
    }
    if (element.shadowRoot) return renderedText(element.shadowRoot);
  } else if (node.nodeType !== 11) {
    return '';
  }
  return Array.from(node.childNodes, renderedText).join('');
}

function textIn(node: Node | null | undefined): string | undefined {
  const text = node ? renderedText(node).replace(/\s+/g, ' ').trim() : '';
  return text || undefined;
}

/** A Case field of the record layout by its label, e.g. "Contact Name". */
const field = (page: ParentNode, label: string): Element | null =>
  deepQuerySelector(page, `records-record-layout-item[field-label="${label}"]`);

/** The value part of a field (not its label). */
const fieldValue = (item: Element | null): Element | null =>
  deepQuerySelector(item, '[slot="outputField"]') ?? deepQuerySelector(item, '.test-id__field-value');

/** A lookup field's link to the record it points at. */
const lookupOf = (item: Element | null): Element | null => deepQuerySelector(item, 'a[href*="/lightning/r/"]');

function emailIn(item: Element | null): string | undefined {
  const href = deepQuerySelector(item, 'a[href^="mailto:"]')?.getAttribute('href');
  if (!href) return undefined;
  try {
    const address = decodeURIComponent(href.slice(7).split('?')[0] ?? '').trim();
    return EMAIL.test(address) ? address : undefined;
  } catch {
    return undefined; // A malformed %-escape is no address.
  }
}

function contactIdOf(link: Element | null): string | undefined {
  const id = link?.getAttribute('data-recordid');
  if (id && CONTACT_ID.test(id)) return id;
  return CONTACT_HREF.exec(link?.getAttribute('href') ?? '')?.[1];
}

/** What the content script bundles: finding and reading a case page. */
export const salesforcePage = {
  id: 'salesforce',
  name: NAME,
  matches: ['https://*.lightning.force.com/*'],

  parseUrl(url) {
    if (url.protocol !== 'https:' || !url.hostname.endsWith('.lightning.force.com')) return null;
    const id = CASE_PATH.exec(url.pathname)?.[1];
    return id ? { helpdesk: 'salesforce', host: url.hostname, ticketId: fullId(id) } : null;
  },

  readPage(root, ref) {
    const page = casePage(root, ref.ticketId);
    if (!page) return { customer: {} };
    const contact = lookupOf(field(page, 'Contact Name'));
    const account = field(page, 'Account Name');
    const status = textIn(fieldValue(field(page, 'Status')))?.toLowerCase();
    return {
      subject: textIn(fieldValue(field(page, 'Subject'))),
      status: status ? STATUSES[status] : undefined,
      customer: compact({
        // Web-to-case cases may have no contact, only what the customer typed in the form (Web Name, Email, Company).
        name: textIn(contact) ?? textIn(fieldValue(field(page, 'Web Name'))),
        email: emailIn(field(page, 'Contact Email')) ?? emailIn(field(page, 'Web Email')),
        // The contact id keys the customer when no email shows, so their cases still group together.
        externalId: contactIdOf(contact),
        organisation:
          textIn(lookupOf(account)) ?? textIn(fieldValue(account)) ?? textIn(fieldValue(field(page, 'Web Company'))),
      }),
    };
  },
} satisfies HelpdeskPage;

const API = '/services/data/v62.0';
/** Any record id, 15 or 18 characters: what the API may be asked about. */
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
/** The Case fields Kept reads: the case itself, its contact and account, and a web-to-case sender's own details. */
const FIELDS =
  'Id, CaseNumber, Subject, Status, IsClosed, Origin, Description, CreatedDate, LastModifiedDate, ContactId, ' +
  'ContactEmail, Contact.Name, Account.Name, SuppliedName, SuppliedEmail, SuppliedCompany';
/**
 * The most cases a history query asks for: Kept keeps at most 5,000 conversations per customer, and stops reading
 * pages at the rep's own cap. Salesforce chooses how many come per page (`nextRecordsUrl` names the next batch).
 */
const MOST_CASES = 5000;
/** Salesforce does not say how long a client-credentials token lasts; sessions time out after 2 hours by default. */
const SESSION_SECONDS = 7200;

/** SOQL string escapes: a quote or a backslash in a value never ends the literal. */
const SOQL_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};
const soqlString = (value: string): string => `'${value.replace(/[\\'"\n\r\t\b\f]/g, (c) => SOQL_ESCAPES[c] ?? c)}'`;

const queryPath = (soql: string) => `${API}/query?q=${encodeURIComponent(soql)}`;

/** The WHERE clause that finds a customer's cases: by their contact, else by the email they wrote from. */
function customerFilter(customer: CustomerIdentity): string | null {
  const contactId = customer.externalId ?? '';
  if (RECORD_ID.test(contactId)) return `ContactId = ${soqlString(contactId)}`;
  const email = customer.email?.trim();
  if (!email) return null;
  // Web-to-case cases without a contact keep the address the customer typed as SuppliedEmail.
  return `ContactEmail = ${soqlString(email)} OR SuppliedEmail = ${soqlString(email)}`;
}

/** Salesforce datetimes end in `+0000`, a zone JavaScript's date format writes as `+00:00`. */
const timeOf = (value: string) => Date.parse(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
const Time = /* @__PURE__ */ z.string().check(z.refine((value) => Number.isFinite(timeOf(value)), 'not a date'));
const Text = z.nullish(z.string());
const Lookup = z.nullish(z.object({ Name: Text }));

const SalesforceCase = z.object({
  Id: /* @__PURE__ */ z.string().check(z.regex(RECORD_ID)),
  CaseNumber: Text,
  Subject: Text,
  Status: Text,
  IsClosed: z.nullish(z.boolean()),
  Origin: Text,
  Description: Text,
  CreatedDate: Time,
  LastModifiedDate: z.nullish(Time),
  ContactId: Text,
  ContactEmail: Text,
  Contact: Lookup,
  Account: Lookup,
  SuppliedName: Text,
  SuppliedEmail: Text,
  SuppliedCompany: Text,
});
type SalesforceCase = z.infer<typeof SalesforceCase>;

const QueryResult = z.object({
  done: z.boolean(),
  records: z.array(SalesforceCase),
  nextRecordsUrl: z.nullish(/* @__PURE__ */ z.string().check(z.regex(/^\/services\/data\/v\d+\.\d\/query\/[\w-]+$/))),
});

/** The client-credentials answer: no `expires_in` as a rule, though an answer that has one is believed. */
const Grant = z.object({
  access_token: /* @__PURE__ */ z.string().check(z.minLength(1)),
  expires_in: z.optional(z.number()),
});

/** Case origins in the playbook's channel words; an org's own origins keep their name. */
const ORIGINS: Record<string, string> = { email: 'email', phone: 'voice', web: 'web', chat: 'chat' };

function statusOf(record: SalesforceCase): ConversationStatus {
  const status = record.Status?.toLowerCase() ?? '';
  if (Object.hasOwn(STATUSES, status) && STATUSES[status]) return STATUSES[status];
  return record.IsClosed ? 'closed' : 'open';
}

function toConversation(record: SalesforceCase, ref: TicketRef): TicketDetails['conversation'] {
  const origin = record.Origin?.trim().toLowerCase() ?? '';
  const createdAt = timeOf(record.CreatedDate);
  return compact({
    source: `salesforce:${ref.host}`,
    // The case in view keeps the id parseUrl gave it, so its page and its history row are one record.
    id: keyOf(record.Id) === keyOf(ref.ticketId) ? ref.ticketId : record.Id,
    subject: (record.Subject?.trim() || `Case ${record.CaseNumber ?? record.Id}`).slice(0, 500),
    status: statusOf(record),
    channel: Object.hasOwn(ORIGINS, origin) ? ORIGINS[origin] : origin.slice(0, 40) || undefined,
    createdAt,
    updatedAt: Math.max(createdAt, timeOf(record.LastModifiedDate ?? record.CreatedDate)),
    excerpt: firstLine(record.Description),
    url: `https://${ref.host}/lightning/r/Case/${record.Id}/view`,
    tags: [],
  });
}

/** The REST API with a connected app's client credentials (OAuth 2.0 client credentials flow). */
const salesforceToken: TokenApi = {
  help:
    'In Salesforce Setup: App Manager → New Connected App, with OAuth on, the "api" scope and "Enable Client ' +
    'Credentials Flow", and a Run As user who can read cases. Manage Consumer Details shows the key and secret.',
  fields: {
    account: {
      label: 'My Domain',
      hint: 'The part before .my.salesforce.com, such as acme, or acme--uat.sandbox for a sandbox.',
      pattern: {
        regex: /^(?=.{1,80}$)[a-z0-9]+(?:-[a-z0-9]+)*(?:--[a-z0-9]+\.sandbox|\.develop|\.scratch)?$/i,
        message: 'must be your My Domain name, such as acme or acme--uat.sandbox (without .my.salesforce.com).',
      },
    },
    user: {
      label: 'Consumer key',
      hint: 'The connected app’s consumer key.',
      pattern: { regex: /^[\w.]{20,256}$/, message: 'must be the consumer key (letters, digits, dots, underscores).' },
    },
    secret: { label: 'Consumer secret', hint: 'The connected app’s consumer secret.' },
  },
  origin: (token: HelpdeskToken) => `https://${(token.account ?? '').toLowerCase()}.my.salesforce.com`,
  exchange: {
    request: (token) => ({
      path: '/services/oauth2/token',
      form: { grant_type: 'client_credentials', client_id: token.user ?? '', client_secret: token.secret },
    }),
    parse(json) {
      const parsed = Grant.safeParse(json);
      if (!parsed.success) return malformed(NAME, 'token answer', parsed.error);
      const { access_token, expires_in } = parsed.data;
      return { ok: true, value: { accessToken: access_token, expiresInSeconds: expires_in ?? SESSION_SECONDS } };
    },
  },
  headers: (_token, accessToken) => (accessToken ? bearer(accessToken) : {}),
  checkPath: '/services/data/v62.0/limits',

  ticket: {
    request: (ref) => queryPath(`SELECT ${FIELDS} FROM Case WHERE Id = ${soqlString(ref.ticketId)}`),
    parse(json, ref): Result<TicketDetails> {
      const parsed = QueryResult.safeParse(json);
      if (!parsed.success) return malformed(NAME, 'case', parsed.error);
      const record = parsed.data.records.find((r) => keyOf(r.Id) === keyOf(ref.ticketId));
      if (!record) {
        const message = `${NAME} did not find this case for the connected app’s user.`;
        return { ok: false, error: { kind: 'not-found', message } };
      }
      const conversation = toConversation(record, ref);
      const contactId = record.ContactId ?? '';
      return {
        ok: true,
        value: compact({
          customer: compact({
            // Web-to-case cases may have no contact, only what the customer typed in the form.
            name: bounded(record.Contact?.Name || record.SuppliedName, 200),
            email: bounded(record.ContactEmail || record.SuppliedEmail, 320),
            externalId: RECORD_ID.test(contactId) ? contactId : undefined,
            organisation: bounded(record.Account?.Name || record.SuppliedCompany, 200),
          }),
          // The Case Number agents see ("00001026"), not the record id in the URL.
          number: bounded(record.CaseNumber ?? undefined, 40),
          subject: conversation.subject,
          status: conversation.status,
          tags: [],
          channel: conversation.channel,
          conversation,
        }),
      };
    },
  },

  history: {
    // Most recently changed first; the page size is Salesforce's to choose (see MOST_CASES).
    request(customer) {
      const where = customerFilter(customer);
      return where
        ? queryPath(`SELECT ${FIELDS} FROM Case WHERE ${where} ORDER BY LastModifiedDate DESC LIMIT ${MOST_CASES}`)
        : null;
    },
    parsePage(json, ref): Result<{ conversations: TicketDetails['conversation'][]; next: ApiRequest | null }> {
      const parsed = QueryResult.safeParse(json);
      if (!parsed.success) return malformed(NAME, 'case history page', parsed.error);
      const { done, records, nextRecordsUrl } = parsed.data;
      return {
        ok: true,
        value: {
          conversations: records.map((r) => toConversation(r, ref)),
          next: !done && nextRecordsUrl && records.length > 0 ? nextRecordsUrl : null,
        },
      };
    },
  },
};

/** The whole adapter: the page part and the token API the background uses. */
export const salesforce: HelpdeskAdapter = { ...salesforcePage, token: salesforceToken };

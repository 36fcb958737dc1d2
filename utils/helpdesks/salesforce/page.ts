import type { ConversationStatus } from '../../schemas';
import { compact, deepQuerySelector } from '../dom';
import type { HelpdeskPage } from '../types';
import { subdomainOf, ticketInPath } from '../urls';

// Salesforce Service Cloud, Lightning Experience Case pages. Facts and sources: docs/helpdesks.md §9; the console's
// tab markup (`li.oneConsoleTabItem > a.tabHeader[role=tab][aria-controls]`, `section.tabContent.oneConsoleTab`),
// the standard-navigation page host and the `records-record-layout-item[field-label]` fields come from public
// Selenium/Playwright page objects and extensions for Lightning. None of it was checked against a live org.
//
// No session API: Salesforce's REST API refuses the Lightning-domain session ("RESTRICTED and NOT valid for API
// access"); it wants the `sid` cookie of *.my.salesforce.com, read in the background through the `cookies`
// permission, which Kept does not ask for. The case's contact and history come from the REST API instead, with a
// connected app's consumer key and secret (OAuth client credentials) saved in Options.

export const NAME = 'Salesforce';

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
export const STATUSES: Record<string, ConversationStatus> = {
  new: 'new',
  working: 'open',
  escalated: 'open',
  'on hold': 'hold',
  closed: 'closed',
};

/** The first 15 characters name a record whichever length the link uses. */
export const keyOf = (id: string): string => id.slice(0, 15);

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

export const salesforcePage: HelpdeskPage = {
  id: 'salesforce',
  name: NAME,
  matches: ['https://*.lightning.force.com/*'],
  // The console's workspaces or the standard page host.
  pane: '.navexWorkspaceManager, .lafSinglePaneWindowManager',
  shows: ['subject', 'name'],

  parseUrl: ticketInPath('salesforce', subdomainOf('lightning.force.com'), [CASE_PATH], fullId),

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
};

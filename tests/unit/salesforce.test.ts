import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/utils/db';
import { conversationsOf } from '@/utils/db/queries';
import { adapterById, findTicket, isHelpdeskUrl } from '@/utils/helpdesks';
import { deepQuerySelector } from '@/utils/helpdesks/dom';
import { salesforce } from '@/utils/helpdesks/salesforce';
import { resolveCase } from '@/utils/history/sync';
import type { CustomerIdentity, TicketRef } from '@/utils/schemas';
import { loadFixture } from './fixtures';

const HOST = 'acme.lightning.force.com';
const ref = (ticketId: string, host = HOST): TicketRef => ({ helpdesk: 'salesforce', host, ticketId });
const CASE_B = '500Hs00001Ab9mTIAR'; // 00001026, the active console tab
const CASE_A = '500Hs00001Ab7kQIAR'; // 00001024, an inactive console tab

/**
 * jsdom's DOMParser leaves `<template shadowrootmode="open">` as a plain template (declarative shadow DOM is not
 * implemented), so attach each one as the browser's parser would: a shadow root on its parent holding its content,
 * nested templates included. Afterwards the fields live only inside shadow trees, as on a native-shadow Lightning page.
 */
function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of Array.from(root.querySelectorAll('template[shadowrootmode]'))) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const mode = template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open';
    const shadow = host.attachShadow({ mode });
    shadow.append((template as HTMLTemplateElement).content);
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

const loaded = new Map<string, ReturnType<typeof loadFixture>>();
/** A fixture with its shadow roots attached, parsed once per file: jsdom is slow on these pages, and no test edits them. */
function load(name: string) {
  const cached = loaded.get(name);
  if (cached) return cached;
  const fixture = loadFixture(name);
  attachDeclarativeShadowRoots(fixture.doc);
  loaded.set(name, fixture);
  return fixture;
}

/** The fixture header's customer; Salesforce ids are not numbers, so strings here, plus the contact id. */
interface Requester {
  name: string | null;
  email: string | null;
  organization: string | null;
  externalId: string | null;
}
function customerOf(fixture: ReturnType<typeof loadFixture>): CustomerIdentity {
  const r = fixture.expect.requester as unknown as Requester;
  const customer: CustomerIdentity = {};
  if (r.name) customer.name = r.name;
  if (r.email) customer.email = r.email;
  if (r.externalId) customer.externalId = r.externalId;
  if (r.organization) customer.organisation = r.organization;
  return customer;
}

describe('Salesforce URLs', () => {
  it.each([
    [`https://${HOST}/lightning/r/Case/${CASE_B}/view`, CASE_B],
    [`https://${HOST}/lightning/r/Case/${CASE_B.slice(0, 15)}/view`, CASE_B.slice(0, 15)],
    [`https://${HOST}/lightning/r/Case/${CASE_B}/view?ws=%2Flightning%2Fr%2FCase%2F${CASE_A}%2Fview`, CASE_B],
    [`https://acme--uat.sandbox.lightning.force.com/lightning/r/Case/${CASE_B}/view`, CASE_B],
  ])('finds the case in %s', (url, id) => {
    const { hostname } = new URL(url);
    expect(salesforce.parseUrl(new URL(url))).toEqual(ref(id, hostname));
    expect(findTicket(url)?.adapter).toBe(salesforce);
  });

  it.each([
    `https://${HOST}/lightning/r/Contact/003Hs00000Zq8LmIAJ/view`,
    `https://${HOST}/lightning/r/Case/001Hs00000Kd3FqIAJ/view`,
    `https://${HOST}/lightning/r/Case/500Hs00001Ab9m/view`,
    `https://${HOST}/lightning/r/Case/500Hs00001Ab9mTI/view`,
    `https://${HOST}/lightning/r/Case/${CASE_B}/related/CaseComments/view`,
    `https://${HOST}/lightning/r/Case/${CASE_B}/edit`,
    `https://${HOST}/lightning/o/Case/list?filterName=Recent`,
    `https://${HOST}/lightning/page/home`,
    `http://${HOST}/lightning/r/Case/${CASE_B}/view`,
    `https://acme.my.salesforce.com/${CASE_B}`,
    `https://acme.lightning.force.com.evil.example/lightning/r/Case/${CASE_B}/view`,
    `https://evil-lightning.force.com/lightning/r/Case/${CASE_B}/view`,
    `https://acme.lightning.force.co/lightning/r/Case/${CASE_B}/view`,
  ])('sees no case at %s', (url) => {
    expect(salesforce.parseUrl(new URL(url))).toBeNull();
    expect(findTicket(url)).toBeNull();
  });

  it('is registered and runs on Lightning hosts only', () => {
    expect(adapterById('salesforce')).toBe(salesforce);
    expect(isHelpdeskUrl(`https://${HOST}/lightning/page/home`)).toBe(true);
    expect(isHelpdeskUrl('https://acme.my.salesforce.com/home/home.jsp')).toBe(false);
  });
});

describe('deepQuerySelector', () => {
  it('finds elements through nested open shadow roots, and the root’s own shadow root', () => {
    const fixture = load('salesforce-case.html');
    // Every field is inside a shadow tree: a document-level query sees none of them.
    expect(fixture.doc.querySelector('records-record-layout-item')).toBeNull();
    const item = deepQuerySelector(fixture.doc, 'records-record-layout-item[field-label="Subject"]');
    expect(item?.getAttribute('field-label')).toBe('Subject');
    // From the host itself: its label lives in its own shadow root.
    expect(deepQuerySelector(item, '.test-id__field-label')?.textContent).toBe('Subject');
    expect(deepQuerySelector(fixture.doc, 'no-such-element')).toBeNull();
    expect(deepQuerySelector(null, 'div')).toBeNull();
  });

  it('does not open closed shadow roots', () => {
    const doc = new DOMParser().parseFromString('<div id="host"></div>', 'text/html');
    const host = doc.getElementById('host');
    const closed = host?.attachShadow({ mode: 'closed' });
    closed?.append(doc.createElement('secret-field'));
    expect(deepQuerySelector(doc, 'secret-field')).toBeNull();
  });
});

describe('Salesforce pages', () => {
  it.each(['salesforce-case.html', 'salesforce-case-missing-fields.html', 'salesforce-case-switched.html'])(
    'reads the case in view on %s through its shadow roots',
    (name) => {
      const fixture = load(name);
      const id = String(fixture.expect.activeTicketId);
      expect(findTicket(fixture.url)?.ref).toEqual(ref(id));
      expect(fixture.expect.openTicketIds.length).toBeGreaterThan(1);
      expect(salesforce.readPage(fixture.doc, ref(id))).toEqual({
        subject: fixture.expect.subject,
        status: fixture.expect.status,
        customer: customerOf(fixture),
      });
    },
  );

  it('reads only the active console tab’s case, not the tabs opened before it', () => {
    const fixture = load('salesforce-case.html');
    // Case 00001024's tab comes first in the DOM; its fields must not leak into the active case.
    expect(salesforce.readPage(fixture.doc, ref(CASE_B)).customer).toEqual({
      name: 'Zoë Ångström',
      email: 'zoe.angstrom@fabrikam.com',
      externalId: '003Hs00000Zq8LmIAJ',
      organisation: 'Fabrikam, Inc.',
    });
  });

  it('reads an inactive console tab by its own case id', () => {
    const fixture = load('salesforce-case.html');
    expect(salesforce.readPage(fixture.doc, ref(CASE_A))).toMatchObject({
      subject: 'Still no refund – second time asking',
      status: 'open',
      customer: { name: 'Lukas Nowak', organisation: 'Nowak Logistics Sp. z o.o.' },
    });
  });

  it('finds the case from a 15-character id as from the 18-character one', () => {
    const fixture = load('salesforce-case.html');
    expect(salesforce.readPage(fixture.doc, ref(CASE_B.slice(0, 15)))).toEqual(
      salesforce.readPage(fixture.doc, ref(CASE_B)),
    );
  });

  it('reads nothing for a case the console has not opened a tab for yet', () => {
    const fixture = load('salesforce-case.html');
    expect(salesforce.readPage(fixture.doc, ref('500Hs00001AbZZZIAZ'))).toEqual({ customer: {} });
  });

  it('after in-app navigation reads the new page, not the cached previous one', () => {
    const fixture = load('salesforce-case-switched.html');
    // A web-to-case case: no contact, the customer is what they typed in the web form.
    expect(salesforce.readPage(fixture.doc, ref('500Hs00001AbH2sIAF')).customer).toEqual({
      name: 'Tomasz Kowalczyk',
      email: 'tomasz.kowalczyk@example.pl',
      organisation: 'Kowalczyk Meble',
    });
    // The URL names yet another case while the page in view is still this one: nothing on it belongs to that case.
    expect(salesforce.readPage(fixture.doc, ref('500Hs00001AbZZZIAZ'))).toEqual({ customer: {} });
  });

  it('finds no case on a list view, and reads nothing there without throwing', () => {
    const fixture = load('salesforce-case-list.html');
    expect(findTicket(fixture.url)).toBeNull();
    const read = salesforce.readPage(fixture.doc, ref(CASE_B));
    expect(read).toEqual({ subject: undefined, status: undefined, customer: {} });
    expect(salesforce.readPage(new DOMParser().parseFromString('', 'text/html'), ref(CASE_B))).toEqual({
      customer: {},
    });
  });

  it('reads nothing before the shadow roots exist (as jsdom parses the fixture)', () => {
    const fixture = loadFixture('salesforce-case.html');
    expect(salesforce.readPage(fixture.doc, ref(CASE_B))).toEqual({
      subject: undefined,
      status: undefined,
      customer: {},
    });
  });

  it('keeps payloads in names as text', () => {
    const doc = new DOMParser().parseFromString(
      `<div class="lafSinglePaneWindowManager"><div class="windowViewMode-normal oneContent active lafPageHost">
        <records-record-layout-item field-label="Contact Name"><a href="/lightning/r/003Hs00000ZqE4gIAF/view">&lt;img src=x onerror=alert(1)&gt;Mallory</a></records-record-layout-item>
      </div></div>`,
      'text/html',
    );
    expect(salesforce.readPage(doc, ref(CASE_B)).customer).toEqual({
      name: '<img src=x onerror=alert(1)>Mallory',
      externalId: '003Hs00000ZqE4gIAF',
    });
  });

  it('has no API: Salesforce’s REST API refuses the Lightning session', () => {
    expect(salesforce.api).toBeUndefined();
  });
});

describe('Salesforce local capture', () => {
  beforeEach(() => Promise.all(db.tables.map((t) => t.clear())));

  it('keeps the case under the contact’s email', async () => {
    const fixture = load('salesforce-case.html');
    const found = findTicket(fixture.url);
    if (!found) throw new Error('no case');
    const page = { ...found.ref, url: fixture.url, ...found.adapter.readPage(fixture.doc, found.ref) };
    const refused = () => Promise.reject(new Error('no request expected'));
    const tabCase = await resolveCase(page, { transport: refused, now: () => 1_800_000_000_000, cap: 500 });
    expect(tabCase.customerKey).toBe('zoe.angstrom@fabrikam.com');
    expect(await conversationsOf('zoe.angstrom@fabrikam.com')).toMatchObject([
      { id: CASE_B, subject: "Can't log in – password reset email never arrives", status: 'open' },
    ]);
  });
});

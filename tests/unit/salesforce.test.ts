import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tokenFromInput } from '@/utils/connections/tokens';
import { db } from '@/utils/db';
import { conversationsOf } from '@/utils/db/queries';
import { adapterById, findTicket, isHelpdeskUrl } from '@/utils/helpdesks';
import { deepQuerySelector } from '@/utils/helpdesks/dom';
import { salesforce } from '@/utils/helpdesks/salesforce/api';
import { fullId } from '@/utils/helpdesks/salesforce/page';
import type { ApiRequest } from '@/utils/helpdesks/types';
import { refreshHistory, resolveCase } from '@/utils/history/sync';
import { checkToken } from '@/utils/history/token';
import type { CustomerIdentity, TicketRef } from '@/utils/schemas';
import { salesforceApi } from '../../scripts/demo-helpdesk/salesforce-api';
import { loadFixture } from './fixtures';
import { expectTokenChecked, readHistory, useTokenDemo } from './token-demo';
import { expectRowLeftOut } from './vendor-fixtures';

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
    // A 15-character id names the case by its 18-character form, the one the API answers with.
    [`https://${HOST}/lightning/r/Case/${CASE_B.slice(0, 15)}/view`, CASE_B],
    [`https://${HOST}/lightning/r/Case/${CASE_B}/view?ws=%2Flightning%2Fr%2FCase%2F${CASE_A}%2Fview`, CASE_B],
    [`https://acme--uat.sandbox.lightning.force.com/lightning/r/Case/${CASE_B}/view`, CASE_B],
  ])('finds the case in %s', (url, id) => {
    const { hostname } = new URL(url);
    expect(salesforce.parseUrl(new URL(url))).toEqual(ref(id, hostname));
    expect(findTicket(url)?.adapter.id).toBe('salesforce');
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

describe('Salesforce with a connected app’s client credentials', () => {
  const helpdesk = useTokenDemo(salesforce, salesforceApi);
  const { api, token, demo, now, fetcher, transport, syncDeps } = helpdesk;
  const LIGHTNING = 'fabrikam.lightning.force.com';
  const caseRef = ref(CASE_B, LIGHTNING);
  const CASE_URL = `https://${LIGHTNING}/lightning/r/Case/${CASE_B}/view`;
  const ZOE_CONTACT = '003Hs00000Zq8LmIAJ';
  const ZOE_EMAIL = 'zoe.angstrom@fabrikam.com';
  /** Zoë's cases by her contact, most recently changed first. */
  const ZOE_CASES = [
    '500Hs00001Ab9mTIAR',
    '500Hs00001Ab8dDIAR',
    '500Hs00001Ab3fFIAR',
    '500Hs00001Ab6cCIAR',
    '500Hs00001Ab5aAIAR',
    '500Hs00001Ab4eEIAR',
    '500Hs00001Ab2bBIAR',
  ];
  /** A web-to-case case from her address, with no contact. */
  const ZOE_WEB_CASE = '500Hs00001AbJ7fIAF';
  const QUERY = '/services/data/v62.0/query';
  const grants = () => demo().requestLog.filter((r) => r.path === '/services/oauth2/token').length;
  const queries = () => demo().requestLog.filter((r) => r.path.startsWith(QUERY)).length;
  const soqlOf = (request: ApiRequest | null) =>
    new URL(String(request), 'https://fabrikam.my.salesforce.com').searchParams.get('q');

  /** A record of `GET /services/data/v62.0/query` as the REST API documents it. */
  const documentedCase = {
    attributes: { type: 'Case', url: `/services/data/v62.0/sobjects/Case/${CASE_B}` },
    Id: CASE_B,
    CaseNumber: '00001026',
    Subject: 'Can’t log in – password reset email never arrives',
    Status: 'Working',
    IsClosed: false,
    Origin: 'Web',
    Description: 'Hello,\n\nI asked for a password reset three times and no email came.',
    CreatedDate: '2025-03-04T10:11:12.000+0000',
    LastModifiedDate: '2025-03-05T08:00:00.000+0000',
    ContactId: ZOE_CONTACT,
    ContactEmail: ZOE_EMAIL,
    Contact: {
      attributes: { type: 'Contact', url: `/services/data/v62.0/sobjects/Contact/${ZOE_CONTACT}` },
      Name: 'Zoë Ångström',
    },
    Account: {
      attributes: { type: 'Account', url: '/services/data/v62.0/sobjects/Account/001Hs00000Kd3FqIAJ' },
      Name: 'Fabrikam, Inc.',
    },
    SuppliedName: null,
    SuppliedEmail: null,
    SuppliedCompany: null,
  };
  const answer = (...records: unknown[]) => ({ totalSize: records.length, done: true, records });

  it('reads the documented case: its contact, account, status, origin, dates and description', () => {
    expect(api.ticket?.parse(answer(documentedCase), caseRef)).toEqual({
      ok: true,
      value: {
        customer: {
          name: 'Zoë Ångström',
          email: ZOE_EMAIL,
          externalId: ZOE_CONTACT,
          organisation: 'Fabrikam, Inc.',
        },
        // The Case Number agents see, for the panel's header.
        number: '00001026',
        subject: 'Can’t log in – password reset email never arrives',
        status: 'open',
        tags: [],
        channel: 'web',
        channelName: 'Web',
        conversation: {
          source: `salesforce:${LIGHTNING}`,
          id: CASE_B,
          subject: 'Can’t log in – password reset email never arrives',
          status: 'open',
          // The org's word, shown as the org says it.
          statusName: 'Working',
          channel: 'web',
          channelName: 'Web',
          createdAt: Date.parse('2025-03-04T10:11:12.000Z'),
          updatedAt: Date.parse('2025-03-05T08:00:00.000Z'),
          excerpt: 'I asked for a password reset three times and no email came.',
          url: CASE_URL,
          tags: [],
        },
      },
    });
  });

  it('reads a web-to-case sender from what they typed, with no contact id', () => {
    const web = {
      ...documentedCase,
      ContactId: null,
      ContactEmail: null,
      Contact: null,
      Account: null,
      SuppliedName: 'Tomasz Kowalczyk',
      SuppliedEmail: 'tomasz.kowalczyk@example.pl',
      SuppliedCompany: 'Kowalczyk Meble',
      Subject: null,
    };
    const parsed = api.ticket?.parse(answer(web), caseRef);
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        customer: { name: 'Tomasz Kowalczyk', email: 'tomasz.kowalczyk@example.pl', organisation: 'Kowalczyk Meble' },
        subject: 'Case 00001026',
      },
    });
    expect(parsed?.ok && parsed.value.customer.externalId).toBeUndefined();
  });

  it('says the case is unknown when the query finds another case or none', () => {
    const notFound = {
      ok: false,
      error: { kind: 'not-found', message: 'Salesforce did not find this case for the connected app’s user.' },
    };
    expect(api.ticket?.parse(answer(), caseRef)).toEqual(notFound);
    expect(api.ticket?.parse(answer({ ...documentedCase, Id: CASE_A }), caseRef)).toEqual(notFound);
  });

  it.each([
    ['New', false, 'new'],
    ['Working', false, 'open'],
    ['Escalated', false, 'open'],
    ['On Hold', false, 'hold'],
    ['Closed', true, 'closed'],
    ['Resolved by customer', true, 'solved'],
    ['Closed as duplicate', true, 'closed'],
    ['Awaiting Customer', false, 'pending'],
    ['Triage', false, 'open'],
    ['Parked', false, 'other'],
    [null, null, 'open'],
  ])('maps the status %s (closed: %s) to %s', (Status, IsClosed, status) => {
    const parsed = api.history.parsePage(answer({ ...documentedCase, Status, IsClosed }), caseRef, QUERY);
    expect(parsed.ok && parsed.value.conversations[0]?.status).toBe(status);
  });

  it.each([
    ['Email', 'email'],
    ['Phone', 'voice'],
    ['Web', 'web'],
    ['Chat', 'chat'],
    ['Social Media', 'social'],
    ['Partner Portal', 'other'],
    [null, undefined],
  ])('maps the origin %s to the channel %s, keeping the org’s word', (Origin, channel) => {
    const parsed = api.history.parsePage(answer({ ...documentedCase, Origin }), caseRef, QUERY);
    expect(parsed.ok && parsed.value.conversations[0]?.channel).toBe(channel);
    expect(parsed.ok && parsed.value.conversations[0]?.channelName).toBe(Origin ?? undefined);
  });

  it('keeps the id of the case in view as parseUrl gave it, and other cases’ ids as the API gives them', () => {
    const parsed = api.history.parsePage(answer(documentedCase, { ...documentedCase, Id: CASE_A }), caseRef, QUERY);
    expect(parsed.ok && parsed.value.conversations.map((c) => c.id)).toEqual([CASE_B, CASE_A]);
    expect(fullId(CASE_B.slice(0, 15))).toBe(CASE_B);
    expect(fullId('003Hs00000Zq8Lm')).toBe(ZOE_CONTACT);
    expect(fullId(CASE_A)).toBe(CASE_A);
  });

  it.each([
    ['no records list', { totalSize: 0, done: true }],
    ['an Id that is no record id', answer({ ...documentedCase, Id: "500' OR Id != '" }), 'row'],
    ['a date that is not one', answer({ ...documentedCase, CreatedDate: 'last Tuesday' }), 'row'],
    [
      'a next batch on another host',
      { ...answer(documentedCase), done: false, nextRecordsUrl: 'https://evil.example/q' },
    ],
  ])('refuses a query answer with %s (history leaves out a case it cannot read)', (_, json, row?: string) => {
    if (row) {
      expectRowLeftOut(() => api.history.parsePage(json, caseRef, QUERY));
    } else {
      expect(api.history.parsePage(json, caseRef, QUERY)).toEqual({
        ok: false,
        error: { kind: 'malformed', message: 'Salesforce sent a case history page Kept could not read.' },
      });
    }
    expect(api.ticket?.parse(json, caseRef)).toMatchObject({ ok: false, error: { kind: 'malformed' } });
  });

  it('follows nextRecordsUrl until the query is done', () => {
    const more = {
      ...answer(documentedCase),
      done: false,
      nextRecordsUrl: '/services/data/v62.0/query/01gHs0000007-3',
    };
    const first = api.history.parsePage(more, caseRef, QUERY);
    expect(first.ok && first.value.next).toBe('/services/data/v62.0/query/01gHs0000007-3');
    const last = api.history.parsePage(answer(documentedCase), caseRef, '/services/data/v62.0/query/01gHs0000007-3');
    expect(last.ok && last.value.next).toBeNull();
  });

  it('queries the case by its id, and the history by contact, else by email, newest first', () => {
    expect(soqlOf(api.ticket?.request(caseRef) ?? null)).toMatch(
      new RegExp(`^SELECT Id, CaseNumber, .* FROM Case WHERE Id = '${CASE_B}'$`),
    );
    const byContact = api.history.request({ externalId: ZOE_CONTACT, email: ZOE_EMAIL }, caseRef, 100);
    expect(soqlOf(byContact)).toMatch(
      new RegExp(`FROM Case WHERE ContactId = '${ZOE_CONTACT}' ORDER BY LastModifiedDate DESC LIMIT 5000$`),
    );
    expect(soqlOf(api.history.request({ email: ZOE_EMAIL }, caseRef, 100))).toMatch(
      /FROM Case WHERE ContactEmail = 'zoe.angstrom@fabrikam.com' OR SuppliedEmail = 'zoe.angstrom@fabrikam.com' ORDER BY/,
    );
    expect(api.history.request({ name: 'Zoë Ångström' }, caseRef, 100)).toBeNull();
  });

  it('escapes every value it puts in SOQL, and takes only real record ids as ids', () => {
    const injection = "x' OR Id != '";
    expect(soqlOf(api.history.request({ email: injection }, caseRef, 10))).toContain(
      "WHERE ContactEmail = 'x\\' OR Id != \\'' OR SuppliedEmail = 'x\\' OR Id != \\''",
    );
    expect(soqlOf(api.history.request({ email: 'o\\\'brien"\n@example.com' }, caseRef, 10))).toContain(
      "ContactEmail = 'o\\\\\\'brien\\\"\\n@example.com'",
    );
    // A contact id that is no id is not used as one: the email is, or nothing.
    const forged = `${ZOE_CONTACT.slice(0, 15)}' OR ContactId != '`;
    expect(soqlOf(api.history.request({ externalId: forged, email: ZOE_EMAIL }, caseRef, 10))).toContain(
      `WHERE ContactEmail = '${ZOE_EMAIL}'`,
    );
    expect(api.history.request({ externalId: forged }, caseRef, 10)).toBeNull();
    expect(soqlOf(api.ticket?.request(ref("500' OR Id != '", LIGHTNING)) ?? null)).toContain(
      "WHERE Id = '500\\' OR Id != \\''",
    );
  });

  it('trades the consumer key and secret for an access token, lasting 2 hours unless the answer says', () => {
    expect(api.exchange?.request(token)).toEqual({
      path: '/services/oauth2/token',
      form: { grant_type: 'client_credentials', client_id: token.user, client_secret: token.secret },
    });
    const documented = {
      access_token: '00DHs000000FbrkMAC!AQ0AQH2FbaAmsOEw',
      signature: 'uC1Tb3F0aW9uU2lnbmF0dXJl',
      scope: 'api',
      instance_url: 'https://fabrikam.my.salesforce.com',
      id: 'https://login.salesforce.com/id/00DHs000000FbrkMAC/005Hs00000Kp1AbIAJ',
      token_type: 'Bearer',
      issued_at: '1741082400000',
    };
    expect(api.exchange?.parse(documented)).toEqual({
      ok: true,
      value: { accessToken: documented.access_token, expiresInSeconds: 7200 },
    });
    expect(api.exchange?.parse({ ...documented, expires_in: 900 })).toMatchObject({ value: { expiresInSeconds: 900 } });
    expect(api.exchange?.parse({ error: 'invalid_client' })).toEqual({
      ok: false,
      error: { kind: 'malformed', message: 'Salesforce sent a token answer Kept could not read.' },
    });
    expect(api.headers(token, 'the-access-token')).toEqual({ authorization: 'Bearer the-access-token' });
    expect(api.origin({ ...token, account: 'Acme--UAT.sandbox' })).toBe('https://acme--uat.sandbox.my.salesforce.com');
  });

  it.each([
    ['acme', true],
    ['acme-dev-ed.develop', true],
    ['acme--uat.sandbox', true],
    ['acme.my.salesforce.com', false],
    ['https://acme', false],
    ['acme--uat', false],
    ['-acme', false],
  ])('takes %s as a My Domain: %s', (account, valid) => {
    const saved = tokenFromInput(api, { account, user: token.user ?? '', secret: token.secret }, 1);
    expect(saved).toEqual(
      valid
        ? { ok: true, value: { account, user: token.user, secret: token.secret, savedAt: 1 } }
        : {
            ok: false,
            error: {
              kind: 'malformed',
              message:
                'My Domain must be your My Domain name, such as acme or acme--uat.sandbox (without .my.salesforce.com).',
            },
          },
    );
  });

  it('refuses a missing or malformed consumer key and secret, naming the fields', () => {
    expect(tokenFromInput(api, { account: 'acme', user: 'key?', secret: '' }, 1)).toEqual({
      ok: false,
      error: {
        kind: 'malformed',
        message:
          'Consumer key must be the consumer key (letters, digits, dots, underscores). Consumer secret is required.',
      },
    });
    expect(tokenFromInput(api, { account: '', user: '', secret: token.secret }, 1)).toMatchObject({
      error: { message: 'My Domain is required. Consumer key is required.' },
    });
  });

  it('checks the credentials over HTTP, and says when Salesforce refuses them', async () => {
    // Salesforce answers a wrong secret with OAuth's 400 invalid_client: Kept reads it as a refused token.
    const wrong = { ...token, account: 'fabrikam-wrong', secret: 'not-the-consumer-secret' };
    await expectTokenChecked(helpdesk, wrong);
    // A refused exchange is not remembered: the right secret works at once.
    expect((await checkToken(api, 'Salesforce', { ...wrong, secret: token.secret }, fetcher(), now)).ok).toBe(true);
  });

  it('exchanges once and reuses the access token until it ends, then exchanges again', async () => {
    const sandbox = { ...token, account: 'fabrikam--uat.sandbox' };
    const sandboxRef = ref(CASE_B, 'fabrikam--uat.sandbox.lightning.force.com');
    const before = grants();
    const history = await readHistory(
      helpdesk,
      sandboxRef,
      { externalId: ZOE_CONTACT },
      { cap: 100, transport: transport(sandbox) },
    );
    expect(history).toHaveLength(7);
    expect((await checkToken(api, 'Salesforce', sandbox, fetcher(), now)).ok).toBe(true);
    expect(grants() - before).toBe(1);
    const later = () => now() + 2 * 3600_000;
    expect((await checkToken(api, 'Salesforce', sandbox, fetcher(), later)).ok).toBe(true);
    expect(grants() - before).toBe(2);
  });

  it('exchanges again once when Salesforce ends the session early', async () => {
    const scratch = { ...token, account: 'fabrikam.scratch' };
    expect((await checkToken(api, 'Salesforce', scratch, fetcher(), now)).ok).toBe(true);
    const before = grants();
    // The org ends the session (a shorter timeout than Kept assumes): the demo sees 3 hours pass, Kept's clock not.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 3 * 3600_000);
      expect(await checkToken(api, 'Salesforce', scratch, fetcher(), now)).toMatchObject({ ok: true });
    } finally {
      vi.useRealTimers();
    }
    expect(grants() - before).toBe(1);
  });

  it('reads all of Zoë’s cases over HTTP, batch after batch, by her contact or by her email', async () => {
    const before = queries();
    const byContact = await readHistory(helpdesk, caseRef, { externalId: ZOE_CONTACT }, { cap: 100 });
    expect(byContact.map((c) => c.id)).toEqual(ZOE_CASES);
    // Three batches of at most three.
    expect(queries() - before).toBe(3);
    expect(byContact.map((c) => c.status)).toEqual(['open', 'new', 'pending', 'hold', 'closed', 'open', 'closed']);
    expect(byContact[0]).toMatchObject({ url: CASE_URL, channel: 'web', updatedAt: now() - 60 * 60_000 });
    const byEmail = await readHistory(helpdesk, caseRef, { email: ZOE_EMAIL }, { cap: 100 });
    expect(byEmail.map((c) => c.id)).toEqual([ZOE_WEB_CASE, ...ZOE_CASES]);
    // The injection attempt is a value like any other: it finds nobody's cases.
    const injection = { email: `${ZOE_EMAIL}' OR ContactEmail != '` };
    expect(await readHistory(helpdesk, caseRef, injection, { cap: 100 })).toEqual([]);
  });

  it('completes the case’s customer from the ticket query and keeps it and its history as one record each', async () => {
    // Before the shadow roots exist the page shows nobody: the customer comes from the API alone.
    const fixture = loadFixture('salesforce-case.html');
    const url = fixture.url.replace(HOST, LIGHTNING).replace(CASE_B, CASE_B.slice(0, 15));
    const found = findTicket(url);
    if (!found) throw new Error('no case');
    const page = { ...found.ref, url, ...salesforce.readPage(fixture.doc, found.ref) };
    expect(page.customer).toEqual({});
    const deps = syncDeps();
    const tabCase = await resolveCase(page, deps);
    expect(tabCase.case).toMatchObject({
      from: 'api',
      ticketId: CASE_B,
      subject: 'Can’t log in – password reset email never arrives',
      status: 'open',
      channel: 'web',
      customer: { name: 'Zoë Ångström', email: ZOE_EMAIL, externalId: ZOE_CONTACT, organisation: 'Fabrikam, Inc.' },
    });
    expect(tabCase.customerKey).toBe(ZOE_EMAIL);
    expect(await refreshHistory(tabCase, deps, 'now')).toEqual({ ok: true, value: 7 });
    const saved = await conversationsOf(ZOE_EMAIL);
    expect(saved.map((c) => c.id).sort()).toEqual([...ZOE_CASES].sort());
  });

  it('gets Salesforce’s 400 MALFORMED_QUERY for SOQL other than Kept’s own', async () => {
    const query = transport();
    for (const soql of [
      'SELECT Id FROM Contact',
      "SELECT Id FROM Case WHERE Subject LIKE '%refund%'",
      "SELECT Id FROM Case WHERE ContactEmail = 'x' AND Id != ''",
      "SELECT Id FROM Case WHERE ContactEmail = 'unterminated",
    ]) {
      const reply = await query(`${QUERY}?q=${encodeURIComponent(soql)}`);
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body)).toMatchObject([{ errorCode: 'MALFORMED_QUERY' }]);
    }
  });
});

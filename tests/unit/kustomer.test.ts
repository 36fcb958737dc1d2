import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/utils/db';
import { conversationsOf } from '@/utils/db/queries';
import { adapterById, findTicket, isHelpdeskUrl } from '@/utils/helpdesks';
import { kustomer } from '@/utils/helpdesks/kustomer';
import { resolveCase } from '@/utils/history/sync';
import type { TicketRef } from '@/utils/schemas';
import { loadFixture } from './fixtures';

const HOST = 'acme.kustomerapp.com';
const HANA = '64b7e2a91c0f4d0012ab34cd';
const HANA_CONVERSATION = '64c1f0e25a7d3b0019fe8812';
const SEUN = '64b7e2a91c0f4d0012ab35de';
const SEUN_CONVERSATION = '64c1f3aa5a7d3b0019fe8977';
const ref = (ticketId: string): TicketRef => ({ helpdesk: 'kustomer', host: HOST, ticketId });

describe('Kustomer URLs', () => {
  it.each([
    [`https://${HOST}/app/customers/${HANA}/event/${HANA_CONVERSATION}`, `${HANA}/${HANA_CONVERSATION}`],
    [`https://${HOST}/app/customers/${HANA}/event/${HANA_CONVERSATION}/`, `${HANA}/${HANA_CONVERSATION}`],
    [`https://${HOST}/app/customers/${SEUN}/event/${SEUN_CONVERSATION}?q=refund#reply`, `${SEUN}/${SEUN_CONVERSATION}`],
  ])('finds the customer and conversation in %s', (url, id) => {
    expect(kustomer.parseUrl(new URL(url))).toEqual(ref(id));
    expect(findTicket(url)?.adapter).toBe(kustomer);
  });

  it.each([
    // A customer's timeline with no conversation open is not a ticket (see kustomer.ts).
    `https://${HOST}/app/customers/${HANA}`,
    // Seen in public links; it names no customer, and whether the app redirects it is unknown.
    `https://${HOST}/app/conversations/${HANA_CONVERSATION}`,
    `https://${HOST}/app/customers/${HANA}/event/${HANA_CONVERSATION}/edit`,
    `https://${HOST}/app/customers/${HANA.toUpperCase()}/event/${HANA_CONVERSATION}`,
    `https://${HOST}/app/customers/${HANA.slice(1)}/event/${HANA_CONVERSATION}`,
    `https://${HOST}/app/queues`,
    `https://${HOST}/app/search/all`,
    `http://${HOST}/app/customers/${HANA}/event/${HANA_CONVERSATION}`,
    `https://api.kustomerapp.com/app/customers/${HANA}/event/${HANA_CONVERSATION}`,
    `https://acme.api.kustomerapp.com/v1/customers/${HANA}/conversations`,
    `https://kustomerapp.com/app/customers/${HANA}/event/${HANA_CONVERSATION}`,
    `https://acme.kustomerapp.com.evil.example/app/customers/${HANA}/event/${HANA_CONVERSATION}`,
    `https://evilkustomerapp.com/app/customers/${HANA}/event/${HANA_CONVERSATION}`,
  ])('sees no conversation at %s', (url) => {
    expect(kustomer.parseUrl(new URL(url))).toBeNull();
    expect(findTicket(url)).toBeNull();
  });

  it('is registered and runs on the organisation subdomains', () => {
    expect(adapterById('kustomer')).toBe(kustomer);
    expect(isHelpdeskUrl(`https://${HOST}/app/queues`)).toBe(true);
    expect(isHelpdeskUrl('https://acme.kustomerapp.com.evil.example/app/queues')).toBe(false);
  });
});

describe('Kustomer pages', () => {
  it.each([
    'kustomer-conversation.html',
    'kustomer-conversation-switched.html',
    'kustomer-conversation-missing-fields.html',
  ])('takes the customer on %s from the URL', (name) => {
    const fixture = loadFixture(name);
    const id = String(fixture.expect.activeTicketId);
    const found = findTicket(fixture.url);
    expect(found?.ref).toEqual(ref(id));
    const customerId = (fixture.expect.requester as unknown as { externalId: string }).externalId;
    expect(kustomer.readPage(fixture.doc, ref(id))).toEqual({ customer: { externalId: customerId } });
  });

  it('names the customer of the active tab, not the other customers open beside it', () => {
    const fixture = loadFixture('kustomer-conversation.html');
    expect(fixture.expect.openTicketIds.length).toBeGreaterThan(1);
    // Oluwaseun's hidden view comes first in the page; the URL says Hana.
    expect(fixture.doc.querySelector('.Insight h2')?.textContent).toBe('Oluwaseun Adeyemi');
    expect(kustomer.readPage(fixture.doc, ref(`${HANA}/${HANA_CONVERSATION}`)).customer).toEqual({ externalId: HANA });
  });

  it('right after in-app navigation names the new customer, although the page still shows the previous one', () => {
    const fixture = loadFixture('kustomer-conversation-switched.html');
    expect(fixture.doc.querySelector('.Insight h2')?.textContent).toBe('Hana Kobayashi');
    expect(kustomer.readPage(fixture.doc, ref(`${SEUN}/${SEUN_CONVERSATION}`)).customer).toEqual({ externalId: SEUN });
  });

  it('finds no ticket on a customer timeline without a conversation', () => {
    expect(findTicket(loadFixture('kustomer-customer.html').url)).toBeNull();
  });

  it('names no customer for a ticket id it did not make', () => {
    const doc = new DOMParser().parseFromString('', 'text/html');
    expect(kustomer.readPage(doc, ref('12345'))).toEqual({ customer: {} });
  });

  it('has no API: Kustomer’s wants an API key, and no session access is known', () => {
    expect(kustomer.api).toBeUndefined();
  });
});

describe('Kustomer local capture', () => {
  beforeEach(() => Promise.all(db.tables.map((t) => t.clear())));

  it('keeps each conversation under the Kustomer customer id', async () => {
    const refused = () => Promise.reject(new Error('no request expected'));
    const deps = { transport: refused, now: () => 1_800_000_000_000, cap: 500 };
    for (const name of ['kustomer-conversation.html', 'kustomer-conversation-switched.html']) {
      const fixture = loadFixture(name);
      const found = findTicket(fixture.url);
      if (!found) throw new Error('no conversation');
      await resolveCase({ ...found.ref, url: fixture.url, ...found.adapter.readPage(fixture.doc, found.ref) }, deps);
    }
    expect(await conversationsOf(`kustomer:${HOST}#${HANA}`)).toMatchObject([
      { id: `${HANA}/${HANA_CONVERSATION}`, url: `https://${HOST}/app/customers/${HANA}/event/${HANA_CONVERSATION}` },
    ]);
    expect(await conversationsOf(`kustomer:${HOST}#${SEUN}`)).toHaveLength(1);
  });
});

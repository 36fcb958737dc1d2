// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { front } from '@/utils/helpdesks/front/api';
import { gorgias } from '@/utils/helpdesks/gorgias/api';
import { helpscout } from '@/utils/helpdesks/helpscout/api';
import { intercom } from '@/utils/helpdesks/intercom/api';
import { kustomer } from '@/utils/helpdesks/kustomer/api';
import { salesforce } from '@/utils/helpdesks/salesforce/api';
import type { HelpdeskAdapter } from '@/utils/helpdesks/types';
import { getJson } from '@/utils/history/http';
import type { CustomerIdentity, TicketRef } from '@/utils/schemas';
import type { TokenApiVendor } from '../../scripts/demo-helpdesk/api-call';
import { frontApi } from '../../scripts/demo-helpdesk/front-api';
import { gorgiasApi } from '../../scripts/demo-helpdesk/gorgias-api';
import { helpscoutApi } from '../../scripts/demo-helpdesk/helpscout-api';
import { INTERCOM_ZOE_CONTACT, intercomApi } from '../../scripts/demo-helpdesk/intercom-api';
import { kustomerApi } from '../../scripts/demo-helpdesk/kustomer-api';
import { SALESFORCE_ZOE_CONTACT, salesforceApi } from '../../scripts/demo-helpdesk/salesforce-api';
import { readHistory, useTokenDemo } from './token-demo';

// Each token API's thread endpoint on the demo helpdesk, over HTTP: a customer's conversation from their history,
// then its messages, as the panel will ask for them.

const ZOE = { email: 'zoe.angstrom@fabrikam.com' };
const cases: Array<[HelpdeskAdapter, TokenApiVendor, TicketRef, CustomerIdentity]> = [
  [helpscout, helpscoutApi, { helpdesk: 'helpscout', host: 'secure.helpscout.net', ticketId: '1' }, ZOE],
  [front, frontApi, { helpdesk: 'front', host: 'app.frontapp.com', ticketId: 'cnv_1' }, ZOE],
  [
    gorgias,
    gorgiasApi,
    { helpdesk: 'gorgias', host: 'acme-home.gorgias.com', ticketId: '1' },
    { externalId: '553020001' },
  ],
  [
    kustomer,
    kustomerApi,
    { helpdesk: 'kustomer', host: 'acme.kustomerapp.com', ticketId: '65a1f3c27d4e2b0019c0ffee/1' },
    { externalId: '65a1f3c27d4e2b0019c0ffee' },
  ],
  [
    intercom,
    intercomApi,
    { helpdesk: 'intercom', host: 'app.intercom.com', ticketId: 'k9x2m4qp:1' },
    { externalId: INTERCOM_ZOE_CONTACT },
  ],
  [
    salesforce,
    salesforceApi,
    { helpdesk: 'salesforce', host: 'fabrikam.lightning.force.com', ticketId: '500Hs00001Ab9mT' },
    { externalId: SALESFORCE_ZOE_CONTACT },
  ],
];

describe.each(cases.map((c) => [c[0].name, ...c] as const))(
  '%s threads on the demo helpdesk',
  (_, adapter, vendor, ref, customer) => {
    const helpdesk = useTokenDemo(adapter, vendor);

    it('reads the messages of a customer’s conversation, the customer’s first', async () => {
      const [conversation] = await readHistory(helpdesk, ref, customer);
      const thread = helpdesk.api.thread;
      if (!conversation || !thread) throw new Error(`${adapter.name}: no conversation or no thread read`);
      const request = thread.request(conversation, ref);
      const json = await getJson(helpdesk.transport(), request, adapter.name, helpdesk.now, 'token');
      if (!json.ok) throw new Error(json.error.message);
      const page = thread.parsePage(json.value, ref, request);
      if (!page.ok) throw new Error(page.error.message);
      expect(page.value.messages.length).toBeGreaterThan(0);
      expect(page.value.messages[0]).toMatchObject({ author: 'customer', internal: false });
      expect(page.value.messages.every((m) => m.body.length > 0)).toBe(true);
      expect(page.value.next).toBeNull();
    });
  },
);

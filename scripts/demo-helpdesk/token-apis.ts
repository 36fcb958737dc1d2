// The helpdesk APIs the demo answers for Kept's token connections (Options → Helpdesks → API token): each vendor's
// documented shapes, paging and auth, with one set of credentials that works. Routed by host, before the session
// helpdesks; one file per vendor, listed here.

import type { TokenApiVendor } from './api-call';
import { frontApi } from './front-api';
import { gorgiasApi } from './gorgias-api';
import { helpscoutApi } from './helpscout-api';
import { hubspotApi } from './hubspot-api';
import { intercomApi } from './intercom-api';
import { kustomerApi } from './kustomer-api';
import { salesforceApi } from './salesforce-api';

/** Every vendor the demo answers with a token API. */
export const TOKEN_API_VENDORS: readonly TokenApiVendor[] = [
  gorgiasApi,
  helpscoutApi,
  frontApi,
  kustomerApi,
  hubspotApi,
  salesforceApi,
  intercomApi,
];

/** The vendor answering `host` with a token API, if any. */
export const tokenApiFor = (host: string): TokenApiVendor | undefined => {
  const name = host.replace(/:\d+$/, '').toLowerCase();
  return TOKEN_API_VENDORS.find((vendor) => vendor.matches(name));
};

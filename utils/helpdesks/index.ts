import { custom } from './custom';
import { freshdesk } from './freshdesk';
import { front } from './front';
import { gorgias } from './gorgias';
import { helpscout } from './helpscout';
import { hubspot } from './hubspot';
import { intercom } from './intercom';
import { jsm } from './jsm';
import { kustomer } from './kustomer';
import { salesforce } from './salesforce';
import type { HelpdeskAdapter } from './types';
import { zendesk } from './zendesk';
import { zohodesk } from './zohodesk';

export { adapterForUrl, findTicket, helpdeskPages, inPattern, isHelpdeskUrl } from './pages';

/** Every helpdesk Kept knows, by explicit import. The file name is the adapter id. */
export const adapters: readonly HelpdeskAdapter[] = [
  zendesk,
  freshdesk,
  jsm,
  helpscout,
  intercom,
  front,
  hubspot,
  gorgias,
  zohodesk,
  salesforce,
  kustomer,
  custom,
];

export function adapterById(id: string): HelpdeskAdapter | undefined {
  return adapters.find((a) => a.id === id);
}

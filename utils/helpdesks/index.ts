import { CUSTOM_HELPDESKS } from '../custom-helpdesks/page';
import { freshdesk } from './freshdesk/api';
import { front } from './front/api';
import { gorgias } from './gorgias/api';
import { helpscout } from './helpscout/api';
import { hubspot } from './hubspot/api';
import { intercom } from './intercom/api';
import { jsm } from './jsm/api';
import { kustomer } from './kustomer/api';
import { salesforce } from './salesforce/api';
import type { HelpdeskAdapter } from './types';
import { zendesk } from './zendesk/api';
import { zohodesk } from './zohodesk/api';

export { adapterForUrl, findTicket, helpdeskPages, inPattern, isHelpdeskUrl } from './pages';

/**
 * Every helpdesk Kept knows, in full (page part and APIs), by explicit import: the folder name is the adapter id.
 * The content script imports pages.ts instead, which lists the same helpdesks by their page part only.
 */
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
];

export function adapterById(id: string): HelpdeskAdapter | undefined {
  return adapters.find((a) => a.id === id);
}

/** A helpdesk as Options lists it: a name and a switch, and the APIs it reads history through, if any. */
export type ListedHelpdesk = Pick<HelpdeskAdapter, 'id' | 'name' | 'session' | 'token'>;

/** The helpdesks a rep can switch on and off: every adapter, then an admin's custom helpdesks, as one. */
export const listedHelpdesks: readonly ListedHelpdesk[] = [...adapters, CUSTOM_HELPDESKS];

/** A helpdesk's name as reps know it ("Zendesk", "Custom helpdesks"), by its id. */
export const helpdeskName = (id: string): string | undefined => listedHelpdesks.find((h) => h.id === id)?.name;

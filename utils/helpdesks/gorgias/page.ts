import { compact, textOf } from '../dom';
import type { HelpdeskPage } from '../types';
import { ticketInPath } from '../urls';

// Gorgias helpdesk (React). Facts and sources: docs/helpdesks.md §7. The ticket URL shapes come from a Gorgias
// side-panel plan checked against a live account; the customer link in the ticket's breadcrumbs and the thread's
// `aria-label` from the OpenPaint Gorgias extension (content-gorgias.js). Not checked against a live account here.
//
// No session API: whether `/api/tickets?customer_id=` answers the rep's session cookie is "likely, unverified"
// (only an attachment download was seen working that way). History comes from the documented REST API instead, with
// an admin's API key (Basic auth: login email and key) saved in Options.

export const NAME = 'Gorgias';

/** `/app/ticket/{id}`, and a ticket opened from a view (split view): `/app/views/{viewId}/{id}`. */
const TICKET_PATHS = [/^\/app\/ticket\/(\d+)\/?$/, /^\/app\/views\/\d+\/(\d+)\/?$/];
const CUSTOMER_HREF = /\/app\/customer\/(\d+)/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The ticket header's breadcrumbs end with the ticket's customer (the ticket list beside it is not read). */
const CUSTOMER_LINK = '[aria-label="Breadcrumbs"] a[href*="/app/customer/"]';

/** Gorgias hosts its agent app on the account's own subdomain: `acme.gorgias.com`. */
const isAgentHost = (host: string): boolean => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.gorgias\.com$/.test(host);

export const gorgiasPage: HelpdeskPage = {
  id: 'gorgias',
  name: NAME,
  matches: ['https://*.gorgias.com/*'],
  // The ticket; its breadcrumb links the customer.
  pane: 'main[class*="TicketDetail"]',
  shows: ['externalId'],

  parseUrl: ticketInPath('gorgias', isAgentHost, TICKET_PATHS),

  // Known limitation (README, Gorgias row): the breadcrumbs carry no ticket id, so right after in-app navigation
  // they may still name the previous ticket's customer for a moment, and nothing on the page tells.
  readPage(root) {
    const link = root.querySelector(CUSTOMER_LINK);
    const shown = textOf(root, CUSTOMER_LINK);
    // A customer without a name is shown by their email address.
    const isEmail = shown !== undefined && EMAIL.test(shown);
    return {
      customer: compact({
        name: isEmail ? undefined : shown,
        email: isEmail ? shown : undefined,
        // The customer id keys the customer when no email shows, so their tickets still group together.
        externalId: CUSTOMER_HREF.exec(link?.getAttribute('href') ?? '')?.[1],
      }),
    };
  },
};

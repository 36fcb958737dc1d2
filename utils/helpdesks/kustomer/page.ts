import type { HelpdeskPage } from '../types';

// Kustomer agent app. Facts and sources: docs/helpdesks.md §11: the URL names the customer and the conversation
// (`/app/customers/{customerId}/event/{conversationId}`); ids are 24-hex object ids in every public link seen.
// No DOM hook is known, so the page is not read at all: the customer is the one the URL names, which also means
// another customer's timeline left in the DOM can never be mistaken for this one.
//
// No session access from the agent app is known, so there is no session API: history comes from Kustomer's API with an
// API key (Bearer, on {org}.api.kustomerapp.com) an admin saves in Options.

export const NAME = 'Kustomer';

export const ID = '[0-9a-f]{24}';
const CONVERSATION_PATH = new RegExp(`^/app/customers/(${ID})/event/(${ID})/?$`);
/**
 * A conversation's ticket id is `{customerId}/{conversationId}`: TicketRef has one id field, and the customer id,
 * the only customer hook Kustomer offers, must reach `readPage` with it. A customer's timeline without a
 * conversation open is not a ticket (like Zendesk's user pages): capturing it would add a conversation that is not one.
 */
const TICKET_ID = new RegExp(`^(${ID})/${ID}$`);

/** Kustomer hosts its agent app on the organisation's own subdomain: `acme.kustomerapp.com` (not the API's). */
const isAgentHost = (url: URL): boolean =>
  url.protocol === 'https:' &&
  url.hostname !== 'api.kustomerapp.com' &&
  /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.kustomerapp\.com$/.test(url.hostname);

export const kustomerPage: HelpdeskPage = {
  id: 'kustomer',
  name: NAME,
  matches: ['https://*.kustomerapp.com/*'],
  // The customer id is in the URL: the page has nothing more to show.
  shows: ['externalId'],

  parseUrl(url) {
    if (!isAgentHost(url)) return null;
    const ids = CONVERSATION_PATH.exec(url.pathname);
    return ids ? { helpdesk: 'kustomer', host: url.hostname, ticketId: `${ids[1]}/${ids[2]}` } : null;
  },

  readPage(_root, ref) {
    const customerId = TICKET_ID.exec(ref.ticketId)?.[1];
    return { customer: customerId ? { externalId: customerId } : {} };
  },
};

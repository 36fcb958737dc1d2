import { textOf } from '../dom';
import type { HelpdeskPage } from '../types';

// Intercom Inbox. Facts and sources: docs/helpdesks.md §4.
// EXPERIMENTAL: the customer comes from Intercom's own `/ember/` API with the rep's session. That API is
// undocumented and may change without notice; the payload fields below are the ones public code reads.
// With an access token saved in Options, the documented REST API gives the customer and their history instead.

export const NAME = 'Intercom';
export const PREFIX = '/ember/';

const HOSTS = new Set(['app.intercom.com', 'app.eu.intercom.com', 'app.au.intercom.com']);

/** `/a/inbox/{appId}/inbox/…/conversation/{id}` (shared/all, admin/…, or none), and the legacy form it replaces. */
const INBOX_PATH = /^\/a\/inbox\/([\w-]+)\/inbox\/(?:[^?#]*\/)?conversation\/(\d+)(?:\/|$)/;
const LEGACY_PATH = /^\/a\/apps\/([\w-]+)\/conversations\/(\d+)(?:\/|$)/;

/**
 * A case id names the workspace and the conversation ("abc123:215467"): the `/ember/` API needs the workspace's
 * `app_id`, and one Intercom host serves every workspace.
 */
export function splitCaseId(ticketId: string): { appId: string; conversationId: string } {
  const at = ticketId.lastIndexOf(':');
  return { appId: ticketId.slice(0, Math.max(at, 0)), conversationId: ticketId.slice(at + 1) };
}

export const intercomPage: HelpdeskPage = {
  id: 'intercom',
  name: NAME,
  matches: ['https://app.intercom.com/*', 'https://app.eu.intercom.com/*', 'https://app.au.intercom.com/*'],
  // The conversation card; the customer comes from the API, not the page.
  pane: '.inbox2__conversation',
  shows: ['subject'],

  parseUrl(url) {
    if (url.protocol !== 'https:' || !HOSTS.has(url.hostname)) return null;
    const match = INBOX_PATH.exec(url.pathname) ?? LEGACY_PATH.exec(url.pathname);
    if (!match?.[1] || !match[2]) return null;
    return { helpdesk: 'intercom', host: url.hostname, ticketId: `${match[1]}:${match[2]}` };
  },

  readPage(root, ref) {
    const { conversationId } = splitCaseId(ref.ticketId);
    // The page has no stable hook for the customer (docs/helpdesks.md §4); the Ember store that knows them is a page
    // global only a MAIN-world script can read. The customer comes from the `/ember/` API below instead.
    // Several conversation cards can be in the DOM: read the title of this conversation's card only.
    const card = /^\d+$/.test(conversationId) ? `[data-conversation-id="${conversationId}"]` : null;
    return {
      subject: card ? textOf(root, `${card} [data-inbox-conversation-header-title] span`) : undefined,
      customer: {},
    };
  },

  api: { pathPrefix: PREFIX },
};

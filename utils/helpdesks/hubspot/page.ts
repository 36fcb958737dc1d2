import type { ConversationStatus, TicketRef } from '../../schemas';
import { compact, emailOf, textOf } from '../dom';
import type { HelpdeskPage } from '../types';

// HubSpot Help Desk and Conversations inbox. Facts and sources: docs/helpdesks.md §6. No session API: the one under
// `/api/*` is undocumented and needs a CSRF cookie. History comes from the documented CRM API instead, with a
// private app's access token saved in Options.

export const NAME = 'HubSpot';

const HOSTS = new Set(['app.hubspot.com', 'app-eu1.hubspot.com']);

/** `/help-desk/{portal}/view/{view|search}/ticket/{id}`, optionally followed by `/thread/…`. */
const HELP_DESK_TICKET = /^\/help-desk\/\d+\/view\/[^/]+\/ticket\/(\d+)(?:\/|$)/;
/** The ticket's CRM record: object type 0-5 is a ticket (0-1, a contact, is not a case). */
const TICKET_RECORD = /^\/contacts\/\d+\/record\/0-5\/(\d+)(?:\/|$)/;
/** An inbox thread is not a ticket and has its own ids: `thread-{id}` keeps the two apart. */
const INBOX_THREAD = /^\/live-messages\/\d+\/inbox\/(\d+)(?:\/|$)/;

const CONTACT_LINK = '[data-selenium-test="contact-chicklet-title-link"]';
const TICKET_NAME = '[data-test-id="ticket-header-name-link"]';

/** HubSpot's default ticket pipeline stages; a portal's own stages have no Kept status. */
function statusOf(stage: string | undefined): ConversationStatus | undefined {
  const label = stage?.toLowerCase();
  if (!label) return undefined;
  if (label === 'new') return 'new';
  if (label.startsWith('waiting on contact')) return 'pending';
  if (label.startsWith('waiting on us')) return 'open';
  if (label.startsWith('closed')) return 'closed';
  return undefined;
}

/** An id after `/record/{type}/` in a link, e.g. the contact id in a contact card's link. */
const recordId = (link: Element | null | undefined, type: string) =>
  new RegExp(`/record/${type}/(\\d+)(?:[/?#]|$)`).exec(link?.getAttribute('href') ?? '')?.[1];

/**
 * The email in the contact's own card: the closest ancestors of the name link (at most three levels) that hold no
 * other contact, so a second associated contact's email is never taken for this one.
 */
function emailNear(link: Element | null | undefined): string | undefined {
  let card = link?.parentElement;
  for (let level = 0; card && level < 3; level++, card = card.parentElement) {
    if (card.querySelectorAll(CONTACT_LINK).length > 1) return undefined;
    const email = emailOf(card, 'a[href^="mailto:"]');
    if (email) return email;
  }
  return undefined;
}

function isStale(scope: ParentNode, ref: TicketRef): boolean {
  // Right after in-app navigation the previous ticket is still drawn under the new URL; its header links to it.
  const shown = recordId(scope.querySelector(TICKET_NAME), '0-5');
  return !ref.ticketId.startsWith('thread-') && shown !== undefined && shown !== ref.ticketId;
}

export const hubspotPage: HelpdeskPage = {
  id: 'hubspot',
  name: NAME,
  matches: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
  // The help desk application, whose thread list names the contact in the inbox.
  pane: '[data-application-name]',
  shows: ['name'],

  parseUrl(url) {
    if (url.protocol !== 'https:' || !HOSTS.has(url.hostname)) return null;
    const ticket = HELP_DESK_TICKET.exec(url.pathname)?.[1] ?? TICKET_RECORD.exec(url.pathname)?.[1];
    const thread = INBOX_THREAD.exec(url.pathname)?.[1];
    const ticketId = ticket ?? (thread ? `thread-${thread}` : undefined);
    return ticketId ? { helpdesk: 'hubspot', host: url.hostname, ticketId } : null;
  },

  readPage(root, ref) {
    const scope = root.querySelector('[data-application-name="svh-help-desk"]') ?? root;
    if (isStale(scope, ref)) return { customer: {} };
    const contact = scope.querySelector(CONTACT_LINK);
    // In the inbox, the selected thread row names the contact when no contact card is shown.
    const selectedThread =
      '[data-test-id="thread-list-member-row"][data-selected="true"] [data-test-id="member-header"]';
    return {
      subject:
        textOf(scope, TICKET_NAME) ??
        textOf(scope, '[data-selenium-test="ticket-highlight-details"] [data-selenium-test="highlightTitle"]'),
      status: statusOf(textOf(scope, '#stage-select')),
      customer: compact({
        name:
          textOf(scope, CONTACT_LINK) ??
          textOf(root, `${selectedThread} [data-content="true"]`) ??
          textOf(root, selectedThread),
        // No source names a hook for the contact's email; a mailto link in the contact's card is a guess.
        email: emailNear(contact),
        // The contact link's `/record/0-1/{id}` is inferred from HubSpot's URLs, not seen in code.
        externalId: recordId(contact, '0-1'),
        organisation: textOf(scope, '[data-selenium-test="company-chicklet-title-link"]'),
      }),
    };
  },
};

import type { ConversationStatus } from '../../schemas';
import { compact, emailOf, textOf } from '../dom';
import type { HelpdeskPage } from '../types';
import { subdomainOf, ticketInPath } from '../urls';

// Freshdesk agent app (Ember). Facts and sources: docs/helpdesks.md §2.
//
// Why the public v2 API and not the app's internal /api/_/: both answer the rep's session cookie (the internal one
// is what the agent app itself calls), but only v2 is documented: `include=requester,company` on a ticket, the
// requester_id / updated_since / order_by / per_page / page parameters of the ticket list, and the payload fields.
// The internal API's shapes are undocumented and may change on any deploy.

export const NAME = 'Freshdesk';
export const PREFIX = '/api/v2/';
const TICKET_PATH = /^\/a\/tickets\/(\d+)(?:\/|$)/;
const CONTACT_HREF = /\/a\/contacts\/(\d+)/;

/** What the status dropdown shows; other labels (custom statuses, other languages) are left to the API. */
const STATUS_LABELS: Record<string, ConversationStatus> = {
  open: 'open',
  pending: 'pending',
  resolved: 'solved',
  closed: 'closed',
};

/** The ticket id the page's breadcrumb names ("#123" or "123"), if it shows one. */
function breadcrumbId(root: ParentNode): string | undefined {
  return textOf(root, '.breadcrumb__item.active')?.match(/\d+/)?.[0];
}

/** The requester widget: in the page, or in the older layout inside the contact-info micro-frontend's shadow root. */
function requesterWidget(root: ParentNode): ParentNode | null {
  if (root.querySelector('[data-test-id="requester-info-contact-email"], a[href*="/a/contacts/"]')) return root;
  return root.querySelector('mfe-application[app-id="fw-unified-mfe--contact-info"]')?.shadowRoot ?? null;
}

export const freshdeskPage: HelpdeskPage = {
  id: 'freshdesk',
  name: NAME,
  matches: ['https://*.freshdesk.com/*'],
  // The ticket details page: breadcrumb, subject, conversation and the requester widget.
  pane: '.ticket-details-page',
  shows: ['subject', 'status', 'name'],

  parseUrl: ticketInPath('freshdesk', subdomainOf('freshdesk.com'), [TICKET_PATH]),

  readPage(root, ref) {
    // After in-app navigation the URL names the new ticket a moment before the page shows it: when the breadcrumb
    // names another ticket, nothing on the page belongs to this one yet.
    const shown = breadcrumbId(root);
    if (shown !== undefined && shown !== ref.ticketId) return { customer: {} };
    const widget = requesterWidget(root);
    const contactHref = widget?.querySelector('a[href*="/a/contacts/"]')?.getAttribute('href') ?? '';
    const status = textOf(root, '[data-test-id="tkt-properties-status"] .ember-power-select-selected-item');
    return {
      subject: textOf(root, '.ticket-subject-heading') ?? textOf(root, '.sentiment-ticket-heading'),
      // Own keys only: a label like "constructor" must not reach Object.prototype.
      status:
        status && Object.hasOwn(STATUS_LABELS, status.toLowerCase()) ? STATUS_LABELS[status.toLowerCase()] : undefined,
      customer: compact({
        name:
          textOf(root, '.requester-wrap [data-test-id="user-name"]') ??
          textOf(root, '.sender-info [data-test-id="user-name"]') ??
          textOf(widget, 'a[data-test-id="user-name"][href*="/contacts/"]'),
        email: emailOf(widget, '[data-test-id="requester-info-contact-email"] .info-details-content'),
        // The contact id is the history key, so history loads even when the ticket API does not answer.
        externalId: CONTACT_HREF.exec(contactHref)?.[1],
        organisation: textOf(root, '.company-info a'),
      }),
    };
  },

  api: { pathPrefix: PREFIX },
};

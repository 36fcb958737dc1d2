import type { PageCase } from '../schemas';

// Where each helpdesk draws a ticket, and what its page shows of a case once fully drawn: the case watcher observes
// only these parts of the page while a freshly opened ticket renders, and stops once the case is complete. A pane
// holds everything the adapter's `readPage` reads (tests/unit/panes.test.ts checks it on every fixture); the selectors
// are the ones the adapters read inside, from the real helpdesks' DOM as saved in tests/fixtures/helpdesks and as
// helpdesks.md describes it. Several matches are all observed; none falls back to the whole body.

/** A field of the case a page can show. */
export type Shown = 'subject' | 'status' | 'name' | 'email' | 'externalId';

export interface Pane {
  /** The parts of the page `readPage` reads, as one selector list. */
  selector?: string;
  /** What every ticket of this helpdesk shows on its page once drawn; the case is complete when all are read. */
  shows: readonly Shown[];
}

export const panes: Readonly<Record<string, Pane>> = {
  // Agent Workspace: one workspace per open ticket tab (helpdesks.md §1), and the tab strip whose title is the
  // subject's fallback.
  zendesk: {
    selector: '.ticket-panes-grid-layout, [data-test-id="header-tablist"]',
    shows: ['subject', 'status', 'name', 'email'],
  },
  // The ticket details page: breadcrumb, subject, conversation and the requester widget (helpdesks.md §2).
  freshdesk: { selector: '.ticket-details-page', shows: ['subject', 'status', 'name'] },
  // The issue view; the breadcrumb naming the issue is inside it (helpdesks.md §10).
  jsm: { selector: '.issue-view', shows: ['subject', 'status', 'name'] },
  // The conversation view and the customer sidebar beside it (helpdesks.md §3).
  helpscout: {
    selector: '[data-cy="ConversationView"], [data-cy="customer-sidebar"], .c-conversation-sidebar',
    shows: ['subject', 'name', 'externalId'],
  },
  // The conversation card; the customer comes from the API, not the page (helpdesks.md §4).
  intercom: { selector: '.inbox2__conversation', shows: ['subject'] },
  // The open conversation's viewer, `data-testid="viewer-{id}"` (helpdesks.md §5).
  front: { selector: '[data-testid^="viewer-"]', shows: ['subject', 'name', 'email'] },
  // The help desk application, whose thread list names the contact in the inbox (helpdesks.md §6).
  hubspot: { selector: '[data-application-name]', shows: ['name'] },
  // The ticket; its breadcrumb links the customer (helpdesks.md §7).
  gorgias: { selector: 'main[class*="TicketDetail"]', shows: ['externalId'] },
  // The ticket detail view, with its properties panel and contact card (helpdesks.md §8).
  zohodesk: { selector: '.zd_v2-ticketdetailview-container, .zd-ticketdetailview-container', shows: ['subject'] },
  // The console's workspaces or the standard page host (helpdesks.md §9).
  salesforce: { selector: '.navexWorkspaceManager, .lafSinglePaneWindowManager', shows: ['subject', 'name'] },
  // The customer id is in the URL: the page has nothing more to show.
  kustomer: { shows: ['externalId'] },
};

const shownValue = (page: PageCase, field: Shown) =>
  field === 'subject' || field === 'status' ? page[field] : page.customer[field];

/** Whether the page has shown all of `shows`: nothing more is worth waiting for. */
export const isComplete = (page: PageCase, shows: readonly Shown[]): boolean =>
  shows.every((field) => shownValue(page, field) !== undefined);

import type { ConversationStatus } from '../../schemas';
import { compact, emailOf, textOf } from '../dom';
import type { HelpdeskPage } from '../types';
import { subdomainOf, ticketInPath } from '../urls';

// Zendesk Agent Workspace. Facts and sources: docs/helpdesks.md §1.

export const NAME = 'Zendesk';
export const PREFIX = '/api/v2/';
const TICKET_PATH = /^\/agent\/tickets\/(\d+)(?:\/|$)/;
/** Zendesk's ticket statuses, as its API says them. */
export const STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
function statusOf(label: string | undefined): ConversationStatus | undefined {
  // The UI says "On-hold" where the API says "hold".
  const word = label?.split(' ')[0]?.toLowerCase().replace('on-hold', 'hold');
  return STATUSES.find((status) => status === word);
}

export const zendeskPage: HelpdeskPage = {
  id: 'zendesk',
  name: NAME,
  matches: ['https://*.zendesk.com/*'],
  // Each open ticket's workspace, and the tab strip whose title is the subject's fallback.
  pane: '.ticket-panes-grid-layout, [data-test-id="header-tablist"]',
  shows: ['subject', 'status', 'name', 'email'],

  parseUrl: ticketInPath('zendesk', subdomainOf('zendesk.com'), [TICKET_PATH]),

  readPage(root, ref) {
    // Agent Workspace keeps every open ticket tab in the DOM; read only this ticket's workspace.
    // Right after in-app navigation the URL names the new ticket while the old workspace is still the active one:
    // fall back to the active workspace only when it does not belong to another ticket.
    const active = root.querySelector('.ticket-panes-grid-layout[data-is-active="true"]');
    const workspace =
      root.querySelector(`[data-side-conversations-anchor-id="${ref.ticketId}"]`) ??
      (active?.hasAttribute('data-side-conversations-anchor-id') ? null : active);
    const selectedTab = root.querySelector(`[data-test-id="header-tab"][data-entity-id="${ref.ticketId}"]`);
    return {
      subject:
        textOf(workspace, '[data-test-id="omni-header-subject"]') ??
        textOf(selectedTab, '[data-test-id="header-tab-title"]'),
      status: statusOf(textOf(workspace, '[data-test-id="ticket-system-field-status-select"]')),
      customer: compact({
        name:
          textOf(workspace, '[data-test-id="customer-context-name"]') ??
          textOf(workspace, '[data-test-id="ticket-system-field-requester-label"]'),
        email: emailOf(workspace, '[data-test-id="customer-context-email"]'),
        organisation: textOf(workspace, '[data-test-id="customer-context-organization"]'),
      }),
    };
  },

  api: { pathPrefix: PREFIX },
};

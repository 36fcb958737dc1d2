import type { ConversationStatus } from '../../schemas';
import { compact, textOf } from '../dom';
import type { HelpdeskPage } from '../types';
import { subdomainOf, ticketInPath } from '../urls';

// Jira Service Management Cloud (React). Facts and sources: docs/helpdesks.md §10. The summary heading, breadcrumb
// and status testids come from public userscripts for Jira Cloud's issue view; docs/helpdesks.md names the reporter ones.

export const NAME = 'Jira SM';
export const PREFIX = '/rest/api/3/';
/** The Service Management API, beside the platform's: it keeps a request's feedback. */
export const SERVICE_DESK_PREFIX = '/rest/servicedeskapi/';
/** An issue key: `KEY-1`. */
export const KEY = '[A-Z][A-Z0-9_]+-\\d+';
/** `/browse/KEY-1`, and a request opened from a queue: `.../queues/custom/{n}/KEY-1` or `.../queues/issue/KEY-1`. */
const REQUEST_PATHS = [
  new RegExp(`^/browse/(${KEY})/?$`),
  new RegExp(`^/jira/servicedesk/projects/[A-Z][A-Z0-9_]+/queues/(?:custom/\\d+|issue)/(${KEY})/?$`),
];
/** The status the page shows, by its name alone (default JSM workflow names; others are left to the API). */
const STATUS_NAMES: Array<[RegExp, ConversationStatus]> = [
  [/^(closed|canceled|cancelled|declined)$/i, 'closed'],
  [/^(resolved|done|completed)$/i, 'solved'],
  [/^(waiting for customer|pending)$/i, 'pending'],
  [/^(waiting for support|in progress|escalated|open|work in progress)$/i, 'open'],
];
const pageStatus = (name: string | undefined) =>
  name === undefined ? undefined : STATUS_NAMES.find(([pattern]) => pattern.test(name))?.[1];

export const jsmPage: HelpdeskPage = {
  id: 'jsm',
  name: NAME,
  matches: ['https://*.atlassian.net/*'],
  // The issue view; the breadcrumb naming the issue is inside it.
  pane: '.issue-view',
  shows: ['subject', 'status', 'name'],

  parseUrl: ticketInPath('jsm', subdomainOf('atlassian.net'), REQUEST_PATHS),

  readPage(root, ref) {
    // The issue view names its issue in the breadcrumb; right after in-app navigation it may still show the last one.
    const shown = textOf(root, '[data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item"]');
    if (shown !== undefined && shown !== ref.ticketId) return { customer: {} };
    return {
      subject: textOf(root, '[data-testid="issue.views.issue-base.foundation.summary.heading"]'),
      status: pageStatus(
        textOf(root, '[data-testid="issue.views.issue-base.foundation.status.status-field-wrapper"]') ??
          textOf(root, '[data-testid="issue-field-status.ui.status-view.status-button.status-button"]'),
      ),
      // Jira shows the reporter's name only; the account id and (privacy permitting) email come from the API.
      customer: compact({
        name:
          textOf(root, '[data-testid="issue.views.field.user.reporter.name.wrapper"]') ??
          textOf(root, '[data-testid="issue.views.field.user.reporter"]') ??
          textOf(root, '[data-testid="issue-field-reporter"]') ??
          textOf(root, '#reporter-val'),
      }),
    };
  },

  // Both Jira APIs the session reads: the platform's (/rest/api/3/) and Service Management's (/rest/servicedeskapi/).
  api: { pathPrefix: '/rest/' },
};

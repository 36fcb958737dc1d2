import { askOrgId, ZOHODESK_HOSTS, ZOHODESK_MATCHES } from '../../page-world/zohodesk-org';
import { compact, textOf } from '../dom';
import type { HelpdeskPage } from '../types';
import { ticketInPath } from '../urls';

// Zoho Desk agent app. Facts and sources: docs/helpdesks.md §8. The ticket view's class names come from the
// Clockify (zohodesk.js, 2025) and TMetric integrations, its `data-id="subTab_{ticketId}"` from one public test
// harness (weak). Not checked against a live portal.
//
// History with the rep's session goes through the agent app's own API, `/supportapi/zd/{portal}/api/v1` (the MWR Zoho
// Tools userscript calls it with the cookie and an `orgId` header; GETs need no CSRF token). Its paths and payloads
// are taken to be those of Zoho's documented `/api/v1` (Get ticket, List tickets by contact): checked against
// payloads shaped like the documented ones only. The org id is the page global `window.desk_urls`; a MAIN-world
// script reads it for the content script (utils/page-world/zohodesk-org.ts).

export const NAME = 'Zoho Desk';
export const PREFIX = '/supportapi/zd/';

/** `/agent/{portal}/{department}/tickets/details/{ticketId}`; the id is Zoho's long internal one, not `#123`. */
const TICKET_PATH = /^\/agent\/[^/]+\/[^/]+\/tickets\/details\/(\d+)(?:\/|$)/;
/** The portal and department of an agent page: every ticket page has them. Kept as the URL spells them (encoded). */
export const AGENT_PATH = /^\/agent\/([^/]+)\/([^/]+)\//;
const VIEW = '.zd_v2-ticketdetailview-container, .zd-ticketdetailview-container';
const SUB_TAB = /^subTab_(\d+)$/;
// Unverified guesses, by analogy with the ticket route: the ticket view links its contact and account to
// `/agent/{portal}/{department}/contacts/details/{id}` and `.../accounts/details/{id}`. docs/helpdesks.md found no
// customer selector for Zoho Desk at all.
const CONTACT_LINK = 'a[href*="/contacts/details/"]';
const ACCOUNT_LINK = 'a[href*="/accounts/details/"]';
const CONTACT_HREF = /\/contacts\/details\/(\d+)/;

/**
 * The ticket view showing this ticket, or null. A view names its ticket in `data-id="subTab_{id}"` where Desk
 * renders it; a single unnamed view is taken as this ticket's, one naming another ticket is the previous page.
 */
function ticketView(root: ParentNode, ticketId: string): Element | null {
  const views = Array.from(root.querySelectorAll(VIEW));
  const own = views.find((view) => view.getAttribute('data-id') === `subTab_${ticketId}`);
  if (own) return own;
  const only = views.length === 1 ? views[0] : undefined;
  return only && !SUB_TAB.test(only.getAttribute('data-id') ?? '') ? only : null;
}

export const zohodeskPage = {
  id: 'zohodesk',
  name: NAME,
  matches: ZOHODESK_MATCHES,
  // The ticket detail view, with its properties panel and contact card.
  pane: VIEW,
  shows: ['subject'],

  parseUrl: ticketInPath('zohodesk', (host) => ZOHODESK_HOSTS.includes(host), [TICKET_PATH]),

  readPage(root, ref) {
    const view = ticketView(root, ref.ticketId);
    const contact = view?.querySelector(CONTACT_LINK);
    return {
      subject:
        textOf(view, '[data-id="caseSubjectText"]') ??
        textOf(view, '.zd_v2-dvsubjectsection-subject, .zd-dvsubjectsection-subject'),
      customer: compact({
        name: textOf(view, CONTACT_LINK),
        // The contact id keys the customer (no email is read), so their tickets still group together.
        externalId: CONTACT_HREF.exec(contact?.getAttribute('href') ?? '')?.[1],
        organisation: textOf(view, ACCOUNT_LINK),
      }),
    };
  },

  api: {
    pathPrefix: PREFIX,
    // Without the org id the API refuses, and that refusal is what the panel shows.
    async requestHeaders(page: Window): Promise<Record<string, string>> {
      const orgId = await askOrgId(page);
      return orgId ? { orgId } : {};
    },
  },
} satisfies HelpdeskPage;

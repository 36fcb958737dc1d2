import { compact, textOf } from './dom';
import type { HelpdeskAdapter } from './types';

// Zoho Desk agent app. Facts and sources: helpdesks.md section 8. The ticket view's class names come from the
// Clockify (zohodesk.js, 2025) and TMetric integrations, its `data-id="subTab_{ticketId}"` from one public test
// harness (weak). Not checked against a live portal.
//
// Detection and local capture only, no `api`, although Zoho Desk's own session API would answer the rep's cookie:
// `/supportapi/zd/{portal}/api/v1/tickets/{id}` (returns `contactId`, `email`) needs an `orgId` header, and the org
// id lives in the page global `window.desk_urls`, which an isolated-world content script cannot read. Neither the
// URL nor the DOM is known to carry it. Session history needs a MAIN-world bridge (a web-accessible script file,
// since Desk's CSP blocks inline scripts, posting the org id back) that is not built yet.

/** The regional agent hosts Kept runs on (helpdesks.md lists these five; others exist). */
const HOSTS = ['desk.zoho.com', 'desk.zoho.eu', 'desk.zoho.in', 'desk.zoho.com.au', 'desk.zoho.jp'];
/** `/agent/{portal}/{department}/tickets/details/{ticketId}`; the id is Zoho's long internal one, not `#123`. */
const TICKET_PATH = /^\/agent\/[^/]+\/[^/]+\/tickets\/details\/(\d+)(?:\/|$)/;
const VIEW = '.zd_v2-ticketdetailview-container, .zd-ticketdetailview-container';
const SUB_TAB = /^subTab_(\d+)$/;
// Unverified guesses, by analogy with the ticket route: the ticket view links its contact and account to
// `/agent/{portal}/{department}/contacts/details/{id}` and `.../accounts/details/{id}`. helpdesks.md found no
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

export const zohodesk: HelpdeskAdapter = {
  id: 'zohodesk',
  name: 'Zoho Desk',
  matches: HOSTS.map((host) => `https://${host}/*`),

  parseUrl(url) {
    if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return null;
    const id = TICKET_PATH.exec(url.pathname)?.[1];
    return id ? { helpdesk: 'zohodesk', host: url.hostname, ticketId: id } : null;
  },

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
};

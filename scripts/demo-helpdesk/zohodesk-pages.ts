// HTML for the Zoho Desk agent pages Kept reads, shaped like tests/fixtures/helpdesks/zohodesk-ticket.html: the
// `zd_v2-` class names and `data-id="caseSubjectText"` / `subTab_{id}` of the Clockify and TMetric integrations
// (docs/helpdesks.md §8), and a contact card linking `/contacts/details/{id}` and `/accounts/details/{id}` (the
// same guess the fixture makes). Around them, the ticket list with other customers' contact links.
//
// Desk forbids inline scripts, so every page is served with a CSP of `script-src 'self'`, and the page global
// `window.desk_urls` (where the org id lives) comes from a script file. `?desk_urls=inline` serves the same page with
// desk_urls set by an inline script instead: the CSP blocks it, so the page has no desk_urls at all.
import { ago, type DemoPage, esc, ICON, paragraphs, timeTag } from './page-bits';
import type { Seed, ZohoContact, ZohoTicket } from './seed';

/** The host the demo answers as Zoho Desk (the US data centre's). */
export const ZOHODESK_HOST = 'desk.zoho.com';
const ACCOUNT = 'Acme Support';

/** Desk's policy as far as Kept meets it: scripts from the app's own origin only, nothing inline. */
export const ZOHODESK_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** Where the page's script file that sets `window.desk_urls` is served. */
export const DESK_URLS_SCRIPT = '/agent/static/desk-urls.js';

/** How a page gets its `desk_urls`: from the script file, or from an inline script the CSP blocks. */
export type DeskUrlsMode = 'file' | 'inline';

/**
 * `window.desk_urls` as the agent app sets it: the org id (the key Kept reads first) and the CSRF token writes need
 * (docs/helpdesks.md §8). The other keys are filler around them.
 */
function deskUrls(seed: Seed): string {
  const { orgId, portal, department } = seed.zohodesk;
  return JSON.stringify({
    orgId,
    portalName: portal,
    departmentId: department.id,
    csrf_token: 'a3f9c2e1d47b6e08f5c1b2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d',
    agentUrl: `/agent/${portal}`,
    supportApiUrl: `/supportapi/zd/${portal}/api/v1`,
  });
}

/** The script file behind DESK_URLS_SCRIPT. */
export const deskUrlsScript = (seed: Seed): string => `window.desk_urls = ${deskUrls(seed)};\n`;

const base = (seed: Seed): string => `/agent/${seed.zohodesk.portal}/${seed.zohodesk.department.slug}`;
/** The agent page of a ticket: /agent/{portal}/{department}/tickets/details/{id}. */
export const zohoTicketUrl = (seed: Seed, ticketId: string): string => `${base(seed)}/tickets/details/${ticketId}`;
/** Where the agent app starts. */
export const zohoLanding = (seed: Seed): string => `${base(seed)}/tickets/list/all-tickets`;

const contactOf = (seed: Seed, id: string): ZohoContact | undefined => seed.zohodesk.contacts.find((c) => c.id === id);
const nameOf = (c: ZohoContact | undefined): string =>
  c ? [c.firstName, c.lastName].filter(Boolean).join(' ') : 'Unknown contact';
const newestFirst = (a: ZohoTicket, b: ZohoTicket): number => b.modifiedTime.localeCompare(a.modifiedTime);

function listItem(seed: Seed, t: ZohoTicket, selected: boolean): string {
  const contact = contactOf(seed, t.contactId);
  return `<li class="zd_v2-ticketlistcompact-item${selected ? ' zd_v2-ticketlistcompact-selected' : ''}"><a href="${zohoTicketUrl(seed, t.id)}" data-demo-nav class="zd_v2-ticketlistcompact-subject">#${t.ticketNumber} ${esc(t.subject)}</a><div><a href="${base(seed)}/contacts/details/${t.contactId}" class="zd_v2-ticketlistcompact-contact">${esc(nameOf(contact))}</a> · <span>${esc(t.status)}</span></div></li>`;
}

/** The compact list beside the ticket: open tickets, newest activity first, with their contacts. */
function ticketList(seed: Seed, current?: ZohoTicket): string {
  const open = seed.zohodesk.tickets
    .filter((t) => t.statusType !== 'Closed' || t.id === current?.id)
    .sort(newestFirst)
    .slice(0, 12);
  return `<aside class="zd_v2-ticketlistcompact-list" aria-label="Tickets"><h2>Open Tickets</h2><ul>${open.map((t) => listItem(seed, t, t.id === current?.id)).join('')}</ul></aside>`;
}

function contactCard(seed: Seed, t: ZohoTicket): string {
  const contact = contactOf(seed, t.contactId);
  if (!contact) return '<section class="zd_v2-contactcard"><h3>Contact</h3><p>No contact</p></section>';
  const account = seed.zohodesk.accounts.find((a) => a.id === contact.accountId);
  const item = (label: string, value: string) =>
    `<li><span class="zd_v2-contactcard-label">${label}</span> ${value}</li>`;
  const text = (value: string | null) => `<span class="zd_v2-contactcard-value">${esc(value ?? '-')}</span>`;
  return `<section class="zd_v2-contactcard"><h3>Contact</h3><ul>${[
    item(
      'Contact Name',
      `<a href="${base(seed)}/contacts/details/${contact.id}" class="zd_v2-contactcard-name">${esc(nameOf(contact))}</a>`,
    ),
    item('Email', text(contact.email)),
    item('Phone', text(contact.phone)),
    account
      ? item(
          'Account Name',
          `<a href="${base(seed)}/accounts/details/${account.id}" class="zd_v2-contactcard-account">${esc(account.accountName)}</a>`,
        )
      : '',
  ].join('')}</ul></section>`;
}

function ticketMain(seed: Seed, t: ZohoTicket): string {
  const contact = contactOf(seed, t.contactId);
  const agent = seed.zohodesk.agents.find((a) => a.id === t.assigneeId);
  return `<div class="zd_v2-layout">
${ticketList(seed, t)}<div class="zd_v2-ticketdetailview-container" data-id="subTab_${t.id}">
<section class="zd_v2-dvmain">
<div class="zd_v2-ticketidwrapper-ticketId"><span class="zd_v2-ticketsubject-ticketIdText">#${t.ticketNumber}</span></div>
<div class="zd_v2-dvsubjectsection-subject"><h1 data-id="caseSubjectText">${esc(t.subject)}</h1></div>
<div class="zd_v2-secondrypanel-listItemContainer"><button type="button">Reply</button><button type="button">Comment</button><button type="button">Close ticket</button></div>
<div class="zd_v2-threadlistitemcommon-subjectWrapper"><p class="zd_v2-threadmeta">${esc(nameOf(contact))} via ${esc(t.channel)} ${timeTag(t.createdTime, seed.now)}</p><div class="zd_v2-conversationlistcommon-contentWrapper" data-id="threadContent">${paragraphs(t.description)}</div></div>
</section>
<aside class="zd_v2-dvrightpanel" aria-label="Ticket properties">
${contactCard(seed, t)}
<div data-id="reqproperties"><h3>Ticket Information</h3><p>Status: ${esc(t.status)}</p><p>Priority: ${esc(t.priority ?? '-')}</p><p>Channel: ${esc(t.channel)}</p><p>Ticket Owner: ${esc(agent ? `${agent.firstName} ${agent.lastName}` : 'Unassigned')}</p></div>
</aside>
</div>
</div>`;
}

function listMain(seed: Seed): string {
  const tickets = [...seed.zohodesk.tickets].sort(newestFirst).slice(0, 50);
  const rows = tickets
    .map((t) => {
      const contact = contactOf(seed, t.contactId);
      return `<tr class="zd_v2-listviewrow" data-id="${t.id}"><td>#${t.ticketNumber}</td><td><a href="${zohoTicketUrl(seed, t.id)}" data-demo-nav>${esc(t.subject)}</a></td><td>${esc(nameOf(contact))}</td><td>${esc(t.status)}</td><td>${ago(t.modifiedTime, seed.now)}</td></tr>`;
    })
    .join('');
  return `<section class="zd_v2-listview" aria-label="All Tickets"><h1>All Tickets</h1><table><thead><tr><th scope="col">Ticket</th><th scope="col">Subject</th><th scope="col">Contact</th><th scope="col">Status</th><th scope="col">Last activity</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

const NOT_FOUND: DemoPage = {
  status: 404,
  title: `Page not found - ${ACCOUNT}`,
  main: '<div class="zd_v2-emptystate"><h1>The page you requested could not be found</h1></div>',
};

/** The agent page for an /agent/… path. */
export function renderZohodeskPage(seed: Seed, pathname: string): DemoPage {
  if (pathname.replace(/\/$/, '') === zohoLanding(seed)) {
    return { status: 200, title: `All Tickets - ${ACCOUNT}`, main: listMain(seed) };
  }
  const escaped = base(seed).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const ticketId = new RegExp(`^${escaped}/tickets/details/(\\d+)(?:/|$)`).exec(pathname)?.[1];
  const ticket = ticketId && seed.zohodesk.tickets.find((t) => t.id === ticketId);
  if (!ticket) return NOT_FOUND;
  return {
    status: 200,
    title: `#${ticket.ticketNumber} ${ticket.subject} - Zoho Desk`,
    main: ticketMain(seed, ticket),
  };
}

const CSS = `*{box-sizing:border-box}body{margin:0;font:13px/1.5 "Zoho Puvi",system-ui,sans-serif;color:#1c2035;background:#f3f5f8}a{color:#0a63d8}
.zd_v2-topband{display:flex;gap:16px;align-items:center;height:48px;padding:0 16px;background:#1e2a3d;color:#fff}.zd_v2-topband a{color:#fff;text-decoration:none}
.zd_v2-layout{display:flex;min-height:calc(100vh - 48px)}.zd_v2-ticketlistcompact-list{width:300px;background:#fff;border-right:1px solid #e3e7ee;overflow:auto}
.zd_v2-ticketlistcompact-item{padding:10px 12px;border-bottom:1px solid #eef1f5}.zd_v2-ticketlistcompact-selected{background:#eaf2ff}
.zd_v2-ticketdetailview-container{flex:1;display:grid;grid-template-columns:1fr 300px;min-width:0}
.zd_v2-dvsubjectsection-subject h1{font-size:18px;margin:0}.zd_v2-dvmain{padding:16px}.zd_v2-dvrightpanel{background:#fff;border-left:1px solid #e3e7ee;padding:12px}
.zd_v2-threadlistitemcommon-subjectWrapper{background:#fff;border-radius:6px;padding:12px;margin-top:12px}.zd_v2-listview{margin:12px;padding:12px;background:#fff}
table{width:100%;border-collapse:collapse}td,th{border-bottom:1px solid #eef1f5;padding:6px;text-align:left}.zd_v2-emptystate{margin:auto;color:#6b7185}`;

/** A full agent page around `page.main`: the app shell, desk_urls, the in-app navigation script. */
export function renderZohodeskDocument(seed: Seed, page: DemoPage, mode: DeskUrlsMode = 'file'): string {
  const desk =
    mode === 'file'
      ? `<script src="${DESK_URLS_SCRIPT}"></script>`
      : `<script>window.desk_urls = ${deskUrls(seed)};</script>`;
  const me = seed.zohodesk.agents[0];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(page.title)}</title>
<link rel="icon" href="data:,">
<style>${CSS}</style>
${desk}
<script src="/assets/agent.js" defer></script>
</head>
<body class="zd_v2-body">
<header class="zd_v2-topband" role="banner"><strong>${ACCOUNT}</strong><nav aria-label="Modules"><a href="${zohoLanding(seed)}" data-demo-nav>Tickets</a><a href="${base(seed)}/contacts/list/all-contacts">Customers</a><a href="${base(seed)}/kb">Knowledge Base</a></nav><div class="zd_v2-departmentpopup-departmentPopup">${esc(seed.zohodesk.department.name)}</div><input type="search" aria-label="Search" placeholder="Search"><button type="button" aria-label="Notifications">${ICON}</button><button type="button" aria-label="${esc(me ? `${me.firstName} ${me.lastName}` : 'Profile')}">${ICON}</button></header>
<main data-demo-main tabindex="-1">${page.main}</main>
</body>
</html>
`;
}

/** Zoho's sign-in page (accounts.zoho.com in the product): where a signed-out session ends up. */
export function renderZohodeskLogin(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Zoho Accounts</title><link rel="icon" href="data:,"></head>
<body>
<main style="max-width:360px;margin:80px auto;font-family:system-ui,sans-serif">
<h1>Sign in to access Zoho Desk</h1>
<form method="post" action="/accounts/signin"><label>Email address <input type="email" name="LOGIN_ID" autocomplete="username" required></label><br><button type="submit">Next</button></form>
</main>
</body>
</html>
`;
}

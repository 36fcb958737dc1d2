// HTML for the Freshdesk agent pages Kept reads. The hooks copy the real product as public code shows it
// (docs/helpdesks.md §2): `data-test-id="requester-info-contact-{field}"` with `.info-details-content`,
// `a[data-test-id="user-name"][href="/a/contacts/{id}"]`, `.ticket-subject-heading`, `.breadcrumb__item.active`,
// `[data-test-id="tkt-properties-status"] .ember-power-select-selected-item`, `.company-info a`. Around them, Ember-style
// noise (ember ids, power-select triggers, widgets) so the adapter is tested against a busy page.
import { ago, type DemoPage, esc, ICON, initials, paragraphs, timeTag } from './page-bits';
import {
  FRESHDESK_SOURCES,
  FRESHDESK_STATUSES,
  type FreshdeskContact,
  type FreshdeskTicket,
  freshdeskTicketsOf,
  type Seed,
} from './seed';

export const FRESHDESK_ACCOUNT = 'Acme Support';
const PRIORITIES = ['', 'Low', 'Medium', 'High', 'Urgent'];

/** Ember numbers every component; the demo numbers them per page so markup stays stable. */
function emberIds() {
  let next = 200;
  return () => `ember${next++}`;
}

const statusName = (code: number): string => FRESHDESK_STATUSES[code] ?? 'Open';
const isUnresolved = (t: FreshdeskTicket): boolean => t.status !== 4 && t.status !== 5;
const contactOf = (seed: Seed, id: number): FreshdeskContact | undefined =>
  seed.freshdesk.contacts.find((c) => c.id === id);
const ticketLink = (t: FreshdeskTicket): string =>
  `<a href="/a/tickets/${t.id}" data-demo-nav class="ticket-link">${esc(t.subject)}</a>`;
const statusPill = (t: FreshdeskTicket): string =>
  `<span class="status-pill status-${t.status}">${esc(statusName(t.status))}</span>`;

function powerSelect(id: () => string, testId: string, label: string, value: string): string {
  return `<div class="form-group"><label for="${testId}-trigger">${label}</label><div id="${id()}" data-test-id="${testId}" class="ember-view ember-basic-dropdown"><div id="${testId}-trigger" class="ember-power-select-trigger" role="button" tabindex="0" aria-haspopup="listbox" aria-expanded="false"><span class="ember-power-select-selected-item">${esc(value)}</span><span class="ember-power-select-status-icon" aria-hidden="true"></span></div></div></div>`;
}

// ---------- ticket ----------

function thread(seed: Seed, t: FreshdeskTicket, requester: FreshdeskContact | undefined): string {
  const agent = seed.freshdesk.agents.find((a) => a.id === t.responder_id);
  const name = requester?.name ?? 'Unknown contact';
  const original = `<div class="ticket-details__item" data-test-id="ticket-description"><div class="sender-info"><span class="avatar" aria-hidden="true">${esc(initials(name))}</span><a data-test-id="user-name" href="/a/contacts/${t.requester_id}" data-demo-nav>${esc(name)}</a> reported via ${esc(FRESHDESK_SOURCES[t.source] ?? 'Email')} ${timeTag(t.created_at, seed.now)}</div><div class="ticket-details__item__content" id="ticket_original_request">${paragraphs(t.description_text)}</div></div>`;
  if (!agent) return original;
  const first = name.split(/\s+/)[0] ?? 'there';
  const reply = `<article class="conversation-item" data-test-id="conversation-item"><div class="conversation-sender"><span class="avatar agent" aria-hidden="true">${esc(initials(agent.name))}</span><strong>${esc(agent.name)}</strong> replied</div><div class="conversation-content">${paragraphs(`Hi ${first},\n\nThanks for reaching out. I'm on it and will update you today.\n\n${agent.name.split(' ')[0]}`)}</div></article>`;
  return original + reply;
}

function requesterWidget(seed: Seed, t: FreshdeskTicket, requester: FreshdeskContact | undefined): string {
  if (!requester) return '<div class="widget-requestor-info"><p>Contact not found.</p></div>';
  const company = seed.freshdesk.companies.find((c) => c.id === requester.company_id);
  const field = (name: string, label: string, value: string | null) =>
    value
      ? `<div data-test-id="requester-info-contact-${name}" class="info-details"><span class="info-details-label">${label}</span><div class="info-details-content">${esc(value)}</div></div>`
      : '';
  const recent = freshdeskTicketsOf(seed, requester.id)
    .filter((o) => o.id !== t.id)
    .slice(0, 5)
    .map((o) => `<li>${ticketLink(o)} ${statusPill(o)}</li>`)
    .join('');
  return `<section class="widget-requestor-info requester-wrap" data-test-id="requester-info" aria-label="Contact details">
<div class="requester-info-header"><span class="avatar large" aria-hidden="true">${esc(initials(requester.name))}</span><a data-test-id="user-name" href="/a/contacts/${requester.id}" data-demo-nav class="requester-name">${esc(requester.name)}</a></div>
${company ? `<div class="company-info"><a href="/a/companies/${company.id}">${esc(company.name)}</a></div>\n` : ''}${field('email', 'Email', requester.email)}${field('phone', 'Work phone', requester.phone)}${field('time_zone', 'Time zone', requester.time_zone)}${field('language', 'Language', requester.language)}
<div class="recent-tickets" data-test-id="requester-info-recent-tickets"><h3>Recent tickets</h3><ul>${recent || '<li>No other tickets</li>'}</ul></div>
</section>`;
}

function ticketMain(seed: Seed, t: FreshdeskTicket): string {
  const id = emberIds();
  const requester = contactOf(seed, t.requester_id);
  const agent = seed.freshdesk.agents.find((a) => a.id === t.responder_id);
  const group = seed.freshdesk.groups.find((g) => g.id === t.group_id);
  const all = [...seed.freshdesk.tickets].sort((a, b) => b.updated_at.localeCompare(a.updated_at));
  const at = all.findIndex((o) => o.id === t.id);
  const neighbour = (o: FreshdeskTicket | undefined, label: string) =>
    o
      ? `<a href="/a/tickets/${o.id}" data-demo-nav class="app-icon-btn" aria-label="${label} ticket">${label}</a>`
      : '';
  const tags = t.tags.map((tag) => `<span class="tag">${esc(tag)}</span>`).join('');
  return `<div id="${id()}" class="ember-view ticket-details-page" data-ticket-id="${t.id}">
<div class="page-actions">
<div class="page-actions__left"><nav class="breadcrumb" aria-label="Breadcrumb"><a class="breadcrumb__item" href="/a/tickets/filters/all_tickets" data-demo-nav>All tickets</a><span class="breadcrumb__item active" aria-current="page">${t.id}</span></nav>
<button type="button" class="app-icon-btn">Reply</button><button type="button" class="app-icon-btn">Add note</button><button type="button" class="app-icon-btn">Forward</button><button type="button" class="app-icon-btn">Close</button><button type="button" class="app-icon-btn">Merge</button></div>
<div class="page-actions__right">${neighbour(all[at - 1], 'Previous')}${neighbour(all[at + 1], 'Next')}</div>
</div>
<div class="ticket-details-wrapper">
<section class="ticket-details" aria-label="Conversation">
<div class="ticket-subject"><h2 class="ticket-subject-heading">${esc(t.subject)}</h2><p class="ticket-meta">Created ${ago(t.created_at, seed.now)} via ${esc(FRESHDESK_SOURCES[t.source] ?? 'Email')}</p></div>
${thread(seed, t, requester)}
<div class="reply-editor" data-test-id="reply-editor"><div contenteditable="true" role="textbox" aria-multiline="true" aria-label="Reply"></div><button type="button">Send</button></div>
</section>
<aside class="ticket-sidebar" aria-label="Ticket details">
${requesterWidget(seed, t, requester)}
<form class="ticket-properties" data-test-id="tkt-properties" aria-label="Properties"><h3>Properties</h3>
<div class="form-group"><span class="label">Tags</span><div class="tags">${tags}</div></div>
${powerSelect(id, 'tkt-properties-ticket_type', 'Type', t.type ?? '--')}
${powerSelect(id, 'tkt-properties-status', 'Status', statusName(t.status))}
${powerSelect(id, 'tkt-properties-priority', 'Priority', PRIORITIES[t.priority] ?? 'Low')}
${powerSelect(id, 'Group', 'Group', group?.name ?? '--')}
${powerSelect(id, 'Agent', 'Agent', agent?.name ?? '--')}
<button type="button" class="btn-primary">Update</button></form>
</aside>
</div>
</div>`;
}

// ---------- lists ----------

interface Filter {
  id: string;
  title: string;
  matches: (t: FreshdeskTicket) => boolean;
}

const FILTERS: readonly Filter[] = [
  { id: 'all_tickets', title: 'All tickets', matches: () => true },
  { id: 'unresolved', title: 'All unresolved tickets', matches: isUnresolved },
  { id: 'open', title: 'Open tickets', matches: (t) => t.status === 2 },
  { id: 'pending', title: 'Pending tickets', matches: (t) => t.status === 3 },
  { id: 'resolved', title: 'Resolved tickets', matches: (t) => t.status === 4 },
];

function ticketList(seed: Seed, tickets: readonly FreshdeskTicket[], caption: string): string {
  const rows = tickets
    .map((t) => {
      const requester = contactOf(seed, t.requester_id);
      return `<tr class="ticket-row" data-ticket-id="${t.id}"><td><input type="checkbox" aria-label="Select ticket ${t.id}"></td><td>${ticketLink(t)} <span class="ticket-id">#${t.id}</span></td><td>${esc(requester?.name ?? '')}</td><td>${timeTag(t.updated_at, seed.now)}</td><td>${esc(PRIORITIES[t.priority] ?? '')}</td><td>${statusPill(t)}</td></tr>`;
    })
    .join('');
  return `<table class="tickets-list"><caption>${esc(caption)}</caption><thead><tr><th scope="col"><input type="checkbox" aria-label="Select all"></th><th scope="col">Subject</th><th scope="col">Contact</th><th scope="col">Updated</th><th scope="col">Priority</th><th scope="col">Status</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function filterMain(seed: Seed, filter: Filter): string {
  const tickets = seed.freshdesk.tickets
    .filter(filter.matches)
    .sort((a, b) => b.updated_at.localeCompare(a.updated_at));
  const views = FILTERS.map(
    (f) =>
      `<li><a href="/a/tickets/filters/${f.id}" data-demo-nav${f.id === filter.id ? ' aria-current="page"' : ''}>${f.title}</a></li>`,
  ).join('');
  return `<div class="tickets-page" data-filter="${filter.id}"><nav class="filters-list" aria-label="Ticket views"><ul>${views}</ul></nav><section class="tickets-list-wrapper"><h1>${filter.title}</h1><p>${tickets.length} tickets</p>${ticketList(seed, tickets, filter.title)}</section></div>`;
}

function dashboardMain(seed: Seed): string {
  const unresolved = seed.freshdesk.tickets.filter(isUnresolved);
  const stats = [
    ['Unresolved', unresolved.length],
    ['Open', seed.freshdesk.tickets.filter((t) => t.status === 2).length],
    ['On hold', seed.freshdesk.tickets.filter((t) => t.status === 3 || t.status >= 6).length],
  ]
    .map(([label, n]) => `<li class="stat-card"><strong>${n}</strong> ${label}</li>`)
    .join('');
  const recent = [...seed.freshdesk.tickets].sort((a, b) => b.updated_at.localeCompare(a.updated_at)).slice(0, 10);
  return `<section class="dashboard" data-test-id="dashboard"><h1>Dashboard</h1><ul class="stats">${stats}</ul>${ticketList(seed, recent, 'Recent activity')}</section>`;
}

function contactMain(seed: Seed, contact: FreshdeskContact): string {
  const tickets = freshdeskTicketsOf(seed, contact.id);
  const company = seed.freshdesk.companies.find((c) => c.id === contact.company_id);
  return `<section class="contact-page" data-contact-id="${contact.id}"><header><span class="avatar large" aria-hidden="true">${esc(initials(contact.name))}</span><h1>${esc(contact.name)}</h1><dl><dt>Email</dt><dd>${esc(contact.email ?? '--')}</dd><dt>Phone</dt><dd>${esc(contact.phone ?? '--')}</dd><dt>Company</dt><dd>${esc(company?.name ?? '--')}</dd></dl></header>${ticketList(seed, tickets, `Tickets of ${contact.name}`)}</section>`;
}

const title = (what: string): string => `${what} : ${FRESHDESK_ACCOUNT}`;
const NOT_FOUND: DemoPage = {
  status: 404,
  title: title('Page not found'),
  main: '<section class="not-found"><h1>The page you were looking for doesn\'t exist</h1><a href="/a/dashboard/default" data-demo-nav>Go to dashboard</a></section>',
};

/** The agent page for an /a/… path. */
export function renderFreshdeskPage(seed: Seed, pathname: string): DemoPage {
  const path = pathname.replace(/\/$/, '');
  if (path === '/a/dashboard/default') return { status: 200, title: title('Dashboard'), main: dashboardMain(seed) };
  const filter = FILTERS.find((f) => path === `/a/tickets/filters/${f.id}`);
  if (filter) return { status: 200, title: title(filter.title), main: filterMain(seed, filter) };
  const ticketId = /^\/a\/tickets\/(\d+)$/.exec(path)?.[1];
  const ticket = ticketId && seed.freshdesk.tickets.find((t) => t.id === Number(ticketId));
  if (ticket)
    return {
      status: 200,
      title: `[#${ticket.id}] ${ticket.subject} : ${FRESHDESK_ACCOUNT}`,
      main: ticketMain(seed, ticket),
    };
  const contactId = /^\/a\/contacts\/(\d+)$/.exec(path)?.[1];
  const contact = contactId && contactOf(seed, Number(contactId));
  if (contact) return { status: 200, title: title(contact.name), main: contactMain(seed, contact) };
  return NOT_FOUND;
}

const CSS = `*{box-sizing:border-box}body{margin:0;font:14px/1.45 -apple-system,system-ui,sans-serif;color:#12344d;background:#ebeff3}
a{color:#2c5cc5}.app-container{display:flex;min-height:100vh}.app-nav{width:64px;background:#12344d;display:flex;flex-direction:column;gap:10px;padding:10px 6px}
.app-nav a{color:#fff;font-size:11px;text-align:center;text-decoration:none}.app-main{flex:1;min-width:0;display:flex;flex-direction:column}
.page-header{display:flex;gap:12px;align-items:center;height:56px;padding:0 16px;background:#fff;border-bottom:1px solid #cfd7df}
main{flex:1;outline:none}.page-actions{display:flex;justify-content:space-between;padding:8px 16px;background:#fff;border-bottom:1px solid #cfd7df}
.breadcrumb__item+.breadcrumb__item::before{content:" / "}.app-icon-btn{margin-left:6px}.ticket-details-wrapper{display:grid;grid-template-columns:1fr 320px;gap:12px;padding:12px}
.ticket-details,.ticket-sidebar>*{background:#fff;border-radius:6px;padding:12px;margin-bottom:12px}.ticket-subject-heading{margin:0 0 4px;font-size:20px}
.avatar{display:inline-grid;place-items:center;width:28px;height:28px;border-radius:50%;background:#d8dee4;font-size:11px;margin-right:6px}.avatar.large{width:44px;height:44px}
.info-details{margin:6px 0}.info-details-label{display:block;font-size:12px;color:#475867}.tag{display:inline-block;background:#ebeff3;border-radius:3px;padding:0 6px;margin:2px}
.status-pill{border-radius:3px;padding:0 6px;background:#e5f2fd}.form-group{margin-bottom:10px}.ember-power-select-trigger{border:1px solid #cfd7df;border-radius:4px;padding:4px 8px;background:#fff}
.tickets-page{display:flex;gap:12px;padding:12px}.filters-list{width:220px;background:#fff;padding:8px}.tickets-list-wrapper,.dashboard,.contact-page{flex:1;background:#fff;padding:12px}
table{width:100%;border-collapse:collapse}caption{text-align:left;font-weight:600;padding:6px 0}td,th{border-bottom:1px solid #ebeff3;padding:6px;text-align:left}`;

/** A full agent page around `page.main`: the app shell, the in-app navigation script. */
export function renderFreshdeskDocument(seed: Seed, page: DemoPage): string {
  const me = seed.freshdesk.agents[0];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(page.title)}</title>
<link rel="icon" href="data:,">
<style>${CSS}</style>
<script src="/assets/agent.js" defer></script>
</head>
<body class="ember-application">
<div id="ember-basic-dropdown-wormhole"></div>
<div id="ember3" class="ember-view app-container">
<nav class="app-nav" data-test-id="left-nav" aria-label="Main navigation">
<a href="/a/dashboard/default" data-demo-nav>${ICON}<span>Dashboard</span></a>
<a href="/a/tickets/filters/all_tickets" data-demo-nav>${ICON}<span>Tickets</span></a>
<a href="/a/contacts">${ICON}<span>Contacts</span></a>
<a href="/a/solutions">${ICON}<span>Solutions</span></a>
<a href="/a/admin">${ICON}<span>Admin</span></a>
</nav>
<div class="app-main">
<header class="page-header" data-test-id="page-header"><strong>${FRESHDESK_ACCOUNT}</strong><form role="search"><input type="search" placeholder="Search" aria-label="Search"></form><button type="button">New</button><button type="button" aria-label="Notifications, 2 unread">${ICON}</button><button type="button" aria-label="${esc(me?.name ?? 'Profile')}"><span class="avatar">${esc(initials(me?.name ?? '?'))}</span></button></header>
<main id="ember-main" data-demo-main tabindex="-1">${page.main}</main>
</div>
</div>
</body>
</html>
`;
}

/** Freshdesk's sign-in page: where a signed-out session ends up. */
export function renderFreshdeskLogin(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Login : ${FRESHDESK_ACCOUNT}</title><link rel="icon" href="data:,"></head>
<body>
<main style="max-width:360px;margin:80px auto;font-family:system-ui,sans-serif">
<h1>Log in to ${FRESHDESK_ACCOUNT}</h1>
<form method="post" action="/support/login"><label>Email <input type="email" name="user_session[email]" autocomplete="username" required></label><br><label>Password <input type="password" name="user_session[password]" autocomplete="current-password" required></label><br><button type="submit">Log in</button></form>
</main>
</body>
</html>
`;
}

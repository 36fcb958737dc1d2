// HTML for the Zendesk Agent Workspace pages the extension reads. The attribute names (data-test-id,
// data-entity-id, data-is-active, data-side-conversations-anchor-id, …) copy the real product; the rest is
// realistic noise so adapters are tested against a busy page, not a tidy one.
import {
  byUpdatedDesc,
  findOrganization,
  findTicket,
  findUser,
  type Seed,
  type SeedTicket,
  type SeedUser,
  type TicketStatus,
  ticketsRequestedBy,
} from './seed';

export const ACCOUNT_NAME = 'Acme Support';
/** Zendesk keeps a handful of ticket tabs open; the demo keeps at most this many. */
export const MAX_OPEN_TABS = 4;

export interface AgentPage {
  status: 200 | 404;
  title: string;
  /** Inner HTML of `<main data-demo-main>`: what in-app navigation swaps. */
  main: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every customer-written string goes through this: seeded names and subjects carry XSS payloads. */
export const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

function formatDate(isoDate: string): string {
  const d = new Date(isoDate);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

function ago(isoDate: string, now: number): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(isoDate)) / 60_000));
  const [n, unit] =
    minutes < 60
      ? [minutes, 'minute']
      : minutes < 1440
        ? [Math.round(minutes / 60), 'hour']
        : minutes < 43_200
          ? [Math.round(minutes / 1440), 'day']
          : [Math.round(minutes / 43_200), 'month'];
  return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
}

const timeTag = (isoDate: string, now: number): string =>
  `<time datetime="${isoDate}" title="${formatDate(isoDate)}">${ago(isoDate, now)}</time>`;

const STATUS_LABELS: Record<TicketStatus, string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  hold: 'On-hold', // what Zendesk's UI shows for the API's "hold"
  solved: 'Solved',
  closed: 'Closed',
};
const capital = (text: string | null): string => (text ? text[0]?.toUpperCase() + text.slice(1) : '-');
const isUnsolved = (t: SeedTicket): boolean => t.status !== 'solved' && t.status !== 'closed';
const initials = (name: string): string =>
  name
    .split(/\s+/)
    .slice(0, 2)
    .map((part) => Array.from(part)[0] ?? '')
    .join('');
const statusBadge = (s: TicketStatus): string => `<span class="status status-${s}">${STATUS_LABELS[s]}</span>`;
const nameOf = (seed: Seed, id: number | null): string =>
  id === null ? '-' : (findUser(seed, id)?.name ?? 'Unknown user');
const ticketLink = (t: SeedTicket): string => `<a href="/agent/tickets/${t.id}" data-demo-nav>${esc(t.subject)}</a>`;
const ICON =
  '<svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16"><path fill="currentColor" d="M2 3h12v2H2zm0 4h12v2H2zm0 4h8v2H2z"/></svg>';

function localTime(user: SeedUser, now: number): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: user.iana_time_zone, hour: '2-digit', minute: '2-digit' });
  return `${time.format(now)} (${esc(user.time_zone)})`;
}

/** Text as paragraphs, escaped; single newlines become line breaks. */
const paragraphs = (text: string): string =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p>${esc(p).replaceAll('\n', '<br>')}</p>`)
    .join('');

// ---------- ticket workspace ----------

/** Open tabs after opening `ticketId`: the previous tabs plus this one, or a default set of three on a fresh load. */
export function openTabsFor(seed: Seed, ticketId: number, previous: readonly number[] = []): number[] {
  const known = previous.filter((id) => findTicket(seed, id));
  if (known.length === 0) {
    const requester = findTicket(seed, ticketId)?.requester_id;
    const { zoeTicketId, repeatContactTicketId, firstContactTicketId, badRatingTicketId } = seed.demo;
    const others = [zoeTicketId, repeatContactTicketId, firstContactTicketId, badRatingTicketId]
      .filter((id) => id !== ticketId && findTicket(seed, id)?.requester_id !== requester)
      .slice(0, 2);
    return [ticketId, ...others];
  }
  if (known.includes(ticketId)) return known;
  const tabs = [...known, ticketId];
  return tabs.length > MAX_OPEN_TABS ? tabs.slice(tabs.length - MAX_OPEN_TABS) : tabs;
}

function tabStrip(tickets: readonly SeedTicket[], activeId: number): string {
  const tabs = tickets.map((t) => {
    const selected = t.id === activeId;
    return `<a href="/agent/tickets/${t.id}" data-demo-nav class="tab-link"><div role="tab" data-test-id="header-tab" data-entity-id="${t.id}" data-selected="${selected}" aria-selected="${selected}" class="header-tab${selected ? ' is-selected' : ''}"><span data-test-id="header-tab-title">${esc(t.subject)}</span><span data-test-id="header-tab-subtitle">#${t.id}</span><span data-test-id="close-button" aria-hidden="true">×</span></div></a>`;
  });
  return `<div data-test-id="header-tablist" role="tablist" aria-label="Open tickets" class="header-tablist">${tabs.join('')}<button type="button" data-test-id="header-tab-add" aria-label="Add">+</button></div>`;
}

interface LogEntry {
  author: SeedUser | undefined;
  at: string;
  body: string;
  internal: boolean;
}

/** A short plausible conversation: the description, an agent reply once worked on, a closing word once solved. */
function conversation(seed: Seed, t: SeedTicket): LogEntry[] {
  const requester = findUser(seed, t.requester_id);
  const agent = t.assignee_id === null ? undefined : findUser(seed, t.assignee_id);
  const entries: LogEntry[] = [{ author: requester, at: t.created_at, body: t.description, internal: false }];
  if (!agent) return entries;
  const middle = new Date((Date.parse(t.created_at) + Date.parse(t.updated_at)) / 2)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  const first = requester?.name.split(/\s+/)[0] ?? 'there';
  entries.push({
    author: agent,
    at: middle,
    body: `Hi ${first},\n\nThanks for getting in touch — I'm looking into this now and will update you shortly.\n\n${agent.name.split(' ')[0]}\n${ACCOUNT_NAME}`,
    internal: false,
  });
  if (t.status === 'hold')
    entries.push({ author: agent, at: middle, body: 'Waiting on the warehouse team before replying.', internal: true });
  if (t.status === 'solved' || t.status === 'closed') {
    const thanks =
      t.satisfaction_rating.score === 'bad'
        ? (t.satisfaction_rating.comment ?? 'Not happy with this.')
        : 'That sorted it, thank you!';
    entries.push({ author: requester, at: t.updated_at, body: thanks, internal: false });
  }
  return entries;
}

function logEntry(entry: LogEntry, index: number, ticketId: number, now: number): string {
  const kind = entry.internal ? 'internal-note' : 'comment';
  const author = entry.author?.name ?? 'Unknown user';
  return `<article data-test-id="omni-log-message-${kind}" data-comment-id="${ticketId * 100 + index}" class="log-item${entry.internal ? ' is-internal' : ''}"><div data-garden-id="tags.avatar" class="avatar" aria-hidden="true">${esc(initials(author))}</div><header><strong data-test-id="omni-log-item-sender">${esc(author)}</strong> ${timeTag(entry.at, now)}</header><div data-test-id="omni-log-message-content" class="zd-comment">${paragraphs(entry.body)}</div></article>`;
}

function field(label: string, testId: string, content: string): string {
  return `<div class="field"><label>${label}</label><div data-test-id="${testId}" role="combobox" tabindex="0" aria-label="${label}" aria-expanded="false">${content}</div></div>`;
}

function propertiesSidebar(seed: Seed, t: SeedTicket, requester: SeedUser | undefined): string {
  const name = requester?.name ?? 'Unknown user';
  const group = seed.groups.find((g) => g.id === t.group_id)?.name ?? '-';
  const tags = t.tags
    .map((tag) => `<span data-test-id="ticket-tag" data-garden-id="tags.tag_view" class="tag">${esc(tag)}</span>`)
    .join('');
  return `<section class="ticket-properties" data-test-id="ticket-properties-panel" aria-label="Ticket properties">
<div class="field"><label>Requester</label><div data-test-id="ticket-system-field-requester-select" role="combobox" tabindex="0" aria-label="Requester"><div data-garden-id="tags.avatar" class="avatar" aria-hidden="true">${esc(initials(name))}</div><span data-test-id="ticket-system-field-requester-label">${esc(name)}</span></div></div>
${field('Assignee', 'ticket-system-field-assignee-select', `${esc(group)} / ${esc(nameOf(seed, t.assignee_id))}`)}
<div class="field"><label>Followers</label><div data-test-id="ticket-fields-collaborators">-</div></div>
<div class="field"><label>Tags</label><div data-test-id="ticket-fields-tags" class="tags">${tags}</div></div>
<div class="field-row">${field('Type', 'ticket-system-field-type-select', capital(t.type))}${field('Priority', 'ticket-system-field-priority-select', capital(t.priority))}</div>
${field('Status', 'ticket-system-field-status-select', STATUS_LABELS[t.status])}
</section>`;
}

function customerContext(seed: Seed, t: SeedTicket, requester: SeedUser | undefined): string {
  if (!requester)
    return '<aside class="context-panel" aria-label="Customer context"><p>Requester not found.</p></aside>';
  const org = findOrganization(seed, requester.organization_id);
  const others = ticketsRequestedBy(seed, requester.id).filter((other) => other.id !== t.id);
  const recent = others
    .slice(0, 5)
    .map(
      (o) =>
        `<li data-test-id="customer-context-ticket">${ticketLink(o)} ${statusBadge(o.status)} ${timeTag(o.updated_at, seed.now)}</li>`,
    )
    .join('');
  return `<aside class="context-panel" data-test-id="context-panel" aria-label="Customer context">
<div data-test-id="customer-context-tab-navigation" role="tablist" class="context-tabs"><button type="button" role="tab" aria-selected="true">Customer</button><button type="button" role="tab" aria-selected="false">Apps</button><button type="button" role="tab" aria-selected="false">Knowledge</button></div>
<div class="customer-card"><div data-garden-id="tags.avatar" class="avatar large" aria-hidden="true">${esc(initials(requester.name))}</div>
<div data-test-id="customer-context-name" class="customer-name">${esc(requester.name)}</div>
${requester.email ? `<a data-test-id="customer-context-email" href="mailto:${esc(requester.email)}">${esc(requester.email)}</a>\n` : ''}${org ? `<div data-test-id="customer-context-organization">${esc(org.name)}</div>\n` : ''}<div data-test-id="customer-context-local-time">Local time ${localTime(requester, seed.now)}</div>
<div data-test-id="customer-context-language">Language ${esc(requester.locale)}</div></div>
<section data-test-id="customer-context-interaction-history"><h3>Interaction history</h3><p>${others.length} other ticket${others.length === 1 ? '' : 's'}</p><ul>${recent}</ul></section>
<div data-test-id="app-iframe" class="app-frame" data-app-name="Order lookup" data-src="https://1234567.apps.zdusercontent.com/1234567/assets/iframe.html">Order lookup app</div>
</aside>`;
}

function workspace(seed: Seed, t: SeedTicket, active: boolean): string {
  const requester = findUser(seed, t.requester_id);
  const log = conversation(seed, t)
    .map((entry, i) => logEntry(entry, i, t.id, seed.now))
    .join('');
  return `<div class="ticket-panes-grid-layout" data-is-active="${active}" data-side-conversations-anchor-id="${t.id}"${active ? '' : ' hidden'}>
${propertiesSidebar(seed, t, requester)}
<section class="ticket-conversation" aria-label="Conversation">
<div class="omni-header"><input data-test-id="omni-header-subject" value="${esc(t.subject)}" aria-label="Subject"><span data-test-id="omni-header-via">via ${capital(t.via.channel.replace(/^native_/, ''))}</span><span data-test-id="omni-header-created">Created ${formatDate(t.created_at)}</span></div>
<div data-test-id="omni-log-container" class="omni-log" role="log" aria-label="Conversation log">${log}</div>
<div class="composer" data-test-id="omnicomposer"><div data-test-id="omnicomposer-rich-text-ckeditor" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Public reply"></div><button type="button" data-test-id="submit_button-button">Submit as ${STATUS_LABELS[t.status === 'new' ? 'open' : t.status]}</button></div>
</section>
${customerContext(seed, t, requester)}
</div>`;
}

function ticketMain(seed: Seed, ticket: SeedTicket, previousTabs: readonly number[]): string {
  const open = openTabsFor(seed, ticket.id, previousTabs)
    .map((id) => findTicket(seed, id))
    .filter((t): t is SeedTicket => t !== undefined);
  return `${tabStrip(open, ticket.id)}<div class="workspaces">${open.map((t) => workspace(seed, t, t.id === ticket.id)).join('')}</div>`;
}

// ---------- lists: dashboard, views, user ----------

function ticketTable(seed: Seed, tickets: readonly SeedTicket[], caption: string): string {
  const rows = tickets
    .map(
      (t) =>
        `<tr data-test-id="generic-table-row" data-ticket-id="${t.id}"><td><input type="checkbox" aria-label="Select ticket #${t.id}"></td><td>#${t.id}</td><td>${ticketLink(t)}</td><td>${esc(nameOf(seed, t.requester_id))}</td><td>${timeTag(t.created_at, seed.now)}</td><td>${capital(t.priority)}</td><td>${statusBadge(t.status)}</td></tr>`,
    )
    .join('');
  return `<table data-test-id="generic-table" class="tickets"><caption>${esc(caption)}</caption><thead><tr><th scope="col"><input type="checkbox" aria-label="Select all"></th><th scope="col">ID</th><th scope="col">Subject</th><th scope="col">Requester</th><th scope="col">Requested</th><th scope="col">Priority</th><th scope="col">Status</th></tr></thead><tbody>${rows}</tbody></table>`;
}

interface View {
  id: number;
  title: string;
  matches: (t: SeedTicket, seed: Seed) => boolean;
}

const VIEWS: readonly View[] = [
  {
    id: 360094000001,
    title: 'Your unsolved tickets',
    matches: (t, seed) => isUnsolved(t) && t.assignee_id === seed.agents[0]?.id,
  },
  { id: 360094000002, title: 'Unassigned tickets', matches: (t) => isUnsolved(t) && t.assignee_id === null },
  { id: 360094000003, title: 'All unsolved tickets', matches: isUnsolved },
  { id: 360094000004, title: 'Recently updated tickets', matches: () => true },
  { id: 360094000005, title: 'Pending tickets', matches: (t) => t.status === 'pending' },
  { id: 360094000006, title: 'Recently solved tickets', matches: (t) => t.status === 'solved' },
];

const viewTickets = (seed: Seed, view: View): SeedTicket[] =>
  seed.tickets.filter((t) => view.matches(t, seed)).sort(byUpdatedDesc);

function viewsList(seed: Seed, currentId?: number): string {
  const items = VIEWS.map(
    (v) =>
      `<li><a href="/agent/filters/${v.id}" data-demo-nav${v.id === currentId ? ' aria-current="page"' : ''}>${v.title}</a> <span class="count">${viewTickets(seed, v).length.toLocaleString('en-US')}</span></li>`,
  );
  return `<nav data-test-id="views-sidebar" class="views-list" aria-label="Views"><h2>Views</h2><ul>${items.join('')}</ul></nav>`;
}

function dashboardMain(seed: Seed): string {
  const unsolved = seed.tickets.filter(isUnsolved).sort(byUpdatedDesc);
  const me = seed.agents[0];
  const mine = unsolved.filter((t) => t.assignee_id === me?.id).length;
  const stats = `<ul class="stats" data-test-id="dashboard-stats"><li><strong>${mine}</strong> Your open tickets</li><li><strong>${unsolved.length}</strong> Unsolved in your groups</li><li><strong>${seed.tickets.filter((t) => t.satisfaction_rating.score === 'good').length}</strong> Good satisfaction</li></ul>`;
  const recent = seed.tickets.slice().sort(byUpdatedDesc).slice(0, 20);
  return `<div class="list-page">${viewsList(seed)}<section class="dashboard" data-test-id="dashboard"><h1>Hi ${esc(me?.name.split(' ')[0] ?? 'there')}, welcome back</h1>${stats}${ticketTable(seed, unsolved.slice(0, 30), 'Tickets requiring your attention')}${ticketTable(seed, recent, 'Recently updated')}</section></div>`;
}

function viewMain(seed: Seed, view: View): string {
  const tickets = viewTickets(seed, view);
  return `<div class="list-page">${viewsList(seed, view.id)}<section class="view" data-test-id="view-page" data-view-id="${view.id}"><h1>${view.title}</h1><p data-test-id="view-count">${tickets.length.toLocaleString('en-US')} tickets</p>${ticketTable(seed, tickets.slice(0, 50), view.title)}</section></div>`;
}

function userMain(seed: Seed, user: SeedUser): string {
  const isAgent = user.role === 'agent';
  const tickets = isAgent
    ? seed.tickets.filter((t) => t.assignee_id === user.id && isUnsolved(t)).sort(byUpdatedDesc)
    : [...ticketsRequestedBy(seed, user.id)];
  const org = findOrganization(seed, user.organization_id);
  const label = isAgent ? 'Assigned tickets' : 'Requested tickets';
  return `<section class="user-page" data-test-id="user-page" data-user-id="${user.id}"><header class="user-header"><div data-garden-id="tags.avatar" class="avatar large" aria-hidden="true">${esc(initials(user.name))}</div><div><h1 data-test-id="user-name">${esc(user.name)}</h1><dl><dt>Email</dt><dd>${esc(user.email ?? '-')}</dd><dt>Organization</dt><dd>${esc(org?.name ?? '-')}</dd><dt>Role</dt><dd>${user.role}</dd><dt>Time zone</dt><dd>${esc(user.time_zone)}</dd></dl></div></header>
<div role="tablist" class="user-tabs"><button type="button" role="tab" aria-selected="true">${label} (${tickets.length.toLocaleString('en-US')})</button><button type="button" role="tab" aria-selected="false">CCs</button></div>
<p>Showing ${Math.min(50, tickets.length)} of ${tickets.length.toLocaleString('en-US')}</p>${ticketTable(seed, tickets.slice(0, 50), label)}</section>`;
}

const notFoundMain =
  '<section class="not-found" data-test-id="not-found"><h1>Page not found</h1><p>The page you were looking for does not exist.</p><a href="/agent/dashboard" data-demo-nav>Go to your dashboard</a></section>';

const title = (what: string): string => `${what} – ${ACCOUNT_NAME} – Zendesk`;
const NOT_FOUND: AgentPage = { status: 404, title: title('Page not found'), main: notFoundMain };

/** The page for an /agent/… path; `openTabs` are the ticket tabs already open in the rep's window. */
export function renderAgentPage(seed: Seed, pathname: string, openTabs: readonly number[] = []): AgentPage {
  const [, section, rawId, extra] = /^\/agent\/([a-z_]+)(?:\/(\d+))?(\/[a-z_]+)?\/?$/.exec(pathname) ?? [];
  const id = Number(rawId);
  if (section === 'dashboard' && !rawId) return { status: 200, title: title('Dashboard'), main: dashboardMain(seed) };
  if (section === 'tickets' && !extra) {
    const ticket = findTicket(seed, id);
    if (ticket) return { status: 200, title: title(`Ticket #${ticket.id}`), main: ticketMain(seed, ticket, openTabs) };
  }
  if (section === 'filters' && !extra) {
    const view = VIEWS.find((v) => v.id === id);
    if (view) return { status: 200, title: title(view.title), main: viewMain(seed, view) };
  }
  if (section === 'users' && (!extra || extra === '/requested_tickets')) {
    const user = findUser(seed, id);
    if (user) return { status: 200, title: title(user.name), main: userMain(seed, user) };
  }
  return NOT_FOUND;
}

const CSS = `*{box-sizing:border-box}body{margin:0;font:14px/1.4 system-ui,sans-serif;color:#2f3941;background:#f8f9f9}
a{color:#1f73b7}.top-nav{display:flex;gap:12px;align-items:center;height:48px;padding:0 12px;background:#fff;border-bottom:1px solid #d8dcde}
.top-nav form{flex:1}.top-nav input{width:100%;max-width:320px}.badge{background:#cc3340;color:#fff;border-radius:8px;padding:0 5px;font-size:11px}
.shell{display:flex;min-height:calc(100vh - 48px)}.left-nav{width:60px;background:#03363d;display:flex;flex-direction:column;gap:8px;padding:8px}
.left-nav a,.left-nav button{color:#fff;background:none;border:0;font-size:11px;text-align:center}main{flex:1;min-width:0;outline:none}
.header-tablist{display:flex;gap:2px;background:#fff;border-bottom:1px solid #d8dcde}.tab-link{text-decoration:none;color:inherit}
.header-tab{display:flex;flex-direction:column;padding:6px 12px;max-width:220px}.header-tab.is-selected{box-shadow:inset 0 -3px #1f73b7}
.header-tab span{overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
[data-side-conversations-anchor-id]{display:grid;grid-template-columns:260px 1fr 320px;height:calc(100vh - 96px)}[data-side-conversations-anchor-id][hidden]{display:none}
.ticket-properties,.context-panel{padding:12px;background:#fff;overflow:auto}.field{margin-bottom:12px}.field label{display:block;font-weight:600}
.ticket-conversation{display:flex;flex-direction:column;min-width:0}.omni-header input{width:100%;font-size:18px}.omni-log{flex:1;overflow:auto;padding:12px}
.log-item{background:#fff;margin-bottom:8px;padding:8px;border-radius:4px}.is-internal{background:#fff6e5}.composer [contenteditable]{min-height:80px;background:#fff;border:1px solid #d8dcde}
.avatar{display:inline-grid;place-items:center;width:24px;height:24px;border-radius:50%;background:#c2c8cc;font-size:11px}.avatar.large{width:40px;height:40px}
.tag{display:inline-block;background:#e9ebed;border-radius:4px;padding:0 6px;margin:2px}.status{border-radius:4px;padding:0 6px;background:#e9ebed}
.status-new{background:#ffb648}.status-open{background:#e34f32;color:#fff}.status-pending{background:#3091ec;color:#fff}.status-solved{background:#87929d;color:#fff}
.list-page{display:flex}.views-list{width:240px;padding:12px;background:#fff}.dashboard,.view,.user-page{flex:1;padding:12px}table{width:100%;border-collapse:collapse;margin-bottom:24px}
caption{text-align:left;font-weight:600;padding:8px 0}td,th{border-bottom:1px solid #e9ebed;padding:4px 8px;text-align:left}`;

/** A complete agent page around `page.main`, with the shared top bar, left nav and the in-app navigation script. */
export function renderAgentDocument(seed: Seed, page: AgentPage): string {
  const me = seed.agents[0];
  const bootstrap = JSON.stringify({
    account: { subdomain: 'acme', name: ACCOUNT_NAME },
    currentUser: { id: me?.id, role: 'agent', locale: 'en-US' },
  });
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(page.title)}</title>
<link rel="icon" href="data:,">
<style>${CSS}</style>
<script src="/assets/agent.js" defer></script>
</head>
<body class="zendesk-agent">
<script type="application/json" id="zd-bootstrap">${bootstrap.replaceAll('<', '\\u003c')}</script>
<div id="root" data-garden-id="chrome.chrome">
<header data-test-id="header-navbar" class="top-nav" role="banner">
<button type="button" data-test-id="product-tray-button" aria-label="Zendesk products">${ICON}</button>
<strong class="brand">${ACCOUNT_NAME}</strong>
<form role="search" action="/agent/dashboard" data-test-id="header-search"><input type="search" data-test-id="header-search-input" placeholder="Search" aria-label="Search"></form>
<button type="button" data-test-id="header-add-button">+ Add</button>
<button type="button" data-test-id="header-conversations-button" aria-label="Conversations, 2 waiting">${ICON}<span class="badge">2</span></button>
<button type="button" data-test-id="header-notifications-button" aria-label="Notifications, 3 unread">${ICON}<span class="badge">3</span></button>
<button type="button" data-test-id="header-profile-avatar" aria-label="${esc(me?.name ?? 'Profile')}"><span data-garden-id="tags.avatar" class="avatar">${esc(initials(me?.name ?? '?'))}</span></button>
</header>
<div class="shell">
<nav data-test-id="support-nav" class="left-nav" aria-label="Main navigation">
<a href="/agent/dashboard" data-demo-nav>${ICON}<span>Home</span></a>
<a href="/agent/filters/${VIEWS[0]?.id}" data-demo-nav>${ICON}<span>Views</span></a>
<a href="/agent/users/${me?.id}" data-demo-nav>${ICON}<span>Profile</span></a>
<button type="button" aria-label="Reporting">${ICON}<span>Reporting</span></button>
<button type="button" aria-label="Admin">${ICON}<span>Admin</span></button>
</nav>
<main id="main-panes" data-demo-main tabindex="-1">${page.main}</main>
</div>
</div>
</body>
</html>
`;
}

/** Zendesk's sign-in page: what a signed-out session gets redirected to. */
export function renderLoginPage(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in to Zendesk</title><link rel="icon" href="data:,"></head>
<body>
<main class="login" style="max-width:360px;margin:80px auto;font-family:system-ui,sans-serif">
<h1>Sign in to Zendesk</h1>
<form method="post" action="/access/login" data-test-id="login-form">
<label>Email <input type="email" name="user[email]" autocomplete="username" required></label><br>
<label>Password <input type="password" name="user[password]" autocomplete="current-password" required></label><br>
<button type="submit">Sign in</button>
</form>
<p><a href="/access/help">Forgot password?</a></p>
</main>
</body>
</html>
`;
}

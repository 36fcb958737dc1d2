// HTML for the Jira Service Management agent pages Kept reads: queues and the issue view. The `data-testid`s copy
// Jira Cloud's issue view as public code shows it (docs/helpdesks.md §10 for the reporter; public userscripts for
// the summary heading, breadcrumb and status): `issue.views.field.user.reporter` and its `.name.wrapper`,
// `issue.views.issue-base.foundation.summary.heading`, `...breadcrumbs.current-issue.item`,
// `...status.status-field-wrapper`. The rest is realistic noise.
import { type DemoPage, esc, ICON, initials, paragraphs, timeTag } from './page-bits';
import type { JsmIssue, JsmUser, Seed } from './seed';

const SITE = 'Acme';
const base = (seed: Seed): string => `/jira/servicedesk/projects/${seed.jsm.project.key}`;
const userOf = (seed: Seed, accountId: string | null): JsmUser | undefined =>
  seed.jsm.users.find((u) => u.accountId === accountId);
const newestFirst = (a: JsmIssue, b: JsmIssue): number => b.updated.localeCompare(a.updated);

interface Queue {
  id: number;
  matches: (issue: JsmIssue, seed: Seed) => boolean;
}
const QUEUE_RULES: readonly Queue[] = [
  { id: 1, matches: (i) => i.status.category !== 'done' },
  { id: 2, matches: (i, seed) => i.status.category !== 'done' && i.assignee === seed.jsm.users[0]?.accountId },
  { id: 3, matches: (i) => i.status.name === 'Waiting for customer' },
  { id: 4, matches: (i) => i.status.category === 'done' },
];
const queueIssues = (seed: Seed, queueId: number): JsmIssue[] => {
  const rule = QUEUE_RULES.find((q) => q.id === queueId);
  return rule ? seed.jsm.issues.filter((i) => rule.matches(i, seed)).sort(newestFirst) : [];
};

const lozenge = (issue: JsmIssue): string =>
  `<span class="lozenge lozenge-${issue.status.category}">${esc(issue.status.name)}</span>`;

function sidebar(seed: Seed, current?: number): string {
  const queues = seed.jsm.queues
    .map(
      (q) =>
        `<li><a href="${base(seed)}/queues/custom/${q.id}" data-demo-nav${q.id === current ? ' aria-current="page"' : ''}>${esc(q.name)} <span class="count">${queueIssues(seed, q.id).length}</span></a></li>`,
    )
    .join('');
  return `<nav class="project-sidebar" data-testid="navigation-apps-sidebar-project" aria-label="Project"><h2>${esc(seed.jsm.project.name)}</h2><p class="project-type">Service space</p><h3>Queues</h3><ul>${queues}</ul><ul class="more"><li><a href="${base(seed)}/customers">Customers</a></li><li><a href="${base(seed)}/reports">Reports</a></li></ul></nav>`;
}

function issueLink(seed: Seed, issue: JsmIssue, queueId: number | null): string {
  const href = queueId === null ? `/browse/${issue.key}` : `${base(seed)}/queues/custom/${queueId}/${issue.key}`;
  return `<a href="${href}" data-demo-nav>${esc(issue.summary)}</a>`;
}

function queueMain(seed: Seed, queueId: number): string {
  const queue = seed.jsm.queues.find((q) => q.id === queueId);
  const rows = queueIssues(seed, queueId)
    .map(
      (i) =>
        `<tr data-issue-key="${i.key}"><td>${esc(i.requestType)}</td><td><a href="${base(seed)}/queues/custom/${queueId}/${i.key}" data-demo-nav>${i.key}</a></td><td>${issueLink(seed, i, queueId)}</td><td>${esc(userOf(seed, i.reporter)?.displayName ?? '')}</td><td>${esc(userOf(seed, i.assignee)?.displayName ?? 'Unassigned')}</td><td>${lozenge(i)}</td><td>${timeTag(i.created, seed.now)}</td></tr>`,
    )
    .join('');
  return `<div class="page-with-sidebar">${sidebar(seed, queueId)}<section class="queue" aria-label="${esc(queue?.name ?? 'Queue')}"><h1>${esc(queue?.name ?? 'Queue')}</h1><table class="queue-table"><thead><tr><th scope="col">Type</th><th scope="col">Key</th><th scope="col">Summary</th><th scope="col">Reporter</th><th scope="col">Assignee</th><th scope="col">Status</th><th scope="col">Created</th></tr></thead><tbody>${rows}</tbody></table></section></div>`;
}

function userField(testId: string, label: string, user: JsmUser | undefined): string {
  const name = user?.displayName ?? 'Unassigned';
  return `<div class="field"><h3 class="field-label">${label}</h3><div data-testid="${testId}"><span class="avatar" role="img" aria-label="${esc(name)}">${esc(initials(name))}</span><span data-testid="${testId}.name.wrapper">${esc(name)}</span></div></div>`;
}

function issueMain(seed: Seed, issue: JsmIssue, queueId: number | null): string {
  const reporter = userOf(seed, issue.reporter);
  const assignee = userOf(seed, issue.assignee);
  const labels =
    issue.labels
      .map((l) => `<a class="label" href="/issues/?jql=labels%3D${encodeURIComponent(l)}">${esc(l)}</a>`)
      .join('') || 'None';
  const comment = assignee
    ? `<div data-testid="issue.activity.comments-list"><article class="comment"><strong>${esc(assignee.displayName)}</strong> ${timeTag(issue.updated, seed.now)}<div class="ak-renderer-document">${paragraphs(`Hi ${reporter?.displayName.split(' ')[0] ?? 'there'}, thanks for the details. Looking into it now.`)}</div></article></div>`
    : '<div data-testid="issue.activity.comments-list"><p>No comments yet.</p></div>';
  const queue = queueId === null ? null : seed.jsm.queues.find((q) => q.id === queueId);
  const view = `<div class="issue-view" data-testid="issue.views.issue-details.issue-layout.issue-layout">
<div data-testid="issue.views.issue-details.issue-layout.container-left" class="issue-main">
<nav aria-label="Breadcrumbs" data-testid="issue.views.issue-base.foundation.breadcrumbs.breadcrumb-nav"><ol><li><a href="${base(seed)}/queues/custom/${queue?.id ?? 1}" data-demo-nav>${esc(seed.jsm.project.name)}</a></li>${queue ? `<li><a href="${base(seed)}/queues/custom/${queue.id}" data-demo-nav>${esc(queue.name)}</a></li>` : ''}<li><a data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item" href="/browse/${issue.key}" data-demo-nav><span>${issue.key}</span></a></li></ol></nav>
<h1 data-testid="issue.views.issue-base.foundation.summary.heading">${esc(issue.summary)}</h1>
<div class="request-type" data-testid="issue.views.field.select.request-type">${esc(issue.requestType)}</div>
<h2 class="field-label">Description</h2><div data-testid="issue.views.field.rich-text.description" class="ak-renderer-document">${paragraphs(issue.description)}</div>
<h2 class="field-label">Activity</h2>${comment}
<div class="comment-editor"><div contenteditable="true" role="textbox" aria-multiline="true" aria-label="Reply to customer"></div></div>
</div>
<div data-testid="issue.views.issue-details.issue-layout.container-right" class="issue-context">
<div data-testid="issue.views.issue-base.foundation.status.status-field-wrapper"><button type="button" data-testid="issue-field-status.ui.status-view.status-button.status-button" aria-label="${esc(issue.status.name)} - Change status">${esc(issue.status.name)}</button></div>
<section class="details" aria-label="Details"><h2>Details</h2>
${userField('issue.views.field.user.assignee', 'Assignee', assignee)}
${userField('issue.views.field.user.reporter', 'Reporter', reporter)}
<div class="field"><h3 class="field-label">Request participants</h3><div data-testid="issue.views.field.user.request-participants">None</div></div>
<div class="field"><h3 class="field-label">Labels</h3><div data-testid="issue.views.field.labels">${labels}</div></div>
<div class="field"><h3 class="field-label">Created</h3><div data-testid="issue.views.field.date.created">${timeTag(issue.created, seed.now)}</div></div>
<div class="field"><h3 class="field-label">Updated</h3><div data-testid="issue.views.field.date.updated">${timeTag(issue.updated, seed.now)}</div></div>
</section>
</div>
</div>`;
  return queueId === null ? view : `<div class="page-with-sidebar">${sidebar(seed, queueId)}${view}</div>`;
}

const title = (what: string): string => `${what} - ${SITE} Jira`;
const NOT_FOUND: DemoPage = {
  status: 404,
  title: title('Page not found'),
  main: '<section class="not-found"><h1>We can\'t find that page</h1><a href="/jira/your-work" data-demo-nav>Go to Your work</a></section>',
};

/** The agent page for a Jira path: a queue, a request opened from a queue, or /browse/KEY. */
export function renderJsmPage(seed: Seed, pathname: string): DemoPage {
  const path = pathname.replace(/\/$/, '');
  const key = seed.jsm.project.key;
  const browse = /^\/browse\/([A-Z][A-Z0-9_]+-\d+)$/.exec(path)?.[1];
  const inQueue = new RegExp(
    `^/jira/servicedesk/projects/${key}/queues/custom/(\\d+)(?:/([A-Z][A-Z0-9_]+-\\d+))?$`,
  ).exec(path);
  const queueId = inQueue ? Number(inQueue[1]) : null;
  const issue = seed.jsm.issues.find((i) => i.key === (browse ?? inQueue?.[2]));
  if (issue)
    return {
      status: 200,
      title: title(`[${issue.key}] ${issue.summary}`),
      main: issueMain(seed, issue, browse ? null : queueId),
    };
  const queue = seed.jsm.queues.find((q) => q.id === queueId);
  if (queue && !inQueue?.[2])
    return { status: 200, title: title(`${queue.name} - ${seed.jsm.project.name}`), main: queueMain(seed, queue.id) };
  if (path === '/jira/your-work') {
    const mine = seed.jsm.issues.filter((i) => i.assignee === seed.jsm.users[0]?.accountId).sort(newestFirst);
    const items = mine.map((i) => `<li>${issueLink(seed, i, null)} ${lozenge(i)}</li>`).join('');
    return {
      status: 200,
      title: title('Your work'),
      main: `<section class="your-work"><h1>Your work</h1><ul>${items}</ul></section>`,
    };
  }
  return NOT_FOUND;
}

const CSS = `*{box-sizing:border-box}body{margin:0;font:14px/1.45 -apple-system,system-ui,sans-serif;color:#172b4d;background:#fff}
a{color:#0c66e4}.top-nav{display:flex;gap:12px;align-items:center;height:56px;padding:0 16px;border-bottom:1px solid #dcdfe4}
main{outline:none}.page-with-sidebar{display:flex}.project-sidebar{width:240px;padding:12px;background:#f7f8f9;min-height:calc(100vh - 56px)}
.queue,.issue-view,.your-work{flex:1;padding:16px}.issue-view{display:grid;grid-template-columns:1fr 340px;gap:24px}
nav ol{display:flex;gap:8px;list-style:none;padding:0}nav ol li+li::before{content:"/ "}h1[data-testid]{font-size:24px}
.avatar{display:inline-grid;place-items:center;width:24px;height:24px;border-radius:50%;background:#dfe1e6;font-size:11px;margin-right:6px}
.lozenge{border-radius:3px;padding:0 4px;font-size:11px;font-weight:700;text-transform:uppercase;background:#dfe1e6}.lozenge-done{background:#dcfff1}.lozenge-indeterminate{background:#e9f2ff}
.field{margin-bottom:12px}.field-label{font-size:12px;color:#44546f;margin:0 0 4px}.label{display:inline-block;background:#f1f2f4;border-radius:3px;padding:0 6px;margin:2px}
table{width:100%;border-collapse:collapse}td,th{border-bottom:1px solid #dcdfe4;padding:6px;text-align:left}`;

/** A full Jira page around `page.main`: the top navigation and the in-app navigation script. */
export function renderJsmDocument(seed: Seed, page: DemoPage): string {
  const me = seed.jsm.users[0];
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
<body>
<div id="jira-frontend">
<header class="top-nav" data-testid="atlassian-navigation--header" role="banner">
<button type="button" aria-label="Switch sites or apps">${ICON}</button><strong>Jira</strong>
<a href="/jira/your-work" data-demo-nav>Your work</a><a href="${base(seed)}/queues/custom/1" data-demo-nav>Projects</a>
<form role="search"><input type="search" placeholder="Search" aria-label="Search"></form>
<button type="button">+ Create</button>
<button type="button" aria-label="Notifications">${ICON}</button>
<button type="button" aria-label="${esc(me?.displayName ?? 'Your profile')}"><span class="avatar">${esc(initials(me?.displayName ?? '?'))}</span></button>
</header>
<main id="jira-main" data-demo-main tabindex="-1">${page.main}</main>
</div>
</body>
</html>
`;
}

/** Where a signed-out Jira session is sent first. */
export function renderJsmLogin(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Log in with Atlassian account</title><link rel="icon" href="data:,"></head>
<body><main style="max-width:360px;margin:80px auto;font-family:system-ui,sans-serif"><h1>Log in to continue</h1>
<form method="post" action="/login.jsp"><label>Email <input type="email" name="username" autocomplete="username" required></label><br><button type="submit">Continue</button></form></main></body>
</html>
`;
}

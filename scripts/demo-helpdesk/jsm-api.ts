// Jira Cloud's REST API v3 as the demo helpdesk answers it for Jira Service Management: an issue with the fields
// asked for, and `search/jql` with `nextPageToken` paging (the old `/search` answers 410 Gone, as Jira Cloud does).
import { intParam, json, offsetOf, pageToken, type Reply } from './replies';
import { type JsmIssue, type JsmStatus, type JsmUser, jsmIssuesReportedBy, type Seed } from './seed';

const MAX_RESULTS = 100;
const DEFAULT_FIELDS = ['summary', 'status', 'reporter', 'assignee', 'created', 'updated', 'labels', 'description'];

const errors = (status: number, ...messages: string[]): Reply => json(status, { errorMessages: messages, errors: {} });
export const jsmNotFound = (): Reply => errors(404, 'Issue does not exist or you do not have permission to see it.');

const CATEGORIES = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
} as const;

function apiUser(user: JsmUser | undefined, origin: string) {
  if (!user) return null;
  const avatar = `https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/default/48`;
  return {
    self: `${origin}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    // Hidden by the person's privacy settings: Jira leaves the field out.
    ...(user.emailAddress ? { emailAddress: user.emailAddress } : {}),
    avatarUrls: { '48x48': avatar, '24x24': avatar, '16x16': avatar, '32x32': avatar },
    displayName: user.displayName,
    active: true,
    timeZone: user.timeZone,
    accountType: user.accountType,
  };
}

const apiStatus = (status: JsmStatus, origin: string) => ({
  self: `${origin}/rest/api/3/status/${status.id}`,
  description: '',
  iconUrl: `${origin}/images/icons/statuses/generic.png`,
  name: status.name,
  id: status.id,
  statusCategory: {
    self: `${origin}/rest/api/3/statuscategory/${CATEGORIES[status.category].id}`,
    ...CATEGORIES[status.category],
  },
});

/** Plain text as Atlassian Document Format: paragraphs, with hard breaks for single newlines. */
function adf(text: string) {
  return {
    type: 'doc',
    version: 1,
    content: text.split(/\n{2,}/).map((paragraph) => ({
      type: 'paragraph',
      content: paragraph
        .split('\n')
        .flatMap((line, i) => [...(i > 0 ? [{ type: 'hardBreak' }] : []), { type: 'text', text: line }]),
    })),
  };
}

function apiIssue(seed: Seed, issue: JsmIssue, fields: readonly string[], origin: string) {
  const user = (id: string | null) =>
    apiUser(
      seed.jsm.users.find((u) => u.accountId === id),
      origin,
    );
  const all: Record<string, unknown> = {
    summary: issue.summary,
    status: apiStatus(issue.status, origin),
    reporter: user(issue.reporter),
    creator: user(issue.reporter),
    assignee: user(issue.assignee),
    created: issue.created,
    updated: issue.updated,
    labels: issue.labels,
    description: adf(issue.description),
    issuetype: { id: '10004', name: '[System] Service request', subtask: false },
    project: {
      id: seed.jsm.project.id,
      key: seed.jsm.project.key,
      name: seed.jsm.project.name,
      projectTypeKey: 'service_desk',
    },
    priority: { id: '3', name: 'Medium' },
    customfield_10010: {
      requestType: { id: '5', name: issue.requestType },
      currentStatus: { status: issue.status.name },
    },
  };
  const wanted = fields.includes('*all') || fields.includes('*navigable') ? Object.keys(all) : fields;
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${origin}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    fields: Object.fromEntries(wanted.filter((f) => f in all).map((f) => [f, all[f]])),
  };
}

const fieldsOf = (url: URL): string[] =>
  url.searchParams
    .get('fields')
    ?.split(',')
    .map((f) => f.trim()) ?? DEFAULT_FIELDS;

/** The JQL the demo understands: `reporter = "<accountId>"`, optionally `ORDER BY updated|created ASC|DESC`. */
const JQL = /^\s*reporter\s*=\s*"?([^"\s]+)"?\s*(?:ORDER BY\s+(updated|created)\s+(ASC|DESC))?\s*$/i;

function searchJql(seed: Seed, url: URL, origin: string): Reply {
  const params = url.searchParams;
  const query = JQL.exec(params.get('jql') ?? '');
  if (!query?.[1]) return errors(400, `Error in the JQL Query: the demo only answers reporter = "<accountId>".`);
  const maxResults = Math.min(intParam(params, 'maxResults', 50), MAX_RESULTS);
  if (Number.isNaN(maxResults)) return errors(400, "The value for 'maxResults' is invalid.");
  const token = params.get('nextPageToken');
  const offset = token === null ? 0 : offsetOf(token);
  if (offset === undefined) return errors(400, 'The provided next page token is invalid or expired.');
  const [, accountId, by = 'updated', direction = 'DESC'] = query;
  const key = by.toLowerCase() === 'created' ? 'created' : 'updated';
  const sorted = [...jsmIssuesReportedBy(seed, accountId)].sort(
    (a, b) => a[key].localeCompare(b[key]) * (direction.toUpperCase() === 'ASC' ? 1 : -1),
  );
  const page = sorted.slice(offset, offset + maxResults);
  const more = offset + maxResults < sorted.length;
  return json(200, {
    issues: page.map((issue) => apiIssue(seed, issue, fieldsOf(url), origin)),
    ...(more ? { nextPageToken: pageToken(offset + maxResults) } : {}),
    isLast: !more,
  });
}

/** An issue's comments: the assignee's reply the issue page shows, public to the customer. */
function commentsOf(seed: Seed, issue: JsmIssue, origin: string): Reply {
  const assignee = seed.jsm.users.find((u) => u.accountId === issue.assignee);
  const reporter = seed.jsm.users.find((u) => u.accountId === issue.reporter);
  const comments = assignee
    ? [
        {
          id: String(Number(issue.id) * 10 + 1),
          author: apiUser(assignee, origin),
          body: adf(
            `Hi ${reporter?.displayName.split(' ')[0] ?? 'there'}, thanks for the details. Looking into it now.`,
          ),
          created: issue.updated,
          updated: issue.updated,
          jsdPublic: true,
        },
      ]
    : [];
  return json(200, { startAt: 0, maxResults: MAX_RESULTS, total: comments.length, comments });
}

/** Jira's REST API under /rest/api/3/ for a signed-in agent. */
/** The demo's CSAT answers, by request summary: [rating 1 to 5, the customer's comment]. */
const FEEDBACK: Record<string, readonly [number, string]> = {
  'Cancel duplicated request': [4, 'Cancelled within minutes.'],
};

/** `GET /rest/servicedeskapi/request/{key}/feedback`: the request's CSAT, or 404 when nobody rated it. */
function feedbackOf(issue: JsmIssue | undefined): Reply {
  const feedback = issue && FEEDBACK[issue.summary];
  // The Service Management API's error body, not the platform's.
  if (!feedback) return json(404, { errorMessage: 'No feedback found for the request.' });
  const [rating, body] = feedback;
  return json(200, { type: 'csat', rating, comment: { body } });
}

export function jsmApi(seed: Seed, method: string, url: URL, origin: string): Reply {
  const path = url.pathname;
  if (method !== 'GET') return errors(405, 'Method not allowed.');
  const issue = /^\/rest\/api\/3\/issue\/([A-Z][A-Z0-9_]+-\d+|\d+)$/.exec(decodeURIComponent(path));
  if (issue) {
    const found = seed.jsm.issues.find((i) => i.key === issue[1] || i.id === issue[1]);
    return found ? json(200, apiIssue(seed, found, fieldsOf(url), origin)) : jsmNotFound();
  }
  const comments = /^\/rest\/api\/3\/issue\/([A-Z][A-Z0-9_]+-\d+)\/comment$/.exec(decodeURIComponent(path));
  const commented = comments && seed.jsm.issues.find((i) => i.key === comments[1]);
  if (commented) return commentsOf(seed, commented, origin);
  if (path === '/rest/api/3/search/jql') return searchJql(seed, url, origin);
  const rated = /^\/rest\/servicedeskapi\/request\/([A-Z][A-Z0-9_]+-\d+)\/feedback$/.exec(decodeURIComponent(path));
  if (rated) return feedbackOf(seed.jsm.issues.find((i) => i.key === rated[1]));
  if (path === '/rest/api/3/search') {
    return errors(410, 'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.');
  }
  const me = seed.jsm.users.find((u) => u.accountType === 'atlassian');
  if (path === '/rest/api/3/myself' && me) return json(200, apiUser(me, origin));
  return errors(404, 'Not found.');
}

import * as z from 'zod/mini';
import { i18n } from '#i18n';
import { type ConversationStatus, EXTERNAL_ID_MAX, type Result, type TicketRef } from '../../schemas';
import { compact } from '../dom';
import {
  bounded,
  byCustomerId,
  detailsOf,
  firstLine,
  malformed,
  pathOf,
  Rows,
  ratingOf,
  readMessages,
  readRows,
  withParam,
} from '../payload';
import type { HelpdeskAdapter, HistoryPage, TicketDetails } from '../types';
import { jsmPage, KEY, NAME, PREFIX, SERVICE_DESK_PREFIX } from './page';

// Jira Service Management's REST API v3 with the rep's session (docs/helpdesks.md §10).

const FIELDS = 'summary,status,reporter,assignee,created,updated,labels,description,project';
/** Only a service-desk project's issues are support tickets; a Jira Software issue is an engineer's work item. */
const SERVICE_DESK = 'service_desk';

/** Jira writes offsets without a colon (`2026-10-30T09:00:00.000+0000`), which not every `Date.parse` reads. */
const jiraTime = (value: string): number => Date.parse(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
const JiraTime = z.string().check(z.refine((value) => Number.isFinite(jiraTime(value)), 'not a date'));

// Atlassian documents `accountId` up to 128 characters; portal customers' `qm:{uuid}:{uuid}` ids are 76.
const JiraUser = z.object({
  accountId: z.string().check(z.minLength(1), z.maxLength(EXTERNAL_ID_MAX)),
  displayName: z.nullish(z.string()),
  // Hidden (absent or empty) when the person's privacy settings say so; then the account id keys the customer.
  emailAddress: z.nullish(z.string()),
});
type JiraUser = z.infer<typeof JiraUser>;

const JiraIssue = z.object({
  key: z.string().check(z.regex(new RegExp(`^${KEY}$`))),
  fields: z.object({
    summary: z.nullish(z.string()),
    status: z.object({
      name: z.string(),
      statusCategory: z.optional(z.object({ key: z.string() })),
    }),
    reporter: z.nullish(JiraUser),
    assignee: z.nullish(JiraUser),
    created: JiraTime,
    updated: JiraTime,
    labels: z.optional(z.array(z.string())),
    // Atlassian Document Format; read loosely for its first line of text.
    description: z.optional(z.unknown()),
    project: z.optional(z.object({ projectTypeKey: z.optional(z.string()) })),
  }),
});
type JiraIssue = z.infer<typeof JiraIssue>;

/** A comment: `jsdPublic: false` is internal; a portal customer's account type is `customer`. */
const JiraComment = z.object({
  id: z.string(),
  author: z.nullish(z.object({ displayName: z.nullish(z.string()), accountType: z.nullish(z.string()) })),
  body: z.unknown(),
  created: JiraTime,
  jsdPublic: z.optional(z.boolean()),
});
type JiraComment = z.infer<typeof JiraComment>;

const CommentPage = z.object({
  comments: Rows,
  startAt: z.number(),
  maxResults: z.number(),
  total: z.number(),
});

/** Comments read a page at a time. */
const COMMENTS_PER_PAGE = 100;

/** A request's CSAT feedback (`/rest/servicedeskapi/request/{key}/feedback`): 1 to 5 and the customer's words. */
const Feedback = z.object({
  rating: z.nullish(z.number()),
  comment: z.nullish(z.object({ body: z.nullish(z.string()) })),
});

const SearchPage = z.object({
  issues: Rows,
  nextPageToken: z.nullish(z.string()),
  isLast: z.optional(z.boolean()),
});

/**
 * Status categories (To Do / In Progress / Done) mean the same on every site; status names only hint. To Do is
 * 'open', not 'new': JSM's "Waiting for support" is To Do again after every customer reply.
 */
function placeStatus(name: string, category: string | undefined): ConversationStatus {
  if (category === 'done') return /closed|cancel/i.test(name) ? 'closed' : 'solved';
  if (/waiting for customer|pending/i.test(name)) return 'pending';
  if (/on hold|waiting for (approval|vendor|third party)/i.test(name)) return 'hold';
  // A category Jira may add later says nothing Kept can place: the status keeps its name.
  return category === undefined || category === 'new' || category === 'indeterminate' ? 'open' : 'other';
}

function statusOf(name: string, category: string | undefined) {
  const status = placeStatus(name, category);
  return status === 'other' ? { status, statusName: name.slice(0, 100) } : { status };
}

/** The text of an Atlassian Document Format node, paragraphs on their own lines; bounded in depth and size. */
function adfText(node: unknown, depth = 0): string {
  if (typeof node !== 'object' || node === null || depth > 20) return '';
  const { type, text, content } = node as { type?: unknown; text?: unknown; content?: unknown };
  if (type === 'text' && typeof text === 'string') return text;
  if (type === 'hardBreak') return '\n';
  if (!Array.isArray(content)) return '';
  const inner = content
    .slice(0, 200)
    .map((child) => adfText(child, depth + 1))
    .join('');
  return type === 'paragraph' || type === 'heading' ? `${inner}\n` : inner;
}

const person = (user: JiraUser | null | undefined) =>
  user ? compact({ name: user.displayName || undefined, email: user.emailAddress || undefined }) : undefined;

function toConversation(issue: JiraIssue, ref: TicketRef): TicketDetails['conversation'] {
  const { fields } = issue;
  return compact({
    source: `jsm:${ref.host}`,
    id: issue.key,
    subject: (fields.summary || issue.key).slice(0, 500),
    ...statusOf(fields.status.name, fields.status.statusCategory?.key),
    createdAt: jiraTime(fields.created),
    updatedAt: jiraTime(fields.updated),
    excerpt: firstLine(adfText(fields.description).slice(0, 5000)),
    url: `https://${ref.host}/browse/${issue.key}`,
    tags: (fields.labels ?? []).slice(0, 50).map((t) => t.slice(0, 100)),
    assigneeId: fields.assignee?.accountId,
    assignee: person(fields.assignee),
  });
}

/** Whether an issue is a service-desk request (an issue that does not say is taken as one, as JSM's own do). */
const isTicket = (issue: JiraIssue): boolean => (issue.fields.project?.projectTypeKey ?? SERVICE_DESK) === SERVICE_DESK;

function toMessage(comment: JiraComment) {
  const type = comment.author?.accountType;
  return {
    id: comment.id,
    author:
      type === 'customer' ? ('customer' as const) : type === 'atlassian' ? ('agent' as const) : ('other' as const),
    authorName: bounded(comment.author?.displayName, 200),
    internal: comment.jsdPublic === false,
    body: adfText(comment.body).trim().slice(0, 20_000),
    createdAt: jiraTime(comment.created),
  };
}

/** The whole adapter: the page part and the session API the background reads. */
export const jsm: HelpdeskAdapter = {
  ...jsmPage,
  session: {
    auth: 'session',
    ticket: {
      request: (ref) => `${PREFIX}issue/${encodeURIComponent(ref.ticketId)}?fields=${FIELDS}`,

      parse(json, ref): Result<TicketDetails> {
        const parsed = JiraIssue.safeParse(json);
        if (!parsed.success) return malformed(NAME, 'request', parsed.error);
        const issue = parsed.data;
        if (!isTicket(issue)) {
          const message = i18n.t('problem.notATicket', { key: issue.key });
          return { ok: false, error: { kind: 'not-a-ticket', message } };
        }
        const conversation = toConversation(issue, ref);
        const reporter = issue.fields.reporter;
        return {
          ok: true,
          value: detailsOf(compact({ ...person(reporter), externalId: reporter?.accountId }), conversation),
        };
      },
    },

    // The request's first message is its description (the ticket read shows it); comments are the rest, oldest first.
    thread: {
      request: (conversation) =>
        `${PREFIX}issue/${encodeURIComponent(conversation.id)}/comment?orderBy=created&startAt=0&maxResults=${COMMENTS_PER_PAGE}`,
      parsePage(json, _ref, request) {
        const parsed = CommentPage.safeParse(json);
        if (!parsed.success) return malformed(NAME, 'request comments', parsed.error);
        const { comments, startAt, total } = parsed.data;
        const end = startAt + comments.length;
        return {
          ok: true,
          value: {
            messages: readMessages(NAME, comments, JiraComment, toMessage),
            next: comments.length > 0 && end < total ? withParam(pathOf(request), 'startAt', String(end)) : null,
          },
        };
      },
    },

    // /rest/api/3/search answers 410 Gone now; search/jql pages with nextPageToken.
    history: {
      // The Service Management API keeps a request's feedback; a request nobody rated answers 404.
      rating: {
        request: (conversation) => `${SERVICE_DESK_PREFIX}request/${encodeURIComponent(conversation.id)}/feedback`,
        parse(json) {
          const parsed = Feedback.safeParse(json);
          if (!parsed.success) return malformed(NAME, 'request feedback', parsed.error);
          return { ok: true, value: ratingOf(parsed.data.rating, parsed.data.comment?.body) };
        },
      },

      request: byCustomerId((accountId, pageSize) => {
        const jql = `reporter = "${accountId.replace(/["\\]/g, '\\$&')}" ORDER BY updated DESC`;
        return `${PREFIX}search/jql?jql=${encodeURIComponent(jql)}&fields=${FIELDS}&maxResults=${pageSize}`;
      }),

      parsePage(json, ref, request): Result<HistoryPage> {
        const parsed = SearchPage.safeParse(json);
        if (!parsed.success) return malformed(NAME, 'request history page', parsed.error);
        const { issues, nextPageToken, isLast } = parsed.data;
        // The token names the next page of the same query, so the next path is this one with the token in it.
        const more = nextPageToken && isLast !== true && issues.length > 0;
        return {
          ok: true,
          value: {
            // A Jira Software issue of the same reporter is not a support ticket: left out, not counted as unreadable.
            ...readRows(NAME, issues, JiraIssue, (issue) => toConversation(issue, ref), isTicket),
            next: more ? withParam(pathOf(request), 'nextPageToken', nextPageToken) : null,
          },
        };
      },
    },
  },
};

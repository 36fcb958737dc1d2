import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/utils/db';
import { conversationsOf } from '@/utils/db/queries';
import { findTicket } from '@/utils/helpdesks';
import { jsm } from '@/utils/helpdesks/jsm/api';
import type { ApiRequest } from '@/utils/helpdesks/types';
import { fetchHistory } from '@/utils/history/fetch-history';
import { getJson, type Transport } from '@/utils/history/http';
import { refreshHistory, resolveCase } from '@/utils/history/sync';
import type { PageCase, TicketRef } from '@/utils/schemas';
import { type DemoHelpdesk, startDemoHelpdesk } from '../../scripts/demo-helpdesk/server';
import { hostTransport } from './demo-request';
import { apiOf, historyPath, loadFixture, prefixOf } from './fixtures';

const HOST = 'acme.atlassian.net';
const ref = (ticketId: string): TicketRef => ({ helpdesk: 'jsm', host: HOST, ticketId });
const api = jsm.session;
const ticketApi = api?.ticket;
if (!api || !ticketApi) throw new Error('the Jira Service Management adapter has an API');
const history = api.history;
if (!history) throw new Error('this adapter reads history');

describe('Jira Service Management URLs', () => {
  it.each([
    ['https://acme.atlassian.net/browse/SUP-8', 'SUP-8'],
    ['https://acme.atlassian.net/browse/SUP-8?focusedCommentId=10020', 'SUP-8'],
    ['https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/1/SUP-8', 'SUP-8'],
    ['https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/12/SUP-8/', 'SUP-8'],
    ['https://acme.atlassian.net/jira/servicedesk/projects/IT_2/queues/issue/IT_2-1042', 'IT_2-1042'],
  ])('finds the request in %s', (url, key) => {
    expect(jsm.parseUrl(new URL(url))).toEqual(ref(key));
    expect(findTicket(url)?.adapter.id).toBe('jsm');
  });

  it.each([
    'https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/1',
    'https://acme.atlassian.net/jira/your-work',
    'https://acme.atlassian.net/browse/SUP',
    'https://acme.atlassian.net/browse/sup-8',
    'https://acme.atlassian.net/wiki/spaces/SUP/pages/1',
    'https://acme.atlassian.net/servicedesk/customer/portal/1/SUP-8',
    'http://acme.atlassian.net/browse/SUP-8',
    'https://atlassian.net.evil.example/browse/SUP-8',
  ])('sees no request at %s', (url) => {
    expect(jsm.parseUrl(new URL(url))).toBeNull();
  });
});

describe('Jira Service Management pages', () => {
  it.each(['jsm-request.html', 'jsm-browse-hidden-email.html'])(
    'reads the summary, status and reporter of %s',
    (name) => {
      const fixture = loadFixture(name);
      const found = findTicket(fixture.url);
      expect(found?.ref).toEqual(ref(String(fixture.expect.activeTicketId)));
      // Jira shows the reporter's name only: who they are comes from the API.
      expect(jsm.readPage(fixture.doc, ref(String(fixture.expect.activeTicketId)))).toEqual({
        subject: fixture.expect.subject,
        status: fixture.expect.status,
        customer: { name: fixture.expect.requester?.name },
      });
    },
  );

  it('finds no request on a queue, though it lists several', () => {
    const fixture = loadFixture('jsm-queue.html');
    expect(findTicket(fixture.url)).toBeNull();
    expect(fixture.doc.querySelectorAll('tbody tr[data-issue-key]').length).toBeGreaterThan(3);
  });

  it('reads nothing while the page still shows the previous request', () => {
    const fixture = loadFixture('jsm-request.html');
    expect(jsm.readPage(fixture.doc, ref('SUP-1'))).toEqual({ customer: {} });
  });

  it('falls back to the older reporter hooks', () => {
    const doc = new DOMParser().parseFromString(
      '<h1 data-testid="issue.views.issue-base.foundation.summary.heading">Printer on fire</h1><div id="reporter-val"> Ada Lovelace </div>',
      'text/html',
    );
    expect(jsm.readPage(doc, ref('IT-1'))).toEqual({
      subject: 'Printer on fire',
      status: undefined,
      customer: { name: 'Ada Lovelace' },
    });
  });
});

describe('Jira Service Management API payloads', () => {
  const reporter = { accountId: 'qm:6a09e84a-6075-d597', displayName: 'Zoë Ångström', emailAddress: 'zoe@example.com' };
  const issue = {
    id: '10107',
    key: 'SUP-8',
    self: 'https://acme.atlassian.net/rest/api/3/issue/10107',
    fields: {
      summary: 'Request access to the analytics workspace',
      status: { name: 'Waiting for support', id: '10001', statusCategory: { id: 2, key: 'new', name: 'To Do' } },
      reporter,
      assignee: { accountId: '712020:aa', displayName: 'Jonas Weber', emailAddress: 'jonas.weber@acmehq.com' },
      created: '2026-10-30T09:00:00.000+0000',
      updated: '2026-10-31T10:00:00.000+0100',
      labels: ['access'],
      description: {
        type: 'doc',
        version: 1,
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Hi,' }] },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Please give ' },
              { type: 'text', text: 'finance', marks: [{ type: 'strong' }] },
              { type: 'text', text: ' read access.' },
              { type: 'hardBreak' },
              { type: 'text', text: 'Thanks' },
            ],
          },
        ],
      },
    },
  };

  it('completes the case from the issue, keyed by the reporter’s account id', () => {
    const result = ticketApi.parse(issue, ref('SUP-8'));
    expect(result.ok && result.value).toEqual({
      customer: { name: 'Zoë Ångström', email: 'zoe@example.com', externalId: 'qm:6a09e84a-6075-d597' },
      subject: 'Request access to the analytics workspace',
      status: 'open',
      tags: ['access'],
      conversation: {
        source: 'jsm:acme.atlassian.net',
        id: 'SUP-8',
        subject: 'Request access to the analytics workspace',
        status: 'open',
        createdAt: Date.parse('2026-10-30T09:00:00.000Z'),
        updatedAt: Date.parse('2026-10-31T09:00:00.000Z'),
        excerpt: 'Please give finance read access.',
        url: 'https://acme.atlassian.net/browse/SUP-8',
        tags: ['access'],
        assigneeId: '712020:aa',
        assignee: { name: 'Jonas Weber', email: 'jonas.weber@acmehq.com' },
      },
    });
  });

  it('keeps a reporter whose email is hidden by their account id alone', () => {
    const { emailAddress: _hidden, ...private_ } = reporter;
    const result = ticketApi.parse({ ...issue, fields: { ...issue.fields, reporter: private_ } }, ref('SUP-8'));
    expect(result.ok && result.value.customer).toEqual({ name: 'Zoë Ångström', externalId: reporter.accountId });
    const empty = ticketApi.parse(
      { ...issue, fields: { ...issue.fields, reporter: { ...reporter, emailAddress: '' } } },
      ref('SUP-8'),
    );
    expect(empty.ok && empty.value.customer.email).toBeUndefined();
  });

  it.each([
    ['Waiting for support', 'new', 'open'],
    ['In Progress', 'indeterminate', 'open'],
    ['Waiting for customer', 'indeterminate', 'pending'],
    ['Pending vendor', 'indeterminate', 'pending'],
    ['On hold', 'indeterminate', 'hold'],
    ['Resolved', 'done', 'solved'],
    ['Done', 'done', 'solved'],
    ['Closed', 'done', 'closed'],
    ['Canceled', 'done', 'closed'],
    ['Geschlossen', 'done', 'solved'],
    ['Something custom', undefined, 'open'],
  ] as const)('reads status "%s" (%s) as %s', (name, category, expected) => {
    const status = category ? { name, statusCategory: { key: category } } : { name };
    const result = ticketApi.parse({ ...issue, fields: { ...issue.fields, status } }, ref('SUP-8'));
    expect(result.ok && result.value.status).toBe(expected);
  });

  it('refuses an issue of the wrong shape with a clear message', () => {
    const expected = {
      ok: false,
      error: { kind: 'malformed', message: 'Jira SM sent a request Kept could not read.' },
    };
    expect(ticketApi.parse({ ...issue, key: undefined }, ref('SUP-8'))).toEqual(expected);
    expect(ticketApi.parse({ ...issue, fields: { ...issue.fields, created: 'yesterday' } }, ref('SUP-8'))).toEqual(
      expected,
    );
    expect(history.parsePage({ issues: 'oops' }, ref('SUP-8'), '')).toEqual({
      ok: false,
      error: { kind: 'malformed', message: 'Jira SM sent a request history page Kept could not read.' },
    });
  });

  it('searches the reporter’s requests with JQL, newest update first', () => {
    const path = historyPath(history, 'qm:6a09e84a-6075-d597', 100);
    expect(path.startsWith(prefixOf(jsm))).toBe(true);
    expect(path.startsWith('/rest/api/3/search/jql?')).toBe(true);
    const params = new URL(path, `https://${HOST}`).searchParams;
    expect(params.get('jql')).toBe('reporter = "qm:6a09e84a-6075-d597" ORDER BY updated DESC');
    expect(params.get('maxResults')).toBe('100');
    expect(params.get('fields')?.split(',')).toEqual(
      expect.arrayContaining(['summary', 'status', 'reporter', 'created', 'updated', 'labels']),
    );
    expect(new URL(historyPath(history, 'a"b\\c', 1), `https://${HOST}`).searchParams.get('jql')).toBe(
      'reporter = "a\\"b\\\\c" ORDER BY updated DESC',
    );
  });

  it('follows nextPageToken with the same query until the last page', () => {
    const path = historyPath(history, 'qm:1', 1);
    const first = history.parsePage(
      { issues: [issue], nextPageToken: 'eyJvIjoxfQ', isLast: false },
      ref('SUP-8'),
      path,
    );
    const next = first.ok ? first.value.next : null;
    const params = new URL(typeof next === 'string' ? next : '/', `https://${HOST}`).searchParams;
    expect(params.get('nextPageToken')).toBe('eyJvIjoxfQ');
    expect(params.get('jql')).toBe('reporter = "qm:1" ORDER BY updated DESC');
    const last = history.parsePage({ issues: [issue], isLast: true }, ref('SUP-8'), next ?? '');
    expect(last.ok && last.value.next).toBeNull();
    const empty = history.parsePage({ issues: [], nextPageToken: 'x' }, ref('SUP-8'), path);
    expect(empty.ok && empty.value.next).toBeNull();
  });
});

describe('Jira Service Management history from the demo helpdesk', () => {
  let helpdesk: DemoHelpdesk;
  let transport: Transport;
  beforeAll(async () => {
    helpdesk = await startDemoHelpdesk({ tls: false });
    transport = await hostTransport(helpdesk, HOST);
  });
  afterAll(() => helpdesk.close());
  beforeEach(async () => {
    helpdesk.requestLog.length = 0;
    await Promise.all(db.tables.map((t) => t.clear()));
  });
  afterEach(() => helpdesk.setApiFailure('none'));

  const issue = (key: string) => {
    const found = helpdesk.seed.jsm.issues.find((i) => i.key === key);
    if (!found) throw new Error(`no ${key}`);
    return found;
  };
  const pageFor = (key: string): PageCase => ({ ...ref(key), url: `https://${HOST}/browse/${key}`, customer: {} });

  it('pages through a reporter’s requests with nextPageToken, newest update first', async () => {
    const { reporter } = issue(helpdesk.seed.demo.jsm.issueKey);
    let path: ApiRequest | null = historyPath(history, reporter, 1);
    const keys: string[] = [];
    while (path) {
      const reply = await transport(path);
      const page = history.parsePage(JSON.parse(reply.body), ref('SUP-1'), path);
      if (!page.ok) throw new Error(page.error.message);
      keys.push(...page.value.conversations.map((c) => c.id));
      path = page.value.next;
    }
    const expected = helpdesk.seed.jsm.issues
      .filter((i) => i.reporter === reporter)
      .sort((a, b) => b.updated.localeCompare(a.updated))
      .map((i) => i.key);
    expect(keys).toEqual(expected);
    expect(helpdesk.requestLog).toHaveLength(expected.length);
    expect(helpdesk.requestLog.slice(1).every((r) => r.path.includes('nextPageToken='))).toBe(true);
  });

  it('keys a reporter whose email Jira hides by their account id, and loads their requests', async () => {
    const key = helpdesk.seed.demo.jsm.hiddenEmailIssueKey;
    const deps = { transport, now: Date.now, cap: 500 };
    const tabCase = await resolveCase(pageFor(key), deps);
    const { reporter } = issue(key);
    expect(tabCase.case?.customer).toEqual({ name: 'Mohammed Al-Farsi', externalId: reporter });
    expect(tabCase.customerKey).toBe(`jsm:${HOST}#${reporter}`);
    expect(tabCase.case?.status).toBe('pending');
    const refreshed = await refreshHistory(tabCase, deps);
    expect(refreshed).toEqual({ ok: true, value: 2 });
    const stored = await conversationsOf(`jsm:${HOST}#${reporter}`);
    expect(stored.map((c) => c.id).sort()).toEqual(
      helpdesk.seed.jsm.issues
        .filter((i) => i.reporter === reporter)
        .map((i) => i.key)
        .sort(),
    );
  });

  it('reads the feedback Service Management keeps apart for finished requests; a 404 is one nobody rated', async () => {
    const cancelled = helpdesk.seed.jsm.issues.find((i) => i.summary === 'Cancel duplicated request');
    if (!cancelled) throw new Error('no cancelled request');
    const deps = { transport, now: Date.now, cap: 500 };
    const tabCase = await resolveCase(pageFor(cancelled.key), deps);
    expect((await refreshHistory(tabCase, deps)).ok).toBe(true);
    const stored = await conversationsOf(tabCase.customerKey ?? '');
    expect(stored.find((c) => c.id === cancelled.key)).toMatchObject({
      status: 'closed',
      satisfaction: 'good',
      satisfactionComment: 'Cancelled within minutes.',
    });
    const asked = helpdesk.requestLog.filter((r) => r.path.startsWith('/rest/servicedeskapi/'));
    expect(asked.map((r) => r.path)).toEqual([`/rest/servicedeskapi/request/${cancelled.key}/feedback`]);
  });

  it('reads a request’s comments as its thread: the assignee’s reply, public', async () => {
    const assigned = helpdesk.seed.jsm.issues.find((i) => i.assignee !== null);
    const thread = apiOf(jsm).thread;
    if (!assigned || !thread) throw new Error('no assigned request, or no thread read');
    const conversation = { source: `jsm:${HOST}`, id: assigned.key, url: `https://${HOST}/browse/${assigned.key}` };
    const request = thread.request(conversation, ref(assigned.key));
    const json = await getJson(transport, request, jsm.name, Date.now);
    const page = json.ok ? thread.parsePage(json.value, ref(assigned.key), request) : json;
    expect(page).toMatchObject({
      ok: true,
      value: { messages: [{ author: 'agent', internal: false, body: expect.stringMatching(/^Hi /) }], next: null },
    });
  });

  it('answers the retired /rest/api/3/search with 410 Gone, as Jira Cloud does', async () => {
    const reply = await transport('/rest/api/3/search?jql=reporter%3Dx');
    expect(reply.status).toBe(410);
  });

  it.each([
    ['401', 'signed-out', 'Signed out of Jira SM'],
    ['html-login', 'signed-out', 'Signed out of Jira SM'],
    ['500', 'server', 'Jira SM had a problem (HTTP 500)'],
    ['malformed-json', 'malformed', 'Jira SM sent an answer Kept could not read.'],
    ['bad-shape', 'malformed', 'Jira SM sent a request history page Kept could not read.'],
  ] as const)('reports %s from the API as %s', async (mode, kind, message) => {
    helpdesk.setApiFailure(mode);
    const result = await fetchHistory(apiOf(jsm), jsm.name, transport, ref('SUP-1'), { externalId: 'qm:x' }, 500);
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ kind, message: expect.stringContaining(message) }),
    });
  });

  it('reads a request of the wrong shape as a clear problem, keeping what the page says', async () => {
    helpdesk.setApiFailure('bad-shape');
    const page = { ...pageFor(helpdesk.seed.demo.jsm.issueKey), customer: { name: 'Zoë Ångström' } };
    const tabCase = await resolveCase(page, { transport, now: Date.now, cap: 500 });
    expect(tabCase.lookup).toEqual({ problem: 'Jira SM sent a request Kept could not read.' });
    expect(tabCase.case).toMatchObject({ from: 'page', customer: { name: 'Zoë Ångström' } });
  });
});

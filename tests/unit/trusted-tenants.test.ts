import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { caseHandlers } from '@/entrypoints/background/cases';
import { helpdeskSeen } from '@/utils/connections/seen';
import { db } from '@/utils/db';
import { jsm } from '@/utils/helpdesks/jsm/api';
import { getJson } from '@/utils/history/http';
import { resolveCase } from '@/utils/history/sync';
import type { Sender } from '@/utils/messages';
import { tenantsFromText, tenantsToText } from '@/utils/options/tenants';
import type { PageCase } from '@/utils/schemas';
import { tabCases } from '@/utils/tab-case';
import { readAllowedTenants, tenantAllowed } from '@/utils/tenants';
import { startRecordingServer } from './recording-server';

// Which tenant a case belongs to is the browser's word (the sender tab's URL), never the page's; with an allowlist,
// only the organisation's own tenants are read.

const TAB = 7;
const senderAt = (url: string): Sender => ({ id: fakeBrowser.runtime.id, url, tab: { id: TAB }, frameId: 0 });
const zendeskCase = (url: string, host = 'acme.zendesk.com'): PageCase => ({
  helpdesk: 'zendesk',
  host,
  ticketId: '42',
  url,
  subject: 'Refund for order 1138',
  customer: { name: 'Zoë Ångström', email: 'zoe@example.org' },
});
const seen = (page: PageCase, sender: Sender) => caseHandlers()['case:seen']?.(page, sender);

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('a case report in the background', () => {
  it('takes the host from the sender tab’s URL, not from the message', async () => {
    const trial = 'https://free-trial-99.zendesk.com/agent/tickets/42';
    await seen(zendeskCase(trial, 'acme.zendesk.com'), senderAt(trial));
    expect((await tabCases.get(TAB))?.case?.host).toBe('free-trial-99.zendesk.com');
  });

  it('drops a report whose tab is not a ticket of the helpdesk it names', async () => {
    const freshdesk = 'https://acme.freshdesk.com/a/tickets/42';
    await seen({ ...zendeskCase(freshdesk), url: freshdesk }, senderAt(freshdesk));
    await seen(zendeskCase('https://acme.zendesk.com/agent/tickets/42'), senderAt(freshdesk));
    expect(await tabCases.get(TAB)).toBeNull();
    expect(await helpdeskSeen.get()).toEqual({});
  });

  it('with an allowlist in Options, records nothing from another tenant and still takes its own', async () => {
    await fakeBrowser.storage.local.set({ allowedTenants: { zendesk: ['acme.zendesk.com'] } });
    const outside = 'https://free-trial-99.zendesk.com/agent/tickets/42';
    await seen(zendeskCase(outside), senderAt(outside));
    expect(await tabCases.get(TAB)).toBeNull();
    expect(await helpdeskSeen.get()).toEqual({});
    expect(await db.customers.count()).toBe(0);

    const own = 'https://acme.zendesk.com/agent/tickets/42';
    await seen(zendeskCase(own), senderAt(own));
    expect((await tabCases.get(TAB))?.case?.host).toBe('acme.zendesk.com');
  });

  it('follows the organisation’s allowlist over the rep’s, helpdesk by helpdesk', async () => {
    await fakeBrowser.storage.local.set({ allowedTenants: { zendesk: ['free-trial-99.zendesk.com'] } });
    await fakeBrowser.storage.managed.set({ allowedTenants: { zendesk: ['ACME.zendesk.com'] } });
    const allowed = await readAllowedTenants();
    expect(tenantAllowed(allowed, 'zendesk', 'acme.zendesk.com')).toBe(true);
    expect(tenantAllowed(allowed, 'zendesk', 'free-trial-99.zendesk.com')).toBe(false);
    // A helpdesk the list does not name: every tenant.
    expect(tenantAllowed(allowed, 'jsm', 'anyone.atlassian.net')).toBe(true);
  });
});

describe('a Jira Software issue', () => {
  const HOST = 'acme.atlassian.net';
  const issue = (key: string, projectTypeKey: string) => ({
    key,
    fields: {
      summary: 'Crash on export',
      status: { name: 'In Progress', statusCategory: { key: 'indeterminate' } },
      reporter: {
        accountId: '5b10ac8d82e05b22cc7d4ef5',
        displayName: 'Priya Nair',
        emailAddress: 'priya@acme.example',
      },
      created: '2026-10-30T09:00:00.000+0000',
      updated: '2026-10-31T09:00:00.000+0000',
      project: { id: '10002', key: key.split('-')[0], name: 'Engineering', projectTypeKey },
    },
  });
  let server: Awaited<ReturnType<typeof startRecordingServer>>;
  beforeAll(async () => {
    server = await startRecordingServer((request) => {
      const json = request.url.includes('search/jql')
        ? { issues: [issue('ENG-41', 'software'), issue('SUP-3', 'service_desk')], isLast: true }
        : issue(
            request.url.includes('ENG-42') ? 'ENG-42' : 'SUP-8',
            request.url.includes('ENG') ? 'software' : 'service_desk',
          );
      return { status: 200, body: JSON.stringify(json), headers: { 'content-type': 'application/json' } };
    });
  });
  afterAll(() => server.close());
  const transport = async (request: string | { path: string }) => {
    const response = await fetch(new URL(typeof request === 'string' ? request : request.path, server.base));
    return { status: response.status, contentType: 'application/json', body: await response.text() };
  };
  const page = (key: string): PageCase => ({
    helpdesk: 'jsm',
    host: HOST,
    ticketId: key,
    url: `https://${HOST}/browse/${key}`,
    customer: { name: 'Priya Nair' },
  });

  it('is no case: nothing recorded, no history asked for', async () => {
    const tabCase = await resolveCase(page('ENG-42'), { transport, now: Date.now, cap: 500 });
    expect(tabCase.case).toBeNull();
    expect(tabCase.customerKey).toBeUndefined();
    expect(await db.customers.count()).toBe(0);
    expect(await db.conversations.count()).toBe(0);
  });

  it('is left out of a reporter’s history, which holds their service-desk requests only', async () => {
    const history = jsm.session?.history;
    const path = history?.request({ externalId: 'qm:1' }, page('SUP-8'), 50) ?? '';
    const json = await getJson(transport, path, 'Jira SM', Date.now, 'session');
    const parsed = json.ok ? history?.parsePage(json.value, page('SUP-8'), path) : undefined;
    expect(parsed?.ok && parsed.value.conversations.map((c) => c.id)).toEqual(['SUP-3']);
  });

  it('a service-desk request is still a case', async () => {
    const tabCase = await resolveCase(page('SUP-8'), { transport, now: Date.now, cap: 500 });
    expect(tabCase.case).toMatchObject({ from: 'api', customer: { email: 'priya@acme.example' } });
  });
});

describe('the allowed tenants an admin types in Options', () => {
  it('reads one helpdesk per line, its hosts lower-cased, and writes them back the same way', () => {
    const parsed = tenantsFromText('zendesk: Acme.zendesk.com, acme-eu.zendesk.com\n\nfreshdesk: acme.freshdesk.com');
    expect(parsed).toEqual({
      ok: true,
      tenants: { zendesk: ['acme.zendesk.com', 'acme-eu.zendesk.com'], freshdesk: ['acme.freshdesk.com'] },
    });
    if (parsed.ok) expect(tenantsFromText(tenantsToText(parsed.tenants))).toEqual(parsed);
  });

  it('names every line that is wrong, and what is wrong with it', () => {
    expect(tenantsFromText('zendsk: acme.zendesk.com\nfreshdesk:\nzendesk: acme_zendesk')).toEqual({
      ok: false,
      errors: [
        'Line 1: “zendsk” is not a helpdesk id.',
        'Line 2: list at least one host for Freshdesk.',
        'Line 3: “acme_zendesk” is not a host name (e.g. acme.zendesk.com).',
      ],
    });
  });
});

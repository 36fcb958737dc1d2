import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchForBackground } from '@/utils/content-script/page-fetch';
import { answerOrgIdRequests } from '@/utils/page-world/zohodesk-org';
import { apiAt } from './fixtures';
import { startRecordingServer } from './recording-server';

// The content script's fetch for the background: which fetch it uses (Firefox's `content.fetch`, else the global
// one), what it refuses, and the headers adapters add. Every request really goes over HTTP to a local server.

const ZENDESK_PAGE = 'https://acme.zendesk.com/agent/tickets/1';
const ZOHO_PAGE = 'https://desk.zoho.eu/agent/acmesupport/customer-care/tickets/details/80000000001234567';

type Server = Awaited<ReturnType<typeof startRecordingServer>>;
let server: Server;
const realFetch = globalThis.fetch;

interface Call {
  self: unknown;
  url: string;
  init: RequestInit | undefined;
}

/** A fetch that records how it was called, then sends the request for real to the local server. */
function recordingFetch(calls: Call[], base: () => string): typeof fetch {
  return async function (this: unknown, input, init) {
    const url = new URL(String(input));
    calls.push({ self: this, url: url.href, init });
    return realFetch(new URL(url.pathname + url.search, base()), init);
  };
}

beforeAll(async () => {
  server = await startRecordingServer(() => ({
    status: 200,
    body: '{"ticket":{"id":1}}',
    headers: { 'content-type': 'application/json' },
  }));
});
afterAll(() => server.close());
afterEach(() => {
  vi.unstubAllGlobals();
  server.seen.length = 0;
});

describe('the content script’s fetch for the background', () => {
  it('in Firefox fetches with content.fetch, called on the page’s window, not with its own fetch', async () => {
    const pageCalls: Call[] = [];
    const ownCalls: Call[] = [];
    const content = { fetch: recordingFetch(pageCalls, () => server.base) };
    vi.stubGlobal('content', content);
    vi.stubGlobal(
      'fetch',
      recordingFetch(ownCalls, () => server.base),
    );

    const reply = await fetchForBackground('/api/v2/tickets/1.json', { api: apiAt(ZENDESK_PAGE), href: ZENDESK_PAGE });

    expect(reply).toMatchObject({ status: 200, contentType: 'application/json', body: '{"ticket":{"id":1}}' });
    expect(pageCalls).toHaveLength(1);
    expect(pageCalls[0]?.self).toBe(content);
    expect(pageCalls[0]?.url).toBe('https://acme.zendesk.com/api/v2/tickets/1.json');
    expect(pageCalls[0]?.init?.credentials).toBe('include');
    expect(ownCalls).toEqual([]);
    expect(server.seen).toMatchObject([{ method: 'GET', url: '/api/v2/tickets/1.json' }]);
    expect(server.seen[0]?.headers.accept).toBe('application/json');
  });

  it('elsewhere fetches with the global fetch', async () => {
    const calls: Call[] = [];
    vi.stubGlobal(
      'fetch',
      recordingFetch(calls, () => server.base),
    );

    const reply = await fetchForBackground('/api/v2/users/7/tickets/requested.json?page[size]=100', {
      api: apiAt(ZENDESK_PAGE),
      href: ZENDESK_PAGE,
    });

    expect(reply.status).toBe(200);
    expect(calls.map((c) => c.url)).toEqual([
      'https://acme.zendesk.com/api/v2/users/7/tickets/requested.json?page[size]=100',
    ]);
    expect(server.seen.map((s) => s.url)).toEqual(['/api/v2/users/7/tickets/requested.json?page[size]=100']);
  });

  it.each([
    ['a page path', ZENDESK_PAGE, '/agent/tickets/2'],
    ['another API of the host', ZENDESK_PAGE, '/api/v1/tickets/1'],
    ['a path climbing out of the prefix', ZENDESK_PAGE, '/api/v2/../../agent/tickets/2'],
    ['an encoded climb', ZENDESK_PAGE, '/api/v2/%2e%2e/%2E%2E/agent/tickets/2'],
    ['a page of no helpdesk', 'https://example.com/api/v2/tickets/1', '/api/v2/tickets/1.json'],
    ['another helpdesk’s prefix', ZOHO_PAGE, '/api/v2/tickets/1.json'],
  ])('refuses %s without sending anything', async (_, href, path) => {
    const calls: Call[] = [];
    vi.stubGlobal(
      'fetch',
      recordingFetch(calls, () => server.base),
    );

    await expect(fetchForBackground(path, { api: apiAt(href), href })).rejects.toThrow(`Refused to fetch ${path}`);
    expect(calls).toEqual([]);
    expect(server.seen).toEqual([]);
  });

  it('sends the headers the helpdesk’s adapter reads from the page, and asks for JSON all the same', async () => {
    vi.stubGlobal(
      'fetch',
      recordingFetch([], () => server.base),
    );
    const page = window as Window & { desk_urls?: unknown };
    page.desk_urls = { orgId: '20078282365', csrf_token: 'never-sent' };
    const stop = answerOrgIdRequests(window);
    try {
      await fetchForBackground('/supportapi/zd/acmesupport/api/v1/tickets/80000000001234567', {
        api: apiAt(ZOHO_PAGE),
        href: ZOHO_PAGE,
      });
    } finally {
      stop();
      delete page.desk_urls;
    }

    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]?.headers.orgid).toBe('20078282365');
    expect(server.seen[0]?.headers.accept).toBe('application/json');
    expect(JSON.stringify(server.seen[0]?.headers)).not.toContain('never-sent');
  });

  it('answers a request nobody answered as status 0 with the reason', async () => {
    const closed = await startRecordingServer(() => ({ status: 200 }));
    await closed.close();
    vi.stubGlobal('content', { fetch: recordingFetch([], () => closed.base) });

    const reply = await fetchForBackground('/api/v2/tickets/1.json', { api: apiAt(ZENDESK_PAGE), href: ZENDESK_PAGE });

    expect(reply.status).toBe(0);
    expect(reply.body).not.toBe('');
  });
});

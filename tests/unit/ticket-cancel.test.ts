import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { caseHandlers } from '@/entrypoints/background/cases';
import { createCaseWatcher } from '@/utils/case-watcher';
import { helpdeskTokens } from '@/utils/connections/tokens';
import { LEFT_TICKET } from '@/utils/content-script/messaging';
import { fetchForBackground } from '@/utils/content-script/page-fetch';
import { helpdeskPages } from '@/utils/helpdesks/pages';
import { readHelpdeskCase } from '@/utils/helpdesks/read-case';
import type { Sender } from '@/utils/messages';
import type { PageCase } from '@/utils/schemas';
import { tabCases } from '@/utils/tab-case';
import { apiAt, showFixture } from './fixtures';

// Leaving a ticket cancels the requests made for it: the helpdesk (a real local HTTP server here) sees them closed.

const realFetch = globalThis.fetch;

/** A server that answers `held` requests never, and records when their client closes them; others get a 404. */
async function startHelpdesk(held: (url: string) => boolean) {
  const arrived: string[] = [];
  const closed: string[] = [];
  const server = http.createServer((req, res) => {
    const url = req.url ?? '';
    arrived.push(url);
    if (!held(url)) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    res.on('close', () => closed.push(url));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    arrived,
    closed,
    /** A fetch that sends any URL's path to this server, as the helpdesk's host would receive it. */
    fetch: ((input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      return realFetch(new URL(url.pathname + url.search, base), init);
    }) as typeof fetch,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  vi.unstubAllGlobals();
  await stop?.();
  stop = undefined;
});

describe('leaving a ticket in the helpdesk page', () => {
  it('aborts the page’s requests for it: the helpdesk sees them closed', async () => {
    const helpdesk = await startHelpdesk((url) => url.includes('3242'));
    stop = helpdesk.close;
    const watcher = createCaseWatcher(
      document,
      { seen: () => undefined, none: () => undefined },
      readHelpdeskCase(document, helpdeskPages),
    );
    const first = showFixture('zendesk-ticket.html');
    watcher.check(first.url);
    const lookup = fetchForBackground('/api/v2/tickets/3242.json', {
      api: apiAt(first.url),
      href: first.url,
      scope: { fetch: helpdesk.fetch },
      signal: watcher.signal(),
    });
    await vi.waitFor(() => expect(helpdesk.arrived).toEqual(['/api/v2/tickets/3242.json']));

    // In-app navigation to another ticket.
    const switched = showFixture('zendesk-ticket-switched.html');
    watcher.check(switched.url);

    await expect(lookup).rejects.toThrow(LEFT_TICKET);
    await vi.waitFor(() => expect(helpdesk.closed).toEqual(['/api/v2/tickets/3242.json']));
    watcher.stop();
  });

  it('refuses a request for a ticket the rep has already left, without sending it', async () => {
    const helpdesk = await startHelpdesk(() => true);
    stop = helpdesk.close;
    const watcher = createCaseWatcher(
      document,
      { seen: () => undefined, none: () => undefined },
      readHelpdeskCase(document, helpdeskPages),
    );
    const lookup = fetchForBackground('/api/v2/tickets/3242.json', {
      api: apiAt('https://acme.zendesk.com/agent/tickets/3242'),
      href: 'https://acme.zendesk.com/agent/tickets/3242',
      scope: { fetch: helpdesk.fetch },
      signal: watcher.signal(),
    });
    await expect(lookup).rejects.toThrow(LEFT_TICKET);
    expect(helpdesk.arrived).toEqual([]);
  });
});

describe('the background following a tab from ticket to ticket', () => {
  const tab: Sender = {
    id: fakeBrowser.runtime.id,
    url: 'https://acme-home.gorgias.com/app/ticket/101',
    tab: { id: 7 },
  };
  const ticket = (id: string): PageCase => ({
    helpdesk: 'gorgias',
    host: 'acme-home.gorgias.com',
    ticketId: id,
    url: `https://acme-home.gorgias.com/app/ticket/${id}`,
    customer: {},
  });

  /** Gorgias with an admin's key saved, answering requests for `held` never (a real local server). */
  async function gorgiasHolding(held: string) {
    await helpdeskTokens.save('gorgias', {
      account: 'acme-home',
      user: 'admin@acme-home.example',
      secret: 'gorgias-live-key-93b1c0ffee',
      savedAt: Date.now(),
    });
    const helpdesk = await startHelpdesk((url) => url.includes(held));
    stop = helpdesk.close;
    vi.stubGlobal('fetch', helpdesk.fetch);
    return helpdesk;
  }

  it('aborts the lookup of a ticket the rep left, which then never writes the tab’s case', async () => {
    const helpdesk = await gorgiasHolding('/101');
    const failed = vi.spyOn(console, 'error');
    const writes = vi.spyOn(tabCases, 'set');
    const seen = caseHandlers()['case:seen'];

    seen?.(ticket('101'), tab);
    await vi.waitFor(() => expect(helpdesk.arrived).toContain('/api/tickets/101'));
    seen?.(ticket('102'), tab);

    await vi.waitFor(() => expect(helpdesk.closed).toEqual(['/api/tickets/101']));
    // The ticket the rep left is never completed (at most its page reading showed while its helpdesk was slow); the
    // ticket in view is written once, with the helpdesk's answer (a 404 here), as it came quickly.
    await vi.waitFor(() =>
      expect(writes.mock.calls.some(([, written]) => written.case?.ticketId === '102')).toBe(true),
    );
    const written = writes.mock.calls.map(([, value]) => value);
    expect(written.filter((w) => w.case?.ticketId === '101').every((w) => w.case?.from === 'page')).toBe(true);
    const forInView = written.filter((w) => w.case?.ticketId === '102');
    expect(forInView).toHaveLength(1);
    expect(forInView[0]?.lookup?.problem).toBeDefined();
    expect((await tabCases.get(7))?.case?.ticketId).toBe('102');
    expect(failed).not.toHaveBeenCalled();
  });

  it('shows a new ticket from its page reading when its helpdesk is slow, then completes it', async () => {
    const helpdesk = await gorgiasHolding('/104');
    const writes = vi.spyOn(tabCases, 'set');
    const handlers = caseHandlers();

    const taken = handlers['case:seen']?.(ticket('104'), tab);
    // The helpdesk never answers: the page reading shows alone, and the rep leaving ends the lookup.
    await vi.waitFor(() => expect(writes).toHaveBeenCalledTimes(1));
    expect(writes.mock.calls[0]?.[1].case).toMatchObject({ ticketId: '104', from: 'page' });
    await handlers['case:none']?.({ url: tab.url ?? '' }, tab);
    await taken;
    await vi.waitFor(() => expect(helpdesk.closed).toEqual(['/api/tickets/104']));
    expect(writes.mock.calls.map(([, value]) => value.case?.ticketId ?? null)).toEqual(['104', null]);
  });
});

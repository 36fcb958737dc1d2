import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ZohoTicket } from '../../scripts/demo-helpdesk/seed';
import { type Kept, launchKept } from '../../scripts/kept-browser';
import { openTicket } from './pages';

// The harness maps desk.zoho.com to the demo helpdesk, which answers as Zoho Desk there: agent pages under a CSP that
// forbids inline scripts, `window.desk_urls` from a script file, and the `/supportapi/zd/{portal}/api/v1` API that
// wants the session cookie and the org id in an `orgId` header.
const ZOHO = 'https://desk.zoho.com';

/** Records Content-Security-Policy violations on the page from before its first script. */
async function watchViolations(helpdeskPage: Page): Promise<void> {
  await helpdeskPage.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`);
    });
  });
}

/** Content-Security-Policy violations on the page, watched from before its first script. */
const violationsOf = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? ['not watched']);

describe('Zoho Desk history with the rep’s session, in Chromium', () => {
  let kept: Kept;
  beforeAll(async () => {
    kept = await launchKept();
  });
  afterAll(async () => {
    await kept?.close();
  });
  beforeEach(() => {
    kept.helpdesk.setApiFailure('none');
    kept.helpdesk.requestLog.length = 0;
  });

  const zoho = () => kept.helpdesk.seed.zohodesk;
  const ticketOf = (id: string): ZohoTicket => {
    const ticket = zoho().tickets.find((t) => t.id === id);
    if (!ticket) throw new Error(`no Zoho ticket ${id}`);
    return ticket;
  };
  const pageOf = (t: ZohoTicket) => `${ZOHO}/agent/${zoho().portal}/${zoho().department.slug}/tickets/details/${t.id}`;
  const apiBase = () => `/supportapi/zd/${zoho().portal}/api/v1`;
  const zohoCalls = () => kept.helpdesk.requestLog.filter((r) => r.path.startsWith('/supportapi/'));

  const openZohoTicket = (url: string) => openTicket(kept, url, watchViolations);

  it('shows Zoë and her earlier Zoho tickets, every API call carrying the org id from desk_urls', async () => {
    const current = ticketOf(kept.helpdesk.seed.demo.zohodesk.zoeTicketId);
    const earlier = zoho().tickets.filter((t) => t.contactId === current.contactId && t.id !== current.id);
    expect(earlier.length).toBeGreaterThanOrEqual(5);
    const { helpdeskPage, panel, close } = await openZohoTicket(pageOf(current));

    await expect.poll(() => panel.rows.count(), { timeout: 15_000 }).toBe(earlier.length);
    const customer = await panel.customer.textContent();
    expect(customer).toContain('Zoë Ångström');
    expect(customer).toContain('zoe.angstrom@fabrikam.com');
    expect(customer).toContain('Fabrikam, Inc.');
    expect(customer).toContain(current.subject);
    // The number agents know the ticket by, not Zoho's 17-digit id from the URL.
    expect(customer).toContain(`#${current.ticketNumber}`);
    expect(customer).not.toContain(current.id);
    const rows = await panel.rows.allTextContents();
    for (const ticket of earlier) expect(rows.some((row) => row.includes(ticket.subject))).toBe(true);
    expect(await panel.sources()).toEqual(earlier.map(() => 'Zoho Desk'));

    // The content script asked with the org id the MAIN-world script read from the page's desk_urls.
    expect(zohoCalls().map((r) => r.path)).toEqual([
      `${apiBase()}/tickets/${current.id}?include=contacts`,
      `${apiBase()}/contacts/${current.contactId}/tickets?from=0&limit=100&sortBy=-createdTime`,
    ]);
    expect(zohoCalls().map((r) => r.orgId)).toEqual([zoho().orgId, zoho().orgId]);
    expect(await helpdeskPage.evaluate(() => (window as { desk_urls?: { orgId?: string } }).desk_urls?.orgId)).toBe(
      zoho().orgId,
    );
    // Nothing Kept put in the page needed an inline script: the page's CSP refused nothing.
    expect(await violationsOf(helpdeskPage)).toEqual([]);
    await close();
  });

  it('reads a history longer than one page of Zoho’s list, asking from where the last page ended', async () => {
    const current = ticketOf(kept.helpdesk.seed.demo.zohodesk.bulkTicketId);
    const all = zoho().tickets.filter((t) => t.contactId === current.contactId);
    expect(all.length).toBeGreaterThan(100);
    const oldest = all.reduce((a, b) => (a.createdTime < b.createdTime ? a : b));
    const { panel, close } = await openZohoTicket(pageOf(current));

    await expect
      .poll(() => panel.customer.textContent(), { timeout: 15_000 })
      .toContain(`${all.length - 1} conversations`);
    expect(await panel.customer.textContent()).toContain('Grace Hopkins');
    const lists = zohoCalls().filter((r) => r.path.includes('/contacts/'));
    expect(lists.map((r) => r.path)).toEqual([
      `${apiBase()}/contacts/${current.contactId}/tickets?from=0&limit=100&sortBy=-createdTime`,
      `${apiBase()}/contacts/${current.contactId}/tickets?from=99&limit=100&sortBy=-createdTime`,
    ]);
    expect(lists.every((r) => r.orgId === zoho().orgId)).toBe(true);
    // Her oldest ticket came on the second page.
    await panel.filter.fill(oldest.subject);
    await expect
      .poll(() => panel.rows.allTextContents(), { timeout: 5_000 })
      .toContainEqual(expect.stringContaining(oldest.subject));
    await close();
  });

  it('without desk_urls keeps the ticket from the page and says why there is no history; no inline script runs', async () => {
    const current = ticketOf(kept.helpdesk.seed.demo.zohodesk.zohoOnlyTicketId);
    expect(zoho().tickets.filter((t) => t.contactId === current.contactId).length).toBeGreaterThan(1);
    // This page sets desk_urls in an inline script, which Desk's CSP blocks.
    const { helpdeskPage, panel, close } = await openZohoTicket(`${pageOf(current)}?desk_urls=inline`);

    await expect
      .poll(() => panel.lookupProblem.textContent(), { timeout: 15_000 })
      .toBe('Zoho Desk refused the request (HTTP 400).');
    const customer = await panel.customer.textContent();
    expect(customer).toContain('Ingrid Solberg');
    expect(customer).toContain('Nordlys Energi AS');
    expect(customer).toContain(current.subject);
    const none = panel.page.getByText('No earlier conversations', { exact: true });
    await expect(none.waitFor({ timeout: 10_000 })).resolves.toBeUndefined();
    expect(await panel.rows.count()).toBe(0);
    // The history's own refusal, with a way to try again.
    await expect
      .poll(() => panel.banner.textContent(), { timeout: 10_000 })
      .toContain('refused the request (HTTP 400)');
    // Kept asked for the ticket, then for the history of the contact the page names, each without an org id.
    expect(zohoCalls()).toEqual([
      expect.objectContaining({ path: `${apiBase()}/tickets/${current.id}?include=contacts`, orgId: null }),
      expect.objectContaining({
        path: `${apiBase()}/contacts/${current.contactId}/tickets?from=0&limit=100&sortBy=-createdTime`,
        orgId: null,
      }),
    ]);
    expect(await helpdeskPage.evaluate(() => typeof (window as { desk_urls?: unknown }).desk_urls)).toBe('undefined');
    expect(await violationsOf(helpdeskPage)).toEqual(['script-src-elem inline']);
    await close();
  });
});

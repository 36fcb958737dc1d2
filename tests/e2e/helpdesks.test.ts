import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gorgiasApi } from '../../scripts/demo-helpdesk/gorgias-api';
import { type Kept, launchKept } from '../../scripts/kept-browser';
import { navigateInApp, OptionsPage, openTicket, type SidePanelPage } from './pages';

// The harness maps *.freshdesk.com and *.atlassian.net to the demo helpdesk, which answers as Freshdesk and as Jira
// Service Management by host.
const FRESHDESK = 'https://acme.freshdesk.com';
const JIRA = 'https://acme.atlassian.net';

const countOf = (list: string[], value: string) => list.filter((v) => v === value).length;

describe('customer context on Freshdesk and Jira Service Management, in Chromium', () => {
  let kept: Kept;
  beforeAll(async () => {
    kept = await launchKept();
  });
  afterAll(async () => {
    await kept?.close();
  });
  beforeEach(() => kept.helpdesk.setApiFailure('none'));

  const freshdeskTicketsOf = (ticketId: number) => {
    const { tickets } = kept.helpdesk.seed.freshdesk;
    const requester = tickets.find((t) => t.id === ticketId)?.requester_id;
    return tickets.filter((t) => t.requester_id === requester && t.id !== ticketId);
  };

  it('shows the customer and their earlier tickets from the Freshdesk API, older than 30 days too', async () => {
    const ticketId = kept.helpdesk.seed.demo.freshdesk.repeatContactTicketId;
    const earlier = freshdeskTicketsOf(ticketId);
    kept.helpdesk.requestLog.length = 0;
    const ticket = await openTicket(kept, `${FRESHDESK}/a/tickets/${ticketId}`);
    const { panel } = ticket;

    await expect.poll(() => panel.rows.count(), { timeout: 15_000 }).toBe(earlier.length);
    const customer = await panel.customer.textContent();
    expect(customer).toContain('Hannah Schmidt');
    expect(customer).toContain('Globex Logistics GmbH');
    const rows = await panel.rows.allTextContents();
    for (const ticket of earlier) expect(rows.some((row) => row.includes(ticket.subject))).toBe(true);
    // A 200-day-old ticket: only there because Kept passes updated_since.
    expect(rows.some((row) => row.includes('Customs paperwork for shipment to Hamburg'))).toBe(true);
    expect(await panel.sources()).toEqual(earlier.map(() => 'Freshdesk'));
    const history = kept.helpdesk.requestLog.find((r) => r.path.startsWith('/api/v2/tickets?'));
    expect(history?.path).toContain('updated_since=');
    await ticket.close();
  });

  it('follows in-app navigation from a Freshdesk ticket view to a ticket', async () => {
    const view = await openTicket(kept, `${FRESHDESK}/a/tickets/filters/all_tickets`);
    const { panel } = view;
    await expect(panel.noTicket.waitFor({ timeout: 10_000 })).resolves.toBeUndefined();
    const jose = kept.helpdesk.seed.freshdesk.tickets.find((t) => t.subject === 'Factura duplicada en marzo');
    await navigateInApp(view.helpdeskPage, `/a/tickets/${jose?.id}`);
    await expect.poll(() => panel.customer.textContent(), { timeout: 15_000 }).toContain('José Álvarez');
    await expect.poll(() => panel.rows.count(), { timeout: 15_000 }).toBe(1);
    await view.close();
  });

  it('shows a portal customer (a qm: account id, email hidden) and their earlier requests from the Jira API', async () => {
    const key = kept.helpdesk.seed.demo.jsm.hiddenEmailIssueKey;
    const { issues, users } = kept.helpdesk.seed.jsm;
    const reporter = issues.find((i) => i.key === key)?.reporter;
    // As Jira Cloud names portal customers: 76 characters, more than any other helpdesk's ids.
    expect(reporter).toMatch(/^qm:[0-9a-f-]{36}:[0-9a-f-]{36}$/);
    expect(users.find((u) => u.accountId === reporter)).toMatchObject({ accountType: 'customer', emailAddress: null });
    const earlier = issues.filter((i) => i.reporter === reporter && i.key !== key);
    const ticket = await openTicket(kept, `${JIRA}/jira/servicedesk/projects/SUP/queues/custom/1/${key}`);
    const { panel } = ticket;
    await expect.poll(() => panel.rows.count(), { timeout: 15_000 }).toBe(earlier.length);
    expect(await panel.customer.textContent()).toContain('Mohammed Al-Farsi');
    const rows = await panel.rows.allTextContents();
    for (const issue of earlier) expect(rows.some((row) => row.includes(issue.summary))).toBe(true);
    expect(await panel.sources()).toEqual(earlier.map(() => 'Jira SM'));
    await ticket.close();
  });

  it('lists Zoë’s conversations from every helpdesk she wrote to, each with its source', async () => {
    const { demo, tickets, users, freshdesk, jsm } = kept.helpdesk.seed;
    const zoe = users.find((u) => u.name === 'Zoë Ångström');
    const inZendesk = tickets.filter((t) => t.requester_id === zoe?.id).length;
    const inFreshdesk = freshdeskTicketsOf(demo.freshdesk.zoeTicketId).length + 1;
    const reporter = jsm.issues.find((i) => i.key === demo.jsm.issueKey)?.reporter;
    const inJira = jsm.issues.filter((i) => i.reporter === reporter).length;
    expect(freshdesk.contacts.some((c) => c.email === zoe?.email)).toBe(true);

    // Her Freshdesk ticket first: Kept learns her Freshdesk history.
    const { helpdeskPage, panel, close } = await openTicket(
      kept,
      `${FRESHDESK}/a/tickets/${demo.freshdesk.zoeTicketId}`,
    );
    await expect.poll(() => panel.rows.count(), { timeout: 15_000 }).toBe(inFreshdesk - 1);

    // Then her Zendesk ticket in the same tab: one customer, the conversations of both helpdesks.
    await helpdeskPage.goto(kept.ticketUrl(demo.zoeTicketId));
    await expect.poll(() => panel.rows.count(), { timeout: 15_000 }).toBe(inZendesk - 1 + inFreshdesk);
    expect(await panel.customer.textContent()).toContain('Zoë Ångström');
    const afterZendesk = await panel.sources();
    expect(countOf(afterZendesk, 'Zendesk')).toBe(inZendesk - 1);
    expect(countOf(afterZendesk, 'Freshdesk')).toBe(inFreshdesk);

    // And her Jira request: three helpdesks, one list.
    await helpdeskPage.goto(`${JIRA}/browse/${demo.jsm.issueKey}`);
    await expect.poll(() => panel.rows.count(), { timeout: 15_000 }).toBe(inZendesk + inFreshdesk + inJira - 1);
    const all = await panel.sources();
    expect([countOf(all, 'Zendesk'), countOf(all, 'Freshdesk'), countOf(all, 'Jira SM')]).toEqual([
      inZendesk,
      inFreshdesk,
      inJira - 1,
    ]);
    await close();
  });
});

// A browser of its own: the key saved here adds Zoë's Gorgias tickets to her history on every helpdesk, which the
// tests above count without them.
describe('a Gorgias customer’s history with an admin’s API key, in Chromium', () => {
  let kept: Kept;
  beforeAll(async () => {
    kept = await launchKept();
  });
  afterAll(async () => {
    await kept?.close();
  });

  it('loads a Gorgias customer’s earlier tickets once an admin saves an API key in Options', async () => {
    const gorgiasRows = async (panel: SidePanelPage) => countOf(await panel.sources(), 'Gorgias');
    const ticketUrl = 'https://acme-home.gorgias.com/app/ticket/180600007';
    // Before any key: the ticket is recognised and captured, but there is no history to load.
    const before = await openTicket(kept, ticketUrl);
    await expect.poll(() => before.panel.customer.textContent(), { timeout: 15_000 }).toContain('Zoë Ångström');
    expect(await gorgiasRows(before.panel)).toBe(0);
    await before.close();

    const options = await OptionsPage.open(kept);
    const form = options.tokenForm('Gorgias');
    const { account, user, secret } = gorgiasApi.credentials;
    const key = (apiKey: string) => ({
      'Gorgias subdomain': account ?? '',
      'Login email': user ?? '',
      'API key': apiKey,
    });
    // The connection is optional, so its form starts folded away.
    expect(await form.isVisible()).toBe(false);
    await options.page.getByText('Connect Gorgias with an API token (optional)').click();
    await options.saveToken('Gorgias', key('wrong-key-for-sure'));
    const refused = options.page.getByText(/^Gorgias refused the API token \(HTTP 401\)/).first();
    await expect(refused.waitFor({ timeout: 15_000 })).resolves.toBeUndefined();

    await options.page.getByRole('button', { name: 'Replace Gorgias token' }).click();
    await options.saveToken('Gorgias', key(secret));
    await expect(
      options.page.getByText('Gorgias accepted the token.').first().waitFor({ timeout: 15_000 }),
    ).resolves.toBeUndefined();
    const shown = await options.page
      .locator('.token-connection')
      .filter({ hasText: 'acme-home.gorgias.com' })
      .textContent();
    expect(shown).toContain(`••••${secret.slice(-4)}`);
    expect(shown).not.toContain(secret);
    await options.page.close();

    const ticket = await openTicket(kept, ticketUrl);
    const { panel } = ticket;
    await expect.poll(() => gorgiasRows(panel), { timeout: 15_000 }).toBe(6);
    const rows = await panel.rows.allTextContents();
    expect(rows.some((row) => row.includes('Order never arrived'))).toBe(true);
    expect(rows.some((row) => row.includes('Slipcover arrived in the wrong colour'))).toBe(false);
    const asked = kept.helpdesk.requestLog.filter((r) => r.path.startsWith('/api/tickets?customer_id=553020001'));
    expect(asked.length).toBeGreaterThan(0);
    await ticket.close();
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Kept, launchKept, type Servers, startServers } from '../../scripts/kept-browser';
import { DEFAULT_PLAYBOOK } from '../../utils/playbook/default';
import { fastForwardOutbox, inOptions, openTicket, PopupPage, toolbarBadge } from './pages';

/** The playbook owner's receiver: a generic webhook on a host Kept may reach without asking (mapped to the demo one). */
const FEEDBACK_WEBHOOK = 'https://hooks.slack.com/services/T0KEPT/B0KEPT/playbook-feedback';
const HAPPENED = 'The refund tool shows no ledger date until the next day, so I could not quote one.';

interface Body {
  schema: string;
  id: string;
  kind: string;
  blocker?: string;
  message: string;
  behaviour: { id: string; text: string };
  promise: { id: string; title: string };
  role?: { id: string; name: string };
  case?: { helpdesk: string; ticketId: string; url: string };
}

describe('"This got in my way" from the panel, delivered to the playbook owner’s webhook, in Chromium', () => {
  let servers: Servers;
  let kept: Kept;
  beforeAll(async () => {
    servers = await startServers();
    servers.receiver.respondLike('webhook');
    kept = await launchKept({ servers });
    await inOptions(kept, async (options) => {
      await options.chooseRole('Frontline support');
      await options.sendFeedbackToWebhook(FEEDBACK_WEBHOOK);
    });
  });
  afterAll(async () => {
    await kept?.close();
    await servers?.close();
  });
  beforeEach(() => {
    servers.receiver.received.length = 0;
    servers.receiver.delivered.clear();
  });

  /** The rep reports a blocker on a ticket; answers what reached the receiver (once accepted) and the ticket. */
  async function reportAndReceive(ticketId: number, failures: number) {
    const ticket = await openTicket(kept, kept.ticketUrl(ticketId));
    const shown = await ticket.panel.reportBlocker('A tool', HAPPENED);
    for (let attempt = 1; attempt <= failures; attempt++) {
      await expect.poll(() => servers.receiver.received.length, { timeout: 15_000 }).toBe(attempt);
      await fastForwardOutbox(ticket.panel.page);
    }
    await expect.poll(() => [...servers.receiver.delivered.values()], { timeout: 15_000 }).toEqual([1]);
    expect(servers.receiver.received).toHaveLength(failures + 1);
    const bodies = servers.receiver.received.map((r) => r.json as Body);
    // Every attempt is the same feedback, under the same Idempotency-Key.
    expect(new Set(servers.receiver.received.map((r) => r.headers['idempotency-key']))).toEqual(
      new Set([bodies[0]?.id]),
    );
    return { ticket, shown, body: bodies[failures] as Body, raw: servers.receiver.received[failures]?.body ?? '' };
  }

  it('reaches the receiver exactly once with the behaviour id and the case link, never the customer', async () => {
    const ticketId = servers.helpdesk.seed.demo.repeatContactTicketId;
    const { ticket, shown, body, raw } = await reportAndReceive(ticketId, 0);
    const behaviour = DEFAULT_PLAYBOOK.behaviours.find((b) => b.text === shown);
    expect(behaviour).toBeDefined();
    expect(body).toMatchObject({
      schema: 'kept.feedback/v1',
      kind: 'blocker',
      blocker: 'tool',
      message: HAPPENED,
      behaviour: { id: behaviour?.id, text: shown },
      promise: { id: behaviour?.promiseId },
      role: { id: 'frontline' },
      case: { helpdesk: 'zendesk', ticketId: String(ticketId), url: kept.ticketUrl(ticketId) },
    });
    const seed = servers.helpdesk.seed;
    const customer = seed.users.find((u) => u.id === seed.tickets.find((t) => t.id === ticketId)?.requester_id);
    expect(customer?.email).toBeTruthy();
    expect(raw).not.toContain(customer?.email);
    expect(raw).not.toContain(customer?.name);
    await ticket.close();
  });

  it('still arrives exactly once when the receiver fails the first 2 attempts, and Options shows it delivered', async () => {
    // 429, not 5xx: Chrome itself holds back an extension's requests to a URL after repeated 5xx answers.
    servers.receiver.failFirst(2, '429', { retryAfterSeconds: 1 });
    const ticketId = servers.helpdesk.seed.demo.badRatingTicketId;
    const { ticket, body } = await reportAndReceive(ticketId, 2);
    expect(body.case?.url).toBe(kept.ticketUrl(ticketId));
    await ticket.close();

    await inOptions(kept, async (options) => {
      const sent = options.page.getByRole('list', { name: 'Feedback you sent' });
      // Newest first: this ticket's, whatever the other tests sent before it.
      const newest = sent.getByRole('listitem').first();
      await expect.poll(() => newest.textContent(), { timeout: 10_000 }).toContain(`#${ticketId}`);
      await expect.poll(() => newest.textContent()).toContain('Sent');
    });
  });

  it('refused for good, it turns the toolbar badge red and the popup says so; Retry in Options sends it', async () => {
    servers.receiver.failFirst(1, 'no_service');
    const ticket = await openTicket(kept, kept.ticketUrl(servers.helpdesk.seed.demo.firstContactTicketId));
    await ticket.panel.reportBlocker('A tool', HAPPENED);
    await expect
      .poll(() => toolbarBadge(kept), { timeout: 15_000 })
      .toEqual({ text: '1', title: 'Kept: 1 piece of playbook feedback not delivered' });
    await ticket.close();

    const popup = await PopupPage.open(kept);
    const notice = popup.page.getByText('1 piece of playbook feedback was not delivered.');
    await notice.waitFor({ timeout: 10_000 });
    const way = notice.getByRole('link', { name: 'Retry it in Options' });
    expect(await way.getAttribute('href')).toBe(`chrome-extension://${kept.extensionId}/options.html#playbook`);
    await popup.page.close();

    await inOptions(kept, async (options) => {
      const retry = options.page
        .getByRole('list', { name: 'Feedback you sent' })
        .getByRole('button', { name: 'Retry' });
      await expect.poll(() => retry.count(), { timeout: 10_000 }).toBe(1);
      await retry.click();
      await expect.poll(() => [...servers.receiver.delivered.values()], { timeout: 15_000 }).toEqual([1]);
      await expect.poll(() => toolbarBadge(kept), { timeout: 10_000 }).toEqual({ text: '', title: 'Kept' });
    });
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Kept, launchKept } from '../../scripts/kept-browser';
import { inOptions, navigateInApp, openTicket } from './pages';

/** Tickets of one requester other than `ticketId`, as the fake helpdesk holds them. */
function earlierTicketsOf(kept: Kept, ticketId: number) {
  const { tickets } = kept.helpdesk.seed;
  const requester = tickets.find((t) => t.id === ticketId)?.requester_id;
  return tickets.filter((t) => t.requester_id === requester && t.id !== ticketId);
}

const nameOf = (kept: Kept, ticketId: number) => {
  const { tickets, users } = kept.helpdesk.seed;
  const requester = tickets.find((t) => t.id === ticketId)?.requester_id;
  return users.find((u) => u.id === requester)?.name ?? '';
};

describe('customer context on Zendesk, in Chromium', () => {
  let kept: Kept;
  beforeAll(async () => {
    kept = await launchKept();
  });
  afterAll(async () => {
    await kept?.close();
  });
  beforeEach(() => kept.helpdesk.setApiFailure('none'));

  it('shows the customer and their earlier conversations from the helpdesk API', async () => {
    const ticketId = kept.helpdesk.seed.demo.repeatContactTicketId;
    const ticket = await openTicket(kept, kept.ticketUrl(ticketId));
    const { panel } = ticket;

    const earlier = earlierTicketsOf(kept, ticketId);
    await expect.poll(() => panel.rows.count(), { timeout: 15_000 }).toBe(earlier.length);
    await expect.poll(() => panel.customer.textContent()).toContain(nameOf(kept, ticketId));
    expect(await panel.customer.textContent()).toContain(`${earlier.length} conversations`);
    expect(await panel.page.getByRole('list', { name: 'Case signals' }).textContent()).toContain('Repeat contact');
    // The current ticket is not an earlier conversation.
    const subjects = await panel.rows.allTextContents();
    const current = kept.helpdesk.seed.tickets.find((t) => t.id === ticketId);
    expect(subjects.some((s) => current && s.includes(current.subject))).toBe(false);
    await ticket.close();
  });

  it('follows in-app navigation to another ticket, within 300 ms once that customer is cached', async () => {
    const { zoeTicketId, firstContactTicketId } = kept.helpdesk.seed.demo;
    const { helpdeskPage, panel, close } = await openTicket(kept, kept.ticketUrl(zoeTicketId));
    await expect.poll(() => panel.customer.textContent(), { timeout: 15_000 }).toContain('Zoë Ångström');

    // First visit caches the other customer; then measure switching back and forth.
    await navigateInApp(helpdeskPage, `/agent/tickets/${firstContactTicketId}`);
    await expect
      .poll(() => panel.customer.textContent(), { timeout: 15_000 })
      .toContain(nameOf(kept, firstContactTicketId));
    // The rep looks at the helpdesk tab; the panel is beside it (background tabs have throttled timers).
    await helpdeskPage.bringToFront();
    const timings: number[] = [];
    for (const [id, name] of [
      [zoeTicketId, 'Zoë Ångström'],
      [firstContactTicketId, nameOf(kept, firstContactTicketId)],
      [zoeTicketId, 'Zoë Ångström'],
    ] as const) {
      const shown = await panel.whenCustomerShows(name);
      const clickedAt = Date.now();
      await navigateInApp(helpdeskPage, `/agent/tickets/${id}`);
      timings.push((await shown()) - clickedAt);
    }
    console.log(`ticket switch -> panel shows the customer: ${timings.join(' ms, ')} ms`);
    expect(Math.max(...timings)).toBeLessThan(300);

    await navigateInApp(helpdeskPage, '/agent/dashboard');
    await expect(panel.noTicket.waitFor({ timeout: 10_000 })).resolves.toBeUndefined();
    await close();
  });

  it('keeps the cached history and shows what failed when the helpdesk stops answering', async () => {
    const ticketId = kept.helpdesk.seed.demo.badRatingTicketId;
    const ticket = await openTicket(kept, kept.ticketUrl(ticketId));
    const { panel } = ticket;
    const earlier = earlierTicketsOf(kept, ticketId).length;
    await expect.poll(() => panel.rows.count(), { timeout: 15_000 }).toBe(earlier);

    kept.helpdesk.setApiFailure('down');
    await panel.refresh.click();
    await expect.poll(() => panel.banner.textContent(), { timeout: 15_000 }).toContain('Could not reach Zendesk');
    expect(await panel.rows.count()).toBe(earlier);

    kept.helpdesk.setApiFailure('401');
    await panel.page.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => panel.banner.textContent(), { timeout: 15_000 }).toContain('Signed out of Zendesk');
    expect(await panel.rows.count()).toBe(earlier);

    kept.helpdesk.setApiFailure('none');
    await panel.refresh.click();
    await expect.poll(() => panel.banner.count(), { timeout: 15_000 }).toBe(0);
    await ticket.close();
  });

  it('shows text from the helpdesk as text, never as markup', async () => {
    const ticketId = kept.helpdesk.seed.demo.xssTicketId;
    const ticket = await openTicket(kept, kept.ticketUrl(ticketId));
    const { panel } = ticket;
    await expect.poll(() => panel.customer.textContent(), { timeout: 15_000 }).toContain('Mallory');
    expect(await panel.customer.textContent()).toContain('<img');
    expect(await panel.page.locator('img').count()).toBe(0);
    expect(await panel.page.evaluate(() => (window as { __keptXss?: number }).__keptXss)).toBeUndefined();
    await ticket.close();
  });

  it('opens the side panel from the in-page Kept button, by keyboard', async () => {
    const helpdeskPage = await kept.context.newPage();
    await helpdeskPage.goto(kept.ticketUrl(kept.helpdesk.seed.demo.zoeTicketId));
    await helpdeskPage.locator('kept-launcher').waitFor({ state: 'attached' });
    await helpdeskPage.bringToFront();
    // Tab through the page as a keyboard user would until the Kept button has focus.
    let focused = '';
    for (let presses = 0; presses < 400 && focused !== 'KEPT-LAUNCHER'; presses++) {
      await helpdeskPage.keyboard.press('Tab');
      focused = await helpdeskPage.evaluate(() => document.activeElement?.tagName ?? '');
    }
    expect(focused).toBe('KEPT-LAUNCHER');
    await helpdeskPage.keyboard.press('Enter');
    await expect
      .poll(
        () =>
          kept.worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length),
        {
          timeout: 10_000,
        },
      )
      .toBe(1);
    await helpdeskPage.close();
  });

  it('renders and filters 2,000 earlier tickets as the rep types', async () => {
    await inOptions(kept, async (options) => {
      await options.saveHistoryCap(2000);
      await expect.poll(() => options.status.textContent()).toBe('Saved.');
    });

    const ticketId = kept.helpdesk.seed.demo.bulkCustomerTicketId;
    const ticket = await openTicket(kept, kept.ticketUrl(ticketId));
    const { panel } = ticket;
    await panel.page.bringToFront();
    await expect.poll(() => panel.customer.textContent(), { timeout: 30_000 }).toContain('1999 conversations');
    // Virtualised: a window of rows in the DOM, each knowing the full size.
    expect(await panel.rows.count()).toBeLessThan(60);
    expect(await panel.rows.first().getAttribute('aria-setsize')).toBe('1999');

    await panel.filter.focus();
    const timings: number[] = [];
    // Each key changes what matches: "x" narrows, "xq" matches nothing, then back out; twice over.
    for (const key of ['x', 'q', 'Backspace', 'Backspace', 'x', 'q', 'Backspace', 'Backspace']) {
      const before = await panel.page.evaluate(() => {
        const w = window as unknown as { __keptUpdatedAt?: number };
        w.__keptUpdatedAt = undefined;
        const observer = new MutationObserver(() => {
          w.__keptUpdatedAt ??= performance.now();
          observer.disconnect();
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        return performance.now();
      });
      await panel.page.keyboard.press(key);
      const after = await panel.page.waitForFunction(
        () => (window as unknown as { __keptUpdatedAt?: number }).__keptUpdatedAt,
        undefined,
        { timeout: 5000 },
      );
      timings.push(Math.round((await after.jsonValue()) as number) - Math.round(before));
    }
    const median = [...timings].sort((a, b) => a - b)[timings.length / 2] ?? Number.NaN;
    console.log(`keystroke -> updated list with 1,999 rows (ms): ${timings.join(', ')}; median ${median}`);
    // The target is 50 ms a key; the median keeps one slow key on a busy CI machine from deciding.
    expect(median).toBeLessThan(50);
    await ticket.close();
  });
});

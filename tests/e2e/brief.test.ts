import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openOnTicket } from '../../scripts/demo-open';
import { type Kept, launchKept } from '../../scripts/kept-browser';
import { OptionsPage, openTicket, type SidePanelPage, seriousViolations } from './pages';

/** The panel scrolls sideways: the test the issue names. */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('the case brief, in Chromium on the demo helpdesk', () => {
  let kept: Kept;
  let panel: SidePanelPage;

  beforeAll(async () => {
    kept = await launchKept();
    ({ panel } = await openTicket(kept, kept.ticketUrl(kept.helpdesk.seed.demo.repeatContactTicketId)));
  });
  afterAll(async () => {
    await kept?.close();
  });
  beforeEach(async () => {
    kept.helpdesk.setApiFailure('none');
    await panel.page.setViewportSize({ width: 400, height: 800 });
    await panel.page.emulateMedia({ colorScheme: 'light' });
  });

  const story = () => panel.page.getByRole('region', { name: 'The story so far' });
  // The rows themselves, not the messages of a thread open inside one.
  const rows = () => panel.earlierConversations.locator(':scope > li');

  it('tells the story so far: who handled the last contact and what we last told the customer', async () => {
    await expect.poll(() => story().textContent(), { timeout: 20_000 }).toContain('handled by Jonas Weber');
    await expect.poll(() => story().textContent(), { timeout: 15_000 }).toContain('refunded the duplicate charge');
    expect(await story().textContent()).toContain('Jonas was brilliant');
    expect(await story().textContent()).toContain('Europe/Berlin');

    await panel.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await story().getByRole('button', { name: 'Copy recap' }).click();
    await expect.poll(() => story().getByRole('status').textContent()).toBe('Recap copied');
    const recap = await panel.page.evaluate(() => navigator.clipboard.readText());
    expect(recap).toMatch(/^Hannah Schmidt: 4 earlier conversations/);
    expect(recap).toContain('handled by Jonas Weber');
  });

  it('expands an earlier conversation to its thread from the demo API, from the keyboard too', async () => {
    const first = rows().first();
    const toggle = first.getByRole('button', { name: 'Show messages' });
    await toggle.focus();
    await panel.page.keyboard.press('Enter');
    const thread = first.getByRole('region', { name: /^Messages of / });
    await expect.poll(() => thread.textContent(), { timeout: 15_000 }).toContain('Internal note');
    expect(await thread.textContent()).toContain('Jonas Weber');
    expect(await first.getByRole('button', { name: 'Hide messages' }).getAttribute('aria-expanded')).toBe('true');

    await panel.page.keyboard.press('ArrowDown');
    const second = rows().nth(1).getByRole('button', { name: 'Show messages' });
    expect(await second.evaluate((el) => el === document.activeElement)).toBe(true);

    await panel.page.keyboard.press('/');
    expect(await panel.filter.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('"Share this praise" opens the composer with the customer’s words and who handled it', async () => {
    await panel.page.getByRole('button', { name: 'Share this praise' }).first().click({ timeout: 15_000 });
    const form = panel.composer;
    await expect.poll(() => form.getByLabel('To', { exact: true }).inputValue()).toBe('Jonas Weber');
    expect(await form.getByLabel('Customer quote', { exact: true }).inputValue()).toContain('Jonas was brilliant');
    // It never sends by itself.
    expect(await form.locator('.kudos-status').textContent()).toBe('');
    await form.press('Escape');
  });

  it('never scrolls sideways at 320 and 400 px: case, thread open, composer open, error, empty', async () => {
    const page = panel.page;
    const seen: string[] = [];
    const check = async (state: string) => {
      for (const width of [320, 400, 600]) {
        await page.setViewportSize({ width, height: 800 });
        if (await scrollsSideways(page)) seen.push(`${state} at ${width}px`);
      }
    };
    await story().waitFor();
    await check('case');
    const toggle = rows()
      .first()
      .getByRole('button', { name: /messages$/ });
    if ((await toggle.textContent()) === 'Show messages') await toggle.click();
    await rows().first().getByRole('region').waitFor();
    await check('thread open');
    await panel.openComposer();
    await panel.composer.waitFor();
    await panel.composer.getByLabel('To', { exact: true }).fill('Jo');
    await check('composer open');
    await panel.composer.press('Escape');

    kept.helpdesk.setApiFailure('500');
    await panel.refresh.click();
    await panel.banner.first().waitFor({ timeout: 15_000 });
    await check('error');
    kept.helpdesk.setApiFailure('none');

    // A tab that never showed a ticket.
    const empty = await kept.context.newPage();
    await empty.goto(`chrome-extension://${kept.extensionId}/sidepanel.html?tabId=999999`);
    await empty.getByRole('heading', { name: 'No ticket open' }).waitFor();
    for (const width of [320, 400]) {
      await empty.setViewportSize({ width, height: 800 });
      if (await scrollsSideways(empty)) seen.push(`empty at ${width}px`);
    }
    await empty.close();
    expect(seen).toEqual([]);
  });

  it.each(['light', 'dark'] as const)(
    'has no serious or critical accessibility violation on the panel, popup, options and wall (%s)',
    async (colorScheme) => {
      const found: string[] = [];
      await panel.page.emulateMedia({ colorScheme });
      await story().waitFor();
      found.push(...(await seriousViolations(panel.page)).map((v) => `panel ${v}`));
      const options = await OptionsPage.open(kept);
      for (const [name, path] of [
        ['popup', 'popup.html'],
        ['options', 'options.html'],
        ['wall', 'kudos.html'],
      ]) {
        await options.page.emulateMedia({ colorScheme });
        await options.page.goto(`chrome-extension://${kept.extensionId}/${path}`);
        await options.page.locator('main, h1').first().waitFor();
        found.push(...(await seriousViolations(options.page)).map((v) => `${name} ${v}`));
      }
      await options.page.close();
      expect(found).toEqual([]);
    },
  );
});

describe('npm run demo, as a new user meets it', () => {
  it('opens on the demo ticket, in front, with the side panel open and the welcome behind', async () => {
    const kept = await launchKept();
    try {
      const ticketId = kept.helpdesk.seed.demo.repeatContactTicketId;
      await openOnTicket(kept, ticketId, true);
      const sidePanels = () =>
        kept.worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length);
      await expect.poll(sidePanels, { timeout: 10_000 }).toBe(1);
      const tabs = await kept.worker.evaluate(async () =>
        (await chrome.tabs.query({})).map((t) => ({ url: t.url ?? '', active: t.active })),
      );
      expect(tabs.find((t) => t.active)?.url).toBe(kept.ticketUrl(ticketId));
      expect(tabs.some((t) => t.url.includes('options.html?welcome=1'))).toBe(true);
      expect(tabs.map((t) => t.url)).not.toContain('about:blank');
    } finally {
      await kept.close();
    }
  });
});

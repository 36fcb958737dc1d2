// Kept in the rep's language, as a rep meets it: Chromium started in German shows the panel, popup, options and kudos
// wall in German with German dates, and passes the accessibility check there in light and dark; started in Japanese,
// nothing is cut off or sticks out at 320 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Kept, launchKept } from '../../scripts/kept-browser';
import { openTicket, type SidePanelPage, seriousViolations } from './pages';

/** Words of Kept's English interface; none may show on a page in another language (names and data aside). */
const ENGLISH = [
  'Customer',
  'Earlier conversations',
  'Send praise',
  'Behaviours for your role',
  'Loading',
  'Refresh',
  'Save ',
  'Delete',
  'Your ',
  'your ',
  ' the ',
  ' and ',
  ' to ',
  'Kudos delivery',
  'Helpdesks you use',
  'Options',
];

/** Text that comes from the helpdesk (the customer's and agents' words, subjects, names): data, not interface. */
const HELPDESK_TEXT =
  'h1, .conversation-link, .conversation-excerpt, .last-reply, .rating-comment, .story-open, .thread';

/** The visible texts of a page's interface (helpdesk text aside) that hold an English interface word. */
const englishLines = (page: Page) =>
  page.evaluate(
    ({ words, data }) => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        const parent = node.parentElement;
        if (!text || !parent || parent.closest(data) || !parent.checkVisibility()) continue;
        if (words.some((word) => ` ${text} `.includes(word))) found.push(text);
      }
      return found;
    },
    { words: ENGLISH, data: HELPDESK_TEXT },
  );

/**
 * Text that is cut off or sticks out at the page's width: an element whose text overflows its own box where that
 * box hides the rest (ellipsis, hidden), anything reaching past the right edge, and a page that scrolls sideways.
 */
const cutOrOverflowing = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    const name = (e: Element) => `${e.tagName.toLowerCase()}.${e.className} “${e.textContent?.trim().slice(0, 30)}”`;
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      if (!element.offsetParent && getComputedStyle(element).position !== 'fixed') continue;
      // Hidden on purpose: text for screen readers only, and a message's excerpt (a preview; the message opens below it).
      if (element.closest('[hidden], details:not([open]) > :not(summary), .visually-hidden, .conversation-excerpt')) {
        continue;
      }
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > width + 0.5) found.push(`past the edge: ${name(element)} (${Math.round(box.right)} px)`);
      const style = getComputedStyle(element);
      const hides = style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
      const hasText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (hides && hasText && element.scrollWidth > element.clientWidth + 1) found.push(`cut off: ${name(element)}`);
    }
    if (document.documentElement.scrollWidth > width) found.push(`page ${document.documentElement.scrollWidth}px`);
    return found;
  });

const pageUrl = (kept: Kept, path: string) => `chrome-extension://${kept.extensionId}/${path}`;

describe('Chromium started in German', () => {
  let kept: Kept;
  let panel: SidePanelPage;
  let helpdeskPage: Page;
  beforeAll(async () => {
    kept = await launchKept({ language: 'de' });
    ({ panel, helpdeskPage } = await openTicket(kept, kept.ticketUrl(kept.helpdesk.seed.demo.repeatContactTicketId)));
  });
  afterAll(async () => {
    await kept?.close();
  });

  it('shows the side panel in German, with German dates', async () => {
    const { page } = panel;
    await page.getByRole('region', { name: 'Kunde' }).waitFor({ timeout: 15_000 });
    const earlier = page.getByRole('list', { name: 'Frühere Konversationen' }).getByRole('listitem');
    await expect.poll(() => earlier.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Lob senden' }).count()).toBe(1);
    // Relative times and dates written by Intl in German: "vor 3 Tagen", "gestern", "05.12.2026, 14:05".
    const story = page.getByRole('region', { name: 'Bisheriger Verlauf' });
    await expect
      .poll(() => story.textContent(), { timeout: 15_000 })
      .toMatch(/vor \d+ (Minuten|Stunden|Tagen|Wochen)|gestern/);
    const titles = await page.locator('time[title]').evaluateAll((times) => times.map((t) => t.getAttribute('title')));
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).toMatch(/^\d\d\.\d\d\.\d{4}, \d\d:\d\d$/);
    expect(await englishLines(page)).toEqual([]);
  });

  it('names the in-page Kept button in German on the helpdesk page', async () => {
    await helpdeskPage.locator('kept-launcher').waitFor({ state: 'attached', timeout: 15_000 });
    // Its shadow root is closed: the page's accessibility tree is what a screen reader meets.
    const cdp = await kept.context.newCDPSession(helpdeskPage);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: Array<{ role?: { value?: string }; name?: { value?: string } }>;
    };
    await cdp.detach();
    const buttons = nodes.filter((node) => node.role?.value === 'button').map((node) => node.name?.value);
    expect(buttons).toContain('Kept-Bereich öffnen');
  });

  it('shows the popup, options and kudos wall in German', async () => {
    const page = await kept.context.newPage();
    try {
      await page.goto(pageUrl(kept, 'popup.html'));
      await page.getByRole('form', { name: 'Lob senden' }).waitFor();
      expect(await englishLines(page)).toEqual([]);

      await page.goto(pageUrl(kept, 'options.html'));
      await page.getByRole('heading', { level: 1, name: 'Kept-Optionen' }).waitFor();
      // The playbook's date as German writes it ("01.11.2026").
      const updated = page.locator('#playbook time[datetime]').first();
      await updated.waitFor();
      expect(await updated.textContent()).toMatch(/^\d\d\.\d\d\.\d{4}$/);
      await page.getByText('Wird geladen', { exact: false }).first().waitFor({ state: 'detached', timeout: 15_000 });
      expect(await englishLines(page)).toEqual([]);

      await page.goto(pageUrl(kept, 'kudos.html'));
      await page.getByRole('heading', { level: 1, name: 'Lob-Pinnwand' }).waitFor();
      expect(await englishLines(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each(['light', 'dark'] as const)(
    'has no serious or critical accessibility violation on the panel, popup, options and wall in German (%s)',
    async (colorScheme) => {
      const found: string[] = [];
      await panel.page.emulateMedia({ colorScheme });
      await panel.page.getByRole('region', { name: 'Bisheriger Verlauf' }).waitFor();
      found.push(...(await seriousViolations(panel.page)).map((v) => `panel ${v}`));
      const page = await kept.context.newPage();
      await page.emulateMedia({ colorScheme });
      for (const path of ['popup.html', 'options.html', 'kudos.html']) {
        await page.goto(pageUrl(kept, path));
        await page.locator('main h1').first().waitFor();
        found.push(...(await seriousViolations(page)).map((v) => `${path} ${v}`));
      }
      await page.close();
      expect(found).toEqual([]);
    },
  );
});

describe('Chromium started in Japanese, at 320 px wide', () => {
  let kept: Kept;
  let panel: SidePanelPage;
  beforeAll(async () => {
    kept = await launchKept({ language: 'ja' });
    ({ panel } = await openTicket(kept, kept.ticketUrl(kept.helpdesk.seed.demo.repeatContactTicketId)));
  });
  afterAll(async () => {
    await kept?.close();
  });

  it('cuts off no text and lets nothing stick out in the side panel', async () => {
    const { page } = panel;
    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByRole('region', { name: 'お客様' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '称賛を送る' }).click();
    await page.getByRole('form', { name: '称賛を送る' }).waitFor();
    expect(await cutOrOverflowing(page)).toEqual([]);
  });

  // The popup sets its own width (a toolbar popup is as wide as its page asks), so it is checked at that width.
  it.each([
    ['popup.html', 380],
    ['options.html', 320],
    ['kudos.html', 320],
  ])('cuts off no text and lets nothing stick out in %s at %i px', async (path, width) => {
    const page = await kept.context.newPage();
    try {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(pageUrl(kept, path));
      await page.locator('main h1').first().waitFor();
      expect(await cutOrOverflowing(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

// What a new rep meets first, in a fresh Chromium started in German: Options offers the roles at once (Chrome takes
// seconds to answer the policy read on a fresh profile) and opens on the section a link names, and the popup's kudos
// form and last kudos fit 360–400 px, with their delivery state and dates written in German.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Kept, launchKept, SLACK_WEBHOOK } from '../../scripts/kept-browser';
import { DEFAULT_PLAYBOOK } from '../../utils/playbook/default';
import { DELIVERY_WORDS, inOptions, PopupPage } from './pages';

/** Milliseconds from the page's navigation to the role list offering the playbook's roles, watched in the page. */
async function rolesOfferedAfter(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    (count) => {
      const select = [...document.querySelectorAll('label')].find((l) => l.textContent?.startsWith('Ihre Rolle'))
        ?.control as HTMLSelectElement | null | undefined;
      const roles = select && !select.disabled ? [...select.options].filter((o) => o.value !== '') : [];
      return roles.length === count ? performance.now() : 0;
    },
    DEFAULT_PLAYBOOK.roles.length,
    { polling: 'raf', timeout: 10_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** Milliseconds from navigation to the page's first content (Options' heading), from the browser's paint timing. */
const firstContentfulPaint = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0);

/** Whether anything in the popup reaches past its right edge, or the page scrolls sideways. */
const overflowAt = (page: Page, width: number) =>
  page.evaluate((px) => {
    const popup = document.querySelector<HTMLElement>('main.popup');
    if (!popup) return ['no popup'];
    popup.style.width = `${px}px`;
    const edge = popup.getBoundingClientRect().right;
    const sticking = [...popup.querySelectorAll<HTMLElement>('input, select, textarea, button, a, p, li')]
      .filter((element) => element.getBoundingClientRect().right > edge + 0.5)
      .map((element) => `${element.tagName.toLowerCase()} “${element.textContent?.slice(0, 30) ?? ''}”`);
    if (document.documentElement.scrollWidth > px) sticking.push(`page ${document.documentElement.scrollWidth}px`);
    return sticking;
  }, width);

describe('a fresh browser in German', () => {
  let kept: Kept;
  beforeAll(async () => {
    kept = await launchKept({ language: 'de' });
  });
  afterAll(async () => {
    await kept?.close();
  });

  it('offers the roles in Options at once, before the browser has answered the policy read', async () => {
    const page = await kept.context.newPage();
    await page.goto(`chrome-extension://${kept.extensionId}/options.html`);
    // On a fresh profile every storage.managed read waits until Chrome has loaded the policy: one started now answers
    // when the page's own does.
    const policyAnswered = page.evaluate(() =>
      chrome.storage.managed.get(null).then(
        () => performance.now(),
        () => performance.now(),
      ),
    );
    const offeredAt = await rolesOfferedAfter(page);
    const shownAt = await firstContentfulPaint(page);
    const policyAt = await policyAnswered;
    console.log(
      `roles offered ${Math.round(offeredAt)} ms after navigation, ${Math.round(offeredAt - shownAt)} ms after the first paint; the policy answered after ${Math.round(policyAt)} ms`,
    );
    expect(offeredAt).toBeLessThan(policyAt);
    await page.close();
  });

  it('opens options.html#helpdesks on the Helpdesks section, its heading focused and in view, on wide and narrow screens', async () => {
    for (const width of [1280, 480]) {
      const page = await kept.context.newPage();
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`chrome-extension://${kept.extensionId}/options.html#helpdesks`);
      const heading = page.getByRole('heading', { name: 'Helpdesks', exact: true, level: 2 });
      await expect.poll(() => heading.evaluate((h) => h === document.activeElement), { timeout: 10_000 }).toBe(true);
      // In view, and below the navigation bar that stays at the top of narrow screens.
      const navBottom = await page
        .getByRole('navigation', { name: 'Bereiche' })
        .evaluate((nav) => (getComputedStyle(nav).position === 'sticky' ? nav.getBoundingClientRect().bottom : 0));
      await expect
        .poll(() => heading.evaluate((h) => h.getBoundingClientRect().top), { timeout: 10_000 })
        .toBeGreaterThanOrEqual(width < 720 ? navBottom : 0);
      const { top, bottom } = await heading.evaluate((h) => h.getBoundingClientRect().toJSON());
      expect(bottom, `at ${width} px`).toBeLessThanOrEqual(800);
      expect(top, `at ${width} px`).toBeGreaterThanOrEqual(0);
      expect(await page.getByRole('link', { name: 'Helpdesks', exact: true }).getAttribute('aria-current')).toBe(
        'location',
      );
      await page.close();
    }
  });

  it('shows the popup in German: its form, its last kudos with their delivery state and German dates, and fits 360–400 px', async () => {
    await inOptions(kept, (options) => options.deliverToSlack(SLACK_WEBHOOK, DELIVERY_WORDS.de));
    const popup = await PopupPage.open(kept);
    const form = popup.page.getByRole('form', { name: 'Lob senden' });
    for (const to of ['Sam Rivera', 'Billing', 'Jonas Weber', 'Priya Nair', 'Alex Morgan', 'Dana Okoro']) {
      await form.getByLabel('An', { exact: true }).fill(to);
      await form.getByLabel('Nachricht', { exact: true }).fill(`${to} stayed with the customer until it worked.`);
      await form.getByRole('button', { name: 'Senden', exact: true }).click();
      await form.getByText(/^Lob gespeichert/).waitFor({ timeout: 10_000 });
    }
    const recent = popup.page.getByRole('list', { name: 'Neuestes Lob' }).getByRole('listitem');
    // The last few, newest first: the first of six is on the wall only.
    await expect.poll(() => recent.count()).toBe(5);
    await expect.poll(() => recent.first().textContent(), { timeout: 20_000 }).toContain('Dana Okoro');
    // Each with its delivery state: Slack took every one.
    await expect.poll(() => recent.locator('.kudos-state--sent').count(), { timeout: 20_000 }).toBe(5);
    const when = recent.first().locator('time');
    expect(await when.textContent()).toMatch(/^(jetzt|vor \d+ (Sekunden?|Minuten?))$/);
    expect(await when.getAttribute('title')).toMatch(/^\d\d\.\d\d\.\d{4}, \d\d:\d\d$/);

    const wall = popup.page.getByRole('link', { name: 'Lob-Pinnwand' });
    expect(await wall.getAttribute('href')).toBe(`chrome-extension://${kept.extensionId}/kudos.html`);

    for (const width of [360, 380, 400]) {
      await popup.page.setViewportSize({ width, height: 700 });
      expect(await overflowAt(popup.page, width), `at ${width} px`).toEqual([]);
    }
    await popup.page.close();
  });
});

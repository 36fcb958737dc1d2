// An earlier conversation's row expanded → its cached thread shown. The first expansion reads the thread from the
// helpdesk and caches it; every later one is timed, from the click to the messages in the page.

import type { Kept } from '../../scripts/kept-browser';
import { within } from './browsers';
import { type Figure, median, percentile, round } from './report';

export async function threadExpand(kept: Kept, ticketId: number, rounds: number): Promise<Figure[]> {
  const helpdesk = await kept.context.newPage();
  await helpdesk.goto(kept.ticketUrl(ticketId));
  const panel = await kept.context.newPage();
  await panel.goto(`chrome-extension://${kept.extensionId}/sidepanel.html?tabId=${await kept.tabIdOf(helpdesk)}`);
  const row = panel.getByRole('list', { name: 'Earlier conversations' }).locator(':scope > li').first();
  try {
    await row.getByRole('button', { name: 'Show messages' }).click({ timeout: 30_000 });
    await row.locator('.message').first().waitFor({ timeout: 30_000 });
    await row.getByRole('button', { name: 'Hide messages' }).click();
    const timings: number[] = [];
    await within(120_000, `${rounds} thread expansions`, async () => {
      for (let i = 0; i < rounds; i++) {
        const took = await panel.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const item = document.querySelector('ul[aria-label="Earlier conversations"] > li');
              const toggle = item?.querySelector<HTMLButtonElement>('button[aria-expanded]');
              if (!item || !toggle) throw new Error('no row to expand');
              let clickedAt = 0;
              const observer = new MutationObserver(() => {
                if (item.querySelector('.message')) {
                  observer.disconnect();
                  resolve(Date.now() - clickedAt);
                }
              });
              observer.observe(item, { childList: true, subtree: true });
              clickedAt = Date.now();
              toggle.click();
            }),
        );
        timings.push(took);
        await row.getByRole('button', { name: 'Hide messages' }).click();
      }
    });
    const note = `${rounds} expansions of the repeat-contact customer's last conversation, thread cached; click → messages shown`;
    return [
      {
        id: 'threadExpand.p50Ms',
        section: 'thread expand',
        label: 'expand → cached thread shown, p50',
        value: round(median(timings)),
        unit: 'ms',
        note,
      },
      {
        id: 'threadExpand.p95Ms',
        section: 'thread expand',
        label: 'expand → cached thread shown, p95',
        value: round(percentile(timings, 95)),
        unit: 'ms',
        note,
      },
    ];
  } finally {
    await panel.close();
    await helpdesk.close();
  }
}

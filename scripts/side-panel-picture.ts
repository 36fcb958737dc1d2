// Pictures of a demo ticket with Kept's side panel beside it, as a rep sees them: for the README and the store
// listings. The panel is opened as a page pinned to the ticket's tab (`sidepanel.html?tabId=N`), so headless
// Chromium, which has no side panel, shows exactly what the side panel would.
import type { BrowserContext, Page } from 'playwright-core';
import type { Kept } from './kept-browser';

export interface Size {
  width: number;
  height: number;
}

/**
 * The side panel for the ticket's tab, once it shows the story so far with what we last told the customer, the
 * earlier conversations and the behaviours. Waits on the page's structure, not its words, so any language works.
 */
export async function panelBeside(kept: Kept, ticket: Page, size: Size): Promise<Page> {
  const panel = await kept.context.newPage();
  await panel.setViewportSize(size);
  await panel.goto(`chrome-extension://${kept.extensionId}/sidepanel.html?tabId=${await kept.tabIdOf(ticket)}`);
  await panel.locator('.story .last-reply').waitFor({ timeout: 20_000 });
  await panel.locator('.conversations li').first().waitFor({ timeout: 20_000 });
  await panel.locator('.behaviours').getByRole('checkbox').or(panel.locator('.behaviours button')).first().waitFor();
  return panel;
}

const asDataUrl = async (page: Page) => `data:image/png;base64,${(await page.screenshot()).toString('base64')}`;

/** One picture of `left` and `right` side by side with a hairline between, saved as `file` (PNG or JPEG by name). */
export async function pictureBeside(context: BrowserContext, left: Page, right: Page, file: string): Promise<void> {
  const [leftImage, rightImage] = [await asDataUrl(left), await asDataUrl(right)];
  const [leftSize, rightSize] = [left.viewportSize(), right.viewportSize()];
  if (!leftSize || !rightSize) throw new Error('Both pages need a fixed viewport');
  const frame = await context.newPage();
  await frame.setViewportSize({ width: leftSize.width + 1 + rightSize.width, height: leftSize.height });
  await frame.setContent(
    `<body style="margin:0;display:flex;gap:1px;background:#9aa5a1"><img src="${leftImage}"><img src="${rightImage}"></body>`,
  );
  await frame.screenshot({ path: file, ...(file.endsWith('.jpg') ? { type: 'jpeg', quality: 92 } : {}) });
  await frame.close();
}

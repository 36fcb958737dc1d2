// How `npm run demo` opens: on the demo ticket, in front, with Kept's side panel open beside it, and the Options
// welcome (opened by Kept on install) in the tab behind.
import type { BrowserContext, Page } from 'playwright-core';
import type { Kept } from './kept-browser';

/** The Options welcome Kept opens on install, once it is there (so the ticket opened after it is in front). */
async function welcomeShown(context: BrowserContext): Promise<void> {
  const isWelcome = (page: Page) => page.url().includes('options.html');
  if (context.pages().some(isWelcome)) return;
  await context.waitForEvent('page', { predicate: isWelcome, timeout: 10_000 }).catch(() => undefined);
}

/**
 * Opens the ticket in the browser's first tab (rather than leaving that tab empty beside it), in front. With
 * `openPanel`, clicks the in-page Kept button: a real click, the user gesture Chrome needs to open the side panel.
 */
export async function openOnTicket(kept: Kept, ticketId: number, openPanel: boolean): Promise<Page> {
  await welcomeShown(kept.context);
  const blank = kept.context.pages().find((page) => page.url() === 'about:blank');
  const ticket = blank ?? (await kept.context.newPage());
  await ticket.goto(kept.ticketUrl(ticketId));
  await ticket.bringToFront();
  // The button lives in a closed shadow root: clicking its host element clicks it.
  if (openPanel) await ticket.locator('kept-launcher').click({ timeout: 20_000 });
  return ticket;
}

import type { Locator, Page } from 'playwright-core';
import type { Kept } from '../../scripts/kept-browser';

/** The side panel pinned to one tab, opened as a page (sidePanel.open needs a real user gesture). */
export class SidePanelPage {
  constructor(readonly page: Page) {}

  static async open(kept: Kept, tabId: number): Promise<SidePanelPage> {
    const page = await kept.context.newPage();
    await page.goto(`chrome-extension://${kept.extensionId}/sidepanel.html?tabId=${tabId}`);
    return new SidePanelPage(page);
  }

  get customer(): Locator {
    return this.page.getByRole('region', { name: 'Customer' });
  }

  get earlierConversations(): Locator {
    return this.page.getByRole('list', { name: 'Earlier conversations' });
  }

  get filter(): Locator {
    return this.page.getByRole('searchbox', { name: 'Filter conversations' });
  }

  get noTicket(): Locator {
    return this.page.getByRole('heading', { name: 'No ticket open' });
  }
}

export class PopupPage {
  constructor(readonly page: Page) {}

  static async open(kept: Kept): Promise<PopupPage> {
    const page = await kept.context.newPage();
    await page.goto(`chrome-extension://${kept.extensionId}/popup.html`);
    return new PopupPage(page);
  }
}

export class OptionsPage {
  constructor(readonly page: Page) {}

  static async open(kept: Kept): Promise<OptionsPage> {
    const page = await kept.context.newPage();
    await page.goto(`chrome-extension://${kept.extensionId}/options.html`);
    return new OptionsPage(page);
  }

  field(name: string): Locator {
    return this.page.getByLabel(name);
  }
}

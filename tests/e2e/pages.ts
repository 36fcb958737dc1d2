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

  get rows(): Locator {
    return this.earlierConversations.getByRole('listitem');
  }

  get banner(): Locator {
    return this.page.getByRole('alert');
  }

  /** Why the helpdesk could not complete the case, under the customer. */
  get lookupProblem(): Locator {
    return this.customer.getByRole('status');
  }

  get refresh(): Locator {
    return this.page.getByRole('button', { name: /^(Refresh|Retry)$/ }).first();
  }

  /** Wall-clock time (Date.now) at which the Customer region first contains `text`, watched inside the page. */
  async whenCustomerShows(text: string): Promise<() => Promise<number>> {
    await this.page.evaluate((wanted) => {
      const w = window as unknown as { __keptShownAt?: number };
      w.__keptShownAt = undefined;
      const check = () => {
        const region = document.querySelector('section[aria-label="Customer"]');
        if (w.__keptShownAt === undefined && region?.textContent?.includes(wanted)) w.__keptShownAt = Date.now();
      };
      // A MutationObserver fires even while the panel's tab is in the background, unlike polling timers.
      new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
      check();
    }, text);
    return async () => {
      const handle = await this.page.waitForFunction(
        () => (window as unknown as { __keptShownAt?: number }).__keptShownAt,
        undefined,
        { timeout: 15_000, polling: 50 },
      );
      return (await handle.jsonValue()) as number;
    };
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

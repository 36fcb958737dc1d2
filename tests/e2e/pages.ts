// What a rep does in Kept, step by step, for the end-to-end tests: open a ticket with its side panel, send praise,
// set things up in Options; and what only a test does, letting time pass for the kudos outbox.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Kept } from '../../scripts/kept-browser';

/** Praise as a rep writes it in the composer; a quote left out keeps what the composer offers. */
export interface Praise {
  to: string;
  message: string;
  quote?: string;
  /** The promise kept, by its title. */
  promise?: string;
  /** Unchecks "Mask personal details in the quote" when false. */
  maskQuote?: boolean;
}

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

  /** The source badge of every row, e.g. ['Zendesk', 'Freshdesk', …]. */
  sources(): Promise<string[]> {
    return this.rows.locator('.source').allTextContents();
  }

  get behaviours(): Locator {
    return this.page.getByRole('region', { name: 'Behaviours for your role' });
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

  get composer(): Locator {
    return this.page.getByRole('form', { name: 'Send praise' });
  }

  /** Once the panel shows the customer, the rep opens the praise composer. */
  async openComposer(): Promise<void> {
    await this.customer.waitFor({ timeout: 15_000 });
    await this.page.getByRole('button', { name: 'Send praise' }).click();
  }

  /** Fills the open composer and sends, until Kept says the praise is saved. */
  async sendPraise(praise: Praise): Promise<void> {
    const form = this.composer;
    await form.getByLabel('To', { exact: true }).fill(praise.to);
    if (praise.promise) await form.getByLabel('Promise', { exact: true }).selectOption({ label: praise.promise });
    await form.getByLabel('Message', { exact: true }).fill(praise.message);
    if (praise.quote !== undefined) await form.getByLabel('Customer quote', { exact: true }).fill(praise.quote);
    if (praise.maskQuote === false) {
      await form.getByRole('checkbox', { name: 'Mask personal details in the quote' }).uncheck();
    }
    await form.getByRole('button', { name: 'Send', exact: true }).click();
    await form.getByText(/^Praise saved/).waitFor({ timeout: 10_000 });
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

  /**
   * The rep says "This got in my way" on the first behaviour shown for the case, picks what blocked it and what
   * happened, and sends, until Kept says it is saved. Answers the behaviour's text.
   */
  async reportBlocker(blocker: string, happened: string): Promise<string> {
    const item = this.behaviours.locator('.behaviour').first();
    await item.waitFor({ timeout: 15_000 });
    const text = (await item.locator('.behaviour-text').textContent()) ?? '';
    await item.getByRole('button', { name: 'This got in my way', exact: true }).click();
    const form = item.getByRole('form', { name: 'This got in my way' });
    await form.getByRole('radio', { name: blocker }).check();
    await form.getByLabel('What happened?').fill(happened);
    await form.getByRole('button', { name: 'Send', exact: true }).click();
    await item.getByText(/^Blocker saved/).waitFor({ timeout: 10_000 });
    return text;
  }
}

/** A ticket the rep has open: the helpdesk's tab and the side panel beside it. */
export interface OpenTicket {
  helpdeskPage: Page;
  panel: SidePanelPage;
  close(): Promise<void>;
}

/**
 * The rep opens a helpdesk page in a new tab, and the side panel for that tab. `beforeLoad` prepares the tab first
 * (to watch the page from its first script).
 */
export async function openTicket(
  kept: Kept,
  url: string,
  beforeLoad?: (helpdeskPage: Page) => Promise<void>,
): Promise<OpenTicket> {
  const helpdeskPage = await kept.context.newPage();
  await beforeLoad?.(helpdeskPage);
  await helpdeskPage.goto(url);
  const panel = await SidePanelPage.open(kept, await kept.tabIdOf(helpdeskPage));
  return {
    helpdeskPage,
    panel,
    async close() {
      await panel.page.close();
      await helpdeskPage.close();
    },
  };
}

/** An in-app link click, as a rep switches tickets in the helpdesk (no reload). */
export async function navigateInApp(helpdeskPage: Page, href: string): Promise<void> {
  await helpdeskPage.locator(`a[data-demo-nav][href="${href}"]`).first().click();
  await helpdeskPage.waitForURL(`**${href}`);
}

/** The toolbar badge as the browser shows it: its count and its tooltip. */
export const toolbarBadge = (kept: Kept): Promise<{ text: string; title: string }> =>
  kept.worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    title: await chrome.action.getTitle({}),
  }));

export class PopupPage {
  constructor(readonly page: Page) {}

  static async open(kept: Kept): Promise<PopupPage> {
    const page = await kept.context.newPage();
    await page.goto(`chrome-extension://${kept.extensionId}/popup.html`);
    return new PopupPage(page);
  }
}

/** A file as a rep picks it in a file input. */
export interface PickedFile {
  name: string;
  content: string;
}

/** The kudos delivery form's field and button names, per language a test starts the browser in. */
export const DELIVERY_WORDS = {
  en: { deliverTo: 'Deliver kudos to', webhookUrl: 'Webhook URL', save: 'Save delivery' },
  de: { deliverTo: 'Lob zustellen an', webhookUrl: 'Webhook-URL', save: 'Zustellung speichern' },
};
type DeliveryWords = (typeof DELIVERY_WORDS)['en'];

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

  get status(): Locator {
    return this.page.getByRole('status');
  }

  async chooseRole(role: string): Promise<void> {
    await this.field('Your role').selectOption({ label: role });
  }

  /**
   * The admin points kudos delivery at a Slack webhook and saves; once saved, the URL shows masked (a credential).
   * `words` are the delivery form's names in the browser's language.
   */
  async deliverToSlack(webhookUrl: string, words: DeliveryWords = DELIVERY_WORDS.en): Promise<void> {
    await this.field(words.deliverTo).selectOption({ label: 'Slack' });
    await this.field(words.webhookUrl).fill(webhookUrl);
    await this.page.getByRole('button', { name: words.save }).click();
    // The masked URL alone, start to end: an open pattern also matches a whole section whose text holds the field's
    // hint (…hooks.slack.com/…) and a "Saving…" after it, before anything is saved.
    await this.page.getByText(/^https:\/\/hooks\.slack\.com\/\S*…$/).waitFor({ timeout: 10_000 });
  }

  /** The admin points playbook feedback at a webhook and saves; once saved, the URL shows masked. */
  async sendFeedbackToWebhook(webhookUrl: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Playbook feedback channel' });
    await form.getByLabel('Send playbook feedback to').selectOption({ label: 'Any HTTPS webhook' });
    await form.getByLabel('Webhook URL').fill(webhookUrl);
    await form.getByRole('button', { name: 'Save feedback channel' }).click();
    await form.getByText(/^Saved: playbook feedback goes to/).waitFor({ timeout: 10_000 });
  }

  /** The rep says who they are (what "For me" and praise notices match). */
  async saveProfile(name: string, email: string): Promise<void> {
    await this.field('Your name').fill(name);
    await this.field('Your email').fill(email);
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
    await this.page.getByText('Saved.', { exact: true }).waitFor({ timeout: 10_000 });
  }

  /** The admin sets the team feed to a Slack app's channel; Kept saves it and reads it once. */
  async teamFeedFromSlack(token: string, channel: string): Promise<void> {
    await this.field('Read the team’s kudos from').selectOption({ label: 'Slack app (bot token and channel)' });
    await this.field('Slack bot token').fill(token);
    await this.field('Slack channel id').fill(channel);
    await this.page.getByRole('button', { name: 'Save team feed' }).click();
    await this.page.getByText(/^Team feed saved and read/).waitFor({ timeout: 15_000 });
  }

  async importPlaybook(file: PickedFile): Promise<void> {
    await this.field('Import playbook from a file').setInputFiles({
      name: file.name,
      mimeType: 'application/json',
      buffer: Buffer.from(file.content),
    });
  }

  get playbookEditor(): Locator {
    return this.page.getByRole('region', { name: 'Playbook editor' });
  }

  /** A lead opens one behaviour in the Playbook editor, rewrites its text and saves the playbook. */
  async editBehaviourText(text: string, newText: string): Promise<void> {
    const editor = this.playbookEditor;
    const open = editor.getByRole('button', { name: 'Edit the playbook' });
    if ((await open.getAttribute('aria-expanded')) === 'false') await open.click();
    const behaviour = editor
      .getByRole('list', { name: 'Behaviours' })
      .getByRole('listitem', { name: text, exact: true });
    await behaviour.getByRole('button', { name: 'Edit' }).click();
    await behaviour.getByLabel('Text', { exact: true }).fill(newText);
    await editor.getByRole('button', { name: 'Save playbook' }).click();
    await editor.getByText(/^Saved “/).waitFor({ timeout: 10_000 });
  }

  async importRoster(file: PickedFile): Promise<void> {
    await this.field('Import roster from CSV').setInputFiles({
      name: file.name,
      mimeType: 'text/csv',
      buffer: Buffer.from(file.content),
    });
  }

  async saveHistoryCap(conversations: number): Promise<void> {
    await this.field('Earlier conversations to load per customer').fill(String(conversations));
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
  }

  /** The optional API-token form of one helpdesk, e.g. 'Gorgias'. */
  tokenForm(helpdesk: string): Locator {
    return this.page.getByRole('form', { name: `${helpdesk} API token` });
  }

  /** Fills the token form's fields (label → value) and saves. */
  async saveToken(helpdesk: string, fields: Record<string, string>): Promise<void> {
    const form = this.tokenForm(helpdesk);
    for (const [label, value] of Object.entries(fields)) await form.getByLabel(label).fill(value);
    await form.getByRole('button', { name: `Save ${helpdesk} token` }).click();
  }
}

/** An Options page opened for one task and closed after it. */
export async function inOptions(kept: Kept, task: (options: OptionsPage) => Promise<void>): Promise<void> {
  const options = await OptionsPage.open(kept);
  await task(options);
  await options.page.close();
}

// ---------- the kudos outbox, as time passing would change it ----------

/**
 * Rewrites the outbox in the extension's own database from an extension `page`: every waiting delivery due now and,
 * with `expireLeases`, every attempt's lease run out. Without it, changes nothing and answers false while an attempt
 * is in flight (a live lease).
 */
function letTimePass(page: Page, expireLeases: boolean): Promise<boolean> {
  return page.evaluate(
    (expire) =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open('kept');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('outbox', 'readwrite');
          const store = tx.objectStore('outbox');
          const all = store.getAll();
          let moved = false;
          all.onsuccess = () => {
            const entries = all.result as Array<{ leaseUntil?: number; nextAttemptAt: number }>;
            const now = Date.now();
            if (!expire && entries.some((e) => (e.leaseUntil ?? 0) > now)) return;
            for (const entry of entries) {
              store.put({ ...entry, nextAttemptAt: now, ...(expire ? { leaseUntil: now - 1 } : {}) });
            }
            moved = true;
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve(moved);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    expireLeases,
  );
}

/** Wakes the background's outbox; resolves once the run it started (or joined) is over. */
function wakeOutbox(page: Page): Promise<void> {
  return page.evaluate(async () => {
    await chrome.runtime.sendMessage({ kept: 1, type: 'outbox:wake', data: {} });
  });
}

/** Lets time pass for the outbox: once no attempt is in flight, every waiting delivery is due now; then runs them. */
export async function fastForwardOutbox(page: Page): Promise<void> {
  await expect.poll(() => letTimePass(page, false), { timeout: 10_000 }).toBe(true);
  await wakeOutbox(page);
}

/**
 * Lets the lease of an attempt whose worker was killed run out (LEASE_MS, 2 minutes), then runs the outbox. Only
 * after the worker is confirmed stopped: the lease is what stops two live runs sending one kudos.
 */
export async function expireLeasesAndRunOutbox(page: Page): Promise<void> {
  await letTimePass(page, true);
  await wakeOutbox(page);
}

// ---------- accessibility ----------

/** Serious and critical accessibility violations on the page as it is now, by rule and where. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

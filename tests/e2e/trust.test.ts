// Trust, in the built extension in Chromium: a kudos survives its service worker being killed mid-delivery, and
// markup or script in any outside text (the helpdesk's customer and ticket, a quote, an imported playbook or roster)
// shows as text on every Kept page and never runs.
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Kept, launchKept, type Servers, SLACK_WEBHOOK, startServers } from '../../scripts/kept-browser';
import { expireLeasesAndRunOutbox, inOptions, OptionsPage, openTicket, PopupPage } from './pages';

/** The service worker's running status as Chrome's DevTools protocol reports it. */
/**
 * Whether the background worker has stopped since this began watching, as Chromium reports it. Not its status now: an
 * open panel's next message may start it again at once, before a poll of the status would see it stopped.
 */
async function watchWorker(page: Page): Promise<{ cdp: CDPSession; stopped: () => boolean }> {
  const cdp = await page.context().newCDPSession(page);
  let stopped = false;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    const version = versions.find((v) => v.scriptURL.endsWith('/background.js'));
    if (version?.runningStatus === 'stopped') stopped = true;
  });
  await cdp.send('ServiceWorker.enable');
  return { cdp, stopped: () => stopped };
}

/** Every kudos as stored, read from the extension's own database. */
function storedKudos(page: Page) {
  return page.evaluate(
    () =>
      new Promise<Array<{ id: string; state: string }>>((resolve, reject) => {
        const open = indexedDB.open('kept');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('kudos').objectStore('kudos').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

describe('a kudos whose service worker is killed while delivering, in Chromium', () => {
  let servers: Servers;
  let kept: Kept;
  beforeAll(async () => {
    servers = await startServers();
    kept = await launchKept({ servers });
    await inOptions(kept, (options) => options.deliverToSlack(SLACK_WEBHOOK));
  });
  afterAll(async () => {
    await kept?.close();
    await servers?.close();
  });

  // "Exactly once", honestly: each kudos is one Idempotency-Key (its id), sent again unchanged on every retry. Here
  // the worker dies while Slack is still answering, so the first request never completes and the retry is the one
  // delivery. Had the first completed on the server just before the worker died, the retry would carry the same
  // key: a webhook receiver that honours Idempotency-Key (README, "Webhook body") records it once, but Slack ignores
  // the header, so for Slack that narrow window is at-least-once. The receiver counts 2xx answers per key to tell.
  it('is delivered exactly once after the worker restarts', async () => {
    servers.receiver.failFirst(1, 'slow', { slowMs: 4000 });
    const ticket = await openTicket(kept, kept.ticketUrl(servers.helpdesk.seed.demo.zoeTicketId));
    const { panel } = ticket;
    await panel.openComposer();
    const worker = await watchWorker(panel.page);
    await panel.sendPraise({
      to: 'Sam Rivera',
      message: 'Sam stayed with Zoë until the password reset worked.',
      quote: 'Thank you, Sam!',
    });
    // The request is at the receiver, whose answer is still 4 s away: now the worker dies.
    await expect.poll(() => servers.receiver.received.length, { timeout: 15_000 }).toBe(1);
    await worker.cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(worker.stopped, { timeout: 5_000 }).toBe(true);
    // The request the dying worker left behind is over (answered, or its connection gone), and was not accepted.
    await servers.receiver.answered();
    expect(servers.receiver.delivered.size).toBe(0);
    const [waiting] = await storedKudos(panel.page);
    expect(waiting?.state).toBe('queued');

    await expireLeasesAndRunOutbox(panel.page);
    await expect.poll(() => [...servers.receiver.delivered.values()], { timeout: 15_000 }).toEqual([1]);
    const keys = servers.receiver.received.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(new Set(keys)).toEqual(new Set([waiting?.id]));
    await expect.poll(async () => (await storedKudos(panel.page)).map((k) => k.state)).toEqual(['sent']);
    // Nothing is sent a third time later: a run once every lease is over sends nothing more.
    await expireLeasesAndRunOutbox(panel.page);
    expect(servers.receiver.received).toHaveLength(2);
    await worker.cdp.detach();
    await ticket.close();
  });
});

// ---------- outside text never runs ----------

/** Markup and script as a customer, a helpdesk or an imported file could carry them; each sets the same flag. */
const PAYLOADS = [
  '<img src=x onerror="window.__keptXss=1">',
  '<script>window.__keptXss=1</script>',
  '<svg onload="window.__keptXss=1"></svg>',
  '"><img src=x onerror=window.__keptXss=1>',
  '<a href="javascript:window.__keptXss=1">open</a>',
  '<iframe srcdoc="<script>parent.__keptXss=1</script>"></iframe>',
] as const;

/** Where each payload went, for the count in the closing note. */
const placed = new Map<string, number>();
const place = (field: string, count: number = PAYLOADS.length) => placed.set(field, (placed.get(field) ?? 0) + count);

/** A playbook an admin imports from a file: every text of it carries a payload. */
function hostilePlaybook() {
  const ids = PAYLOADS.map((_, i) => i + 1);
  place('playbook name', 1);
  place('playbook reviewer', 1);
  for (const field of ['promise title', 'promise summary', 'role name', 'role description']) place(field);
  for (const field of ['behaviour text', 'behaviour detail']) place(field);
  return {
    version: 1,
    name: `${PAYLOADS[2]} playbook`,
    updatedAt: '2026-11-20T09:00:00Z',
    reviewedBy: PAYLOADS[3],
    reviewedAt: '2026-11-20T09:00:00Z',
    promises: ids.map((i) => ({ id: `p${i}`, title: `${PAYLOADS[i - 1]} promise ${i}`, summary: PAYLOADS[i - 1] })),
    roles: ids.map((i) => ({ id: `r${i}`, name: `${PAYLOADS[i - 1]} role ${i}`, description: PAYLOADS[i - 1] })),
    behaviours: ids.map((i) => ({
      id: `b${i}`,
      promiseId: `p${i}`,
      roles: 'all',
      text: `${PAYLOADS[i - 1]} behaviour ${i}`,
      detail: PAYLOADS[i - 1],
    })),
  };
}

const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** A roster file whose names and teams are payloads. */
function hostileRoster(): string {
  place('roster name');
  place('roster team');
  const rows = PAYLOADS.map((p, i) => [`${p} Person ${i + 1}`, `person${i + 1}@acme.test`, `${p} Team`]);
  return ['name,email,team', ...rows.map((row) => row.map(csvCell).join(','))].join('\n');
}

/**
 * What a page shows that could have come from a payload; empty when every payload stayed text. On a helpdesk tab
 * (`keptOnly`) the page is the helpdesk's own: only the flag and what Kept adds (its shadow-root button) are Kept's.
 */
async function injected(page: Page, keptOnly = false): Promise<string[]> {
  return page.evaluate((shadowOnly) => {
    const found: string[] = [];
    if ((window as { __keptXss?: unknown }).__keptXss !== undefined) found.push('window.__keptXss was set');
    const roots: Array<Document | ShadowRoot> = shadowOnly ? [] : [document];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    for (const root of roots) {
      for (const el of root.querySelectorAll('*')) {
        const handlers = [...el.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => a.name);
        if (handlers.length) found.push(`<${el.localName} ${handlers.join(' ')}>`);
      }
      for (const el of root.querySelectorAll('img[src="x"], iframe, a[href^="javascript:" i]')) {
        found.push(el.outerHTML.slice(0, 80));
      }
      for (const el of root.querySelectorAll('script')) {
        if (!el.src.startsWith(location.origin)) found.push(`script ${el.outerHTML.slice(0, 80)}`);
      }
    }
    return found;
  }, keptOnly);
}

/** The page shows `texts` as text, nothing from a payload became markup, and CSP refused nothing. */
async function assertInert(page: Page, texts: readonly string[], refused: string[], keptOnly = false) {
  for (const text of texts) {
    await expect.poll(() => page.evaluate(() => document.body.innerText), { timeout: 10_000 }).toContain(text);
  }
  expect(await injected(page, keptOnly)).toEqual([]);
  expect(refused).toEqual([]);
}

/** The panel opens the behaviours that fit the case; the rep opens the rest of the role's to see every promise. */
async function showAllBehaviours(page: Page) {
  const all = page.getByRole('button', { name: /^All behaviours for your role/ });
  await all.waitFor({ timeout: 10_000 });
  if ((await all.getAttribute('aria-expanded')) !== 'true') await all.click();
}

/** Console messages where Chrome's CSP refused to run something: injected markup would show up here. */
function watchRefusals(page: Page): string[] {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load|run)/i.test(message.text())) refused.push(message.text());
  });
  return refused;
}

describe('markup and script in outside text, in Chromium', () => {
  let kept: Kept;
  const pagesChecked: string[] = [];
  beforeAll(async () => {
    kept = await launchKept();
  });
  afterAll(async () => {
    console.info(
      `[trust] ${PAYLOADS.length} payloads; ${[...placed.values()].reduce((a, b) => a + b, 0)} placements over ` +
        `${placed.size} fields (${[...placed.keys()].join(', ')}); pages checked: ${pagesChecked.join(', ')}`,
    );
    await kept?.close();
  });

  it('never run on any Kept page, and show as text', async () => {
    const seed = kept.helpdesk.seed;
    const mallory = seed.tickets.find((t) => t.id === seed.demo.xssTicketId);
    const customer = seed.users.find((u) => u.id === mallory?.requester_id);
    expect(customer?.name).toContain('<img');
    expect(mallory?.subject).toContain('<script>');
    expect(mallory?.description).toContain('onerror');
    place('customer name (helpdesk)', 1);
    place('ticket subject (helpdesk)', 1);
    place('ticket description (helpdesk)', 2);

    // The admin imports a hostile playbook and roster, and picks one of the playbook's roles.
    const options = await OptionsPage.open(kept);
    const optionsRefused = watchRefusals(options.page);
    await options.importPlaybook({ name: 'playbook.json', content: JSON.stringify(hostilePlaybook()) });
    await options.page
      .getByText(/^Imported/)
      .first()
      .waitFor({ timeout: 10_000 });
    await options.importRoster({ name: 'roster.csv', content: hostileRoster() });
    await options.page
      .getByText(/^Imported|added/)
      .first()
      .waitFor({ timeout: 10_000 });
    await options.chooseRole(`${PAYLOADS[0]} role 1`);
    const optionsShows = [`${PAYLOADS[1]} Person 2`, `${PAYLOADS[5]} Team`];
    await assertInert(options.page, optionsShows, optionsRefused);
    pagesChecked.push('options');

    // The rep opens Mallory's ticket, selects her description and sends praise with it as the quote.
    let ticketRefused: string[] = [];
    const { helpdeskPage: ticket, panel } = await openTicket(
      kept,
      kept.ticketUrl(seed.demo.xssTicketId),
      async (tab) => {
        ticketRefused = watchRefusals(tab);
      },
    );
    const description = ticket.locator('[data-test-id="omni-log-message-content"]').first();
    await description.waitFor({ timeout: 15_000 });
    await description.evaluate((node) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    });
    const panelRefused = watchRefusals(panel.page);
    await panel.openComposer();
    const quote = panel.composer.getByLabel('Customer quote', { exact: true });
    await expect.poll(() => quote.inputValue(), { timeout: 10_000 }).toContain('onerror');
    place('kudos message');
    place('kudos recipient', 1);
    place('quote (from the description)', 2);
    await panel.sendPraise({
      to: `${PAYLOADS[0]} Person 1`,
      promise: `${PAYLOADS[1]} promise 2`,
      message: `Thanks! ${PAYLOADS.join(' ')}`,
    });

    // A second kudos, in the composer that stays open, with every payload typed into the quote.
    place('quote (typed)');
    await panel.sendPraise({
      to: `${PAYLOADS[3]} Team`,
      message: 'The whole team kept the refund promise.',
      quote: PAYLOADS.join(' '),
      maskQuote: false,
    });

    const name = customer?.name ?? '';
    const panelShows = [name, mallory?.subject ?? '', `${PAYLOADS[5]} promise 6`];
    await showAllBehaviours(panel.page);
    // A behaviour's text and the roster's people show only while their promise and the composer are open: a reload
    // folds them away.
    await assertInert(
      panel.page,
      [...panelShows, `${PAYLOADS[0]} behaviour 1`, `${PAYLOADS[4]} Person 5`],
      panelRefused,
    );
    pagesChecked.push('side panel + composer');
    await assertInert(ticket, [], ticketRefused, true);
    pagesChecked.push('helpdesk tab (Kept button)');

    const wall = await kept.context.newPage();
    const wallRefused = watchRefusals(wall);
    await wall.goto(`chrome-extension://${kept.extensionId}/kudos.html`);
    const wallShows = [PAYLOADS.join(' '), `${PAYLOADS[1]} promise 2`, `${PAYLOADS[0]} Person 1`];
    await assertInert(wall, wallShows, wallRefused);
    pagesChecked.push('kudos wall');

    const popup = await PopupPage.open(kept);
    const popupRefused = watchRefusals(popup.page);
    const popupShows = [`Thanks! ${PAYLOADS[0]}`, `${PAYLOADS[3]} Team`];
    await assertInert(popup.page, popupShows, popupRefused);
    pagesChecked.push('popup');

    // Reloaded, every page renders the stored payloads again from the database: still text once shown again.
    for (const [page, shows, refused] of [
      [options.page, optionsShows, optionsRefused],
      [panel.page, panelShows, panelRefused],
      [wall, wallShows, wallRefused],
      [popup.page, popupShows, popupRefused],
    ] as const) {
      await page.reload();
      await page.waitForLoadState('load');
      if (page === panel.page) await showAllBehaviours(page);
      await assertInert(page, shows, refused);
    }
    expect([optionsRefused, panelRefused, wallRefused, popupRefused, ticketRefused].flat()).toEqual([]);

    // The checks can fail: the first payload as markup in a Kept page is caught, and CSP refuses to run it.
    const control = await kept.context.newPage();
    const controlRefused = watchRefusals(control);
    await control.goto(`chrome-extension://${kept.extensionId}/kudos.html`);
    // What `innerHTML = PAYLOADS[0]` would have made, built node by node (the lint rule forbids writing HTML).
    await control.evaluate(() => {
      const img = document.createElement('img');
      img.setAttribute('src', 'x');
      img.setAttribute('onerror', 'window.__keptXss=1');
      document.body.append(img);
    });
    await expect.poll(() => injected(control)).toEqual(['<img onerror>', '<img src="x" onerror="window.__keptXss=1">']);
    await expect.poll(() => controlRefused.length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(await control.evaluate(() => (window as { __keptXss?: unknown }).__keptXss)).toBeUndefined();
  });
});

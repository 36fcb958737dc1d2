// Surviving failure in the pages: a full disk while sending praise, and a database upgraded or held open by another
// Kept page. Each ends in a clear message and loses nothing (the helpdesk's failures: failure-helpdesk.test.ts).
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie, { type DBCore, type Middleware } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { SidePanel } from '@/entrypoints/sidepanel/SidePanel';
import { db, KeptDB, STORES_V4 } from '@/utils/db';
import { FREE_SPACE, readableError, STORAGE_MESSAGES, storageProblemOf, storageTroubleOf } from '@/utils/db/errors';
import type { TabCase } from '@/utils/schemas';
import { settings } from '@/utils/settings';
import { tabCases } from '@/utils/tab-case';
import { fullDisk, setDisk } from './full-disk';
import { CUSTOMER_KEY, conversation, DAY, SOURCE } from './history-fixtures';

// ---------- a full disk ----------

const TAB = 7;
const SLACK = { kind: 'slack', url: 'https://hooks.slack.com/services/T000/B000/XXXX' } as const;
const MESSAGE = 'Sam stayed with Ada until the refund showed up.';
const QUOTE = 'Thank you, that is the first time nobody made me repeat my order number!';

const openCase: TabCase = {
  case: {
    helpdesk: 'zendesk',
    host: 'acme.zendesk.com',
    ticketId: '500',
    url: 'https://acme.zendesk.com/agent/tickets/500',
    subject: 'Card declined again',
    status: 'open',
    customer: { name: 'Ada Lovelace', email: CUSTOMER_KEY, externalId: '42' },
    tags: [],
    from: 'api',
    seenAt: Date.now(),
  },
  customerKey: CUSTOMER_KEY,
  updatedAt: Date.now(),
};

/** The side panel, as mounted in the extension (inside the ErrorBoundary), with the composer open and filled. */
async function composeInPanel() {
  window.history.replaceState(null, '', `/sidepanel.html?tabId=${TAB}`);
  await settings.deliveryTarget.setValue(SLACK);
  await tabCases.set(TAB, openCase);
  fakeBrowser.runtime.onMessage.addListener(async () => ({ ok: true, reply: { ok: true } }));
  const user = userEvent.setup();
  render(
    <ErrorBoundary>
      <SidePanel />
    </ErrorBoundary>,
  );
  await user.click(await screen.findByRole('button', { name: 'Send praise' }));
  const form = screen.getByRole('form', { name: 'Send praise' });
  const to = within(form).getByRole('combobox', { name: 'To' });
  const message = within(form).getByRole('textbox', { name: 'Message' });
  const quote = within(form).getByRole('textbox', { name: 'Customer quote' });
  await user.type(to, 'Sam Rivera');
  await user.type(message, MESSAGE);
  await user.type(quote, QUOTE);
  const send = within(form).getByRole('button', { name: 'Send' });
  return { user, form, to, message, quote, send };
}

describe('recognising what the database says', () => {
  const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  const open = { state: 'open' as const };

  it.each([
    ['the browser’s QuotaExceededError', quota],
    ['Dexie’s QuotaExceededError', new Dexie.QuotaExceededError(quota)],
    ['an AbortError wrapping it (quota hit at commit)', new Dexie.AbortError(quota)],
    ['a BulkError holding it', new Dexie.BulkError('1 of 3 operations failed', { 1: quota })],
    ['Firefox’s name for it', Object.assign(new Error('Quota reached'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' })],
  ])('reads %s as storage full', (_, error) => {
    expect(storageTroubleOf(error, open)).toBe('full');
    expect(storageProblemOf(error, open)).toEqual({ kind: 'storage', message: STORAGE_MESSAGES.full });
    expect(STORAGE_MESSAGES.full).toMatch(/^Your browser refused to save more data for Kept \(storage full\)\. /);
  });

  it('reads a closed database as "Kept was updated", or as deleted when another page deleted it', () => {
    const closed = new Dexie.DatabaseClosedError();
    expect(readableError(closed, { state: 'outdated' })).toBe('Kept was updated. Reload this page.');
    expect(readableError(closed, { state: 'deleted' })).toBe(STORAGE_MESSAGES.closed);
    expect(readableError(new Dexie.OpenFailedError(new Dexie.MissingAPIError()), open)).toBe(
      STORAGE_MESSAGES.unavailable,
    );
  });

  it('leaves every other error alone', () => {
    expect(storageTroubleOf(new TypeError('x is undefined'), open)).toBeNull();
    expect(storageTroubleOf(new Dexie.ConstraintError('Key already exists'), open)).toBeNull();
    expect(storageTroubleOf('a string', open)).toBeNull();
    expect(storageTroubleOf(null, open)).toBeNull();
    const cycle: { name: string; inner?: unknown } = { name: 'AbortError' };
    cycle.inner = cycle;
    expect(storageTroubleOf(cycle, open)).toBeNull();
    expect(readableError(new Error('Something else.'), open)).toBe('Something else.');
  });
});

describe('a full disk', () => {
  let disk: Middleware<DBCore> | undefined;
  beforeEach(async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
  afterEach(async () => {
    if (disk) await setDisk(db, null, disk);
    disk = undefined;
  });

  it('the composer says the disk is full, keeps the draft, saves nothing half-way, and saves once there is room', async () => {
    // The kudos row fits, its outbox entry does not: the whole transaction is rolled back.
    disk = fullDisk((table) => table === 'outbox');
    await setDisk(db, disk);
    const { user, form, to, message, quote, send } = await composeInPanel();
    await user.click(send);

    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('Praise not saved: the browser has no storage space left for Kept.');
    expect(alert).toHaveTextContent(FREE_SPACE);
    expect(alert).toHaveTextContent('What you wrote is still here: press Send to try again.');
    expect(to).toHaveValue('Sam Rivera');
    expect(message).toHaveValue(MESSAGE);
    expect(quote).toHaveValue(QUOTE);
    expect(await db.kudos.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);

    await setDisk(db, null, disk);
    disk = undefined;
    await user.click(send);
    await within(form).findByText('Praise saved. Sending to Slack…');
    expect(await db.kudos.toArray()).toMatchObject([{ message: MESSAGE, to: { name: 'Sam Rivera' }, state: 'queued' }]);
    expect(await db.outbox.count()).toBe(1);
  });
});

// ---------- another Kept page and the database version ----------

/** The next Kept, as a newer extension page would open the same database. */
class KeptDBNext extends KeptDB {
  constructor(name: string) {
    super(name);
    this.version(5).stores({ ...STORES_V4, notes: 'id' });
  }
}

describe('the panel after history could not be cached', () => {
  it('shows why above the rows it already had, with Refresh to try again', async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
    const now = Date.now();
    await db.conversations.bulkPut([
      conversation('401', { updatedAt: now - 2 * DAY }),
      conversation('402', { updatedAt: now - 3 * DAY }),
    ]);
    await db.syncState.put({
      source: SOURCE,
      customerKey: CUSTOMER_KEY,
      fetchedAt: now - DAY,
      attemptedAt: now - 60_000,
      problem: { kind: 'storage', message: STORAGE_MESSAGES.full },
    });
    window.history.replaceState(null, '', `/sidepanel.html?tabId=${TAB}`);
    await tabCases.set(TAB, openCase);
    render(<SidePanel />);
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('Your browser refused to save more data for Kept (storage full).');
    expect(
      within(await screen.findByRole('list', { name: 'Earlier conversations' })).getAllByRole('listitem'),
    ).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeInTheDocument();
  });
});

describe('a newer Kept upgrading the database while this page is open', () => {
  it('closes this page’s connection so the upgrade is not blocked, and explains it with a Reload button', async () => {
    const name = 'kept-versionchange';
    const old = new KeptDB(name);
    await old.kudos.put({
      id: 'k1',
      createdAt: 1,
      from: { name: 'Ruth' },
      to: { kind: 'team', name: 'Billing' },
      message: 'Refund sorted the same day.',
      state: 'local',
    });
    render(
      <ErrorBoundary database={old}>
        <p>The wall</p>
      </ErrorBoundary>,
    );
    expect(screen.queryByRole('alert')).toBeNull();

    const newer = new KeptDBNext(name);
    await newer.open();
    expect(newer.verno).toBe(5);
    expect(await newer.kudos.count()).toBe(1);

    expect(old.state).toBe('outdated');
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('Kept was updated. Reload this page.');
    expect(within(banner).getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    // The page stays under the banner (a draft there can still be copied).
    expect(screen.getByText('The wall')).toBeInTheDocument();
    // This page's older code does not quietly reopen the upgraded database.
    const error = await old.kudos.count().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Dexie.DatabaseClosedError);
    expect(readableError(error, old)).toBe('Kept was updated. Reload this page.');
    // A live query that re-runs on the closed database throws while rendering: the page says the same, not the raw error.
    const Throws = () => {
      throw error;
    };
    render(
      <ErrorBoundary database={old}>
        <Throws />
      </ErrorBoundary>,
    );
    const failed = screen.getByRole('heading', { name: 'Kept hit a problem' }).closest('main');
    expect(failed).toHaveTextContent('Kept was updated. Reload this page.');
    expect(failed).not.toHaveTextContent('DatabaseClosedError');
    newer.close();
    await Dexie.delete(name);
  });

  it('an upgrade blocked by an older page that holds the database says so, then finishes when that page closes', async () => {
    const name = 'kept-blocked';
    const setup = new KeptDB(name);
    await setup.open();
    setup.close();
    // An older page that never lets go (no versionchange handler), as a raw IndexedDB connection behaves.
    const holder = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const newer = new KeptDBNext(name);
    render(
      <ErrorBoundary database={newer}>
        <p>The options</p>
      </ErrorBoundary>,
    );
    const opening = newer.open();
    const banner = await screen.findByRole('alert');
    expect(newer.state).toBe('upgrade-blocked');
    expect(banner).toHaveTextContent('Kept is finishing an update, but an older Kept page is still open.');
    expect(screen.getByText('The options')).toBeInTheDocument();

    holder.close();
    await opening;
    expect(newer.verno).toBe(5);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(newer.state).toBe('open');
    newer.close();
    await Dexie.delete(name);
  });

  it('the composer on an outdated page says to reload, and keeps the draft to copy first', async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
    const { user, form, to, message, quote, send } = await composeInPanel();
    const newer = new KeptDBNext('kept');
    await newer.open();
    await screen.findByText('Kept was updated. Reload this page.', { selector: '.banner p' });

    await user.click(send);
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent(
      'Praise not saved: Kept was updated. Reload this page. Copy what you wrote first: it is still here.',
    );
    expect(to).toHaveValue('Sam Rivera');
    expect(message).toHaveValue(MESSAGE);
    expect(quote).toHaveValue(QUOTE);
    // Nothing was written through the outdated page, and the newer one sees the database intact.
    expect(await newer.kudos.count()).toBe(0);
    await newer.delete();
  });
});

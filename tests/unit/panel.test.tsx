import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ROW_HEIGHT } from '@/components/ConversationList';
import { EarlierConversations } from '@/components/EarlierConversations';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { SidePanel } from '@/entrypoints/sidepanel/SidePanel';
import { db } from '@/utils/db';
import { openInHelpdesk } from '@/utils/panel/history-state';
import type { Conversation, Problem, SyncState, TabCase } from '@/utils/schemas';
import { tabCases } from '@/utils/tab-case';
import { CUSTOMER_KEY, conversation, DAY, MINUTE, SOURCE } from './history-fixtures';

const TAB = 7;
const now = Date.now();

const openCase: TabCase = {
  case: {
    helpdesk: 'zendesk',
    host: 'acme.zendesk.com',
    ticketId: '500',
    url: 'https://acme.zendesk.com/agent/tickets/500',
    subject: 'Card declined again',
    status: 'open',
    customer: { name: 'Ada Lovelace', email: 'ada@example.com', organisation: 'Analytical Engines', externalId: '42' },
    tags: [],
    from: 'api',
    seenAt: now,
  },
  customerKey: CUSTOMER_KEY,
  updatedAt: now,
};

/** Ada's history as the background saved it: the ticket in view plus three earlier ones. */
const history: Conversation[] = [
  conversation('500', { subject: 'Card declined again', status: 'open', createdAt: now, updatedAt: now }),
  conversation('401', {
    subject: 'Card declined at checkout',
    status: 'pending',
    channel: 'web',
    createdAt: now - 3 * DAY,
    updatedAt: now - 3 * DAY,
    excerpt: 'My card keeps getting declined',
    tags: ['payments'],
  }),
  conversation('322', {
    subject: 'Refund never arrived',
    status: 'solved',
    createdAt: now - 12 * DAY,
    updatedAt: now - 10 * DAY,
    satisfaction: 'bad',
    satisfactionComment: 'Took ages',
    tags: ['billing'],
  }),
  conversation('210', {
    subject: 'Résumé of my invoices',
    status: 'closed',
    channel: 'chat',
    createdAt: now - 60 * DAY,
    updatedAt: now - 59 * DAY,
    satisfaction: 'good',
  }),
];

const synced = (fields: Partial<SyncState> = {}): SyncState => ({
  source: SOURCE,
  customerKey: CUSTOMER_KEY,
  fetchedAt: now - 3 * MINUTE,
  attemptedAt: now - 3 * MINUTE,
  ...fields,
});

async function showCase(conversations: Conversation[] = history, sync: SyncState | null = synced()) {
  await db.conversations.bulkPut(conversations);
  if (sync) await db.syncState.put(sync);
  await tabCases.set(TAB, openCase);
  const view = render(<SidePanel />);
  await screen.findByRole('region', { name: 'Customer' });
  return view;
}

const list = () => screen.findByRole('list', { name: 'Earlier conversations' });

/**
 * Answers "history:refresh" like the background, once `answer` is called. Returns the envelopes of those it saw; the
 * threads the panel reads for the story are answered at once, as read.
 */
function fakeBackground(reply: unknown = { ok: true, count: 3 }) {
  const seen: unknown[] = [];
  let answer: () => void = () => {};
  const answered = new Promise<void>((resolve) => {
    answer = resolve;
  });
  // The fake browser's sendMessage resolves with what a listener returns (it passes no sendResponse).
  fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
    // Other messages (the team feed's refresh, asked for when the panel opens; threads) are answered, not recorded.
    const type = (message as { type?: string }).type;
    if (type?.startsWith('feed:')) return { ok: true, reply: { ok: true, added: 0, forMe: 0, skipped: 0 } };
    if (type !== 'history:refresh') return { ok: true, reply: { ok: true, count: 0 } };
    seen.push(message);
    await answered;
    return { ok: true, reply };
  });
  return { seen, answer };
}

beforeEach(async () => {
  window.history.replaceState(null, '', `/sidepanel.html?tabId=${TAB}`);
  await Promise.all(db.tables.map((table) => table.clear()));
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('side panel states', () => {
  it('shows loading until the tab case is read', async () => {
    await tabCases.set(TAB, openCase);
    render(<SidePanel />);
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Customer' })).toBeInTheDocument();
  });

  it('shows loading while the conversations are read', () => {
    const threadOf = () => ({ readable: false, expanded: false, onToggle() {}, onRetry() {} });
    render(<EarlierConversations conversations={undefined} now={now} onOpen={() => {}} threadOf={threadOf} />);
    expect(screen.getByText('Loading earlier conversations…')).toBeInTheDocument();
  });

  it('says "No ticket open" when the tab shows no ticket, or was never seen', async () => {
    await tabCases.set(TAB, { case: null, updatedAt: now });
    const { unmount } = render(<SidePanel />);
    expect(await screen.findByRole('heading', { name: 'No ticket open', level: 1 })).toBeInTheDocument();
    unmount();
    window.history.replaceState(null, '', '/sidepanel.html?tabId=8');
    render(<SidePanel />);
    expect(await screen.findByRole('heading', { name: 'No ticket open' })).toBeInTheDocument();
  });

  it('follows the tab to a ticket when the background records one', async () => {
    await tabCases.set(TAB, { case: null, updatedAt: now });
    render(<SidePanel />);
    await screen.findByRole('heading', { name: 'No ticket open' });
    await act(() => tabCases.set(TAB, openCase));
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace', level: 1 })).toBeInTheDocument();
  });
});

describe('customer and case', () => {
  it('shows who the customer is, a summary of their history and the ticket in view', async () => {
    await showCase();
    const customer = screen.getByRole('region', { name: 'Customer' });
    expect(within(customer).getByRole('heading', { name: 'Ada Lovelace', level: 1 })).toBeInTheDocument();
    expect(within(customer).getByText('ada@example.com')).toBeInTheDocument();
    expect(within(customer).getByText('Analytical Engines')).toBeInTheDocument();
    expect(
      await within(customer).findByText('3 conversations · 1 open · last contact 3 days ago · last rating bad'),
    ).toBeInTheDocument();
    expect(within(customer).getByText('#500')).toBeInTheDocument();
    expect(within(customer).getByText(/Card declined again/)).toBeInTheDocument();
  });

  it('shows the ticket by the number reps know it by, where the helpdesk has one besides its id', async () => {
    await tabCases.set(TAB, {
      ...openCase,
      case: openCase.case && { ...openCase.case, ticketId: '70000000201000127', number: '1127' },
    });
    render(<SidePanel />);
    const customer = await screen.findByRole('region', { name: 'Customer' });
    expect(await within(customer).findByText('#1127')).toBeInTheDocument();
    expect(within(customer).queryByText('#70000000201000127')).not.toBeInTheDocument();
  });

  it('shows why the helpdesk could not complete the case', async () => {
    await tabCases.set(TAB, {
      ...openCase,
      lookup: { problem: 'Zendesk did not answer; showing what the page says.' },
    });
    render(<SidePanel />);
    expect(await screen.findByText('Zendesk did not answer; showing what the page says.')).toBeInTheDocument();
  });

  it('shows the case signals with their reasons in plain view', async () => {
    await showCase([
      ...history,
      conversation('402', { subject: 'Still declined', status: 'solved', createdAt: now - 2 * DAY }),
    ]);
    const signals = await screen.findByRole('list', { name: 'Case signals' });
    const items = within(signals).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Repeat contact2 other tickets in the last 7 days',
      'Last rating bad“Refund never arrived” was rated bad: “Took ages”',
      'Last rating commenton “Refund never arrived”',
      'Other open tickets1 other ticket still open',
    ]);
  });

  it('calls a customer without earlier conversations a first contact', async () => {
    await showCase([history[0] as Conversation]);
    expect(await screen.findByText('No earlier conversations')).toBeInTheDocument();
    const signals = screen.getByRole('list', { name: 'Case signals' });
    expect(within(signals).getByText('First contact')).toBeInTheDocument();
    expect(screen.queryByRole('searchbox', { name: 'Filter conversations' })).not.toBeInTheDocument();
    expect(screen.getByText('No conversations before this one')).toBeInTheDocument();
  });

  it('claims no first contact while the customer’s history cannot be read', async () => {
    await showCase(
      [history[0] as Conversation],
      synced({ problem: { kind: 'server', message: 'Zendesk had a problem (503).' } }),
    );
    expect(await screen.findByText('No earlier conversations')).toBeInTheDocument();
    expect(await screen.findByText('Zendesk had a problem (503).')).toBeInTheDocument();
    expect(screen.queryByText('First contact')).not.toBeInTheDocument();
  });

  it('claims nothing about the history of a customer Kept cannot identify', async () => {
    await tabCases.set(TAB, { ...openCase, customerKey: undefined });
    render(<SidePanel />);
    expect(await screen.findByText('No earlier conversations')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Case signals' })).not.toBeInTheDocument();
  });
});

describe('earlier conversations', () => {
  it('lists every earlier conversation, newest first, without the ticket in view', async () => {
    await showCase();
    const rows = within(await list()).getAllByRole('listitem');
    expect(rows).toHaveLength(3);
    expect(rows.map((row) => within(row).getByRole('link').textContent)).toEqual([
      'Card declined at checkout',
      'Refund never arrived',
      'Résumé of my invoices',
    ]);
    const [first, second] = rows as [HTMLElement, HTMLElement];
    expect(within(first).getByText('pending')).toBeInTheDocument();
    expect(within(first).getByText('web')).toBeInTheDocument();
    expect(within(first).getByText('My card keeps getting declined')).toBeInTheDocument();
    const opened = within(first).getByText('3 days ago');
    expect(opened.tagName).toBe('TIME');
    expect(opened).toHaveAttribute('dateTime', new Date(now - 3 * DAY).toISOString());
    expect(opened.getAttribute('title')).toMatch(/\d/);
    expect(within(second).getByText('Rated bad')).toBeInTheDocument();
    expect(second).toHaveTextContent('updated 10 days ago');
  });

  it('opens a conversation in the panel’s helpdesk tab, by click or from the keyboard', async () => {
    const update = vi.spyOn(browser.tabs, 'update').mockResolvedValue(undefined);
    const user = userEvent.setup();
    await showCase();
    await user.click(await screen.findByRole('link', { name: 'Refund never arrived' }));
    expect(update).toHaveBeenLastCalledWith(TAB, { url: 'https://acme.zendesk.com/agent/tickets/322' });

    // Tab from the filter controls reaches the first row; Enter opens it.
    screen.getByRole('combobox', { name: 'Status' }).focus();
    await user.tab();
    expect(screen.getByRole('link', { name: 'Card declined at checkout' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(update).toHaveBeenLastCalledWith(TAB, { url: 'https://acme.zendesk.com/agent/tickets/401' });
  });

  it('opens a new tab when there is no helpdesk tab to reuse', async () => {
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue(undefined);
    await openInHelpdesk(null, 'https://acme.zendesk.com/agent/tickets/1');
    expect(create).toHaveBeenCalledWith({ url: 'https://acme.zendesk.com/agent/tickets/1' });
    await openInHelpdesk(null, 'javascript:alert(1)');
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('filters by text (any case, any accents) and by status, saying how many are shown', async () => {
    const user = userEvent.setup();
    await showCase();
    const search = await screen.findByRole('searchbox', { name: 'Filter conversations' });
    await user.type(search, 'RESUME');
    expect(within(await list()).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByText('Showing 1 of 3')).toBeInTheDocument();

    await user.clear(search);
    await user.type(search, 'billing');
    expect(screen.getByRole('link', { name: 'Refund never arrived' })).toBeInTheDocument();

    await user.clear(search);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Open');
    expect(within(await list()).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByText('Showing 1 of 3')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Solved');
    expect(within(await list()).getAllByRole('listitem')).toHaveLength(2);

    await user.type(search, 'nothing like this');
    expect(screen.getByText('No conversations match')).toBeInTheDocument();
    expect(screen.getByText('Showing 0 of 3')).toBeInTheDocument();

    await user.clear(search);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'All');
    expect(within(await list()).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.queryByText(/^Showing/)).not.toBeInTheDocument();
  });

  it('renders helpdesk text as text, never as markup', async () => {
    const attack = '<img src=x onerror="window.__keptXss=1">';
    await db.conversations.bulkPut([conversation('9', { subject: attack, excerpt: `<b>${attack}</b>` })]);
    await tabCases.set(TAB, {
      ...openCase,
      case: openCase.case && { ...openCase.case, customer: { name: attack }, subject: attack },
    });
    const { container } = render(<SidePanel />);
    expect(await screen.findByRole('link', { name: attack })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: attack })).toBeInTheDocument();
    expect(screen.getByText(`<b>${attack}</b>`)).toBeInTheDocument();
    expect(container.querySelector('img, b')).toBeNull();
    expect((window as { __keptXss?: number }).__keptXss).toBeUndefined();
  });
});

describe('freshness and refresh', () => {
  it('says when the history was last updated', async () => {
    await showCase();
    expect(await screen.findByText('Updated 3 minutes ago')).toBeInTheDocument();
  });

  it('asks the background to refresh, saying "Refreshing…" while it waits', async () => {
    const background = fakeBackground();
    const user = userEvent.setup();
    await showCase();
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByText('Refreshing…')).toBeInTheDocument();
    expect(screen.getByText('Refreshing…')).toHaveAttribute('aria-live', 'polite');
    // A second press while waiting sends nothing more.
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(background.seen).toEqual([{ kept: 1, type: 'history:refresh', data: { tabId: TAB } }]);
    background.answer();
    expect(await screen.findByText('History refreshed')).toBeInTheDocument();
    expect(screen.queryByText('Refreshing…')).not.toBeInTheDocument();
  });

  it('shows why a refresh could not start', async () => {
    const background = fakeBackground({
      ok: false,
      error: { kind: 'no-tab', message: 'No ticket is open in this tab.' },
    });
    background.answer();
    const user = userEvent.setup();
    await showCase();
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByText('No ticket is open in this tab.')).toBeInTheDocument();
  });

  it('notes when the browser is offline, and drops the note when back online', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await showCase();
    expect(screen.getByText('Offline – showing saved history')).toBeInTheDocument();
    onLine.mockReturnValue(true);
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    // The panel subscribes in an effect; under load it may read the network state again after this event.
    await waitFor(() => expect(screen.queryByText('Offline – showing saved history')).not.toBeInTheDocument());
  });
});

describe('rows a helpdesk sent that Kept could not read', () => {
  it('keeps the rows it read and says how many it left out, without an alarm', async () => {
    await showCase(history, synced({ unreadable: 1 }));
    expect(await screen.findByText('1 conversation could not be read')).toBeInTheDocument();
    expect(within(await list()).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('counts every source’s left-out rows', async () => {
    await db.syncState.put(synced({ source: 'jsm:acme.atlassian.net', unreadable: 1 }));
    await showCase(history, synced({ unreadable: 2 }));
    expect(await screen.findByText('3 conversations could not be read')).toBeInTheDocument();
  });
});

describe('sync problems', () => {
  const retryAt = new Date(2030, 0, 2, 14, 5).getTime();
  const problems: [Problem, string | undefined, string | undefined][] = [
    [
      { kind: 'signed-out', message: 'You are signed out of Zendesk. Sign in again, then refresh.' },
      'Refresh',
      undefined,
    ],
    [{ kind: 'rate-limited', message: 'Zendesk asked Kept to slow down.', retryAt }, undefined, 'Retrying at 2:05 PM'],
    [{ kind: 'server', message: 'Zendesk had a problem (503).' }, 'Retry', undefined],
    [{ kind: 'network', message: 'Zendesk could not be reached.' }, 'Retry', undefined],
    [{ kind: 'malformed', message: 'Zendesk answered in a way Kept does not understand.' }, undefined, undefined],
  ];

  it.each(problems)('shows a %o banner over the saved rows', async (problem, action, detail) => {
    await showCase(history, synced({ attemptedAt: now - MINUTE, problem }));
    const banner = await screen.findByRole('alert');
    expect(within(banner).getByText(problem.message)).toBeInTheDocument();
    if (detail) expect(within(banner).getByText(detail)).toBeInTheDocument();
    const buttons = within(banner).queryAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(action ? [action] : []);
    // Saved history stays in view, and there is only ever one Refresh button.
    expect(within(await list()).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getAllByRole('button', { name: 'Refresh' })).toHaveLength(1);
    expect(screen.getByText('Updated 3 minutes ago')).toBeInTheDocument();
  });

  it('retries from the banner', async () => {
    const background = fakeBackground();
    background.answer();
    const user = userEvent.setup();
    await showCase(history, synced({ problem: { kind: 'network', message: 'Zendesk could not be reached.' } }));
    await user.click(within(await screen.findByRole('alert')).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(background.seen).toHaveLength(1));
  });

  it('drops the banner once a fetch succeeds', async () => {
    await showCase(history, synced({ problem: { kind: 'server', message: 'Zendesk had a problem (503).' } }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    await act(() => db.syncState.put(synced({ fetchedAt: Date.now(), attemptedAt: Date.now() })));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(screen.getByText('Updated now')).toBeInTheDocument();
  });
});

describe('a long history', () => {
  const many = Array.from({ length: 2000 }, (_, i) =>
    conversation(String(1000 + i), {
      subject: i % 10 === 0 ? `Zebra printer jam ${i}` : `Order ${i} question`,
      status: i % 3 === 0 ? 'open' : 'solved',
      createdAt: now - (i + 1) * MINUTE,
      updatedAt: now - (i + 1) * MINUTE,
    }),
  );

  it('renders only a window of 2,000 rows and filters as the rep types', async () => {
    const user = userEvent.setup();
    await showCase(many);
    const rows = within(await list()).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]).toHaveAttribute('aria-setsize', '2000');
    expect(rows[0]).toHaveAttribute('aria-posinset', '1');

    // Scrolling brings other rows into the page.
    const scroller = (await list()).parentElement as HTMLElement;
    scroller.scrollTop = ROW_HEIGHT * 1000;
    fireEvent.scroll(scroller);
    expect(await screen.findByRole('link', { name: 'Order 1001 question' })).toBeInTheDocument();
    scroller.scrollTop = 0;
    fireEvent.scroll(scroller);

    const search = screen.getByRole('searchbox', { name: 'Filter conversations' });
    await user.click(search);
    /** Time from one keystroke to the list showing its result. */
    const timeKeystroke = async (key: string, shows: string | RegExp) => {
      const started = performance.now();
      await user.keyboard(key);
      await screen.findByText(shows);
      const elapsed = performance.now() - started;
      console.log(`keystroke ${key} → updated list (2,000 rows): ${elapsed.toFixed(1)} ms`);
      return elapsed;
    };
    const timings = [
      await timeKeystroke('z', 'Showing 200 of 2000'),
      await timeKeystroke('{Backspace}', 'Order 1 question'),
      await timeKeystroke('q', 'Showing 1800 of 2000'),
      await timeKeystroke('{Backspace}', 'Order 1 question'),
      await timeKeystroke('z', 'Showing 200 of 2000'),
    ];
    const shown = within(await list()).getAllByRole('listitem');
    expect(shown.length).toBeLessThan(40);
    expect(shown.every((row) => row.textContent?.includes('Zebra'))).toBe(true);
    // The target is 50 ms; the bound leaves room for a busy test machine.
    expect(Math.min(...timings)).toBeLessThan(100);

    // Narrowed to 100 rows or fewer, the list renders plainly: every match is in the page.
    await user.type(search, 'ebra printer jam 19');
    expect(await screen.findByText('Showing 12 of 2000')).toBeInTheDocument();
    const plain = within(await list()).getAllByRole('listitem');
    expect(plain).toHaveLength(12);
    expect(plain[0]).not.toHaveAttribute('aria-setsize');
  });
});

describe('when a screen fails', () => {
  it('shows what happened and a Reload button instead of an empty page', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const Broken = () => {
      throw new Error('conversations index missing');
    };
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('conversations index missing');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    error.mockRestore();
  });
});

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanel } from '@/entrypoints/sidepanel/SidePanel';
import { db } from '@/utils/db';
import type { Conversation, TabCase, ThreadMessage } from '@/utils/schemas';
import { tabCases } from '@/utils/tab-case';
import { CUSTOMER_KEY, conversation, DAY, SOURCE } from './history-fixtures';

const TAB = 9;
const now = Date.now();

const hannah: TabCase = {
  case: {
    helpdesk: 'zendesk',
    host: 'acme.zendesk.com',
    ticketId: '900',
    url: 'https://acme.zendesk.com/agent/tickets/900',
    subject: 'Third time asking',
    status: 'open',
    customer: { name: 'Hannah Schmidt', email: 'hannah@example.com', timeZone: 'Europe/Berlin', locale: 'de' },
    tags: [],
    from: 'api',
    seenAt: now,
  },
  customerKey: CUSTOMER_KEY,
  updatedAt: now,
};

const history: Conversation[] = [
  conversation('900', { subject: 'Third time asking', status: 'open', createdAt: now, updatedAt: now }),
  conversation('880', {
    subject: 'Still charged twice',
    status: 'solved',
    createdAt: now - 3 * DAY,
    updatedAt: now - 2 * DAY,
    assigneeId: '3',
    assignee: { name: 'Jonas Weber' },
    satisfaction: 'good',
    satisfactionComment: 'Jonas was brilliant, thank you!',
  }),
  conversation('870', {
    subject: 'Charged twice',
    status: 'pending',
    createdAt: now - 6 * DAY,
    updatedAt: now - 5 * DAY,
    assigneeId: '4',
  }),
];

const thread: ThreadMessage[] = [
  {
    id: '1',
    author: 'customer',
    authorName: 'Hannah Schmidt',
    internal: false,
    body: 'Charged twice.',
    createdAt: now - 3 * DAY,
  },
  {
    id: '2',
    author: 'agent',
    authorName: 'Jonas Weber',
    internal: true,
    body: 'Checked the ledger.',
    createdAt: now - 3 * DAY + 1,
  },
  {
    id: '3',
    author: 'agent',
    authorName: 'Jonas Weber',
    internal: false,
    body: 'Refund on its way.',
    createdAt: now - 3 * DAY + 2,
  },
];

/** The background, answering thread reads as done (the test puts the thread in the database itself). */
function threadReads(): string[] {
  const asked: string[] = [];
  fakeBrowser.runtime.onMessage.addListener(async (raw: unknown) => {
    const message = raw as { type?: string; data?: { id?: string } };
    if (message.type === 'thread:fetch') asked.push(message.data?.id ?? '');
    return { ok: true, reply: { ok: true, count: 0 } };
  });
  return asked;
}

beforeEach(async () => {
  window.history.replaceState(null, '', `/sidepanel.html?tabId=${TAB}`);
  await Promise.all(db.tables.map((table) => table.clear()));
  await db.conversations.bulkPut(history);
  await tabCases.set(TAB, hannah);
});

// The first render of a test file loads every module: slower than the default second on a busy machine.
const story = () => screen.findByRole('region', { name: 'The story so far' }, { timeout: 10_000 });

describe('the case brief', () => {
  it('tells the last contact, who handled it, its rating comment, what is still open, and their local time', async () => {
    threadReads();
    render(<SidePanel />);
    const region = await story();
    await within(region).findByText(/handled by Jonas Weber · solved/);
    expect(region).toHaveTextContent('Jonas was brilliant, thank you!');
    expect(region).toHaveTextContent('Charged twice (Zendesk, pending)');
    expect(region).toHaveTextContent(/\d\d?:\d\d [AP]M in Europe\/Berlin/);
    expect(region).toHaveTextContent('German');
  });

  it('reads the last contact’s thread and quotes our last public reply, not the internal note', async () => {
    const asked = threadReads();
    render(<SidePanel />);
    await waitFor(() => expect(asked).toContain('880'));
    await db.threads.put({ source: SOURCE, id: '880', messages: thread, fetchedAt: now, attemptedAt: now });
    const region = await story();
    await within(region).findByText('Refund on its way.');
    expect(region).not.toHaveTextContent('Checked the ledger.');
    const more = within(region).getByRole('button', { name: 'Show the whole reply' });
    await userEvent.click(more);
    expect(more).toHaveAttribute('aria-expanded', 'true');
  });

  it('copies a plain-text recap and says so', async () => {
    threadReads();
    const user = userEvent.setup();
    render(<SidePanel />);
    const region = await story();
    await user.click(within(region).getByRole('button', { name: 'Copy recap' }));
    await within(region).findByText('Recap copied');
    const copied = await navigator.clipboard.readText();
    expect(copied.split('\n')[0]).toBe('Hannah Schmidt: 2 earlier conversations, 1 open.');
    expect(copied).toContain('Still charged twice · solved · handled by Jonas Weber · rated good');
  });

  it('names who handled each earlier conversation and shows the rating comment; never a bare id', async () => {
    threadReads();
    render(<SidePanel />);
    const list = await screen.findByRole('list', { name: 'Earlier conversations' });
    const [last, older] = within(list).getAllByRole('listitem');
    expect(last).toHaveTextContent('Jonas Weber');
    expect(last).toHaveTextContent('Jonas was brilliant, thank you!');
    expect(older).not.toHaveTextContent(/\b4\b/);
  });

  it('expands a row in place to its thread, internal notes marked', async () => {
    const asked = threadReads();
    await db.threads.put({ source: SOURCE, id: '870', messages: thread, fetchedAt: now, attemptedAt: now });
    render(<SidePanel />);
    const list = await screen.findByRole('list', { name: 'Earlier conversations' });
    const toggles = within(list).getAllByRole('button', { name: 'Show messages' });
    await userEvent.click(toggles[1] as HTMLElement);
    await waitFor(() => expect(asked).toContain('870'));
    const messages = await within(list).findByRole('region', { name: 'Messages of Charged twice' });
    expect(within(messages).getAllByRole('listitem')).toHaveLength(3);
    expect(within(messages).getByText('Internal note').closest('li')).toHaveTextContent('Checked the ledger.');
  });

  it('offers the praise in a good rating’s comment and opens the composer with quote and recipient', async () => {
    threadReads();
    render(<SidePanel />);
    const praise = await screen.findByRole('region', { name: 'Praise noticed' });
    expect(praise).toHaveTextContent('for Jonas Weber');
    await userEvent.click(within(praise).getByRole('button', { name: 'Share this praise' }));
    const form = await screen.findByRole('form', { name: 'Send praise' });
    expect(within(form).getByLabelText('To', { exact: true })).toHaveValue('Jonas Weber');
    expect(within(form).getByLabelText('Customer quote', { exact: true })).toHaveValue(
      'Jonas was brilliant, thank you!',
    );
    expect(await db.kudos.count()).toBe(0);
  });
});

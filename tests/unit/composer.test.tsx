import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Composer } from '@/components/kudos/Composer';
import { SidePanel } from '@/entrypoints/sidepanel/SidePanel';
import { db } from '@/utils/db';
import { DEFAULT_PLAYBOOK } from '@/utils/playbook/default';
import type { Conversation, Kudos, TabCase } from '@/utils/schemas';
import { settings } from '@/utils/settings';
import { tabCases } from '@/utils/tab-case';
import { CUSTOMER_KEY, conversation, DAY } from './history-fixtures';

const TAB = 7;
const now = Date.now();
const CUSTOMER_EMAIL = 'ada@example.com';
const TICKET_URL = 'https://acme.zendesk.com/agent/tickets/500';
const SLACK = { kind: 'slack', url: 'https://hooks.slack.com/services/T000/B000/XXXX' } as const;
const QUOTE = 'Sam fixed it in ten minutes! Write to ada@example.com or call +44 20 7946 0958.';
const MASKED = 'Sam fixed it in ten minutes! Write to [email] or call [phone].';
const MESSAGE = 'Sam stayed with Ada until the refund showed up.';

const openCase: TabCase = {
  case: {
    helpdesk: 'zendesk',
    host: 'acme.zendesk.com',
    ticketId: '500',
    url: TICKET_URL,
    subject: 'Card declined again',
    status: 'open',
    customer: { name: 'Ada Lovelace', email: CUSTOMER_EMAIL, externalId: '42' },
    tags: [],
    from: 'api',
    seenAt: now,
  },
  customerKey: CUSTOMER_KEY,
  updatedAt: now,
};

beforeEach(async () => {
  window.history.replaceState(null, '', `/sidepanel.html?tabId=${TAB}`);
  await Promise.all(db.tables.map((table) => table.clear()));
  await settings.roster.setValue({
    people: [
      { name: 'Sam Rivera', email: 'sam@acme.test', team: 'Billing' },
      { name: 'Priya Nair', email: 'priya@acme.test', team: 'Engineering' },
    ],
    teams: ['Billing', 'Product'],
  });
  await settings.profile.setValue({ name: 'Ruth Rep', email: 'ruth@acme.test' });
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Answers messages to the background like it would, and remembers their types. */
function fakeBackground() {
  const seen: string[] = [];
  fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
    seen.push((message as { type: string }).type);
    return { ok: true, reply: { ok: true } };
  });
  return seen;
}

/** The side panel on Ada's ticket, with the composer opened from "Send praise". */
async function openComposer(history: Conversation[] = []) {
  await db.conversations.bulkPut(history);
  await tabCases.set(TAB, openCase);
  const user = userEvent.setup();
  render(<SidePanel />);
  await user.click(await screen.findByRole('button', { name: 'Send praise' }));
  const form = screen.getByRole('form', { name: 'Send praise' });
  return { user, form, ...fields(form) };
}

function fields(form: HTMLElement) {
  return {
    to: within(form).getByRole('combobox', { name: 'To' }),
    promise: within(form).getByRole('combobox', { name: 'Promise' }) as HTMLSelectElement,
    message: within(form).getByRole('textbox', { name: 'Message' }),
    quote: within(form).getByRole('textbox', { name: 'Customer quote' }),
    mask: within(form).getByRole('checkbox', { name: 'Mask personal details in the quote' }),
    send: within(form).getByRole('button', { name: 'Send' }),
  };
}

const storedKudos = () => db.kudos.toArray();

describe('opening the composer from the side panel', () => {
  it('opens from "Send praise" with the case attached and every field labelled', async () => {
    const { form, to, promise, mask, send } = await openComposer();
    const button = screen.getByRole('button', { name: 'Send praise' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(within(form).getByText('From ticket #500 · Card declined again')).toBeInTheDocument();
    expect(to).toHaveFocus();
    // A first contact: the case suggests the promise it called for, whoever is praised.
    expect(promise.value).toBe('promise:make-it-easy');
    expect(within(promise).getByRole('option', { name: '—' })).toBeInTheDocument();
    expect(mask).toBeChecked();
    expect(send).toHaveAttribute('type', 'submit');
    // The customer's email is on the page, never in the composer.
    expect(form).not.toHaveTextContent(CUSTOMER_EMAIL);
  });

  it('closes on Escape and gives the focus back to the button; the button toggles it too', async () => {
    const { user, to } = await openComposer();
    const button = screen.getByRole('button', { name: 'Send praise' });
    await user.type(to, 'Sa');
    expect(await screen.findByRole('listbox')).toBeVisible();
    // The first Escape closes the list of names only.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.getByRole('form', { name: 'Send praise' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form', { name: 'Send praise' })).toBeNull();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    expect(screen.getByRole('form', { name: 'Send praise' })).toBeInTheDocument();
    await user.click(button);
    expect(screen.queryByRole('form', { name: 'Send praise' })).toBeNull();
  });

  it('prefills the quote with what the rep selected on the ticket, still editable', async () => {
    const sendMessage = vi
      .spyOn(browser.tabs, 'sendMessage')
      // The types know only Chrome's callback form; the content script answers with a Kept reply envelope.
      .mockResolvedValue({ ok: true, reply: { text: '  It finally works, thank you!  ' } } as never);
    const { user, quote } = await openComposer();
    await waitFor(() => expect(quote).toHaveValue('It finally works, thank you!'));
    expect(sendMessage).toHaveBeenCalledWith(TAB, { kept: 1, type: 'helpdesk:selection', data: {} });
    await user.clear(quote);
    await user.type(quote, 'Edited');
    expect(quote).toHaveValue('Edited');
  });

  it('starts with an empty quote when the page cannot answer', async () => {
    const sendMessage = vi.spyOn(browser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    const { quote, form } = await openComposer();
    await waitFor(() => expect(sendMessage).toHaveBeenCalled());
    expect(quote).toHaveValue('');
    expect(within(form).queryByRole('alert')).toBeNull();
  });
});

describe('To', () => {
  it('offers people and teams from the roster as you type, by keyboard or pointer', async () => {
    const { user, to } = await openComposer();
    await user.type(to, 'bil');
    const list = await screen.findByRole('listbox', { name: 'Teammates and teams' });
    expect(to).toHaveAttribute('aria-expanded', 'true');
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Team: Billing', 'Sam Rivera — Billing']);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const sam = within(list).getByRole('option', { name: 'Sam Rivera — Billing' });
    expect(sam).toHaveAttribute('aria-selected', 'true');
    expect(to).toHaveAttribute('aria-activedescendant', sam.id);
    await user.keyboard('{Enter}');
    expect(to).toHaveValue('Sam Rivera — Billing');
    expect(to).toHaveAttribute('aria-expanded', 'false');

    await user.clear(to);
    await user.type(to, 'pro');
    await user.click(await screen.findByRole('option', { name: 'Team: Product' }));
    expect(to).toHaveValue('Team: Product');
    expect(to).toHaveFocus();
  });
});

describe('validation', () => {
  it('shows what is missing next to each field, focuses the first, and saves nothing', async () => {
    const { user, form, to, message, send } = await openComposer();
    await user.click(send);
    expect(to).toHaveFocus();
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(to).toHaveAccessibleDescription('Say who you are praising: a teammate or a team.');
    expect(message).toHaveAttribute('aria-invalid', 'true');
    expect(message).toHaveAccessibleDescription(
      '0 of at least 20 characters Say what they did: at least 20 characters (0 so far).',
    );
    expect(await storedKudos()).toEqual([]);

    await user.type(to, 'Sam Rivera');
    await user.type(message, 'Thanks!');
    expect(within(form).getByText('7 of at least 20 characters')).toBeInTheDocument();
    await user.click(send);
    expect(message).toHaveFocus();
    expect(to).not.toHaveAttribute('aria-invalid');
    expect(within(form).getByText('Say what they did: at least 20 characters (7 so far).')).toBeInTheDocument();
    expect(await storedKudos()).toEqual([]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('asks for a promise when the admin requires one, with the length rule from settings', async () => {
    await settings.kudosRules.setValue({ minMessageLength: 5, requirePromise: true });
    const { user, form, to, promise, message, send } = await openComposer();
    await waitFor(() => expect(promise).toBeRequired());
    await user.type(to, 'Sam Rivera');
    await user.type(message, 'Great');
    expect(within(form).getByText('5 characters')).toBeInTheDocument();
    await user.selectOptions(promise, '');
    await user.click(send);
    expect(promise).toHaveFocus();
    expect(promise).toHaveAccessibleDescription('Behaviours of every role. Pick the promise they kept.');
    expect(await storedKudos()).toEqual([]);

    await user.selectOptions(promise, 'promise:no-repeat');
    await user.click(send);
    await screen.findByText('Praise saved in Kept.');
    expect(await storedKudos()).toMatchObject([{ promiseId: 'no-repeat', message: 'Great' }]);
  });
});

describe('sending', () => {
  it('saves one kudos with the case and the masked quote, and one delivery for Slack', async () => {
    await settings.deliveryTarget.setValue(SLACK);
    const background = fakeBackground();
    const { user, form, to, message, quote, send } = await openComposer();
    await user.type(to, 'Sam Rivera');
    await user.type(message, MESSAGE);
    await user.type(quote, QUOTE);
    expect(await within(form).findByText(`Will be sent as: ${MASKED}`)).toBeInTheDocument();
    expect(quote).toHaveAccessibleDescription(`Will be sent as: ${MASKED}`);
    await user.click(send);

    await waitFor(() => expect(within(form).getByRole('status')).toHaveTextContent('Praise saved. Sending to Slack…'));
    const [row, ...more] = await storedKudos();
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      from: { name: 'Ruth Rep', email: 'ruth@acme.test' },
      to: { kind: 'person', name: 'Sam Rivera', email: 'sam@acme.test', team: 'Billing' },
      message: MESSAGE,
      quote: MASKED,
      state: 'queued',
    });
    expect(row?.case).toEqual({
      helpdesk: 'zendesk',
      ticketId: '500',
      url: TICKET_URL,
      subject: 'Card declined again',
    });
    expect(JSON.stringify(row)).not.toContain(CUSTOMER_EMAIL);
    expect(await db.outbox.toArray()).toMatchObject([{ kudosId: row?.id, attempts: 0 }]);
    expect(background).toContain('outbox:wake');
    // Ready for the next one.
    expect(to).toHaveValue('');
    expect(message).toHaveValue('');
    expect(quote).toHaveValue('');
  });

  it('sends the quote as typed when masking is turned off', async () => {
    await settings.deliveryTarget.setValue(SLACK);
    const { user, form, to, message, quote, mask, send } = await openComposer();
    await user.type(to, 'Team: Billing');
    await user.type(message, MESSAGE);
    await user.type(quote, QUOTE);
    await user.click(mask);
    expect(within(form).queryByText(/Will be sent as/)).toBeNull();
    await user.click(send);
    await within(form).findByText('Praise saved. Sending to Slack…');
    expect(await storedKudos()).toMatchObject([{ to: { kind: 'team', name: 'Billing' }, quote: QUOTE }]);
    expect(mask).toBeChecked();
  });

  it('suggests the promise the case called for, and records the behaviour the rep picks', async () => {
    await settings.roleId.setValue('frontline');
    const history = [
      conversation('500', { createdAt: now, updatedAt: now }),
      conversation('401', { createdAt: now - 2 * DAY, updatedAt: now - 2 * DAY }),
      conversation('402', { createdAt: now - 3 * DAY, updatedAt: now - 3 * DAY }),
    ];
    const { user, form, to, promise, message, send } = await openComposer(history);
    await waitFor(() => expect(promise.value).toBe('promise:no-repeat'));
    expect(promise).toHaveAccessibleDescription('Behaviours of every role. Suggested from this case: repeat contact.');
    const groups = [...promise.querySelectorAll('optgroup')].map((g) => g.label);
    expect(groups).toContain('You never have to repeat yourself');
    await user.selectOptions(promise, 'behaviour:recap-what-they-told-us');
    await user.type(to, 'Priya');
    await user.type(message, MESSAGE);
    await user.click(send);
    await within(form).findByText('Praise saved in Kept.');
    expect(await storedKudos()).toMatchObject([
      { to: { name: 'Priya' }, promiseId: 'no-repeat', behaviourId: 'recap-what-they-told-us', state: 'local' },
    ]);
  });

  it('offers the recipient’s role’s behaviours when the roster knows it, else every behaviour by promise', async () => {
    await settings.roleId.setValue('frontline');
    await settings.roster.setValue({
      people: [
        { name: 'Sam Rivera', email: 'sam@acme.test', team: 'Billing', role: 'Billing' },
        { name: 'Priya Nair', email: 'priya@acme.test', team: 'Engineering' },
      ],
      teams: ['Billing'],
    });
    const { user, to, promise } = await openComposer();
    const offered = () => [...promise.querySelectorAll('option')].map((o) => o.value).filter((v) => v.startsWith('b'));
    await waitFor(() => expect(offered()).toHaveLength(DEFAULT_PLAYBOOK.behaviours.length));
    await user.type(to, 'sam rivera');
    await waitFor(() => expect(promise).toHaveAccessibleDescription(/^Behaviours of their role: Billing\./));
    const billing = DEFAULT_PLAYBOOK.behaviours.filter((b) => b.roles === 'all' || b.roles.includes('billing'));
    expect(offered()).toEqual(
      DEFAULT_PLAYBOOK.promises.flatMap((p) =>
        billing.filter((b) => b.promiseId === p.id).map((b) => `behaviour:${b.id}`),
      ),
    );
    // The sender's own role does not decide: the frontline-only behaviour is not offered for Sam.
    expect(offered()).not.toContain('behaviour:messaging-stay-in-app');
    await user.clear(to);
    await user.type(to, 'Priya Nair');
    await waitFor(() => expect(offered()).toHaveLength(DEFAULT_PLAYBOOK.behaviours.length));
  });

  it('keeps everything the rep wrote when saving fails, and saves on the next try', async () => {
    await settings.deliveryTarget.setValue(SLACK);
    vi.spyOn(db.kudos, 'add').mockRejectedValueOnce(new DOMException('Quota exceeded', 'QuotaExceededError'));
    const { user, form, to, message, quote, send } = await openComposer();
    await user.type(to, 'Sam Rivera');
    await user.type(message, MESSAGE);
    await user.type(quote, QUOTE);
    await user.click(send);

    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Praise not saved: the browser has no storage space left for Kept.',
    );
    expect(to).toHaveValue('Sam Rivera');
    expect(message).toHaveValue(MESSAGE);
    expect(quote).toHaveValue(QUOTE);
    expect(await storedKudos()).toEqual([]);
    expect(await db.outbox.count()).toBe(0);

    await user.click(send);
    await within(form).findByText('Praise saved. Sending to Slack…');
    expect(within(form).queryByRole('alert')).toBeNull();
    expect(await storedKudos()).toHaveLength(1);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('suggested recipients', () => {
  it('shows who handled this customer and who has waited for praise; a click fills To', async () => {
    await db.kudos.add({
      id: 'earlier',
      createdAt: now - 2 * DAY,
      from: { name: 'Ruth Rep' },
      to: { kind: 'person', name: 'Priya Nair', email: 'priya@acme.test' },
      message: 'Priya found the bug behind the double charge.',
      state: 'sent',
    });
    const history = [
      conversation('401', { assigneeId: '12', assignee: { name: 'Sam Rivera', email: 'sam@acme.test' } }),
    ];
    const { user, to } = await openComposer(history);
    const list = await screen.findByRole('list', { name: 'Suggested teammates' });
    const sam = await within(list).findByRole('button', {
      name: 'Suggested: Sam Rivera (handled this customer before, never recognised yet)',
    });
    // Praised two days ago: not suggested.
    expect(within(list).queryByRole('button', { name: /Priya Nair/ })).toBeNull();
    await user.click(sam);
    expect(to).toHaveValue('Sam Rivera — Billing');
  });
});

describe('in the popup', () => {
  it('works without a case: no case line, nothing attached, kept in Kept', async () => {
    const background = fakeBackground();
    const onSent = vi.fn<(kudos: Kudos) => void>();
    const user = userEvent.setup();
    render(<Composer caseInfo={undefined} tabId={undefined} onSent={onSent} />);
    const form = screen.getByRole('form', { name: 'Send praise' });
    const { to, message, send } = fields(form);
    expect(within(form).queryByText(/From ticket/)).toBeNull();
    await user.type(to, 'Team: Product');
    await user.type(message, MESSAGE);
    await user.click(send);
    await within(form).findByText('Praise saved in Kept.');
    const [row] = await storedKudos();
    expect(row).toMatchObject({ to: { kind: 'team', name: 'Product' }, state: 'local' });
    expect(row?.case).toBeUndefined();
    expect(onSent).toHaveBeenCalledWith(row);
    expect(await db.outbox.count()).toBe(0);
    expect(background).not.toContain('outbox:wake');
  });
});

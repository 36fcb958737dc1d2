import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/options/App';
import { DEFAULT_PLAYBOOK } from '@/utils/playbook/default';
import { playbookToJson } from '@/utils/playbook/io';
import type { Playbook } from '@/utils/playbook/schema';
import { cachedActivePlaybook, loadActivePlaybook } from '@/utils/playbook/store';
import { settings } from '@/utils/settings';

const DAY = 24 * 60 * 60_000;

/** A small valid playbook a team lead might import. */
const team: Playbook = {
  version: 3,
  name: 'Northwind support playbook',
  updatedAt: new Date(Date.now() - 5 * DAY).toISOString(),
  reviewedBy: 'Dana Okoro',
  reviewedAt: new Date(Date.now() - 5 * DAY).toISOString(),
  promises: [
    { id: 'no-repeat', title: 'You never repeat yourself', summary: 'We read before we reply.' },
    { id: 'own-it', title: 'We own it', summary: 'One person sees it through.' },
  ],
  roles: [
    { id: 'frontline', name: 'Frontline support', description: 'First replies.' },
    { id: 'billing', name: 'Billing', description: 'Invoices and refunds.' },
  ],
  behaviours: [
    {
      id: 'read-history',
      promiseId: 'no-repeat',
      roles: ['frontline'],
      text: 'Quote the customer’s last message back before asking anything new.',
      detail: 'Show them we read it.',
      when: { signals: ['repeat-contact'], tags: ['vip'] },
    },
    { id: 'refund-status', promiseId: 'no-repeat', roles: ['billing'], text: 'State the refund date from the ledger.' },
    { id: 'sign-your-name', promiseId: 'own-it', roles: 'all', text: 'Sign every reply with your own name.' },
  ],
};

const broken = {
  ...team,
  version: 0,
  behaviours: [
    { ...team.behaviours[0], promiseId: 'keep-calm' },
    { ...team.behaviours[1], roles: ['finance'] },
  ],
};

const jsonFile = (value: unknown, name = 'p.json') =>
  new File([typeof value === 'string' ? value : JSON.stringify(value)], name, { type: 'application/json' });

const storedPlaybook = async () => (await fakeBrowser.storage.local.get('playbook')).playbook;

/** jsdom's Blob has no text(); the browser's has. */
beforeAll(() => {
  if (typeof Blob.prototype.text === 'function') return;
  Object.defineProperty(Blob.prototype, 'text', {
    configurable: true,
    value(this: Blob) {
      return new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.onerror = () => reject(reader.error);
        reader.readAsText(this);
      });
    },
  });
});

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

/** Renders the options page and waits for the playbook and the role to load. */
async function renderOptions() {
  const user = userEvent.setup();
  render(<App />);
  await waitFor(
    () => {
      expect(screen.getByRole('heading', { name: 'Playbook' })).toBeInTheDocument();
      expect(screen.getByRole('combobox', { name: 'Your role' })).not.toHaveTextContent('Loading roles…');
    },
    { timeout: 10_000 },
  );
  return { user, roleSelect: screen.getByRole('combobox', { name: 'Your role' }) as HTMLSelectElement };
}

const optionNames = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((o) => o.textContent);

describe('options: you', () => {
  it('lists the playbook’s roles and saves the rep’s choice at once', async () => {
    const { user, roleSelect } = await renderOptions();
    expect(optionNames(roleSelect)).toEqual(['Choose your role…', ...DEFAULT_PLAYBOOK.roles.map((r) => r.name)]);
    expect(roleSelect).toHaveValue('');

    await user.selectOptions(roleSelect, 'Billing');
    await waitFor(() => expect(screen.getByText('Role saved.')).toBeInTheDocument());
    expect(await settings.roleId.getValue()).toBe('billing');
    expect(roleSelect).toHaveValue('billing');
    // Once a role is chosen, "Choose your role…" goes away.
    expect(optionNames(roleSelect)).not.toContain('Choose your role…');
  });

  it('offers only the roles the organisation allows', async () => {
    await fakeBrowser.storage.managed.set({ roles: ['frontline', 'billing'] });
    await renderOptions();
    const names = Object.fromEntries(DEFAULT_PLAYBOOK.roles.map((r) => [r.id, r.name]));
    // Every role is offered at once; the policy's answer narrows them.
    await waitFor(() =>
      expect(optionNames(screen.getByRole('combobox', { name: 'Your role' }))).toEqual([
        'Choose your role…',
        names.frontline,
        names.billing,
      ]),
    );
  });

  it('shows a role the organisation presets, disabled', async () => {
    await fakeBrowser.storage.managed.set({ presetRole: 'technical' });
    await settings.roleId.setValue('billing');
    await renderOptions();
    const roleSelect = () => screen.getByRole('combobox', { name: 'Your role' });
    await waitFor(() => expect(roleSelect()).toHaveValue('technical'));
    expect(roleSelect()).toBeDisabled();
    expect(roleSelect()).toHaveAccessibleDescription('Set by your organisation.');
  });

  it('keeps saving the profile and the history cap with "Save"', async () => {
    const { user } = await renderOptions();
    await user.type(screen.getByLabelText('Your name'), 'Ada');
    await user.type(screen.getByLabelText('Your email'), 'ada@example.com');
    const cap = screen.getByLabelText('Earlier conversations to load per customer');
    await user.clear(cap);
    await user.type(cap, '2000');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved.'));
    expect(await settings.historyCap.getValue()).toBe(2000);
    expect(await settings.profile.getValue()).toEqual({ name: 'Ada', email: 'ada@example.com' });
  });
});

describe('options: welcome', () => {
  it('greets a new rep with ?welcome=1 and puts focus on the role', async () => {
    window.history.replaceState(null, '', '/options.html?welcome=1');
    const { user, roleSelect } = await renderOptions();
    const welcome = screen.getByRole('region', { name: 'Welcome to Kept' });
    expect(welcome).toHaveTextContent('Pick your role to see the behaviours that keep our promises');
    await waitFor(() => expect(roleSelect).toHaveFocus());

    await user.click(within(welcome).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'Welcome to Kept' })).not.toBeInTheDocument();
    expect(window.location.search).toBe('');
  });

  it('does not greet without the query parameter', async () => {
    const { roleSelect } = await renderOptions();
    expect(screen.queryByRole('region', { name: 'Welcome to Kept' })).not.toBeInTheDocument();
    expect(roleSelect).not.toHaveFocus();
  });
});

describe('options: playbook', () => {
  it('describes the starter playbook and reads its behaviours for the rep’s role', async () => {
    await settings.roleId.setValue('billing');
    const { user } = await renderOptions();
    const section = screen.getByRole('region', { name: 'Playbook' });
    expect(section).toHaveTextContent(DEFAULT_PLAYBOOK.name);
    expect(section).toHaveTextContent("Kept's starter playbook");

    const reader = screen.getByRole('combobox', { name: 'Show behaviours for' });
    expect(reader).toHaveValue('billing');
    const billingOnly = DEFAULT_PLAYBOOK.behaviours.find(
      (b) => b.roles !== 'all' && b.roles.length === 1 && b.roles[0] === 'billing',
    );
    const technicalOnly = DEFAULT_PLAYBOOK.behaviours.find(
      (b) => b.roles !== 'all' && b.roles.length === 1 && b.roles[0] === 'technical',
    );
    if (!billingOnly || !technicalOnly) throw new Error('the starter playbook changed');
    expect(screen.getByText(billingOnly.text)).toBeInTheDocument();
    expect(screen.queryByText(technicalOnly.text)).not.toBeInTheDocument();

    await user.selectOptions(reader, 'technical');
    expect(screen.getByText(technicalOnly.text)).toBeInTheDocument();
    expect(screen.queryByText(billingOnly.text)).not.toBeInTheDocument();
    // Looking at another role's behaviours does not change the rep's own.
    expect(await settings.roleId.getValue()).toBe('billing');
  });

  it('shows every promise with the role’s behaviours, details and triggers', async () => {
    await fakeBrowser.storage.local.set({ playbook: team, roleId: 'frontline' });
    await renderOptions();
    const promise = screen.getByRole('article', { name: 'You never repeat yourself' });
    expect(promise).toHaveTextContent('We read before we reply.');
    expect(promise).toHaveTextContent('Quote the customer’s last message back before asking anything new.');
    expect(promise).toHaveTextContent('Show them we read it.');
    expect(within(promise).getByText('Repeat contact')).toHaveClass('trigger');
    expect(within(promise).getByText('Tag: vip')).toHaveClass('trigger');
    expect(promise).not.toHaveTextContent('State the refund date');
    const ownIt = screen.getByRole('article', { name: 'We own it' });
    expect(ownIt).toHaveTextContent('Sign every reply with your own name.');
  });

  it('says when the playbook was last reviewed, and warns when that was over 90 days ago', async () => {
    await fakeBrowser.storage.local.set({ playbook: team });
    const { unmount } = render(<App />);
    expect(await screen.findByText(/^Last reviewed .* by Dana Okoro$/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    unmount();

    const reviewedAt = new Date(Date.now() - 120 * DAY).toISOString();
    await fakeBrowser.storage.local.set({ playbook: { ...team, reviewedAt } });
    render(<App />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Not reviewed for 120 days — ask your team lead to review it',
    );
  });
});

describe('options: import', () => {
  it('lists every error of a broken file with its path and keeps the old playbook', async () => {
    await fakeBrowser.storage.local.set({ playbook: team });
    const { user } = await renderOptions();
    await user.upload(screen.getByLabelText('Import playbook from a file'), jsonFile(broken, 'broken.json'));

    const errors = await screen.findByRole('list', { name: 'Playbook errors' });
    expect(
      within(errors)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'version: must be more than 0 (got 0)',
      'behaviours[0].promiseId: no promise "keep-calm"',
      'behaviours[1].roles[0]: no role "finance"',
    ]);
    expect(screen.getByText('“broken.json” is not a valid playbook (3 problems); nothing was changed.')).toBeVisible();
    expect(await storedPlaybook()).toEqual(team);
  });

  it('names the JSON syntax error of a file that is not JSON', async () => {
    const { user } = await renderOptions();
    await user.upload(screen.getByLabelText('Import playbook from a file'), jsonFile('{"name": ', 'p.json'));
    const errors = await screen.findByRole('list', { name: 'Playbook errors' });
    expect(errors).toHaveTextContent(/^not valid JSON/);
    expect(await storedPlaybook()).toBeUndefined();
  });

  it('saves a valid file and shows it', async () => {
    const { user } = await renderOptions();
    await user.upload(screen.getByLabelText('Import playbook from a file'), jsonFile(team));

    expect(await screen.findByText('Imported “Northwind support playbook” (3 behaviours).')).toBeInTheDocument();
    expect(await storedPlaybook()).toEqual(team);
    const section = screen.getByRole('region', { name: 'Playbook' });
    await waitFor(() => expect(section).toHaveTextContent('Northwind support playbook'));
    expect(section).toHaveTextContent('Imported');
    // The role list follows the new playbook.
    expect(optionNames(screen.getByRole('combobox', { name: 'Your role' }))).toEqual([
      'Choose your role…',
      'Frontline support',
      'Billing',
    ]);
  });

  it('accepts only https addresses, before asking for any permission', async () => {
    const request = vi.spyOn(browser.permissions, 'request');
    const { user } = await renderOptions();
    await user.type(screen.getByLabelText('Playbook URL'), 'http://example.com/playbook.json');
    await user.click(screen.getByRole('button', { name: 'Import from URL' }));
    expect(
      await screen.findByText('Only https addresses can be imported; “http://example.com/playbook.json” uses http.'),
    ).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
  });

  it('asks for the origin, downloads and saves a playbook from an https address', async () => {
    const request = vi.spyOn(browser.permissions, 'request').mockImplementation(async () => true);
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(playbookToJson(team)));
    const { user } = await renderOptions();
    await user.type(screen.getByLabelText('Playbook URL'), 'https://example.com/support/playbook.json');
    await user.click(screen.getByRole('button', { name: 'Import from URL' }));

    expect(await screen.findByText('Imported “Northwind support playbook” (3 behaviours).')).toBeInTheDocument();
    expect(request).toHaveBeenCalledWith({ origins: ['https://example.com/*'] });
    expect(String(fetch.mock.calls[0]?.[0])).toBe('https://example.com/support/playbook.json');
    expect(await storedPlaybook()).toEqual(team);
  });

  it('says so when the permission is refused, and downloads nothing', async () => {
    vi.spyOn(browser.permissions, 'request').mockImplementation(async () => false);
    const fetch = vi.spyOn(globalThis, 'fetch');
    const { user } = await renderOptions();
    await user.type(screen.getByLabelText('Playbook URL'), 'https://example.com/playbook.json');
    await user.click(screen.getByRole('button', { name: 'Import from URL' }));
    expect(await screen.findByText(/^Kept was not allowed to read from https:\/\/example\.com\./)).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('says what failed and how to retry when the download fails', async () => {
    vi.spyOn(browser.permissions, 'request').mockImplementation(async () => true);
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response('nope', { status: 404 }));
    await fakeBrowser.storage.local.set({ playbook: team });
    const { user } = await renderOptions();
    await user.type(screen.getByLabelText('Playbook URL'), 'https://example.com/gone.json');
    await user.click(screen.getByRole('button', { name: 'Import from URL' }));
    expect(
      await screen.findByText('Could not download the playbook: HTTP 404. Check the URL and try again.'),
    ).toBeInTheDocument();
    expect(await storedPlaybook()).toEqual(team);
  });
});

describe('options: export and reset', () => {
  it('exports the active playbook as pretty JSON', async () => {
    await fakeBrowser.storage.local.set({ playbook: team });
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:kept/playbook');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    const { user } = await renderOptions();
    await user.click(screen.getByRole('button', { name: 'Export playbook' }));

    const blob = createObjectURL.mock.calls[0]?.[0];
    if (!(blob instanceof Blob)) throw new Error('expected a Blob');
    expect(blob.type).toBe('application/json');
    expect(await blob.text()).toBe(playbookToJson(team));
    expect(JSON.parse(await blob.text())).toEqual(team);
    expect(clicked).toEqual([{ href: 'blob:kept/playbook', download: 'kept-playbook.json' }]);
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('resets to the starter playbook only after confirmation', async () => {
    await fakeBrowser.storage.local.set({ playbook: team });
    const { user } = await renderOptions();
    await user.click(screen.getByRole('button', { name: 'Reset to the starter playbook' }));
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await storedPlaybook()).toEqual(team);

    await user.click(screen.getByRole('button', { name: 'Reset to the starter playbook' }));
    await user.click(screen.getByRole('button', { name: 'Confirm reset' }));
    await waitFor(async () => expect(await storedPlaybook()).toBeUndefined());
    const section = screen.getByRole('region', { name: 'Playbook' });
    await waitFor(() => expect(section).toHaveTextContent(DEFAULT_PLAYBOOK.name));
    expect(section).toHaveTextContent("Kept's starter playbook");
    expect(screen.getByRole('button', { name: 'Reset to the starter playbook' })).toBeInTheDocument();
  });
});

describe('options: organisation-managed playbook', () => {
  it('hides import and reset, says who manages it, and still exports', async () => {
    await fakeBrowser.storage.managed.set({ playbook: JSON.stringify(team) });
    await renderOptions();
    const section = screen.getByRole('region', { name: 'Playbook' });
    await waitFor(() => expect(section).toHaveTextContent('Northwind support playbook'));
    expect(section).toHaveTextContent('Managed by your organisation');
    expect(screen.getByText('The playbook is managed by your organisation.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Import playbook from a file')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Playbook URL')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Import from URL' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reset to the starter playbook' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export playbook' })).toBeInTheDocument();
  });

  it('shows the organisation’s playbook at once from the last policy read while the policy is slow to answer', async () => {
    // Never read: the rep's own playbook, until the policy answers.
    expect((await cachedActivePlaybook()).source).toBe('default');
    await fakeBrowser.storage.managed.set({ playbook: JSON.stringify(team) });
    expect((await loadActivePlaybook()).source).toBe('organisation');
    // As Chrome right after start-up: storage.managed answers late (here: never, within this test).
    const never = new Promise<Record<string, unknown>>(() => undefined);
    const slow = vi.spyOn(browser.storage.managed, 'get').mockImplementation(() => never as never);
    try {
      await renderOptions();
      const section = screen.getByRole('region', { name: 'Playbook' });
      await waitFor(() => expect(section).toHaveTextContent('Northwind support playbook'));
      expect(section).toHaveTextContent('Managed by your organisation');
    } finally {
      slow.mockRestore();
    }
    // The policy withdrawn: the next read corrects the copy.
    await fakeBrowser.storage.managed.clear();
    expect((await loadActivePlaybook()).source).toBe('default');
    expect((await cachedActivePlaybook()).source).toBe('default');
  });

  it('shows why an invalid organisation playbook is not used', async () => {
    await fakeBrowser.storage.managed.set({ playbook: JSON.stringify(broken) });
    await renderOptions();
    const problems = await screen.findByRole('list', { name: 'Problems in the organisation’s playbook' });
    expect(within(problems).getAllByRole('listitem')).toHaveLength(3);
    expect(problems).toHaveTextContent('behaviours[0].promiseId: no promise "keep-calm"');
    expect(screen.getByRole('region', { name: 'Playbook' })).toHaveTextContent("Kept's starter playbook");
    // Import stays open: the rep's own playbook is what is in use.
    expect(screen.getByLabelText('Import playbook from a file')).toBeInTheDocument();
  });
});

import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PlaybookEditor } from '@/components/options/PlaybookEditor';
import { addItem, aliasesFromText, aliasesToText, moveItem, withTrigger } from '@/utils/playbook/draft';
import { useActivePlaybook } from '@/utils/playbook/hooks';
import type { Playbook } from '@/utils/playbook/schema';

/** A small playbook a team lead keeps. */
const team: Playbook = {
  version: 3,
  name: 'Northwind support playbook',
  updatedAt: '2026-11-20T09:00:00.000Z',
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
      when: { signals: ['repeat-contact'] },
    },
    { id: 'refund-status', promiseId: 'no-repeat', roles: ['billing'], text: 'State the refund date from the ledger.' },
    { id: 'sign-your-name', promiseId: 'own-it', roles: 'all', text: 'Sign every reply with your own name.' },
  ],
};

const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];
const storedPlaybook = () => stored('playbook') as Promise<Playbook | undefined>;

/** The editor as Options mounts it: on the playbook in force, live. */
function Editor() {
  const active = useActivePlaybook();
  return active ? <PlaybookEditor active={active} /> : null;
}

/** Renders the editor and opens it, as a lead does (an unsaved draft opens it by itself). */
async function renderEditor() {
  const user = userEvent.setup();
  const view = render(<Editor />);
  const region = await screen.findByRole('region', { name: 'Playbook editor' }, { timeout: 10_000 });
  const toggle = within(region).getByRole('button', { name: /^(Edit the playbook|Read the playbook in the editor)$/ });
  await waitFor(() => expect(toggle).toBeEnabled());
  if (toggle.getAttribute('aria-expanded') === 'false') await user.click(toggle);
  await within(region).findByLabelText('Playbook name');
  return { user, region, view };
}

const behaviourList = (region: HTMLElement) => within(region).getByRole('list', { name: 'Behaviours' });
const behaviourNames = (region: HTMLElement) =>
  within(behaviourList(region))
    .getAllByRole('listitem')
    .map((row) => row.getAttribute('aria-label'));
const row = (region: HTMLElement, name: string) => within(behaviourList(region)).getByRole('listitem', { name });

/** Opens a behaviour's fields. */
async function openBehaviour(user: ReturnType<typeof userEvent.setup>, region: HTMLElement, name: string) {
  await user.click(within(row(region, name)).getByRole('button', { name: 'Edit' }));
  return row(region, name);
}

describe('the playbook editor', () => {
  it('edits a behaviour’s text and saves it as the next version, leaving no draft', async () => {
    await fakeBrowser.storage.local.set({ playbook: team });
    const { user, region } = await renderEditor();
    const item = await openBehaviour(user, region, 'Sign every reply with your own name.');
    const text = within(item).getByLabelText('Text');
    await user.clear(text);
    await user.type(text, 'Sign every reply with your first name.');
    expect(await stored('playbookDraft')).toMatchObject({ startedFrom: team.updatedAt });

    await user.click(within(region).getByRole('button', { name: 'Save playbook' }));
    expect(await within(region).findByText(/^Saved “Northwind support playbook” as version 4/)).toBeVisible();
    const saved = await storedPlaybook();
    expect(saved?.behaviours[2]?.text).toBe('Sign every reply with your first name.');
    expect(saved?.version).toBe(4);
    expect(saved?.updatedAt).not.toBe(team.updatedAt);
    expect(await stored('playbookDraft')).toBeUndefined();
    expect(within(region).getByRole('button', { name: 'Save playbook' })).toBeDisabled();
  });

  it('adds a behaviour, asks for its text, and saves it once it has one', async () => {
    await fakeBrowser.storage.local.set({ playbook: team });
    const { user, region } = await renderEditor();
    await user.click(within(region).getByRole('button', { name: 'Add a behaviour' }));

    const problems = within(region).getByRole('list', { name: 'Problems in the draft' });
    expect(problems).toHaveTextContent('behaviours[3].text: must not be empty');
    const added = row(region, 'Untitled');
    // The new row opens with its first field in focus.
    expect(within(added).getByLabelText('Text')).toHaveFocus();
    await user.keyboard('Say when you will write next, and write then.');
    await user.selectOptions(within(added).getByLabelText('Promise'), 'We own it');
    await user.selectOptions(within(added).getByLabelText('How often'), 'Once a day');
    expect(within(region).queryByRole('list', { name: 'Problems in the draft' })).toBeNull();

    await user.click(within(region).getByRole('button', { name: 'Save playbook' }));
    await within(region).findByText(/^Saved/);
    expect((await storedPlaybook())?.behaviours[3]).toEqual({
      id: 'new-behaviour',
      promiseId: 'own-it',
      roles: 'all',
      text: 'Say when you will write next, and write then.',
      cadence: 'day',
    });
  });

  it('reorders behaviours from the keyboard and by dragging, the focus following the moved row', async () => {
    await fakeBrowser.storage.local.set({ playbook: team });
    const { user, region } = await renderEditor();
    const first = 'Quote the customer’s last message back before asking anything new.';
    within(row(region, first)).getByRole('button', { name: 'Move down' }).focus();
    await user.keyboard('{Enter}');
    expect(behaviourNames(region)).toEqual([
      'State the refund date from the ledger.',
      first,
      'Sign every reply with your own name.',
    ]);
    expect(within(row(region, first)).getByRole('button', { name: 'Move down' })).toHaveFocus();
    expect(within(region).getByText(`“${first}” moved to position 2 of 3.`)).toBeInTheDocument();

    // The last row dragged onto the first.
    fireEvent.dragStart(row(region, 'Sign every reply with your own name.'));
    fireEvent.dragOver(row(region, 'State the refund date from the ledger.'));
    fireEvent.drop(row(region, 'State the refund date from the ledger.'));
    expect(behaviourNames(region)).toEqual([
      'Sign every reply with your own name.',
      'State the refund date from the ledger.',
      first,
    ]);

    await user.click(within(region).getByRole('button', { name: 'Save playbook' }));
    await within(region).findByText(/^Saved/);
    expect((await storedPlaybook())?.behaviours.map((b) => b.id)).toEqual([
      'sign-your-name',
      'refund-status',
      'read-history',
    ]);
  });

  it('shows an invalid edit with its path, beside the field too, and saves nothing', async () => {
    await fakeBrowser.storage.local.set({ playbook: team });
    const { user, region } = await renderEditor();
    const item = await openBehaviour(user, region, 'Sign every reply with your own name.');
    const id = within(item).getByLabelText('Id');
    await user.clear(id);
    await user.type(id, 'Sign name');

    const problems = within(region).getByRole('list', { name: 'Problems in the draft' });
    expect(problems).toHaveTextContent('behaviours[2].id: use lower-case letters, digits and dashes (got "Sign name")');
    expect(id).toHaveAccessibleDescription('use lower-case letters, digits and dashes (got "Sign name")');
    expect(id).toHaveAttribute('aria-invalid', 'true');
    // A promise deleted while behaviours still name it: every such reference is listed.
    const promises = within(region).getByRole('list', { name: 'Promises' });
    await user.click(
      within(within(promises).getByRole('listitem', { name: 'We own it' })).getByRole('button', { name: 'Delete' }),
    );
    expect(problems).toHaveTextContent('behaviours[2].promiseId: no promise "own-it"');

    await user.click(within(region).getByRole('button', { name: 'Save playbook' }));
    expect(await within(region).findByText('Nothing was saved: the draft has 2 problems, listed above.')).toBeVisible();
    expect(await storedPlaybook()).toEqual(team);
    expect(within(region).queryByRole('region', { name: 'Preview' })).toHaveTextContent(
      'The preview shows once the draft has no problems.',
    );
  });

  it('undoes the last change: a field’s typing at once, then the change before it', async () => {
    await fakeBrowser.storage.local.set({ playbook: team });
    const { user, region } = await renderEditor();
    const undo = within(region).getByRole('button', { name: 'Undo' });
    expect(undo).toBeDisabled();
    await user.click(
      within(row(region, 'State the refund date from the ledger.')).getByRole('button', { name: 'Move up' }),
    );
    const item = await openBehaviour(user, region, 'Sign every reply with your own name.');
    await user.type(within(item).getByLabelText('Text'), ' Every time.');
    expect(behaviourNames(region)[2]).toBe('Sign every reply with your own name. Every time.');

    await user.click(undo);
    expect(behaviourNames(region)).toEqual([
      'State the refund date from the ledger.',
      'Quote the customer’s last message back before asking anything new.',
      'Sign every reply with your own name.',
    ]);
    await user.click(undo);
    expect(behaviourNames(region)[0]).toBe('Quote the customer’s last message back before asking anything new.');
    expect(undo).toBeDisabled();
    await waitFor(async () => expect(await stored('playbookDraft')).toBeUndefined());
  });

  it('keeps an unsaved draft across a reload, and the saved playbook as it was', async () => {
    await fakeBrowser.storage.local.set({ playbook: team });
    const first = await renderEditor();
    const item = await openBehaviour(first.user, first.region, 'Sign every reply with your own name.');
    await first.user.type(within(item).getByLabelText('Text'), ' Always.');
    await waitFor(async () =>
      expect(await stored('playbookDraft')).toMatchObject({
        playbook: { behaviours: [{}, {}, { text: 'Sign every reply with your own name. Always.' }] },
      }),
    );
    first.view.unmount();

    const { user, region } = await renderEditor();
    await within(region).findByText('Unsaved changes: kept in this browser until you save or discard them.');
    expect(behaviourNames(region)[2]).toBe('Sign every reply with your own name. Always.');
    expect(await storedPlaybook()).toEqual(team);

    // Discarding is undone like any change.
    await user.click(within(region).getByRole('button', { name: 'Discard draft' }));
    expect(behaviourNames(region)[2]).toBe('Sign every reply with your own name.');
    await waitFor(async () => expect(await stored('playbookDraft')).toBeUndefined());
    await user.click(within(region).getByRole('button', { name: 'Undo' }));
    expect(behaviourNames(region)[2]).toBe('Sign every reply with your own name. Always.');
  });

  it('marks the playbook reviewed with the lead’s name and today’s date, and saves it', async () => {
    await fakeBrowser.storage.local.set({ playbook: team, profile: { name: 'Dana Okoro', email: '' } });
    const { user, region } = await renderEditor();
    await waitFor(() => expect(within(region).getByLabelText('Reviewed by')).toHaveValue('Dana Okoro'));
    const before = Date.now();
    await user.click(within(region).getByRole('button', { name: 'Mark reviewed' }));
    await within(region).findByText(/^Saved/);
    const saved = await storedPlaybook();
    expect(saved?.reviewedBy).toBe('Dana Okoro');
    expect(Date.parse(saved?.reviewedAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(within(region).getByText(/^Last reviewed .* by Dana Okoro/)).toBeVisible();
  });

  it('previews what a rep in a role sees on a repeat-contact case', async () => {
    await fakeBrowser.storage.local.set({ playbook: team });
    const { user, region } = await renderEditor();
    const preview = within(region).getByRole('region', { name: 'Preview' });
    const forCase = within(preview).getByRole('list', { name: 'For this case' });
    expect(forCase).toHaveTextContent('Quote the customer’s last message back');
    expect(forCase).toHaveTextContent('Fits: repeat contact');
    await user.selectOptions(within(preview).getByLabelText('As a rep in the role'), 'Billing');
    expect(within(preview).getByRole('list', { name: 'For this case' })).not.toHaveTextContent('Quote the customer');
  });

  it('is read-only, saying why, when the organisation manages the playbook', async () => {
    await fakeBrowser.storage.managed.set({ playbook: JSON.stringify(team) });
    const { user, region } = await renderEditor();
    expect(region).toHaveTextContent('Read-only: your organisation manages this playbook');
    expect(within(region).queryByRole('button', { name: 'Save playbook' })).toBeNull();
    expect(within(region).queryByRole('button', { name: 'Mark reviewed' })).toBeNull();
    expect(within(region).queryByRole('button', { name: 'Add a behaviour' })).toBeNull();
    const item = row(region, 'Sign every reply with your own name.');
    await user.click(within(item).getByRole('button', { name: 'Show' }));
    const text = within(item).getByLabelText('Text');
    expect(text).toHaveAttribute('readonly');
    await user.type(text, ' Changed.');
    expect(text).toHaveValue('Sign every reply with your own name.');
    expect(await stored('playbookDraft')).toBeUndefined();
  });
});

describe('the playbook editor’s edits', () => {
  it('keep the tag synonyms as lines, a line without a colon a tag with none yet', () => {
    const aliases = aliasesFromText('refund: refund_request, money_back ,\n\n vip\n: orphan');
    expect(aliases).toEqual({ refund: ['refund_request', 'money_back'], vip: [] });
    expect(aliasesToText(aliases)).toBe('refund: refund_request, money_back\nvip: ');
    expect(aliasesFromText('  \n')).toBeUndefined();
  });

  it('drop a trigger left with no values, and `when` with nothing left', () => {
    const when = withTrigger({ signals: ['repeat-contact'] }, 'tags', ['vip']);
    expect(when).toEqual({ signals: ['repeat-contact'], tags: ['vip'] });
    expect(withTrigger(when, 'signals', [])).toEqual({ tags: ['vip'] });
    expect(withTrigger({ tags: ['vip'] }, 'tags', [])).toBeUndefined();
  });

  it('move an item within its list and leave a move off its end alone', () => {
    const ids = (p: Playbook) => p.behaviours.map((b) => b.id);
    expect(ids(moveItem('behaviours', 2, 0)(team))).toEqual(['sign-your-name', 'read-history', 'refund-status']);
    expect(ids(moveItem('behaviours', 0, 1)(team))).toEqual(['refund-status', 'read-history', 'sign-your-name']);
    expect(moveItem('behaviours', 2, 3)(team)).toBe(team);
  });

  it('give a new item an id not yet taken', () => {
    const once = addItem('promises')(team);
    const twice = addItem('promises')(once);
    expect(twice.promises.map((p) => p.id).slice(2)).toEqual(['new-promise', 'new-promise-2']);
  });
});

describe('the playbook editor’s tag synonyms', () => {
  it('saves the synonyms a lead types, a trailing comma kept while typing', async () => {
    await fakeBrowser.storage.local.set({ playbook: team });
    const { user, region } = await renderEditor();
    const field = within(region).getByLabelText('Tag synonyms');
    await user.type(field, 'refund: refund_request,');
    expect(field).toHaveValue('refund: refund_request,');
    await user.type(field, ' money_back');
    await user.click(within(region).getByRole('button', { name: 'Save playbook' }));
    await within(region).findByText(/^Saved/);
    expect((await storedPlaybook())?.tagAliases).toEqual({ refund: ['refund_request', 'money_back'] });
  });
});

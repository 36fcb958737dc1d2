// Options in five sections: a navigation that says where the rep is, `#fragment` links that open a section with the
// focus on its heading, prompts elsewhere in Kept that ask for a section, and the three-step welcome.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TeamFeedStatus } from '@/components/feed/TeamFeedStatus';
import { HistorySync } from '@/components/HistorySync';
import { App } from '@/entrypoints/options/App';
import { openOptions, requestedSection } from '@/utils/options/sections';
import { settings } from '@/utils/settings';

/** The first render of the whole page, on a busy machine. */
const LOAD = { timeout: 10_000 };

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

const nav = () => screen.getByRole('navigation', { name: 'Sections' });
const link = (name: string) => within(nav()).getByRole('link', { name });
const currentLinks = () =>
  within(nav())
    .getAllByRole('link')
    .filter((a) => a.getAttribute('aria-current') === 'location')
    .map((a) => a.textContent);

async function renderOptions(url = '/options.html') {
  window.history.replaceState(null, '', url);
  const user = userEvent.setup();
  render(<App />);
  await waitFor(() => expect(screen.getByRole('combobox', { name: 'Your role' })).toBeEnabled(), LOAD);
  return user;
}

describe('options navigation', () => {
  it('names the five sections, each a link to its fragment, the first one current', async () => {
    await renderOptions();
    const links = within(nav()).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['You', '#you'],
      ['Playbook', '#playbook'],
      ['Helpdesks', '#helpdesks'],
      ['Kudos and team', '#kudos'],
      ['Data and privacy', '#data'],
    ]);
    expect(currentLinks()).toEqual(['You']);
    // Every section stays on the page: the navigation moves within it.
    for (const name of ['You', 'Playbook', 'Helpdesks', 'Kudos delivery', 'Team feed', 'Your data']) {
      expect(screen.getByRole('heading', { name, level: 2 })).toBeInTheDocument();
    }
  });

  it('opens options.html#helpdesks on the Helpdesks section, its heading focused', async () => {
    await renderOptions('/options.html#helpdesks');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Helpdesks', level: 2 })).toHaveFocus());
    expect(currentLinks()).toEqual(['Helpdesks']);
  });

  it('follows the fragment when it changes, and a link clicked again', async () => {
    const user = await renderOptions();
    window.location.hash = '#data';
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Your data' })).toHaveFocus());
    expect(currentLinks()).toEqual(['Data and privacy']);

    await user.click(link('Kudos and team'));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Kudos delivery' })).toHaveFocus());
    expect(window.location.hash).toBe('#kudos');
    expect(currentLinks()).toEqual(['Kudos and team']);

    // Same fragment, no hashchange: the focus still goes back to the section.
    screen.getByRole('button', { name: 'Export my data' }).focus();
    await user.click(link('Kudos and team'));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Kudos delivery' })).toHaveFocus());
  });

  it('opens the section a prompt elsewhere asked for, in the browser’s options tab', async () => {
    const open = vi.spyOn(browser.runtime, 'openOptionsPage').mockImplementation(async () => undefined);
    openOptions('you');
    expect(open).toHaveBeenCalledOnce();
    await waitFor(async () => expect(await requestedSection.getValue()).toBe('you'));

    await renderOptions();
    await waitFor(() => expect(screen.getByRole('heading', { name: 'You', level: 2 })).toHaveFocus());
    expect(window.location.hash).toBe('#you');
    // Asked once: opening Options again later starts at the top.
    await waitFor(async () => expect(await requestedSection.getValue()).toBeNull());

    // The page already open: the next ask moves it.
    await requestedSection.setValue('playbook');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Playbook' })).toHaveFocus());
    expect(currentLinks()).toEqual(['Playbook']);
  });
});

describe('options welcome in three steps', () => {
  it('walks through role, name and where kudos go, with Back, Next and Done', async () => {
    const user = await renderOptions('/options.html?welcome=1');
    const welcome = screen.getByRole('region', { name: 'Welcome to Kept' });
    expect(welcome).toHaveTextContent('Step 1 of 3');
    expect(within(welcome).getByText('Step 1 of 3')).toHaveAttribute('aria-live', 'polite');
    expect(within(welcome).getByRole('heading', { name: 'What you do' })).toBeInTheDocument();
    expect(within(welcome).queryByRole('button', { name: 'Back' })).not.toBeInTheDocument();

    await user.click(within(welcome).getByRole('button', { name: 'Next' }));
    expect(welcome).toHaveTextContent('Step 2 of 3');
    expect(within(welcome).getByRole('heading', { name: 'How teammates see you' })).toHaveFocus();
    await user.type(within(welcome).getByLabelText('Name on your kudos'), 'Ada Lovelace');
    await user.click(within(welcome).getByRole('button', { name: 'Next' }));

    await waitFor(() => expect(welcome).toHaveTextContent('Step 3 of 3'));
    expect(within(welcome).getByRole('heading', { name: 'Where kudos go' })).toHaveFocus();
    expect((await settings.profile.getValue()).name).toBe('Ada Lovelace');
    // The profile form below shows the name the welcome saved.
    expect(screen.getByLabelText('Your name')).toHaveValue('Ada Lovelace');

    await user.click(within(welcome).getByRole('button', { name: 'Back' }));
    expect(welcome).toHaveTextContent('Step 2 of 3');
    expect(within(welcome).getByLabelText('Name on your kudos')).toHaveValue('Ada Lovelace');
    await user.click(within(welcome).getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(welcome).toHaveTextContent('Step 3 of 3'));
    await user.click(within(welcome).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('region', { name: 'Welcome to Kept' })).not.toBeInTheDocument();
    expect(window.location.search).toBe('');
  });

  it('skips the name without saving it, and sends the rep to the kudos section from the last step', async () => {
    await settings.profile.setValue({ name: 'Ada', email: 'ada@example.com' });
    const user = await renderOptions('/options.html?welcome=1');
    const welcome = screen.getByRole('region', { name: 'Welcome to Kept' });
    await user.click(within(welcome).getByRole('button', { name: 'Next' }));
    const field = within(welcome).getByLabelText('Name on your kudos');
    await waitFor(() => expect(field).toHaveValue('Ada'));
    await user.type(field, ' Byron');
    await user.click(within(welcome).getByRole('button', { name: 'Skip' }));
    expect(welcome).toHaveTextContent('Step 3 of 3');
    expect(await settings.profile.getValue()).toEqual({ name: 'Ada', email: 'ada@example.com' });

    await user.click(within(welcome).getByRole('link', { name: 'Choose where kudos go' }));
    expect(screen.queryByRole('region', { name: 'Welcome to Kept' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Kudos delivery' })).toHaveFocus());
  });

  it('leaves out where kudos go when the organisation sets it', async () => {
    await fakeBrowser.storage.managed.set({ delivery: { kind: 'none' } });
    const user = await renderOptions('/options.html?welcome=1');
    const welcome = screen.getByRole('region', { name: 'Welcome to Kept' });
    await waitFor(() => expect(welcome).toHaveTextContent('Step 1 of 2'));
    await user.click(within(welcome).getByRole('button', { name: 'Next' }));
    expect(welcome).toHaveTextContent('Step 2 of 2');
    await user.click(within(welcome).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('region', { name: 'Welcome to Kept' })).not.toBeInTheDocument();
  });
});

describe('prompts that send the rep to Options', () => {
  it('links a refused API token to the Helpdesks section', () => {
    const problem = {
      kind: 'signed-out' as const,
      message: "Gorgias refused the API token (HTTP 401). Check the connection in Kept's Options → Helpdesks.",
      fixIn: 'helpdesks' as const,
    };
    render(<HistorySync freshness={{ problem, unreadable: 0 }} refresh={{ state: 'idle' }} online now={Date.now()} />);
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('link', { name: 'Open Options → Helpdesks' })).toHaveAttribute(
      'href',
      expect.stringMatching(/\/options\.html#helpdesks$/),
    );
  });

  it('links the wall without a team feed to the kudos section', () => {
    render(<TeamFeedStatus feed={{ managed: false }} refreshing={false} onRefresh={() => undefined} now={0} />);
    expect(screen.getByRole('link', { name: 'Open the team feed settings' })).toHaveAttribute(
      'href',
      expect.stringMatching(/\/options\.html#kudos$/),
    );
  });
});

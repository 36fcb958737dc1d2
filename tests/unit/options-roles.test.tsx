// On a fresh profile Chrome takes about two seconds to answer storage.managed: Options offers the roles at once and
// corrects them when the policy answers.
import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/options/App';
import { DEFAULT_PLAYBOOK } from '@/utils/playbook/default';

const roleNames = (ids?: string[]) =>
  DEFAULT_PLAYBOOK.roles.filter((r) => !ids || ids.includes(r.id)).map((r) => r.name);

const roleSelect = () => screen.getByRole('combobox', { name: 'Your role' });
const offered = () =>
  within(roleSelect())
    .getAllByRole('option')
    .map((o) => o.textContent);

/** The first render of the whole page, on a busy machine. */
const LOAD = { timeout: 10_000 };

/** storage.managed as Chrome answers it on a fresh profile: late, once the policy is loaded. */
function slowPolicy() {
  let answer: (policy: Record<string, unknown>) => void = () => undefined;
  const policy = new Promise<Record<string, unknown>>((resolve) => {
    answer = resolve;
  });
  const managed = browser.storage.managed;
  const get = vi.spyOn(managed, 'get').mockImplementation(((keys: unknown) =>
    policy.then(async (values) => {
      await fakeBrowser.storage.managed.set(values);
      get.mockRestore();
      return managed.get(keys as never);
    })) as typeof managed.get);
  return { answer };
}

describe('options on a fresh profile, before the policy answers', () => {
  it('offers every role of the starter playbook at once, and the organisation’s choice once its policy arrives', async () => {
    const policy = slowPolicy();
    render(<App />);
    await waitFor(() => expect(offered()).toEqual(['Choose your role…', ...roleNames()]), LOAD);
    expect(roleSelect()).toBeEnabled();

    policy.answer({ roles: ['frontline', 'billing'] });
    await waitFor(() => expect(offered()).toEqual(['Choose your role…', ...roleNames(['frontline', 'billing'])]));
  });

  it('shows a role the organisation presets once its policy arrives', async () => {
    const policy = slowPolicy();
    render(<App />);
    await waitFor(() => expect(offered()).toContain(roleNames(['billing'])[0]), LOAD);
    expect(roleSelect()).toBeEnabled();

    policy.answer({ presetRole: 'technical' });
    await waitFor(() => expect(roleSelect()).toHaveValue('technical'));
    expect(roleSelect()).toBeDisabled();
    expect(offered()).toEqual(roleNames(['technical']));
  });

  it('offers nothing it has not read: a policy that never answers leaves the roles of the rep’s playbook', async () => {
    slowPolicy();
    render(<App />);
    await waitFor(() => expect(offered()).toEqual(['Choose your role…', ...roleNames()]), LOAD);
    expect(screen.getByRole('region', { name: 'Playbook' })).toHaveTextContent(DEFAULT_PLAYBOOK.name);
  });
});

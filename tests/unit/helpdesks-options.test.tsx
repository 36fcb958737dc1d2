import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HelpdesksSection } from '@/components/options/HelpdesksSection';
import { App } from '@/entrypoints/options/App';
import { helpdeskTokens } from '@/utils/connections/tokens';
import { customRules } from '@/utils/custom-helpdesks/storage';
import { db } from '@/utils/db';
import { listedHelpdesks } from '@/utils/helpdesks';
import type { CustomHelpdeskRule } from '@/utils/schemas';
import { settings } from '@/utils/settings';

const MINUTE = 60_000;

const rule: CustomHelpdeskRule = {
  id: 'northwind-freescout',
  name: 'Northwind support (FreeScout)',
  host: 'support.northwind.example',
  ticketUrl: '/conversation/(\\d+)',
  selectors: { email: '#conv-layout-customer .customer-email .contact-main' },
};

// ---------- the browser's permission prompt ----------

const original = browser.permissions;
let request: Mock<(permissions: { origins?: string[] }) => Promise<boolean>>;

function stubPermissions(answer: boolean) {
  request = vi.fn(async () => answer);
  Object.assign(browser, { permissions: { request, contains: vi.fn(async () => true) } });
}

beforeEach(async () => {
  stubPermissions(true);
  await db.syncState.clear();
});
afterEach(() => {
  Object.assign(browser, { permissions: original });
});

async function renderSection() {
  const user = userEvent.setup();
  render(<HelpdesksSection />);
  const section = screen.getByRole('region', { name: 'Helpdesks' });
  await within(section).findByRole('checkbox', { name: 'Zendesk' });
  return { user, section };
}

const form = () => screen.getByRole('form', { name: 'Add a custom helpdesk' });
const field = (name: string) => within(form()).getByLabelText(name);

async function fillRule(user: ReturnType<typeof userEvent.setup>, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    await user.clear(field(label));
    // user-event reads [ and { as key descriptors; paste types them as they are.
    if (value) {
      await user.click(field(label));
      await user.paste(value);
    }
  }
}

const goodRule = {
  'Helpdesk name': rule.name,
  Host: rule.host,
  'Ticket URL pattern': rule.ticketUrl,
  'Customer email selector': rule.selectors.email,
};

describe('Options → Helpdesks', () => {
  it('is on the options page', async () => {
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Helpdesks' })).toBeInTheDocument();
  });

  it('lists every helpdesk Kept knows with a switch, on unless the rep turned it off', async () => {
    await settings.helpdesks.setValue({ zendesk: false });
    const { section } = await renderSection();
    for (const adapter of listedHelpdesks) {
      const box = within(section).getByRole('checkbox', { name: adapter.name });
      if (adapter.id === 'zendesk') expect(box).not.toBeChecked();
      else expect(box).toBeChecked();
    }
  });

  it('saves a switch in the helpdesk settings, keeping the others', async () => {
    await settings.helpdesks.setValue({ custom: false });
    const { user, section } = await renderSection();
    await user.click(within(section).getByRole('checkbox', { name: 'Zendesk' }));
    await waitFor(async () => expect(await settings.helpdesks.getValue()).toEqual({ custom: false, zendesk: false }));
    expect(within(section).getByRole('checkbox', { name: 'Zendesk' })).not.toBeChecked();
    expect(await within(section).findByText('Zendesk is off: Kept ignores its pages.')).toBeInTheDocument();

    await user.click(within(section).getByRole('checkbox', { name: 'Zendesk' }));
    await waitFor(async () => expect(await settings.helpdesks.getValue()).toEqual({ custom: false, zendesk: true }));
    expect(within(section).getByRole('checkbox', { name: 'Zendesk' })).toBeChecked();
  });

  it('says when Kept last saw each helpdesk, and how its history fetches went', async () => {
    const now = Date.now();
    await fakeBrowser.storage.local.set({
      helpdeskSeen: { zendesk: { host: 'acme.zendesk.com', at: now - 3 * MINUTE } },
    });
    await db.syncState.bulkPut([
      {
        source: 'zendesk:acme.zendesk.com',
        customerKey: 'ana@ruiz.example',
        fetchedAt: now - 9 * MINUTE,
        attemptedAt: now - 9 * MINUTE,
      },
      {
        source: 'zendesk:acme.zendesk.com',
        customerKey: 'jonas@pettersen.example',
        attemptedAt: now - 2 * MINUTE,
        problem: { kind: 'signed-out', message: 'You are signed out of Zendesk. Sign in again and Kept retries.' },
      },
    ]);
    const { section } = await renderSection();
    const zendesk = within(section).getByRole('checkbox', { name: 'Zendesk' });
    expect(zendesk).toHaveAccessibleDescription(
      'Seen 3 minutes ago on acme.zendesk.com Last history fetch failed 2 minutes ago: You are signed out of Zendesk. Sign in again and Kept retries.',
    );
    const custom = within(section).getByRole('checkbox', { name: 'Custom helpdesks' });
    expect(custom).toHaveAccessibleDescription('Not seen yet No history source: Kept reads the ticket page only.');

    // The newest fetch wins: a success after the problem clears it.
    await db.syncState.put({
      source: 'zendesk:acme.zendesk.com',
      customerKey: 'ana@ruiz.example',
      fetchedAt: now - MINUTE,
      attemptedAt: now - MINUTE,
    });
    await waitFor(() =>
      expect(zendesk).toHaveAccessibleDescription(
        'Seen 3 minutes ago on acme.zendesk.com Last history fetch OK, 1 minute ago.',
      ),
    );
  });

  it('says so when a helpdesk with a history source has not fetched yet', async () => {
    const { section } = await renderSection();
    const withApi = listedHelpdesks.find((a) => a.session);
    if (!withApi) throw new Error('no adapter has an API');
    expect(within(section).getByRole('checkbox', { name: withApi.name })).toHaveAccessibleDescription(
      'Not seen yet History not fetched yet.',
    );
  });

  it('offers an API token where a helpdesk takes one, and only there', async () => {
    const { section } = await renderSection();
    for (const adapter of listedHelpdesks) {
      const form = within(section).queryByRole('form', { name: `${adapter.name} API token` });
      if (adapter.token) expect(form).toBeInTheDocument();
      else expect(form).toBeNull();
    }
  });
});

describe('Options → Helpdesks → API token', () => {
  const gorgiasForm = () => screen.getByRole('form', { name: 'Gorgias API token' });
  const input = (label: string) => within(gorgiasForm()).getByLabelText(label);

  async function fill(user: ReturnType<typeof userEvent.setup>, values: Record<string, string>) {
    for (const [label, value] of Object.entries(values)) {
      await user.clear(input(label));
      if (value) await user.type(input(label), value);
    }
  }
  const good = {
    'Gorgias subdomain': 'acme-home',
    'Login email': 'admin@acme-home.example',
    'API key': 'gorgias-demo-api-key-1f4e',
  };

  it('says what is wrong by field, and saves and asks nothing', async () => {
    const { user } = await renderSection();
    await fill(user, { ...good, 'Gorgias subdomain': 'acme home', 'API key': 'short' });
    await user.click(within(gorgiasForm()).getByRole('button', { name: 'Save Gorgias token' }));
    expect(
      await screen.findByText(
        'Gorgias subdomain must be a subdomain such as acme (letters, digits and hyphens). API key must be at least 8 characters: paste the whole token.',
      ),
    ).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.local.get('helpdeskTokens')).toEqual({});
  });

  it('asks for the API host inside the click, saves to this browser only, and then shows the token masked', async () => {
    const { user, section } = await renderSection();
    expect(input('API key')).toHaveAttribute('type', 'password');
    await fill(user, good);
    await user.click(within(gorgiasForm()).getByRole('button', { name: 'Save Gorgias token' }));
    expect(request).toHaveBeenCalledWith({ origins: ['https://acme-home.gorgias.com/*'] });
    // The saved token shows once the secrets database reports the change (a moment later than storage did).
    await within(section).findByRole('button', { name: 'Delete Gorgias token' }, { timeout: 5_000 });
    const stored = await helpdeskTokens.get();
    expect(stored).toEqual({
      gorgias: {
        account: 'acme-home',
        user: 'admin@acme-home.example',
        secret: 'gorgias-demo-api-key-1f4e',
        savedAt: expect.any(Number),
      },
    });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(section).toHaveTextContent('API token ••••1f4e for https://acme-home.gorgias.com (admin@acme-home.example)');
    expect(section).not.toHaveTextContent('gorgias-demo-api-key');
    // No background answers in this test: the check says it could not run, and the token stays saved.
    expect(await within(section).findByText(/^Could not check the connection/)).toBeInTheDocument();
  });

  it('saves nothing when the admin refuses the API host', async () => {
    stubPermissions(false);
    const { user, section } = await renderSection();
    await fill(user, good);
    await user.click(within(gorgiasForm()).getByRole('button', { name: 'Save Gorgias token' }));
    expect(
      await within(section).findByText(
        /Kept was not allowed to reach https:\/\/acme-home.gorgias.com, so the token was not saved/,
      ),
    ).toBeInTheDocument();
    expect(await fakeBrowser.storage.local.get('helpdeskTokens')).toEqual({});
  });

  it('offers a list where a field has only a few values, and saves the chosen one', async () => {
    const { user, section } = await renderSection();
    const intercom = within(section).getByRole('form', { name: 'Intercom API token' });
    const region = within(intercom).getByRole('combobox', { name: 'Region' });
    expect(
      within(region)
        .getAllByRole('option')
        .map((o) => o.getAttribute('value')),
    ).toEqual(['us', 'eu', 'au']);
    expect(region).toHaveValue('us');
    await user.selectOptions(region, 'eu');
    await user.type(within(intercom).getByLabelText('Access token'), 'dG9rOmludGVyY29tLWRlbW8');
    await user.click(within(intercom).getByRole('button', { name: 'Save Intercom token' }));
    expect(request).toHaveBeenCalledWith({ origins: ['https://api.eu.intercom.io/*'] });
    await waitFor(async () =>
      expect(await helpdeskTokens.get()).toMatchObject({
        intercom: { account: 'eu', secret: 'dG9rOmludGVyY29tLWRlbW8' },
      }),
    );
  });

  it('shows the last check, and deletes the token', async () => {
    const now = Date.now();
    await helpdeskTokens.save('gorgias', {
      account: 'acme-home',
      user: 'admin@acme-home.example',
      secret: 'gorgias-demo-api-key-1f4e',
      savedAt: now - 5 * MINUTE,
      checked: { ok: false, at: now - 2 * MINUTE, message: 'Gorgias refused the API token (HTTP 401).' },
    });
    const { user, section } = await renderSection();
    expect(
      await within(section).findByText('Checked 2 minutes ago: Gorgias refused the API token (HTTP 401).'),
    ).toHaveClass('error');
    expect(within(section).getByRole('checkbox', { name: 'Gorgias' })).toHaveAccessibleDescription(
      'Not seen yet History not fetched yet.',
    );
    await user.click(within(section).getByRole('button', { name: 'Delete Gorgias token' }));
    expect(await within(section).findByText('The Gorgias token is deleted from this browser.')).toBeInTheDocument();
    expect(await helpdeskTokens.get()).toEqual({});
    expect(await within(section).findByRole('form', { name: 'Gorgias API token' })).toBeInTheDocument();
    expect(within(section).getByRole('checkbox', { name: 'Gorgias' })).toHaveAccessibleDescription(
      'Not seen yet No history source: Kept reads the ticket page only.',
    );
  });
});

describe('Options → Custom helpdesks', () => {
  it('shows every problem of a rule at its field and asks for nothing', async () => {
    const { user } = await renderSection();
    await fillRule(user, {
      ...goodRule,
      Host: 'http://support.northwind.example',
      'Ticket URL pattern': '/conversation/\\d+',
      'Customer email selector': '.customer-email a[href=',
    });
    await user.click(within(form()).getByRole('button', { name: 'Add helpdesk' }));
    expect(within(form()).getByText('Nothing was saved: fix the fields marked below.')).toBeInTheDocument();
    expect(field('Host')).toHaveAccessibleDescription(expect.stringMatching(/https helpdesks only/));
    expect(field('Host')).toHaveAttribute('aria-invalid', 'true');
    expect(field('Host')).toHaveFocus();
    expect(field('Ticket URL pattern')).toHaveAccessibleDescription(expect.stringMatching(/capture group/));
    expect(field('Customer email selector')).toHaveAccessibleDescription(
      expect.stringMatching(/not a valid CSS selector/),
    );
    expect(field('Helpdesk name')).not.toHaveAttribute('aria-invalid');
    expect(request).not.toHaveBeenCalled();
    expect(await customRules.getValue()).toEqual([]);
  });

  it('says a pattern that does not compile is not a regular expression', async () => {
    const { user } = await renderSection();
    await fillRule(user, { ...goodRule, 'Ticket URL pattern': '/conversation/(\\d+' });
    await user.click(within(form()).getByRole('button', { name: 'Add helpdesk' }));
    expect(field('Ticket URL pattern')).toHaveAccessibleDescription(
      expect.stringMatching(/not a valid regular expression/),
    );
  });

  it('asks for the host inside the click, before anything is awaited, then saves the rule', async () => {
    const { user, section } = await renderSection();
    await fillRule(user, goodRule);
    // fireEvent is synchronous: the request must have been made by the time it returns.
    fireEvent.click(within(form()).getByRole('button', { name: 'Add helpdesk' }));
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith({ origins: ['https://support.northwind.example/*'] });

    await waitFor(async () => expect(await customRules.getValue()).toHaveLength(1));
    const [saved] = await customRules.getValue();
    expect(saved).toMatchObject({ ...rule, id: expect.any(String) });
    const table = await within(section).findByRole('table', { name: 'Custom helpdesks' });
    expect(within(table).getByRole('rowheader', { name: rule.name })).toBeInTheDocument();
    expect(await within(section).findByText(/Saved “Northwind support \(FreeScout\)”/)).toBeInTheDocument();
    // The form is ready for the next one.
    expect(field('Helpdesk name')).toHaveValue('');
  });

  it('saves nothing when the rep refuses the host', async () => {
    stubPermissions(false);
    const { user } = await renderSection();
    await fillRule(user, goodRule);
    await user.click(within(form()).getByRole('button', { name: 'Add helpdesk' }));
    expect(
      await within(form()).findByText(/Kept was not allowed to read support.northwind.example, so nothing was saved/),
    ).toBeInTheDocument();
    expect(request).toHaveBeenCalledTimes(1);
    expect(await customRules.getValue()).toEqual([]);
  });

  it('edits a rule (asking for a changed host) and deletes one', async () => {
    const other: CustomHelpdeskRule = {
      ...rule,
      id: 'wholesale',
      name: 'Wholesale desk',
      host: 'wholesale.northwind.example',
    };
    await customRules.setValue([rule, other]);
    const { user, section } = await renderSection();
    await user.click(await within(section).findByRole('button', { name: `Edit ${rule.name}` }));
    const edit = screen.getByRole('form', { name: `Edit “${rule.name}”` });
    expect(within(edit).getByLabelText('Host')).toHaveValue(rule.host);
    await user.clear(within(edit).getByLabelText('Host'));
    await user.type(within(edit).getByLabelText('Host'), '*.northwind.example');
    await user.click(within(edit).getByRole('button', { name: 'Save changes' }));
    expect(request).toHaveBeenLastCalledWith({ origins: ['https://*.northwind.example/*'] });
    await waitFor(async () =>
      expect(await customRules.getValue()).toEqual([{ ...rule, host: '*.northwind.example' }, other]),
    );
    // The edit form closes and the focus returns to the rule's Edit button.
    await waitFor(() => expect(within(section).getByRole('button', { name: `Edit ${rule.name}` })).toHaveFocus());

    await user.click(within(section).getByRole('button', { name: 'Delete Wholesale desk' }));
    await waitFor(async () => expect(await customRules.getValue()).toEqual([{ ...rule, host: '*.northwind.example' }]));
    expect(within(section).queryByRole('rowheader', { name: 'Wholesale desk' })).toBeNull();
  });
});

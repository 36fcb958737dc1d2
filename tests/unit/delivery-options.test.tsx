import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { DeliverySection } from '@/components/options/DeliverySection';
import { App } from '@/entrypoints/options/App';
import { db } from '@/utils/db';
import {
  checkDeliveryDraft,
  checkKudosRules,
  maskWebhookUrl,
  SLACK_ORIGIN,
  sendTestKudos,
  TEST_MESSAGE,
  testOutcomeText,
} from '@/utils/kudos/delivery-form';
import { settings } from '@/utils/settings';
import { startWebhookReceiver, type WebhookReceiver } from '../../scripts/webhook-receiver';

const SLACK_URL = 'https://hooks.slack.com/services/T0000SECRET/B0000SECRET/abcdefghijklmnopqrstuvwx';
const TEAMS_URL =
  'https://prod-42.westeurope.logic.azure.com:443/workflows/0a1b2c3d/triggers/manual/paths/invoke?api-version=2016-06-01&sig=TopSecretSignature';
const HOOK_URL = 'https://hooks.example.com/kept/incoming/0123456789abcdef';

// ---------- the browser's permission prompt ----------

const original = browser.permissions;
let request: Mock<(permissions: { origins?: string[] }) => Promise<boolean>>;

function stubPermissions(answer: boolean) {
  request = vi.fn(async () => answer);
  Object.assign(browser, { permissions: { request, contains: vi.fn(async () => true) } });
}

beforeEach(async () => {
  stubPermissions(true);
  await db.kudos.clear();
  await db.outbox.clear();
});
afterEach(() => {
  Object.assign(browser, { permissions: original });
});

async function renderSection() {
  const user = userEvent.setup();
  render(<DeliverySection />);
  const select = await screen.findByRole('combobox', { name: 'Deliver kudos to' });
  return { user, select };
}

const saveButton = () => screen.getByRole('button', { name: 'Save delivery' });

describe('delivery form logic', () => {
  const kept = { kind: 'kept' } as const;

  it('accepts https only, Slack only on hooks.slack.com, and says so without echoing the URL', () => {
    const http = checkDeliveryDraft({ kind: 'webhook', url: 'http://hooks.example.com/x', secret: '' }, kept);
    expect(http).toEqual({ ok: false, message: expect.stringMatching(/must start with https:\/\//) });
    const slackElsewhere = checkDeliveryDraft({ kind: 'slack', url: HOOK_URL, secret: '' }, kept);
    expect(slackElsewhere).toEqual({ ok: false, message: expect.stringContaining('https://hooks.slack.com/') });
    expect(checkDeliveryDraft({ kind: 'teams', url: 'not a url', secret: '' }, kept)).toEqual({
      ok: false,
      message: expect.stringMatching(/not a web address/),
    });
    expect(checkDeliveryDraft({ kind: 'teams', url: '  ', secret: '' }, kept)).toEqual({
      ok: false,
      message: 'Enter the webhook URL.',
    });
    for (const result of [http, slackElsewhere]) {
      if (!result.ok) expect(result.message).not.toContain('hooks.example.com/x');
    }
  });

  it('asks permission for every origin but Slack’s, without the port', () => {
    expect(checkDeliveryDraft({ kind: 'slack', url: SLACK_URL, secret: '' }, kept)).toEqual({
      ok: true,
      target: { kind: 'slack', url: SLACK_URL },
    });
    expect(checkDeliveryDraft({ kind: 'teams', url: TEAMS_URL, secret: '' }, kept)).toMatchObject({
      ok: true,
      origin: 'https://prod-42.westeurope.logic.azure.com',
    });
    // A generic webhook on Slack's host needs no prompt either.
    expect(checkDeliveryDraft({ kind: 'webhook', url: SLACK_URL, secret: '' }, kept)).not.toHaveProperty('origin');
    expect(SLACK_ORIGIN).toBe('https://hooks.slack.com');
  });

  it('keeps the saved URL and secret unless new ones are typed', () => {
    const saved = { kind: 'webhook', url: HOOK_URL, secret: 's3cret' } as const;
    expect(checkDeliveryDraft({ kind: 'webhook', secret: '' }, saved)).toMatchObject({ ok: true, target: saved });
    expect(checkDeliveryDraft({ kind: 'webhook', secret: 'new' }, saved)).toMatchObject({
      target: { ...saved, secret: 'new' },
    });
    // Another kind does not inherit the saved URL.
    expect(checkDeliveryDraft({ kind: 'teams', secret: '' }, saved)).toEqual({
      ok: false,
      message: 'Enter the webhook URL.',
    });
  });

  it('masks a saved URL: origin and the start of the path, never the query', () => {
    expect(maskWebhookUrl('https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX')).toBe(
      'https://hooks.slack.com/services/T000…',
    );
    const teams = maskWebhookUrl(TEAMS_URL);
    expect(teams).toBe('https://prod-42.westeurope.logic.azure.com/workflows/0a1…');
    expect(teams).not.toContain('sig');
    // A short path is never shown in full.
    expect(maskWebhookUrl('https://example.com/abcd1234')).toBe('https://example.com/abc…');
    expect(maskWebhookUrl('https://example.com/?token=abc')).toBe('https://example.com…');
  });

  it('checks the kudos rules', () => {
    expect(checkKudosRules('40', true)).toEqual({ ok: true, rules: { minMessageLength: 40, requirePromise: true } });
    for (const bad of ['0', '', '2.5', '1001', 'ten']) expect(checkKudosRules(bad, false).ok).toBe(false);
  });
});

describe('Options → Kudos delivery', () => {
  it('is mounted on the options page with the roster', async () => {
    render(<App />);
    expect(await screen.findByRole('region', { name: 'Kudos delivery' })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Teammates and teams' })).toBeInTheDocument();
  });

  it('offers Kept, Slack, Teams and any https webhook; Kept needs no URL', async () => {
    const { user, select } = await renderSection();
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Only in Kept', 'Slack', 'Microsoft Teams', 'Any HTTPS webhook']);
    expect(select).toHaveDisplayValue('Only in Kept');
    expect(screen.queryByRole('textbox', { name: 'Webhook URL' })).not.toBeInTheDocument();
    await user.selectOptions(select, 'Slack');
    expect(screen.getByRole('textbox', { name: 'Webhook URL' })).toHaveValue('');
    expect(screen.queryByLabelText('Signing secret')).not.toBeInTheDocument();
    await user.selectOptions(select, 'Any HTTPS webhook');
    expect(screen.getByLabelText('Signing secret')).toHaveAttribute('type', 'password');
  });

  it('refuses an http URL with a clear message, asks for nothing and saves nothing', async () => {
    const { user, select } = await renderSection();
    await user.selectOptions(select, 'Microsoft Teams');
    await user.type(screen.getByRole('textbox', { name: 'Webhook URL' }), 'http://prod-1.logic.azure.com/workflows/x');
    await user.click(saveButton());
    expect(await screen.findByText(/The webhook URL must start with https:\/\//)).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
    expect(await settings.deliveryTarget.getValue()).toEqual({ kind: 'kept' });
  });

  it('refuses a Slack URL that is not on hooks.slack.com', async () => {
    const { user, select } = await renderSection();
    await user.selectOptions(select, 'Slack');
    await user.type(screen.getByRole('textbox', { name: 'Webhook URL' }), HOOK_URL);
    await user.click(saveButton());
    expect(
      await screen.findByText(/A Slack webhook URL starts with https:\/\/hooks\.slack\.com\//),
    ).toBeInTheDocument();
    expect(await settings.deliveryTarget.getValue()).toEqual({ kind: 'kept' });
  });

  it('saves a Slack URL without a prompt (its host is declared) and then shows it masked', async () => {
    const { user, select } = await renderSection();
    await user.selectOptions(select, 'Slack');
    await user.type(screen.getByRole('textbox', { name: 'Webhook URL' }), SLACK_URL);
    await user.click(saveButton());
    expect(await screen.findByText('Delivery saved: kudos go to Slack.')).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
    expect(await settings.deliveryTarget.getValue()).toEqual({ kind: 'slack', url: SLACK_URL });

    const section = screen.getByRole('region', { name: 'Kudos delivery' });
    expect(
      await within(section).findByText('https://hooks.slack.com/services/T000…', {}, { timeout: 5_000 }),
    ).toBeInTheDocument();
    expect(section).not.toHaveTextContent('SECRET');
    expect(section.querySelectorAll('input')).not.toContainEqual(expect.objectContaining({ value: SLACK_URL }));
    expect(screen.queryByRole('textbox', { name: 'Webhook URL' })).not.toBeInTheDocument();

    // Edit opens an empty field (the saved URL is never put back in one) and takes the focus.
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const field = screen.getByRole('textbox', { name: 'Webhook URL' });
    expect(field).toHaveValue('');
    expect(field).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Keep the saved URL' }));
    expect(screen.getByRole('button', { name: 'Edit' })).toHaveFocus();
  });

  it('shows a URL saved earlier masked on load, and keeps it when only the rules change', async () => {
    await settings.deliveryTarget.setValue({ kind: 'teams', url: TEAMS_URL });
    const { user, select } = await renderSection();
    expect(select).toHaveDisplayValue('Microsoft Teams');
    expect(await screen.findByText('https://prod-42.westeurope.logic.azure.com/workflows/0a1…')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('TopSecretSignature');
    await user.clear(screen.getByLabelText('Minimum message length'));
    await user.type(screen.getByLabelText('Minimum message length'), '35');
    await user.click(saveButton());
    await screen.findByText('Delivery saved: kudos go to Microsoft Teams.');
    expect(await settings.deliveryTarget.getValue()).toEqual({ kind: 'teams', url: TEAMS_URL });
    expect(await settings.kudosRules.getValue()).toEqual({ minMessageLength: 35, requirePromise: false });
  });

  it('asks for a Teams host synchronously inside the click, before anything is awaited, then saves', async () => {
    const { user, select } = await renderSection();
    await user.selectOptions(select, 'Microsoft Teams');
    await user.type(screen.getByRole('textbox', { name: 'Webhook URL' }), TEAMS_URL);
    // fireEvent dispatches the click synchronously: the request must already have been made when it returns.
    fireEvent.click(saveButton());
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith({ origins: ['https://prod-42.westeurope.logic.azure.com/*'] });
    expect(await screen.findByText('Delivery saved: kudos go to Microsoft Teams.')).toBeInTheDocument();
    expect(await settings.deliveryTarget.getValue()).toEqual({ kind: 'teams', url: TEAMS_URL });
  });

  it('saves nothing when the browser’s permission is refused, and says why', async () => {
    stubPermissions(false);
    const { user, select } = await renderSection();
    await user.selectOptions(select, 'Any HTTPS webhook');
    await user.type(screen.getByRole('textbox', { name: 'Webhook URL' }), HOOK_URL);
    await user.click(screen.getByLabelText('Require a promise on every kudos'));
    await user.click(saveButton());
    expect(
      await screen.findByText(
        'Kept was not allowed to reach https://hooks.example.com. Nothing was saved. Try again and allow access when your browser asks.',
      ),
    ).toBeInTheDocument();
    expect(request).toHaveBeenCalledWith({ origins: ['https://hooks.example.com/*'] });
    expect(await settings.deliveryTarget.getValue()).toEqual({ kind: 'kept' });
    expect(await settings.kudosRules.getValue()).toEqual({ minMessageLength: 20, requirePromise: false });
  });

  it('keeps a signing secret masked, never shows it once saved, and removes it on request', async () => {
    const { user, select } = await renderSection();
    await user.selectOptions(select, 'Any HTTPS webhook');
    await user.type(screen.getByRole('textbox', { name: 'Webhook URL' }), HOOK_URL);
    await user.type(screen.getByLabelText('Signing secret'), 'whsec-very-secret');
    await user.click(saveButton());
    await screen.findByText('Delivery saved: kudos go to Any HTTPS webhook.');
    expect(await settings.deliveryTarget.getValue()).toEqual({
      kind: 'webhook',
      url: HOOK_URL,
      secret: 'whsec-very-secret',
    });

    expect(await screen.findByText('A secret is set', {}, { timeout: 5_000 })).toBeInTheDocument();
    expect(screen.getByLabelText('Signing secret')).toHaveValue('');
    const section = screen.getByRole('region', { name: 'Kudos delivery' });
    expect(section).not.toHaveTextContent('whsec');
    expect([...section.querySelectorAll('input')].map((i) => i.value)).not.toContain('whsec-very-secret');

    await user.click(screen.getByRole('button', { name: 'Remove secret' }));
    expect(await screen.findByText('Secret removed. Kudos are sent unsigned.')).toBeInTheDocument();
    expect(await settings.deliveryTarget.getValue()).toEqual({ kind: 'webhook', url: HOOK_URL });
    await waitFor(() => expect(screen.queryByText('A secret is set')).not.toBeInTheDocument(), { timeout: 5_000 });
  });

  it('saves the kudos rules (default 20, no promise needed) and refuses a bad minimum', async () => {
    const { user } = await renderSection();
    const min = screen.getByLabelText('Minimum message length');
    await waitFor(() => expect(min).toHaveValue(20));
    expect(screen.getByLabelText('Require a promise on every kudos')).not.toBeChecked();
    await user.clear(min);
    await user.type(min, '0');
    await user.click(saveButton());
    expect(await screen.findByText('Minimum message length: use a whole number from 1 to 1000.')).toBeInTheDocument();
    await user.clear(min);
    await user.type(min, '50');
    await user.click(screen.getByLabelText('Require a promise on every kudos'));
    await user.click(saveButton());
    await screen.findByText('Delivery saved: kudos go to Only in Kept.');
    expect(await settings.kudosRules.getValue()).toEqual({ minMessageLength: 50, requirePromise: true });
  });
});

describe('Send test', () => {
  let receiver: WebhookReceiver;
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    receiver = await startWebhookReceiver({ tls: false });
  });
  afterAll(() => receiver.close());
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.delivered.clear();
    receiver.failFirst(0, 'none');
    receiver.respondLike('slack');
    // The page posts to the real https host; the request is carried to the local receiver instead.
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) =>
      realFetch(String(input).replace(/^https:\/\/[^/]+/, receiver.url), init),
    );
  });

  it('delivers a test kudos through the real channel code, writes nothing and says so', async () => {
    await settings.deliveryTarget.setValue({ kind: 'slack', url: SLACK_URL });
    await settings.profile.setValue({ name: 'Ana Rep', email: '' });
    const { user } = await renderSection();
    await screen.findByText('https://hooks.slack.com/services/T000…');
    await user.click(screen.getByRole('button', { name: 'Send test' }));
    expect(await screen.findByText('Test delivered.')).toBeInTheDocument();

    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(got?.path).toBe('/services/T0000SECRET/B0000SECRET/abcdefghijklmnopqrstuvwx');
    expect(got?.body).toContain('Test from Kept');
    expect(got?.body).toContain('Ana Rep');
    expect(request).not.toHaveBeenCalled();
    expect(await db.kudos.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('shows why a test failed: a permanent refusal, then a retryable error as it is', async () => {
    await settings.deliveryTarget.setValue({ kind: 'slack', url: SLACK_URL });
    const { user } = await renderSection();
    await screen.findByText('https://hooks.slack.com/services/T000…');
    receiver.failFirst(1, 'no_service');
    await user.click(screen.getByRole('button', { name: 'Send test' }));
    expect(
      await screen.findByText(
        'Test failed: Slack says the webhook was revoked (no_service). Ask your admin for a new URL.',
      ),
    ).toBeInTheDocument();

    receiver.failFirst(1, '500');
    await user.click(screen.getByRole('button', { name: 'Send test' }));
    expect(
      await screen.findByText('Test failed: Slack had a problem (HTTP 500, rollup_error). Kept will try again.'),
    ).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('T0000SECRET');
  });

  it('tests a typed, unsaved webhook URL after asking for its host inside the click', async () => {
    receiver.respondLike('webhook');
    const { user, select } = await renderSection();
    await user.selectOptions(select, 'Any HTTPS webhook');
    await user.type(screen.getByRole('textbox', { name: 'Webhook URL' }), HOOK_URL);
    fireEvent.click(screen.getByRole('button', { name: 'Send test' }));
    expect(request).toHaveBeenCalledWith({ origins: ['https://hooks.example.com/*'] });
    expect(await screen.findByText('Test delivered.')).toBeInTheDocument();
    expect(receiver.received[0]?.json).toMatchObject({ schema: 'kept.kudos/v1', message: TEST_MESSAGE });
    // Testing saves nothing.
    expect(await settings.deliveryTarget.getValue()).toEqual({ kind: 'kept' });
  });

  it('sends no test when the host is refused, and none while kudos stay in Kept', async () => {
    stubPermissions(false);
    const { user, select } = await renderSection();
    await user.click(screen.getByRole('button', { name: 'Send test' }));
    expect(await screen.findByText(/^Kudos stay in Kept, so there is nothing to test\./)).toBeInTheDocument();
    await user.selectOptions(select, 'Microsoft Teams');
    await user.type(screen.getByRole('textbox', { name: 'Webhook URL' }), TEAMS_URL);
    await user.click(screen.getByRole('button', { name: 'Send test' }));
    expect(await screen.findByText(/^Kept was not allowed to reach .* The test was not sent\./)).toBeInTheDocument();
    expect(receiver.received).toHaveLength(0);
  });

  it('sendTestKudos signs a webhook test with the secret and reports each outcome', async () => {
    vi.mocked(globalThis.fetch).mockRestore();
    receiver.respondLike('webhook');
    const target = { kind: 'webhook', url: `${receiver.url}/hook`, secret: 'whsec' } as const;
    const ok = await sendTestKudos(target, { fromName: 'Ana', now: () => Date.UTC(2026, 2, 12) });
    expect(ok).toEqual({ outcome: { kind: 'sent' }, text: 'Test delivered.' });
    expect(receiver.received[0]?.headers['x-kept-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(receiver.received[0]?.headers['idempotency-key']).toMatch(/^kept-test-/);

    receiver.failFirst(1, '429', { retryAfterSeconds: 3 });
    const slow = await sendTestKudos(target);
    expect(slow.outcome.kind).toBe('retry');
    expect(slow.text).toBe('Test failed: The webhook asked Kept to slow down (HTTP 429). Kept will try again.');
    expect(testOutcomeText({ kind: 'permanent', reason: 'Nope.' })).toBe('Test failed: Nope.');
  });
});

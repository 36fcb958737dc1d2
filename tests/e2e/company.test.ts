// A company's rollout, in the built extension in Chromium: the organisation's policy configures a fresh browser
// with no Options step, and a page on a tenant outside the allowlist gets no Kept button and reports no case.
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, type Kept, launchKept, type Servers, startServers } from '../../scripts/kept-browser';
import { OptionsPage, openTicket } from './pages';

/** Where Chromium on Linux reads mandatory policy; writing there needs root (as in CI). */
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, 'kept-e2e.json');
const isRoot = process.getuid?.() === 0;

/** The id Chromium gives an unpacked extension: the SHA-256 of its path, first 32 hex digits spelled a–p. */
const unpackedId = (dir: string): string =>
  [...createHash('sha256').update(dir).digest('hex').slice(0, 32)]
    .map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16)))
    .join('');

const POLICY_WEBHOOK = 'https://hooks.slack.com/services/T0KEPT/B0KEPT/policy-webhook';

describe.skipIf(!isRoot)('a company’s policy, read by Chromium from /etc/chromium/policies/managed', () => {
  let servers: Servers;
  let kept: Kept;
  beforeAll(async () => {
    await mkdir(POLICY_DIR, { recursive: true });
    const policy = {
      presetRole: 'frontline',
      delivery: { kind: 'webhook', url: POLICY_WEBHOOK, hmacSecret: 'policy-signing-secret' },
      allowedTenants: { zendesk: ['acme.zendesk.com'] },
    };
    await writeFile(
      POLICY_FILE,
      JSON.stringify({ '3rdparty': { extensions: { [unpackedId(EXTENSION_DIR)]: policy } } }),
    );
    servers = await startServers();
    kept = await launchKept({ servers });
  });
  afterAll(async () => {
    await kept?.close();
    await servers?.close();
    await rm(POLICY_FILE, { force: true });
  });

  it('needs no Options step: the preset role’s behaviours show and a kudos goes to the policy’s webhook', async () => {
    expect(kept.extensionId).toBe(unpackedId(EXTENSION_DIR));
    const ticket = await openTicket(kept, kept.ticketUrl(servers.helpdesk.seed.demo.zoeTicketId));
    const { panel } = ticket;
    await expect.poll(() => panel.behaviours.textContent(), { timeout: 20_000 }).toContain('Frontline support');
    await panel.openComposer();
    await panel.sendPraise({ to: 'Sam Rivera', message: 'Sam stayed with Zoë until the password reset worked.' });
    await expect
      .poll(() => servers.receiver.received.map((r) => r.path), { timeout: 20_000 })
      .toContain(new URL(POLICY_WEBHOOK).pathname);
    const delivered = servers.receiver.received.find((r) => r.path === new URL(POLICY_WEBHOOK).pathname);
    expect(delivered?.headers['x-kept-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect((delivered?.json as { schema?: string } | undefined)?.schema).toBe('kept.kudos/v1');

    const options = await OptionsPage.open(kept);
    const delivery = options.page.getByRole('region', { name: 'Kudos delivery' });
    await delivery.getByText(/Managed by your organisation/).waitFor({ timeout: 10_000 });
    expect(await options.field('Deliver kudos to').isDisabled()).toBe(true);
    await options.page.close();
    await ticket.close();
  });
});

describe('a tenant outside the allowlist, in Chromium', () => {
  let kept: Kept;
  beforeAll(async () => {
    kept = await launchKept();
  });
  afterAll(async () => {
    await kept?.close();
  });

  it('shows no Kept button, reports no case and fetches nothing; the company’s own tenant works', async () => {
    const options = await OptionsPage.open(kept);
    await options.page.getByRole('textbox', { name: 'Allowed tenants' }).fill('zendesk: acme.zendesk.com');
    await options.page.getByRole('button', { name: 'Save allowed tenants' }).click();
    await options.page.getByText(/^Allowed tenants saved/).waitFor({ timeout: 10_000 });
    await options.page.close();

    const { seed } = kept.helpdesk;
    const outsideId = seed.demo.repeatContactTicketId;
    const outside = await openTicket(kept, `https://free-trial-99.zendesk.com/agent/tickets/${outsideId}`);
    await outside.helpdeskPage.waitForLoadState('load');
    // The company's own tenant, opened after: once its case shows, the outside page's script has long run.
    const own = await openTicket(kept, kept.ticketUrl(seed.demo.zoeTicketId));
    await expect.poll(() => own.panel.customer.textContent(), { timeout: 15_000 }).toContain('Zoë');
    await own.helpdeskPage.locator('kept-launcher').waitFor({ state: 'attached' });

    expect(await outside.helpdeskPage.locator('kept-launcher').count()).toBe(0);
    await outside.panel.noTicket.waitFor({ timeout: 10_000 });
    const outsideTab = await kept.tabIdOf(outside.helpdeskPage);
    const stored = await kept.worker.evaluate(
      async (key) => (await chrome.storage.session.get(key))[key] ?? null,
      `tab-case:${outsideTab}`,
    );
    expect(stored === null || (stored as { case: unknown }).case === null).toBe(true);
    const outsideApi = kept.helpdesk.requestLog.filter(
      (r) => r.path.startsWith('/api/') && r.path.includes(`/tickets/${outsideId}`),
    );
    expect(outsideApi).toEqual([]);
    await own.close();
    await outside.close();
  });
});

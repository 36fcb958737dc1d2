import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { helpdeskPages } from '../../utils/helpdesks/pages';

interface Manifest {
  manifest_version: number;
  name: string;
  version: string;
  description: string;
  default_locale?: string;
  permissions?: string[];
  host_permissions?: string[];
  icons?: Record<string, string>;
  content_scripts?: Array<{ matches: string[]; js: string[] }>;
  background?: { service_worker?: string; scripts?: string[] };
  side_panel?: { default_path: string };
  sidebar_action?: { default_panel: string; open_at_install?: boolean };
  externally_connectable?: unknown;
  optional_host_permissions?: string[];
  storage?: { managed_schema?: string };
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[] } } };
}

/** What `web-ext lint --output json` reports: addons-linter's messages by kind. */
const LintMessage = z.object({ code: z.string(), message: z.string(), file: z.string().optional() });
const LintReport = z.object({
  summary: z.object({ errors: z.number(), warnings: z.number() }),
  errors: z.array(LintMessage),
  warnings: z.array(LintMessage),
});

/** Every helpdesk's pages (from the adapters), Slack's webhook host and its Web API (the team feed); nothing wider. */
const HOST_PERMISSIONS = [
  ...new Set(helpdeskPages.flatMap((page) => page.matches)),
  'https://hooks.slack.com/*',
  'https://slack.com/api/*',
];

const dir = (browser: string) => path.resolve(`.output/${browser}-mv3`);
const manifestOf = (browser: string) =>
  JSON.parse(readFileSync(path.join(dir(browser), 'manifest.json'), 'utf8')) as Manifest;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
/** The words a package carries for one language (`_locales/<locale>/messages.json`). */
const messagesOf = (browser: string, locale: string) =>
  JSON.parse(readFileSync(path.join(dir(browser), '_locales', locale, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;
const LOCALES = ['en', 'de', 'fr', 'es', 'pt_BR', 'ja'];

/** Every file a manifest points at must be in the package. */
function referencedFiles(m: Manifest): string[] {
  return [
    ...Object.values(m.icons ?? {}),
    ...(m.content_scripts ?? []).flatMap((c) => c.js),
    ...(m.background?.scripts ?? []),
    ...(m.background?.service_worker ? [m.background.service_worker] : []),
    ...(m.side_panel ? [m.side_panel.default_path] : []),
    ...(m.sidebar_action ? [m.sidebar_action.default_panel] : []),
  ];
}

describe('the Chrome package', () => {
  const m = manifestOf('chrome');

  it('asks only for what Kept uses', () => {
    expect(m.manifest_version).toBe(3);
    expect(m.name).toBe('__MSG_extName__');
    expect(m.description).toBe('__MSG_extDescription__');
    expect(m.default_locale).toBe('en');
    expect(m.version).toBe(pkg.version);
    expect(new Set(m.permissions)).toEqual(
      new Set(['storage', 'unlimitedStorage', 'alarms', 'scripting', 'sidePanel']),
    );
    expect(m.host_permissions).toEqual(HOST_PERMISSIONS);
    expect(JSON.stringify(m)).not.toMatch(/<all_urls>|"cookies"|"tabs"/);
    expect(m.externally_connectable).toBeUndefined();
    expect(Object.keys(m.icons ?? {}).sort()).toEqual(['128', '16', '32', '48']);
    expect(m.side_panel?.default_path).toBe('sidepanel.html');
    expect(m.optional_host_permissions).toEqual(['https://*/*']);
  });

  it('ships a managed-storage schema Chrome accepts: an object at the top, no additionalProperties', () => {
    const file = m.storage?.managed_schema ?? '';
    const schema = JSON.parse(readFileSync(path.join(dir('chrome'), file), 'utf8')) as Record<string, unknown>;
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    // The playbook keys are a contract admins' scripts use; every other admin setting joins them.
    expect(Object.keys(schema.properties as object).sort()).toEqual([
      'allowedTenants',
      'customHelpdesks',
      'delivery',
      'feedback',
      'helpdesks',
      'historyCap',
      'maskQuotes',
      'playbook',
      'presetRole',
      'retentionDays',
      'roles',
      'roster',
      'teamFeed',
      'tokens',
    ]);
  });

  it.each(LOCALES)('names and describes itself in %s', (locale) => {
    const words = messagesOf('chrome', locale);
    expect(words.extName?.message).toBe('Kept');
    expect(words.extDescription?.message.length).toBeGreaterThan(20);
    expect(words.extDescription?.message.length).toBeLessThanOrEqual(132);
  });

  it('ships every file it references, and the unlisted kudos wall', () => {
    for (const file of [...referencedFiles(m), 'popup.html', 'options.html', 'kudos.html']) {
      expect(existsSync(path.join(dir('chrome'), file)), file).toBe(true);
    }
  });

  it.each(helpdeskPages.map((a) => a.id))(
    'has a %s content script that is pure ASCII (Chrome refuses scripts it cannot read as UTF-8), small, and free of React, Zod and other helpdesks',
    (id) => {
      const code = readFileSync(path.join(dir('chrome'), `content-scripts/${id}.js`));
      const nonAscii = code.findIndex((byte) => byte > 0x7f);
      expect(nonAscii, `non-ASCII byte at ${nonAscii}`).toBe(-1);
      const text = code.toString();
      expect(text).not.toContain('react');
      // It bundles its helpdesk's page part only: no API payload schemas, so no Zod (`_zod` is on every schema).
      expect(text).not.toContain('_zod');
      for (const other of helpdeskPages.filter((a) => a.id !== id)) {
        expect(text, `${other.name}'s match patterns`).not.toContain(other.matches[0]);
      }
      const gzip = gzipSync(code).length;
      console.log(`${id} content script: ${code.length} bytes, ${gzip} bytes gzip`);
      expect(gzip).toBeLessThan(10_000);
    },
  );

  it('runs each helpdesk’s own content script on exactly that helpdesk’s pages', () => {
    for (const adapter of helpdeskPages) {
      const entry = m.content_scripts?.find((c) => c.js?.includes(`content-scripts/${adapter.id}.js`));
      expect([...(entry?.matches ?? [])].sort(), adapter.id).toEqual([...adapter.matches].sort());
    }
  });

  it('has a custom helpdesk script (registered at run time) that is pure ASCII, small, and free of React and Zod', () => {
    const code = readFileSync(path.join(dir('chrome'), 'content-scripts/custom-helpdesk.js'));
    const nonAscii = code.findIndex((byte) => byte > 0x7f);
    expect(nonAscii, `non-ASCII byte at ${nonAscii}`).toBe(-1);
    expect(code.toString()).not.toContain('react');
    // Every Zod schema carries a `_zod` property; Zod's core alone would be 5 KB gzip of it.
    expect(code.toString()).not.toContain('_zod');
    const gzip = gzipSync(code).length;
    console.log(`custom helpdesk script: ${code.length} bytes, ${gzip} bytes gzip`);
    expect(gzip).toBeLessThan(6_000);
  });
});

describe('the extension pages', () => {
  it('run only packaged code (a strict content security policy)', () => {
    const csp = (manifestOf('chrome') as { content_security_policy?: { extension_pages?: string } })
      .content_security_policy;
    expect(csp?.extension_pages).toMatch(/script-src 'self'(;|$)/);
    expect(csp?.extension_pages).toContain("object-src 'none'");
    expect(csp?.extension_pages).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });
});

describe('the Firefox package', () => {
  const m = manifestOf('firefox');

  it('is MV3 with the panel as a sidebar and an add-on id', () => {
    expect(m.manifest_version).toBe(3);
    expect(m.sidebar_action?.default_panel).toBe('sidepanel.html');
    expect(m.sidebar_action?.open_at_install).toBe(false);
    expect(m.side_panel).toBeUndefined();
    expect(m.permissions).not.toContain('sidePanel');
    expect(m.background?.scripts?.length).toBeGreaterThan(0);
    expect(m.browser_specific_settings?.gecko?.id).toMatch(/@/);
    expect(m.host_permissions).toEqual(HOST_PERMISSIONS);
    for (const file of referencedFiles(m)) expect(existsSync(path.join(dir('firefox'), file)), file).toBe(true);
  });

  it('says what data it sends, as Firefox asks at install', () => {
    expect(m.browser_specific_settings?.gecko?.data_collection_permissions?.required).toEqual([
      'personallyIdentifyingInfo',
      'websiteContent',
    ]);
  });

  // addons-linter reads every file of the package: over a minute on a busy 2-core machine.
  it('passes web-ext lint (Firefox Add-ons’ own checks) with no errors', () => {
    const webExt = path.resolve('node_modules/.bin/web-ext');
    const run = spawnSync(webExt, ['lint', '--source-dir', dir('firefox'), '--output', 'json', '--boring'], {
      encoding: 'utf8',
    });
    const report = LintReport.parse(JSON.parse(run.stdout));
    expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
    expect(run.status).toBe(0);
  }, 240_000);
});

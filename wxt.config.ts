import { defineConfig } from 'wxt';

// Hosts the helpdesk content script runs on; the manifest grants nothing wider.
export const HELPDESK_MATCHES = ['https://*.zendesk.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Chrome refuses content scripts that are not valid UTF-8 and WXT 0.20 skips its ASCII escaping under Vite 8, so
  // ask Rolldown for ASCII output itself (tests/unit/build-output.test.ts checks the built script).
  vite: () => ({ build: { rolldownOptions: { output: { charset: 'ascii' } } } }),
  manifest: ({ browser }) => ({
    name: 'Kept',
    description:
      'Keeps the customer in view: their earlier conversations, your brand promises and praise for the team, beside every helpdesk ticket.',
    permissions: ['storage', 'alarms'],
    host_permissions: HELPDESK_MATCHES,
    // Asked for one origin at a time, when an admin imports a playbook from a URL.
    optional_host_permissions: ['https://*/*'],
    // Organisations can set the playbook and roles by policy (storage.managed).
    storage: { managed_schema: 'managed_schema.json' },
    action: { default_title: 'Kept' },
    commands: {
      'open-panel': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Open the Kept panel for this ticket',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'kept@kept.support', strict_min_version: '128.0' } } }
      : {}),
  }),
});

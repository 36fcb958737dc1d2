import { defineConfig } from 'wxt';
import { helpdeskPages } from './utils/helpdesks/pages';

// Hosts the helpdesk content script runs on (from the adapters); the manifest grants nothing wider.
const HELPDESK_MATCHES = helpdeskPages.flatMap((page) => page.matches);

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  // Chrome refuses content scripts that are not valid UTF-8 and WXT 0.20 skips its ASCII escaping under Vite 8, so
  // ask Rolldown for ASCII output itself (tests/unit/build-output.test.ts checks the built script).
  vite: () => ({ build: { rolldownOptions: { output: { charset: 'ascii' } } } }),
  manifest: ({ browser }) => ({
    // The browser's language picks the words (locales/*.yml; English when it has none of them).
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // `scripting`: the custom helpdesk script is registered at run time on the hosts an admin adds in Options.
    // `unlimitedStorage`: a busy team's cached history reaches hundreds of MB, which the browser could otherwise
    // evict under disk pressure or refuse past the origin's quota; the rep's kudos outbox lives in the same database.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'scripting'],
    // Slack's webhook host and Web API (the team feed's Slack app) are declared; any other delivery or playbook origin is asked for when an admin saves it.
    host_permissions: [...HELPDESK_MATCHES, 'https://hooks.slack.com/*', 'https://slack.com/api/*'],
    optional_host_permissions: ['https://*/*'],
    // Organisations can set the playbook and roles by policy (storage.managed).
    storage: { managed_schema: 'managed_schema.json' },
    // Extension pages run only packaged code: no remote scripts, no eval, no plugins, no <base> tricks.
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    },
    action: { default_title: '__MSG_extName__' },
    commands: {
      'open-panel': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_command_openPanel__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'kept@kept.support',
              strict_min_version: '128.0',
              // Firefox's install prompt: a kudos sent to the team's channel carries the rep's name and email and the
              // ticket's subject and the customer's words (masked) — see store/privacy-practices.md.
              data_collection_permissions: { required: ['personallyIdentifyingInfo', 'websiteContent'] },
            },
          },
        }
      : {}),
  }),
});

import '@/utils/zod-messages';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { secretsDb } from '@/utils/secrets';
import { chromeMessages, getMessageFrom } from './locale-messages';

// The fake browser has no i18n: answer from the English messages, as Chrome does for an English profile. From the
// start too, for work a file does once before its tests (reading a demo helpdesk in `beforeAll`).
const getMessage = getMessageFrom(await chromeMessages('en'));
fakeBrowser.i18n.getMessage = getMessage;

beforeEach(async () => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
  // Credentials live in their own database, which a fresh fake browser does not clear.
  await secretsDb.secrets.clear();
});

afterEach(() => {
  cleanup();
});

import '@/utils/zod-messages';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { secretsDb } from '@/utils/secrets';

beforeEach(async () => {
  fakeBrowser.reset();
  // Credentials live in their own database, which a fresh fake browser does not clear.
  await secretsDb.secrets.clear();
});

afterEach(() => {
  cleanup();
});

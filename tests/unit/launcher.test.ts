import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storeLauncherWords } from '@/entrypoints/background/panel';
import { createLauncher, LAUNCHER_WORDS_KEY } from '@/utils/content-script/launcher';
import { chromeMessages, getMessageFrom } from './locale-messages';

// The in-page "Kept" button on a helpdesk page: its words in the browser's language, read with the content script's
// other stored keys, not from the messages file on the page's thread.

/** The button as the page has it, once the page's thread was idle; its shadow root is closed, so caught at birth. */
async function shownButton(attachShadow: ReturnType<typeof vi.spyOn>): Promise<HTMLButtonElement> {
  await vi.waitFor(() => expect(document.querySelector('kept-launcher')).not.toBeNull());
  const root = attachShadow.mock.results[0]?.value as ShadowRoot;
  const button = root.querySelector('button');
  if (!button) throw new Error('no button in the launcher');
  return button;
}

describe('the in-page button', () => {
  afterEach(() => {
    for (const host of document.querySelectorAll('kept-launcher')) host.remove();
  });

  it('speaks the language the background stored its words in, without loading the messages file in the page', async () => {
    fakeBrowser.i18n.getMessage = getMessageFrom(await chromeMessages('de'));
    await storeLauncherWords();
    const stored = (await fakeBrowser.storage.local.get(LAUNCHER_WORDS_KEY))[LAUNCHER_WORDS_KEY];

    const asked = vi.fn(() => '');
    fakeBrowser.i18n.getMessage = asked;
    const attachShadow = vi.spyOn(Element.prototype, 'attachShadow');
    const open = vi.fn();
    createLauncher(open, stored).toggle(true);
    const button = await shownButton(attachShadow);

    expect(button).toHaveAccessibleName('Kept-Bereich öffnen');
    expect(button.title).toMatch(/^Kept öffnen: Kundenverlauf/);
    expect(asked).not.toHaveBeenCalled();
    button.click();
    expect(open).toHaveBeenCalledOnce();
  });

  it.each([
    ['nothing is stored yet', undefined],
    ['the stored words are not words', { label: 42, title: '' }],
  ])('asks the browser for its words when %s', async (_, stored) => {
    const attachShadow = vi.spyOn(Element.prototype, 'attachShadow');
    createLauncher(() => undefined, stored).toggle(true);
    const button = await shownButton(attachShadow);
    expect(button).toHaveAccessibleName('Open Kept panel');
    expect(button.title).toBe('Open Kept: customer history, your behaviours, praise (Alt+Shift+K)');
  });

  it('is stored once per language: a worker start with the same words writes nothing, so open pages hear nothing (Firefox tells listeners of every write)', async () => {
    const changes: unknown[] = [];
    fakeBrowser.storage.onChanged.addListener((change) => {
      if (LAUNCHER_WORDS_KEY in change) changes.push(change[LAUNCHER_WORDS_KEY]?.newValue);
    });
    await storeLauncherWords();
    await storeLauncherWords();
    expect(changes).toHaveLength(1);

    // The browser restarted in German.
    fakeBrowser.i18n.getMessage = getMessageFrom(await chromeMessages('de'));
    await storeLauncherWords();
    expect(changes).toHaveLength(2);
    expect(changes[1]).toMatchObject({ label: 'Kept-Bereich öffnen' });
  });
});

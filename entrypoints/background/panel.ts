import * as z from 'zod/mini';
import { i18n } from '#i18n';
import { LAUNCHER_WORDS_KEY, type LauncherWords, MAX_LAUNCHER_WORDS } from '@/utils/content-script/launcher';
import type { Handlers } from '@/utils/messages';
import { openPanelFromGesture } from '@/utils/open-panel';
import { checkedItem } from '@/utils/storage-item';

export function panelHandlers(): Handlers {
  return {
    'panel:open': (_, sender) => {
      openPanelFromGesture(sender.tab?.id);
      return { ok: true };
    },
  };
}

export function setupPanelShortcut(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-panel') openPanelFromGesture(tab?.id);
  });
}

const word = z.string().check(z.minLength(1), z.maxLength(MAX_LAUNCHER_WORDS));
const LauncherWordsSchema = z.object({ label: word, title: word });
const NOT_STORED: LauncherWords = { label: '', title: '' };
/** Read raw by the content scripts (utils/content-script/launcher.ts), which carry no Zod. */
const launcherWords = checkedItem(`local:${LAUNCHER_WORDS_KEY}`, {
  schema: LauncherWordsSchema,
  // Missing or unreadable words are simply stored anew: an empty label differs from every real one.
  fallback: NOT_STORED,
  read: (raw) => {
    const parsed = LauncherWordsSchema.safeParse(raw);
    return parsed.success ? parsed.data : NOT_STORED;
  },
});

/**
 * Stores the in-page button's words in the browser's language for the content scripts, which read them with their
 * other keys instead of loading the messages file on the helpdesk's thread. Checked at every start (the browser's
 * language only changes with a restart) and written only when they differ: Firefox tells every storage listener of a
 * write even when nothing changed, open helpdesk pages included, and the worker often starts because one is loading.
 */
export async function storeLauncherWords(): Promise<void> {
  const words: LauncherWords = { label: i18n.t('launcher.label'), title: i18n.t('launcher.title') };
  const stored = await launcherWords.getValue();
  if (stored.label === words.label && stored.title === words.title) return;
  await launcherWords.setValue(words);
}

import { i18n } from '#i18n';
import { LAUNCHER_WORDS_KEY, type LauncherWords } from '@/utils/content-script/launcher';
import type { Handlers } from '@/utils/messages';
import { openPanelFromGesture } from '@/utils/open-panel';

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

/**
 * Stores the in-page button's words in the browser's language for the content scripts, which read them with their
 * other keys instead of loading the messages file on the helpdesk's thread. Checked at every start (the browser's
 * language only changes with a restart) and written only when they differ: Firefox tells every storage listener of a
 * write even when nothing changed, open helpdesk pages included, and the worker often starts because one is loading.
 */
export async function storeLauncherWords(): Promise<void> {
  const words: LauncherWords = { label: i18n.t('launcher.label'), title: i18n.t('launcher.title') };
  const stored = (await browser.storage.local.get(LAUNCHER_WORDS_KEY))[LAUNCHER_WORDS_KEY] as
    | Partial<LauncherWords>
    | undefined;
  if (stored?.label === words.label && stored.title === words.title) return;
  await browser.storage.local.set({ [LAUNCHER_WORDS_KEY]: words });
}

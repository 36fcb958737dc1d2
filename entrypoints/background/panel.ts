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

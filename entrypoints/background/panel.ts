import type { Handlers } from '@/utils/messages';

interface FirefoxSidebar {
  sidebarAction?: { open: () => Promise<void> };
}

/**
 * Opens the panel. Must run synchronously inside the gesture's event (click relay, shortcut): any await before it
 * and Chrome refuses. Firefox only honours its own toolbar button and shortcut for the sidebar.
 */
export function openPanel(tabId: number | undefined): void {
  const opening = browser.sidePanel
    ? tabId === undefined
      ? undefined
      : browser.sidePanel.open({ tabId })
    : (browser as unknown as FirefoxSidebar).sidebarAction?.open();
  opening?.catch((error: unknown) => console.warn('[Kept] could not open the panel:', error));
}

export function panelHandlers(): Handlers {
  return {
    'panel:open': (_, sender) => {
      openPanel(sender.tab?.id);
      return { ok: true };
    },
  };
}

export function setupPanelShortcut(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-panel') openPanel(tab?.id);
  });
}

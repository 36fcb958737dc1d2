interface FirefoxSidebar {
  sidebarAction?: { open: () => Promise<void> };
}

/**
 * Opens Kept's panel for a tab. Call it synchronously inside the user's gesture (a click, a shortcut, the relayed
 * click of the in-page button): after any await, Chrome refuses sidePanel.open. Firefox opens its sidebar instead.
 */
export function openPanelFromGesture(tabId: number | undefined): void {
  const opening = browser.sidePanel
    ? tabId === undefined
      ? undefined
      : browser.sidePanel.open({ tabId })
    : (browser as unknown as FirefoxSidebar).sidebarAction?.open();
  opening?.catch((error: unknown) => console.warn('[Kept] could not open the panel:', error));
}

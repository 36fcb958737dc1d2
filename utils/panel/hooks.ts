import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { db } from '../db';
import { conversationsOf, syncStatesOf } from '../db/queries';
import type { TabCase } from '../schemas';
import { useStored } from '../state/use-stored';
import { tabCases } from '../tab-case';

/** `?tabId=N` pins a page to one tab (tests, browsers without a side panel API). */
export function pinnedTabId(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tabId');
  const id = raw === null ? Number.NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : undefined;
}

/** The tab the panel speaks for: the pinned one, else the active tab of the panel's window, followed as it changes. */
export function usePanelTabId(): number | null | undefined {
  const pinned = pinnedTabId(location.search);
  const [tabId, setTabId] = useState<number | null | undefined>(pinned);
  useEffect(() => {
    if (pinned !== undefined) return;
    let windowId: number | undefined;
    void browser.windows.getCurrent().then(async (win) => {
      windowId = win.id;
      const [active] = await browser.tabs.query({ active: true, windowId });
      setTabId(active?.id ?? null);
    });
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [pinned]);
  return tabId;
}

/** The tab's case as the background last wrote it; `undefined` while loading. */
export function useTabCase(tabId: number | null | undefined): TabCase | null | undefined {
  const item = useMemo(
    () =>
      tabId == null
        ? undefined
        : {
            getValue: () => tabCases.get(tabId),
            watch: (callback: (value: TabCase | null) => void) => tabCases.watch(tabId, callback),
          },
    [tabId],
  );
  const value = useStored(item);
  return tabId === null ? null : value;
}

export function useConversations(customerKey: string | undefined) {
  return useLiveQuery(() => (customerKey ? conversationsOf(customerKey) : []), [customerKey]);
}

export function useSyncStates(customerKey: string | undefined) {
  return useLiveQuery(() => (customerKey ? syncStatesOf(customerKey) : []), [customerKey]);
}

export function useCustomer(customerKey: string | undefined) {
  return useLiveQuery(() => (customerKey ? db.customers.get(customerKey) : undefined), [customerKey]);
}

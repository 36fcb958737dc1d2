import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { i18n } from '#i18n';
import { helpdeskName } from '../helpdesks';
import { filterConversations } from '../history/filter';
import { type CaseSignal, caseSignals } from '../history/signals';
import { type Freshness, freshnessOf, isCurrentTicket, otherConversations, summarise } from '../history/summary';
import { sourceOf } from '../history/sync';
import { send } from '../messages';
import type { Conversation, Problem, TabCase } from '../schemas';
import { createFilterStore } from './filter-store';
import { useConversations, useCustomer, useSyncStates } from './hooks';

const subscribeToNetwork = (onChange: () => void) => {
  addEventListener('online', onChange);
  addEventListener('offline', onChange);
  return () => {
    removeEventListener('online', onChange);
    removeEventListener('offline', onChange);
  };
};

export function useOnline(): boolean {
  return useSyncExternalStore(subscribeToNetwork, () => navigator.onLine);
}

export interface CustomerShown {
  name: string;
  email?: string;
  organisation?: string;
}

/** Who the customer is: what the page says first, then what Kept remembers of them. */
export function useCustomerShown(tabCase: TabCase): CustomerShown {
  const stored = useCustomer(tabCase.customerKey);
  const fromPage = tabCase.case?.customer;
  const email = fromPage?.email ?? stored?.email;
  return {
    name: fromPage?.name || stored?.name || email || i18n.t('panel.unknownCustomer'),
    email,
    organisation: fromPage?.organisation ?? stored?.organisation,
  };
}

export interface CaseHistory {
  /** The customer's other conversations, newest first; the ticket in view is not one of them. */
  earlier: Conversation[];
  /** The ticket in view as Kept stored it, when it did. */
  current?: Conversation;
  summary: ReturnType<typeof summarise>;
  signals: CaseSignal[];
}

/** The history of the case in view; undefined while it loads. */
export function useCaseHistory(tabCase: TabCase, now: number): CaseHistory | undefined {
  const all = useConversations(tabCase.customerKey);
  const ticketId = tabCase.case?.ticketId ?? '';
  const source = tabCase.case ? sourceOf(tabCase.case) : '';
  const earlier = useMemo(() => all && otherConversations({ ticketId, source }, all), [all, ticketId, source]);
  const summary = useMemo(() => earlier && summarise(earlier), [earlier]);
  const known = tabCase.customerKey !== undefined;
  const failing = useFreshness(tabCase.customerKey)?.problem !== undefined;
  // With no idea who the customer is, or a history Kept could not read, an empty history says nothing, not
  // "first contact".
  const signals = useMemo(
    () => all && (known ? caseSignals({ ticketId, source }, all, now, failing) : []),
    [all, known, ticketId, source, now, failing],
  );
  const current = useMemo(() => all?.find((c) => isCurrentTicket(c, { ticketId, source })), [all, ticketId, source]);
  if (!earlier || !summary || !signals) return undefined;
  return { earlier, current, summary, signals };
}

export function useFreshness(customerKey: string | undefined): Freshness | undefined {
  const states = useSyncStates(customerKey);
  return useMemo(() => states && freshnessOf(states), [states]);
}

/**
 * The rep's filter over the earlier conversations and the rows it leaves. Filtering runs on every keystroke, so it is
 * memoised: other renders (the clock ticking, a sync state) never redo it.
 */
export function useConversationFilter(conversations: Conversation[]) {
  const [store] = useState(createFilterStore);
  const { filter, setText, setStatus } = useStore(store);
  const shown = useMemo(() => filterConversations(conversations, filter), [conversations, filter]);
  return { filter, shown, setText, setStatus };
}

export type RefreshStatus = { state: 'idle' | 'refreshing' | 'done' } | { state: 'failed'; message: string };

// Sync failures are also stored in syncState, where the panel shows them in full; these are not.
const unstored: ReadonlySet<Problem['kind']> = new Set(['no-tab', 'not-found']);
const failureText = (problem: Problem) => (unstored.has(problem.kind) ? problem.message : i18n.t('panel.sync.failed'));

/** Asks the background to fetch the customer's history again now; the outcome is for the live status line. */
export function useRefresh(tabId: number | null | undefined) {
  const [status, setStatus] = useState<RefreshStatus>({ state: 'idle' });
  const running = useRef(false);
  const refresh = useCallback(async () => {
    if (tabId == null || running.current) return;
    running.current = true;
    setStatus({ state: 'refreshing' });
    try {
      const reply = await send('history:refresh', { tabId });
      setStatus(reply.ok ? { state: 'done' } : { state: 'failed', message: failureText(reply.error) });
    } catch {
      setStatus({ state: 'failed', message: i18n.t('panel.noAnswer') });
    } finally {
      running.current = false;
    }
  }, [tabId]);
  return { status, refresh: tabId == null ? undefined : refresh };
}

export const isWebUrl = (url: string): boolean => /^https?:\/\//i.test(url);

/**
 * The helpdesk a conversation lives in, as the rep knows it ("Zendesk", "Freshdesk", "Jira SM"), from its source
 * (`freshdesk:acme.freshdesk.com`); the helpdesk id itself when Kept has no adapter by that id.
 */
export function sourceName(source: string): string {
  const id = source.split(':')[0] ?? '';
  return helpdeskName(id) ?? id;
}

/** Opens a conversation in the helpdesk tab the panel belongs to, or in a new tab when there is none. */
export async function openInHelpdesk(tabId: number | null | undefined, url: string): Promise<void> {
  if (!isWebUrl(url)) return;
  if (tabId != null) {
    try {
      await browser.tabs.update(tabId, { url });
      return;
    } catch {
      // The tab closed meanwhile: a new tab still gets the rep there.
    }
  }
  await browser.tabs.create({ url });
}

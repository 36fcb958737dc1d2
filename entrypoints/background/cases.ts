import { i18n } from '#i18n';
import { helpdeskSeen } from '@/utils/connections/seen';
import { helpdeskTokens } from '@/utils/connections/tokens';
import { LEFT_TICKET } from '@/utils/content-script/messaging';
import { adapterById } from '@/utils/helpdesks';
import { abortError, isAbort, type Transport, untilAborted } from '@/utils/history/http';
import { unreachable } from '@/utils/history/reply';
import { type Freshen, refreshHistory, resolveCase, type SyncDeps } from '@/utils/history/sync';
import { tokenTransport } from '@/utils/history/token';
import { type Handlers, send } from '@/utils/messages';
import type { HelpdeskId, PageCase, TabCase } from '@/utils/schemas';
import { settings } from '@/utils/settings';
import { settlesWithin } from '@/utils/settles';
import { tabCases } from '@/utils/tab-case';
import { trustedCase } from './trusted-case';

const RETRY_ALARM = 'history-retry:';

/** A same-origin GET through the tab's content script, which drops it when the rep leaves the ticket. */
function tabTransport(tabId: number): Transport {
  return (request, signal) => {
    if (typeof request !== 'string') {
      return Promise.resolve(unreachable(i18n.t('reasons.history.tabOnly')));
    }
    const fetched = send('helpdesk:fetch', { path: request }, tabId).catch((error: unknown) => {
      throw String(error).includes(LEFT_TICKET) ? abortError(LEFT_TICKET) : error;
    });
    return untilAborted(fetched, signal);
  };
}

/**
 * How to reach the helpdesk: with the admin's API token when one is saved for it; otherwise through the tab's
 * content script, so requests carry the rep's own session (GETs only). Every request is cancelled by `signal`.
 */
export async function depsFor(tabId: number, helpdesk: HelpdeskId, signal?: AbortSignal): Promise<SyncDeps> {
  const common = { now: Date.now, cap: await settings.historyCap.getValue() };
  const adapter = adapterById(helpdesk);
  const token = adapter?.token && (await helpdeskTokens.get())[helpdesk];
  const bound =
    (transport: Transport): Transport =>
    (request) =>
      transport(request, signal);
  if (adapter?.token && token) {
    return {
      ...common,
      transport: bound(tokenTransport(adapter.token, adapter.name, token)),
      api: adapter.token,
    };
  }
  return { ...common, transport: bound(tabTransport(tabId)) };
}

// The lookup of each tab's latest report. A later report, leaving tickets or closing the tab aborts it,
// and with it its requests: a slow lookup for a ticket the rep already left stops, and never overwrites the case.
const lookups = new Map<number, AbortController>();

/** Ends the tab's lookup at once, in the handler, so a later report or "none" always wins over it. */
function endLookup(tabId: number): void {
  lookups.get(tabId)?.abort(abortError('The tab reported another case'));
  lookups.delete(tabId);
}

function startLookup(tabId: number): AbortSignal {
  endLookup(tabId);
  const lookup = new AbortController();
  lookups.set(tabId, lookup);
  return lookup.signal;
}

const sameTicket = (a: TabCase | null, b: PageCase) =>
  a?.case?.helpdesk === b.helpdesk && a.case.host === b.host && a.case.ticketId === b.ticketId;

/**
 * A report is dropped when the sender's tab is not a ticket of an allowed tenant of the helpdesk it names, or that
 * helpdesk is switched off (its content script should not even send one then).
 */
async function acceptCase(tabId: number, reported: PageCase, senderUrl: string | undefined, signal: AbortSignal) {
  const page = await trustedCase(reported, senderUrl);
  if (!page) {
    console.warn('[Kept] ignored a case from a page that is not an allowed helpdesk ticket');
    return;
  }
  const switches = await settings.helpdesks.getValue();
  if (switches[page.helpdesk] === false || signal.aborted) return;
  // Only informs Options; a failed write must not stop the case.
  await helpdeskSeen.record(page.helpdesk, page.host, Date.now()).catch((e) => console.warn('[Kept] helpdeskSeen', e));
  await trackCase(tabId, page, signal);
}

/**
 * How long a new ticket's page reading waits for the helpdesk's answer before the panel shows it alone. A quick answer
 * means one write per report (the panel draws the ticket once, complete); a slow or failing helpdesk never holds the
 * panel back by more than this.
 */
const SHOW_READING_AFTER_MS = 120;

/** Completes the reported case from the helpdesk and writes it to the tab once (see above); then its history. */
async function trackCase(tabId: number, page: PageCase, signal: AbortSignal): Promise<void> {
  const known = await tabCases.get(tabId);
  // The page re-reports as it finishes rendering; an API answer from moments ago still holds.
  if (sameTicket(known, page) && known?.case?.from === 'api' && Date.now() - known.case.seenAt < 30_000) return;
  const deps = await depsFor(tabId, page.helpdesk, signal);
  const lookup = resolveCase(page, deps);
  if (!sameTicket(known, page) && !(await settlesWithin(lookup, SHOW_READING_AFTER_MS)) && !signal.aborted) {
    await tabCases.set(tabId, { case: { ...page, tags: [], from: 'page', seenAt: Date.now() }, updatedAt: Date.now() });
  }
  const resolved = await lookup;
  signal.throwIfAborted();
  await tabCases.set(tabId, resolved);
  // The customer's history is cached for every ticket of theirs and shared between tabs: once started, it finishes.
  await syncHistory(tabId, resolved, 'stale');
}

async function syncHistory(tabId: number, tabCase: TabCase, freshen: Freshen) {
  const helpdesk = tabCase.case?.helpdesk;
  if (!helpdesk) return { ok: true, value: 0 } as const;
  const result = await refreshHistory(tabCase, await depsFor(tabId, helpdesk), freshen);
  if (!result.ok && result.error.retryAt) {
    browser.alarms.create(`${RETRY_ALARM}${tabId}`, { when: result.error.retryAt });
  }
  return result;
}

export function caseHandlers(): Handlers {
  return {
    // Answered once the case is taken in (its lookup starts at once, inside the event, so a later report always
    // wins): whoever awaits the answer knows the lookup is over. The page does not wait for it.
    'case:seen': async (page, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: true };
      await acceptCase(tabId, page, sender.url, startLookup(tabId)).catch((e) => {
        if (!isAbort(e)) console.error('[Kept] case lookup failed', e);
      });
      return { ok: true };
    },
    'case:none': async (_, sender) => {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) {
        endLookup(tabId);
        await tabCases.set(tabId, { case: null, updatedAt: Date.now() });
      }
      return { ok: true };
    },
    'history:refresh': async ({ tabId }) => {
      const tabCase = await tabCases.get(tabId);
      if (!tabCase?.case) {
        return { ok: false, error: { kind: 'no-tab', message: i18n.t('reasons.history.noTicket') } };
      }
      const result = await syncHistory(tabId, tabCase, 'rep');
      return result.ok ? { ok: true, count: result.value } : { ok: false, error: result.error };
    },
  };
}

/** Forgets a tab's case when it loads a new page or closes; the content script reports again after a load. */
export function setupCaseLifecycle(): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // In-app navigation says "loading" too, often after the page's report of the new ticket: its lookup goes on.
    if (change.status === 'loading') void tabCases.set(tabId, { case: null, updatedAt: Date.now() });
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    endLookup(tabId);
    void tabCases.remove(tabId);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (!alarm.name.startsWith(RETRY_ALARM)) return;
    const tabId = Number(alarm.name.slice(RETRY_ALARM.length));
    void tabCases.get(tabId).then((tabCase) => tabCase && syncHistory(tabId, tabCase, 'now'));
  });
}

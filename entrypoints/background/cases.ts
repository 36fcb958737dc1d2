import { adapterById } from '@/utils/helpdesks';
import { helpdeskSeen } from '@/utils/helpdesks/seen';
import { helpdeskTokens } from '@/utils/helpdesks/tokens';
import { unreachable } from '@/utils/history/reply';
import { refreshHistory, resolveCase, type SyncDeps } from '@/utils/history/sync';
import { tokenReader, tokenTransport } from '@/utils/history/token';
import { type Handlers, send } from '@/utils/messages';
import type { HelpdeskId, PageCase, TabCase } from '@/utils/schemas';
import { settings } from '@/utils/settings';
import { tabCases } from '@/utils/tab-case';

const RETRY_ALARM = 'history-retry:';

/**
 * How to reach the helpdesk: with the admin's API token when one is saved for it; otherwise through the tab's
 * content script, so requests carry the rep's own session (GETs only).
 */
async function depsFor(tabId: number, helpdesk: HelpdeskId): Promise<SyncDeps> {
  const common = { now: Date.now, cap: await settings.historyCap.getValue() };
  const adapter = adapterById(helpdesk);
  const token = adapter?.token && (await helpdeskTokens.get())[helpdesk];
  if (adapter?.token && token) {
    return {
      ...common,
      transport: tokenTransport(adapter.token, adapter.name, token),
      reader: tokenReader(adapter.token),
    };
  }
  return {
    ...common,
    transport: (request) =>
      typeof request === 'string'
        ? send('helpdesk:fetch', { path: request }, tabId)
        : Promise.resolve(unreachable('Kept only reads a helpdesk through the tab')),
  };
}

// Bumped on every report, so a slow lookup for a ticket the rep already left never overwrites the newer case.
const latestReport = new Map<number, number>();

const sameTicket = (a: TabCase | null, b: PageCase) =>
  a?.case?.helpdesk === b.helpdesk && a.case.host === b.host && a.case.ticketId === b.ticketId;

/** Counts a report for the tab at once, in the handler, so a later report or "none" always wins over it. */
function nextReport(tabId: number): number {
  const report = (latestReport.get(tabId) ?? 0) + 1;
  latestReport.set(tabId, report);
  return report;
}

/** A report from a helpdesk the rep switched off is dropped (its content script should not even send one). */
async function acceptCase(tabId: number, page: PageCase, report: number): Promise<void> {
  const switches = await settings.helpdesks.getValue();
  if (switches[page.helpdesk] === false || latestReport.get(tabId) !== report) return;
  // Only informs Options; a failed write must not stop the case.
  await helpdeskSeen.record(page.helpdesk, page.host, Date.now()).catch((e) => console.warn('[Kept] helpdeskSeen', e));
  await trackCase(tabId, page, report);
}

async function trackCase(tabId: number, page: PageCase, report: number): Promise<void> {
  const known = await tabCases.get(tabId);
  // The page re-reports as it finishes rendering; an API answer from moments ago still holds.
  if (sameTicket(known, page) && known?.case?.from === 'api' && Date.now() - known.case.seenAt < 30_000) return;
  if (!sameTicket(known, page)) {
    await tabCases.set(tabId, { case: { ...page, tags: [], from: 'page', seenAt: Date.now() }, updatedAt: Date.now() });
  }
  const deps = await depsFor(tabId, page.helpdesk);
  const resolved = await resolveCase(page, deps);
  if (latestReport.get(tabId) !== report) return;
  await tabCases.set(tabId, resolved);
  await syncHistory(tabId, resolved, false);
}

async function syncHistory(tabId: number, tabCase: TabCase, force: boolean) {
  const helpdesk = tabCase.case?.helpdesk;
  if (!helpdesk) return { ok: true, value: 0 } as const;
  const result = await refreshHistory(tabCase, await depsFor(tabId, helpdesk), force);
  if (!result.ok && result.error.retryAt) {
    browser.alarms.create(`${RETRY_ALARM}${tabId}`, { when: result.error.retryAt });
  }
  return result;
}

export function caseHandlers(): Handlers {
  return {
    // Answered once the case is taken in (the report is counted at once, inside the event): whoever awaits the
    // answer knows the lookup is over. The page does not wait for it.
    'case:seen': async (page, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: true };
      await acceptCase(tabId, page, nextReport(tabId)).catch((e) => console.error('[Kept] case lookup failed', e));
      return { ok: true };
    },
    'case:none': async (_, sender) => {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) {
        latestReport.set(tabId, (latestReport.get(tabId) ?? 0) + 1);
        await tabCases.set(tabId, { case: null, updatedAt: Date.now() });
      }
      return { ok: true };
    },
    'history:refresh': async ({ tabId }) => {
      const tabCase = await tabCases.get(tabId);
      if (!tabCase?.case) return { ok: false, error: { kind: 'no-tab', message: 'No ticket is open in this tab.' } };
      const result = await syncHistory(tabId, tabCase, true);
      return result.ok ? { ok: true, count: result.value } : { ok: false, error: result.error };
    },
  };
}

/** Forgets a tab's case when it loads a new page or closes; the content script reports again after a load. */
export function setupCaseLifecycle(): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void tabCases.set(tabId, { case: null, updatedAt: Date.now() });
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    latestReport.delete(tabId);
    void tabCases.remove(tabId);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (!alarm.name.startsWith(RETRY_ALARM)) return;
    const tabId = Number(alarm.name.slice(RETRY_ALARM.length));
    void tabCases.get(tabId).then((tabCase) => tabCase && syncHistory(tabId, tabCase, true));
  });
}

import { i18n } from '#i18n';
import { db } from '@/utils/db';
import { adapterById } from '@/utils/helpdesks';
import { sourceOf } from '@/utils/history/sync';
import { helpdeskOfSource, refreshThread } from '@/utils/history/thread-sync';
import type { Handlers, RefreshReply } from '@/utils/messages';
import type { HelpdeskId } from '@/utils/schemas';
import { tabCases } from '@/utils/tab-case';
import { depsFor } from './cases';

const refused = (kind: 'no-tab' | 'not-found', message: string): RefreshReply => ({
  ok: false,
  error: { kind, message },
});

/** Reads an earlier conversation's thread when the rep expands its row, and caches it for the panel. */
export function threadHandlers(): Handlers {
  return {
    'thread:fetch': async ({ tabId, source, id, refresh }) => {
      const conversation = await db.conversations.get([source, id]);
      if (!conversation) return refused('not-found', i18n.t('reasons.thread.gone'));
      const { helpdesk } = helpdeskOfSource(source);
      const adapter = adapterById(helpdesk);
      if (!adapter) return refused('not-found', i18n.t('reasons.thread.unknownHelpdesk'));
      const deps = await depsFor(tabId, helpdesk as HelpdeskId);
      const api = deps.api ?? adapter.session;
      if (!api?.thread) return refused('not-found', i18n.t('reasons.thread.noApi', { helpdesk: adapter.name }));
      // The rep's session reaches only the helpdesk of the tab's own page.
      const tabCase = await tabCases.get(tabId);
      if (api.auth === 'session' && (!tabCase?.case || sourceOf(tabCase.case) !== source)) {
        return refused('no-tab', i18n.t('reasons.thread.openTicket', { helpdesk: adapter.name }));
      }
      const result = await refreshThread(conversation, { ...deps, api }, refresh ? 'rep' : 'stale');
      return result.ok ? { ok: true, count: result.value } : { ok: false, error: result.error };
    },
  };
}

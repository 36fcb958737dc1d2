import { i18n } from '#i18n';
import { helpdeskTokens } from '@/utils/connections/tokens';
import { adapterById } from '@/utils/helpdesks';
import { checkToken } from '@/utils/history/token';
import type { Handlers } from '@/utils/messages';

/** Options' "Check connection": one authenticated read with the saved token, remembered for the Helpdesks list. */
export function connectionHandlers(): Handlers {
  return {
    'connection:check': async ({ helpdesk }) => {
      const adapter = adapterById(helpdesk);
      const token = (await helpdeskTokens.get())[helpdesk];
      if (!adapter?.token || !token) {
        const message = i18n.t('reasons.connection.noToken', { helpdesk: adapter?.name ?? helpdesk });
        return { ok: false, at: Date.now(), message };
      }
      const checked = await checkToken(adapter.token, adapter.name, token);
      await helpdeskTokens.recordCheck(helpdesk, token.secret, checked);
      return checked;
    },
  };
}

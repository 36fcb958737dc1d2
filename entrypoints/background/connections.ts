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
        return { ok: false, at: Date.now(), message: `No API token is saved for ${adapter?.name ?? helpdesk}.` };
      }
      const checked = await checkToken(adapter.token, adapter.name, token);
      await helpdeskTokens.recordCheck(helpdesk, token.secret, checked);
      return checked;
    },
  };
}

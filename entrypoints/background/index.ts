import '@/utils/zod-messages';
import { listen } from '@/utils/messages';
import { caseHandlers, setupCaseLifecycle } from './cases';
import { isKnownHelpdeskUrl, setupCustomHelpdesks } from './custom-helpdesks';
import { kudosHandlers, setupKudosDelivery } from './kudos';
import { panelHandlers, setupPanelShortcut } from './panel';
import { setupRetention } from './retention';
import { setupWelcome } from './welcome';

export default defineBackground(() => {
  listen({ ...caseHandlers(), ...panelHandlers(), ...kudosHandlers() }, isKnownHelpdeskUrl);
  setupCaseLifecycle();
  void setupCustomHelpdesks();
  setupPanelShortcut();
  setupWelcome();
  setupKudosDelivery();
  setupRetention();
});

import '@/utils/zod-messages';
import { isHelpdeskUrl } from '@/utils/helpdesks';
import { listen } from '@/utils/messages';
import { caseHandlers, setupCaseLifecycle } from './cases';
import { kudosHandlers, setupKudosDelivery } from './kudos';
import { panelHandlers, setupPanelShortcut } from './panel';
import { setupRetention } from './retention';
import { setupWelcome } from './welcome';

export default defineBackground(() => {
  listen({ ...caseHandlers(), ...panelHandlers(), ...kudosHandlers() }, isHelpdeskUrl);
  setupCaseLifecycle();
  setupPanelShortcut();
  setupWelcome();
  setupKudosDelivery();
  setupRetention();
});

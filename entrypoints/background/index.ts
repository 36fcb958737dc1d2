import '@/utils/zod-messages';
import { isHelpdeskUrl } from '@/utils/helpdesks';
import { listen } from '@/utils/messages';
import { caseHandlers, setupCaseLifecycle } from './cases';
import { panelHandlers, setupPanelShortcut } from './panel';
import { setupWelcome } from './welcome';

export default defineBackground(() => {
  listen({ ...caseHandlers(), ...panelHandlers() }, isHelpdeskUrl);
  setupCaseLifecycle();
  setupPanelShortcut();
  setupWelcome();
});

import '@/utils/zod-messages';
import { listen } from '@/utils/messages';
import { loadActivePlaybook } from '@/utils/playbook/store';
import { moveSecretsFromLocal } from '@/utils/secrets';
import { caseHandlers, setupCaseLifecycle } from './cases';
import { connectionHandlers } from './connections';
import { customRulesLoading, isKnownHelpdeskUrl, setupCustomHelpdesks } from './custom-helpdesks';
import { feedHandlers, setupTeamFeed } from './feed';
import { kudosHandlers, setupKudosDelivery } from './kudos';
import { panelHandlers, setupPanelShortcut, storeLauncherWords } from './panel';
import { setupRetention } from './retention';
import { threadHandlers } from './threads';
import { setupWelcome } from './welcome';

export default defineBackground(() => {
  listen(
    {
      ...caseHandlers(),
      ...connectionHandlers(),
      ...panelHandlers(),
      ...kudosHandlers(),
      ...threadHandlers(),
      ...feedHandlers(),
    },
    isKnownHelpdeskUrl,
    // A custom helpdesk's message that woke the worker waits for the rules rather than being refused.
    customRulesLoading,
  );
  // Credentials an older Kept kept in storage.local, which content scripts can read, move to the secrets database.
  void moveSecretsFromLocal();
  setupCaseLifecycle();
  void setupCustomHelpdesks();
  setupPanelShortcut();
  void storeLauncherWords().catch((e) => console.warn('[Kept] could not store the button words', e));
  setupWelcome();
  setupKudosDelivery();
  setupTeamFeed();
  setupRetention();
  // Refreshes the copy of the organisation's policy, so pages opened later show the playbook at once.
  void loadActivePlaybook().catch((e) => console.warn('[Kept] could not read the policy', e));
});

import { useRef, useState } from 'react';
import { i18n } from '#i18n';
import { DataSection } from '@/components/options/DataSection';
import { DeliverySection } from '@/components/options/DeliverySection';
import { FeedbackSection } from '@/components/options/FeedbackSection';
import { HelpdesksSection } from '@/components/options/HelpdesksSection';
import { OptionsNav, useCurrentSection } from '@/components/options/OptionsNav';
import { PlaybookSection } from '@/components/options/PlaybookSection';
import { ReflectionSection } from '@/components/options/ReflectionSection';
import { RosterSection } from '@/components/options/RosterSection';
import { TeamFeedSection } from '@/components/options/TeamFeedSection';
import { Welcome } from '@/components/options/Welcome';
import { YouSection } from '@/components/options/YouSection';
import { useActivePlaybook, useChosenRoleId } from '@/utils/playbook/hooks';
import { effectiveRoleId } from '@/utils/playbook/store';

/** The background opens `options.html?welcome=1` on install. */
const WELCOME_PARAM = 'welcome';
const isWelcome = () => new URLSearchParams(window.location.search).get(WELCOME_PARAM) === '1';

/** Forget the welcome, so reloading the page does not show it again. */
function dropWelcomeParam() {
  const url = new URL(window.location.href);
  url.searchParams.delete(WELCOME_PARAM);
  window.history.replaceState(window.history.state, '', url);
}

/**
 * Options in five sections with a navigation: you (role, profile, reflection), the playbook and its feedback,
 * helpdesks, kudos and the team, and the rep's data. `#you`, `#playbook`, `#helpdesks`, `#kudos`, `#data` open one.
 */
export function App() {
  const active = useActivePlaybook();
  const chosen = useChosenRoleId();
  const [welcome, setWelcome] = useState(isWelcome);
  const roleSelect = useRef<HTMLSelectElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const ready = active !== undefined && chosen !== undefined;
  const roleId = ready ? effectiveRoleId(active, chosen) : null;
  const preset = ready && roleId !== null && roleId === active.presetRoleId;
  const { current, go } = useCurrentSection(ready);

  const dismiss = () => {
    setWelcome(false);
    dropWelcomeParam();
    title.current?.focus();
  };

  return (
    <main className="options">
      <h1 className="title" tabIndex={-1} ref={title}>
        {i18n.t('options.title')}
      </h1>
      <OptionsNav current={current} onGo={go} />
      <div className="options-content">
        {welcome && (
          <Welcome
            ready={ready}
            roleSelect={roleSelect}
            presetRoleName={preset ? active?.playbook.roles.find((r) => r.id === roleId)?.name : undefined}
            onDismiss={dismiss}
          />
        )}
        {/* Every section stays drawn: the navigation scrolls to one, and find-in-page still finds everything. */}
        <div id="you" className="options-group">
          <YouSection active={active} chosen={chosen} roleSelect={roleSelect} />
          <ReflectionSection />
        </div>
        <div id="playbook" className="options-group">
          {active ? (
            <PlaybookSection active={active} roleId={roleId} />
          ) : (
            <p className="muted loading-playbook" aria-busy="true">
              {i18n.t('options.loadingPlaybook')}
            </p>
          )}
          <FeedbackSection />
        </div>
        <div id="helpdesks" className="options-group">
          <HelpdesksSection />
        </div>
        <div id="kudos" className="options-group">
          <DeliverySection />
          <TeamFeedSection />
          <RosterSection />
        </div>
        <div id="data" className="options-group">
          <DataSection />
        </div>
      </div>
    </main>
  );
}

import { useRef, useState } from 'react';
import { i18n } from '#i18n';
import { DataSection } from '@/components/options/DataSection';
import { DeliverySection } from '@/components/options/DeliverySection';
import { FeedbackSection } from '@/components/options/FeedbackSection';
import { HelpdesksSection } from '@/components/options/HelpdesksSection';
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

/** Options: who the rep is (role, profile, history), and the playbook of brand promises and behaviours. */
export function App() {
  const active = useActivePlaybook();
  const chosen = useChosenRoleId();
  const [welcome, setWelcome] = useState(isWelcome);
  const roleSelect = useRef<HTMLSelectElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const ready = active !== undefined && chosen !== undefined;
  const roleId = ready ? effectiveRoleId(active, chosen) : null;
  const preset = ready && roleId !== null && roleId === active.presetRoleId;

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
      {welcome && (
        <Welcome
          ready={ready}
          roleSelect={roleSelect}
          presetRoleName={preset ? active?.playbook.roles.find((r) => r.id === roleId)?.name : undefined}
          onDismiss={dismiss}
        />
      )}
      <YouSection active={active} chosen={chosen} roleSelect={roleSelect} />
      {active ? (
        <PlaybookSection active={active} roleId={roleId} />
      ) : (
        <p className="muted" aria-busy="true">
          {i18n.t('options.loadingPlaybook')}
        </p>
      )}
      <ReflectionSection />
      <HelpdesksSection />
      <DeliverySection />
      <FeedbackSection />
      <TeamFeedSection />
      <RosterSection />
      <DataSection />
    </main>
  );
}

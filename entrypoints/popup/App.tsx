import { useEffect, useState } from 'react';
import { PraiseForYou } from '@/components/feed/PraiseForYou';
import { Composer } from '@/components/kudos/Composer';
import { KudosList } from '@/components/kudos/KudosList';
import { usePraiseForMe } from '@/utils/feed/hooks';
import { useKudos, usePromiseTitles } from '@/utils/kudos/hooks';
import { openPanelFromGesture } from '@/utils/open-panel';
import { useTabCase } from '@/utils/panel/hooks';
import { useActivePlaybook } from '@/utils/playbook/hooks';
import { settings } from '@/utils/settings';
import { useNow } from '@/utils/state/use-now';
import { useStored } from '@/utils/state/use-stored';

/** Enough to see how the last few deliveries went; the wall has the rest. */
const RECENT_KUDOS = 5;

/** The toolbar popup: log a kudos quickly (with the case when the tab is a ticket), the last few, and the way on. */
export function App() {
  const [tab, setTab] = useState<{ id?: number; windowId?: number } | null>(null);
  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => setTab(active ?? {}));
  }, []);
  const tabCase = useTabCase(tab ? (tab.id ?? null) : undefined);
  const recent = useKudos(RECENT_KUDOS);
  const promiseTitles = usePromiseTitles(useActivePlaybook()?.playbook);
  const praise = usePraiseForMe(useStored(settings.profile));
  const now = useNow();
  const openPanel = () => {
    // Called straight from the click: the side panel (and Firefox's sidebar) only opens inside a user gesture.
    openPanelFromGesture(tab?.id);
    window.close();
  };
  const c = tabCase?.case;
  return (
    <main className="panel popup">
      <header className="popup-header">
        <h1 className="title">Kept</h1>
        <button type="button" onClick={openPanel}>
          Open side panel
        </button>
      </header>
      <p className="muted">
        {c
          ? `Ticket #${c.ticketId} · ${c.customer.name ?? c.customer.email ?? 'customer not recognised yet'}`
          : 'No ticket open in this tab: a kudos can still be logged without one.'}
      </p>
      {praise && praise.length > 0 && <PraiseForYou praise={praise} promiseTitles={promiseTitles} now={now} />}
      {tab && <Composer caseInfo={c} tabId={tab.id} autoFocus />}
      <section aria-label="Recent kudos">
        <h2 className="heading">Recent kudos</h2>
        {recent === undefined ? (
          <p className="muted">Loading…</p>
        ) : (
          <KudosList kudos={recent} now={now} promiseTitles={promiseTitles} label="Recent kudos" />
        )}
      </section>
      <nav aria-label="Kept pages" className="links">
        <a href={browser.runtime.getURL('/kudos.html')} target="_blank" rel="noreferrer">
          Kudos wall
        </a>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          Options
        </a>
      </nav>
    </main>
  );
}

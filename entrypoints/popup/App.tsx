import { useEffect, useState } from 'react';
import { openPanelFromGesture } from '@/utils/open-panel';
import { useTabCase } from '@/utils/panel/hooks';

/** The toolbar popup: what Kept sees in this tab, and the way into the panel, the kudos wall and options. */
export function App() {
  const [tab, setTab] = useState<{ id?: number; windowId?: number } | null>(null);
  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => setTab(active ?? {}));
  }, []);
  const tabCase = useTabCase(tab ? (tab.id ?? null) : undefined);
  const openPanel = () => {
    // Called straight from the click: the side panel (and Firefox's sidebar) only opens inside a user gesture.
    openPanelFromGesture(tab?.id);
    window.close();
  };
  const c = tabCase?.case;
  return (
    <main className="panel popup">
      <h1 className="title">Kept</h1>
      {c ? (
        <p>
          Ticket <strong>#{c.ticketId}</strong> · {c.customer.name ?? c.customer.email ?? 'customer not recognised yet'}
        </p>
      ) : (
        <p className="muted">No ticket open in this tab.</p>
      )}
      <button type="button" className="primary" onClick={openPanel}>
        Open side panel
      </button>
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

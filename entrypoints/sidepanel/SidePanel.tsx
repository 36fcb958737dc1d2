import { CustomerHeader } from '@/components/CustomerHeader';
import { EarlierConversations } from '@/components/EarlierConversations';
import { usePanelTabId, useTabCase } from '@/utils/panel/hooks';

export function SidePanel() {
  const tabId = usePanelTabId();
  const tabCase = useTabCase(tabId);

  if (tabCase === undefined) {
    return (
      <main className="panel" aria-busy="true">
        <p className="muted">Loading…</p>
      </main>
    );
  }
  if (!tabCase?.case) {
    return (
      <main className="panel">
        <h1 className="title">No ticket open</h1>
        <p className="muted">
          Open a ticket in your helpdesk and Kept shows who the customer is and what they told you before.
        </p>
      </main>
    );
  }
  return (
    <main className="panel">
      <CustomerHeader tabCase={tabCase} />
      <EarlierConversations tabId={tabId ?? undefined} tabCase={tabCase} />
    </main>
  );
}

import { BehavioursSection } from '@/components/BehavioursSection';
import { CaseSignals } from '@/components/CaseSignals';
import { CustomerHeader } from '@/components/CustomerHeader';
import { EarlierConversations } from '@/components/EarlierConversations';
import { HistorySync } from '@/components/HistorySync';
import { ComposerSection } from '@/components/kudos/ComposerSection';
import { summaryLine } from '@/utils/history/summary';
import {
  openInHelpdesk,
  useCaseHistory,
  useCustomerShown,
  useFreshness,
  useOnline,
  useRefresh,
} from '@/utils/panel/history-state';
import { usePanelTabId, useTabCase } from '@/utils/panel/hooks';
import type { CaseContext, Conversation, TabCase } from '@/utils/schemas';
import { useNow } from '@/utils/state/use-now';

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
  // A new tab starts with its own refresh state.
  return <CaseView key={tabId} tabId={tabId} tabCase={tabCase} current={tabCase.case} />;
}

interface CaseViewProps {
  tabId: number | null | undefined;
  tabCase: TabCase;
  current: CaseContext;
}

function CaseView({ tabId, tabCase, current }: CaseViewProps) {
  const now = useNow();
  const customer = useCustomerShown(tabCase);
  const history = useCaseHistory(tabCase, now);
  const freshness = useFreshness(tabCase.customerKey);
  const { status, refresh } = useRefresh(tabId);
  const online = useOnline();
  const open = (conversation: Conversation) => void openInHelpdesk(tabId, conversation.url);
  return (
    <main className="panel case">
      <CustomerHeader
        customer={customer}
        ticket={{ id: current.number ?? current.ticketId, subject: current.subject }}
        summary={history && summaryLine(history.summary, now)}
        lookupProblem={tabCase.lookup?.problem}
      />
      <ComposerSection caseInfo={current} tabId={tabId} history={history?.earlier} signals={history?.signals} />
      {history && <CaseSignals signals={history.signals} />}
      <BehavioursSection current={current} signals={history?.signals} />
      <section className="history">
        <h2 className="heading">Earlier conversations</h2>
        <HistorySync freshness={freshness} refresh={status} onRefresh={refresh} online={online} now={now} />
        <EarlierConversations key={tabCase.customerKey} conversations={history?.earlier} now={now} onOpen={open} />
      </section>
    </main>
  );
}

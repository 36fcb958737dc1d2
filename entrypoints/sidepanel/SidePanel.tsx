import { useState } from 'react';
import { i18n } from '#i18n';
import { BehavioursSection } from '@/components/BehavioursSection';
import { CaseSignals } from '@/components/CaseSignals';
import { CustomerHeader } from '@/components/CustomerHeader';
import { EarlierConversations } from '@/components/EarlierConversations';
import { KudosForCustomer } from '@/components/feed/KudosForCustomer';
import { HistorySync } from '@/components/HistorySync';
import { ComposerSection } from '@/components/kudos/ComposerSection';
import { PraiseNoticed } from '@/components/PraiseNoticed';
import { StorySoFar } from '@/components/StorySoFar';
import { summaryLine } from '@/utils/history/summary';
import type { NoticedPraise } from '@/utils/kudos/praise';
import { useCaseBrief } from '@/utils/panel/brief-state';
import {
  openInHelpdesk,
  useCaseHistory,
  useCustomerShown,
  useFreshness,
  useOnline,
  useRefresh,
} from '@/utils/panel/history-state';
import { usePanelTabId, useTabCase } from '@/utils/panel/hooks';
import { useRowThreads } from '@/utils/panel/thread-state';
import type { CaseContext, Conversation, TabCase } from '@/utils/schemas';
import { useNow } from '@/utils/state/use-now';

export function SidePanel() {
  const tabId = usePanelTabId();
  const tabCase = useTabCase(tabId);

  if (tabCase === undefined) {
    return (
      <main className="panel" aria-busy="true">
        <p className="muted">{i18n.t('common.loading')}</p>
      </main>
    );
  }
  if (!tabCase?.case) {
    return (
      <main className="panel">
        <h1 className="title">{i18n.t('panel.noTicket')}</h1>
        <p className="muted">{i18n.t('panel.noTicketHint')}</p>
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
  const brief = useCaseBrief(tabId, history, { ...current.customer, name: customer.name }, now);
  const threadOf = useRowThreads(tabId);
  const [sharing, setSharing] = useState<NoticedPraise>();
  const open = (conversation: Conversation) => void openInHelpdesk(tabId, conversation.url);
  return (
    <main className="panel case">
      <CustomerHeader
        customer={customer}
        ticket={{ id: current.number ?? current.ticketId, subject: current.subject }}
        summary={history && summaryLine(history.summary, now)}
        lookupProblem={tabCase.lookup?.problem}
      />
      {brief.story && (
        <StorySoFar
          story={brief.story}
          now={now}
          lastReplyReading={brief.lastReplyReading}
          lastThreadRead={brief.lastThreadRead}
          onOpen={open}
          copy={brief.copy}
          onCopyRecap={brief.copyRecap}
        />
      )}
      {history && <CaseSignals signals={history.signals} />}
      {/* A new object each time, so sharing the same praise again opens the composer again. */}
      <PraiseNoticed praise={brief.praise} onShare={(praise) => setSharing({ ...praise })} />
      <ComposerSection
        caseInfo={current}
        tabId={tabId}
        history={history?.earlier}
        signals={history?.signals}
        sharing={sharing}
      />
      <BehavioursSection current={current} signals={history?.signals} />
      <KudosForCustomer current={current} conversations={history?.earlier} now={now} />
      <section className="history">
        <h2 className="heading">{i18n.t('panel.history.title')}</h2>
        <HistorySync freshness={freshness} refresh={status} onRefresh={refresh} online={online} now={now} />
        <EarlierConversations
          key={tabCase.customerKey}
          conversations={history?.earlier}
          now={now}
          onOpen={open}
          threadOf={threadOf}
        />
      </section>
    </main>
  );
}

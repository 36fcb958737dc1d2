import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { PraiseForYou } from '@/components/feed/PraiseForYou';
import { Composer } from '@/components/kudos/Composer';
import { KudosList } from '@/components/kudos/KudosList';
import { usePraiseForMe } from '@/utils/feed/hooks';
import { useFailedFeedbackCount } from '@/utils/feedback/hooks';
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
  const failedFeedback = useFailedFeedbackCount();
  const openPanel = () => {
    // Called straight from the click: the side panel (and Firefox's sidebar) only opens inside a user gesture.
    openPanelFromGesture(tab?.id);
    window.close();
  };
  const c = tabCase?.case;
  return (
    <main className="panel popup">
      <header className="popup-header">
        <h1 className="title">{i18n.t('extName')}</h1>
        <button type="button" onClick={openPanel}>
          {i18n.t('popup.openPanel')}
        </button>
      </header>
      <p className="muted">
        {c
          ? i18n.t('popup.ticket', {
              ticket: c.ticketId,
              customer: c.customer.name ?? c.customer.email ?? i18n.t('popup.customerUnknown'),
            })
          : i18n.t('popup.noTicket')}
      </p>
      {praise && praise.length > 0 && <PraiseForYou praise={praise} promiseTitles={promiseTitles} now={now} />}
      {failedFeedback ? (
        // The toolbar badge counts these too; their Retry is in Options, beside what the rep sent.
        <p className="error">
          {i18n.t('popup.feedbackFailed', failedFeedback)}{' '}
          <a href={browser.runtime.getURL('/options.html#playbook')} target="_blank" rel="noreferrer">
            {i18n.t('popup.feedbackRetry')}
          </a>
        </p>
      ) : null}
      {tab && <Composer caseInfo={c} tabId={tab.id} autoFocus />}
      <section aria-label={i18n.t('popup.recent')}>
        <h2 className="heading">{i18n.t('popup.recent')}</h2>
        {recent === undefined ? (
          <p className="muted recent-loading">{i18n.t('common.loading')}</p>
        ) : (
          <KudosList kudos={recent} now={now} promiseTitles={promiseTitles} label={i18n.t('popup.recent')} />
        )}
      </section>
      <nav aria-label={i18n.t('popup.pages')} className="links">
        <a href={browser.runtime.getURL('/kudos.html')} target="_blank" rel="noreferrer">
          {i18n.t('popup.wall')}
        </a>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          {i18n.t('popup.options')}
        </a>
      </nav>
    </main>
  );
}

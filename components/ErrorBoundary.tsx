import { Component, type ReactNode } from 'react';
import { i18n } from '#i18n';
import type { DatabaseState, KeptDB } from '@/utils/db';
import { STORAGE_MESSAGES } from '@/utils/db/errors';
import { screenErrorText, useDatabaseState } from '@/utils/db/page-state';

interface Props {
  children: ReactNode;
  /** The database whose state the page explains; Kept's own by default. */
  database?: KeptDB;
}

interface State {
  error?: Error;
}

const STATE_MESSAGES: Record<Exclude<DatabaseState, 'open'>, string> = {
  outdated: STORAGE_MESSAGES.outdated,
  deleted: STORAGE_MESSAGES.closed,
  'upgrade-blocked': STORAGE_MESSAGES['upgrade-blocked'],
};

/**
 * A bug in one screen shows what happened and a way out, instead of an empty page. A database this page can no
 * longer use (a newer Kept upgraded it) is explained above the page, which stays, so a draft can still be copied.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    console.error('[Kept] a screen failed to render', error);
  }

  override render() {
    if (this.state.error) {
      return (
        <main className="panel" role="alert">
          <h1 className="title">{i18n.t('common.screenFailed')}</h1>
          <p className="muted">{screenErrorText(this.state.error, this.props.database)}</p>
          <ReloadButton />
        </main>
      );
    }
    // Always the same shape, so the page below is never remounted (and a draft never lost) when the banner appears.
    return (
      <>
        <StorageBanner database={this.props.database} />
        {this.props.children}
      </>
    );
  }
}

function ReloadButton() {
  return (
    <button type="button" onClick={() => location.reload()}>
      {i18n.t('common.reload')}
    </button>
  );
}

/** A database this page can no longer use, explained above the page. */
function StorageBanner({ database }: { database: KeptDB | undefined }) {
  const state = useDatabaseState(database);
  if (state === 'open') return null;
  return (
    <div role="alert" className="banner banner--storage">
      <p>{STATE_MESSAGES[state]}</p>
      {state !== 'upgrade-blocked' && <ReloadButton />}
    </div>
  );
}

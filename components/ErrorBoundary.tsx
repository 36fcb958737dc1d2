import { Component, type ReactNode } from 'react';
import { type DatabaseState, db, type KeptDB } from '@/utils/db';
import { readableError, STORAGE_MESSAGES } from '@/utils/db/errors';

interface Props {
  children: ReactNode;
  /** The database whose state the page explains; Kept's own by default. */
  database?: KeptDB;
}

interface State {
  error?: Error;
  database: DatabaseState;
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
  override state: State = { database: 'open' };
  private stopWatching?: () => void;

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  override componentDidMount(): void {
    const database = this.props.database ?? db;
    this.setState({ database: database.state });
    this.stopWatching = database.onStateChange((state) => this.setState({ database: state }));
  }

  override componentWillUnmount(): void {
    this.stopWatching?.();
  }

  override componentDidCatch(error: Error): void {
    console.error('[Kept] a screen failed to render', error);
  }

  override render() {
    const reload = (
      <button type="button" onClick={() => location.reload()}>
        Reload
      </button>
    );
    if (this.state.error) {
      return (
        <main className="panel" role="alert">
          <h1 className="title">Kept hit a problem</h1>
          <p className="muted">{readableError(this.state.error, this.props.database ?? db)}</p>
          {reload}
        </main>
      );
    }
    const { database } = this.state;
    // Always the same shape, so the page below is never remounted (and a draft never lost) when the banner appears.
    return (
      <>
        {database !== 'open' && (
          <div role="alert" className="banner banner--storage">
            <p>{STATE_MESSAGES[database]}</p>
            {database !== 'upgrade-blocked' && reload}
          </div>
        )}
        {this.props.children}
      </>
    );
  }
}

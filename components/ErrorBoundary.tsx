import { Component, type ReactNode } from 'react';

interface State {
  error?: Error;
}

/** A bug in one screen shows what happened and a way out, instead of an empty page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    console.error('[Kept] a screen failed to render', error);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="panel" role="alert">
        <h1 className="title">Kept hit a problem</h1>
        <p className="muted">{this.state.error.message}</p>
        <button type="button" onClick={() => location.reload()}>
          Reload
        </button>
      </main>
    );
  }
}

import '@/utils/zod-messages';
import './kept.css';
import { type ComponentType, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from './ErrorBoundary';

/**
 * Renders one of Kept's pages into a root it adds to the body, so each page's HTML holds only what differs between the
 * pages (title, manifest keys).
 */
export function mount(App: ComponentType): void {
  const root = document.body.appendChild(document.createElement('div'));
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Backend } from '../../shared/backend';
import type { FirstPaint } from './first-paint';
import { IssuePanel } from './panel';

/**
 * Renders the panel into `#root` (main.tsx loads this module once the first round trips are on their way), in
 * place of the `first` paint, if any, once it shows the same.
 */
export function mount(backend: Backend, first: FirstPaint | null = null): void {
  const root = document.getElementById('root');
  if (!root) return;
  first?.handOver();
  createRoot(root).render(
    <StrictMode>
      <IssuePanel backend={backend} />
    </StrictMode>,
  );
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Backend } from '../../shared/backend';
import { IssuePanel } from './panel';

/** Renders the panel into `#root` (main.tsx loads this module once the first round trips are on their way). */
export function mount(backend: Backend): void {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <IssuePanel backend={backend} />
    </StrictMode>,
  );
}

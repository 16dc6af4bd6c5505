import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableJiraTheme, forgeBackend } from '../../shared/forge-backend';
import { prefetching } from '../../shared/prefetch';
import { IssuePanel } from './panel';
import '../../shared/ui/base.css';
import '../../shared/ui/lozenge.css';
import './panel.css';

// The panel's results are asked for together with its translations, as soon as Jira says which issue it is.
const backend = prefetching(forgeBackend, (context) =>
  context.issueId === null ? null : { route: 'issue/metrics', payload: { issueId: context.issueId } },
);
void enableJiraTheme();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <IssuePanel backend={backend} />
    </StrictMode>,
  );
}

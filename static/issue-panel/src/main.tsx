import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableJiraTheme, forgeBackend } from '../../shared/forge-backend';
import { IssuePanel } from './panel';
import '../../shared/ui/base.css';
import '../../shared/ui/lozenge.css';
import './panel.css';

void enableJiraTheme();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <IssuePanel backend={forgeBackend} />
    </StrictMode>,
  );
}

import '@atlaskit/css-reset';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableJiraTheme, forgeBackend } from '../../shared/forge-backend';
import { ProjectSettingsPage } from './settings-page';
import '../../shared/ui/base.css';
import '../../shared/ui/lozenge.css';
import './settings.css';

void enableJiraTheme();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ProjectSettingsPage backend={forgeBackend} />
    </StrictMode>,
  );
}

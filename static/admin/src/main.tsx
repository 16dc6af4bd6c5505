import '@atlaskit/css-reset';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableJiraTheme, forgeBackend } from '../../shared/forge-backend';
import { AdminPage } from './admin-page';
import '../../shared/ui/base.css';
import './admin.css';

void enableJiraTheme();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AdminPage backend={forgeBackend} />
    </StrictMode>,
  );
}

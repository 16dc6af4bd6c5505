import '@atlaskit/css-reset';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableJiraTheme, forgeBackend } from '../../shared/forge-backend';
import { AdminPage } from './admin-page';
import '../../shared/ui/base.css';
import { watchVisibleArea } from '../../shared/ui/visible-area';
import './admin.css';

void enableJiraTheme();
// Dialogs and the editors' save bar stay in the part of the (content-tall) frame the host shows.
watchVisibleArea();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AdminPage backend={forgeBackend} />
    </StrictMode>,
  );
}

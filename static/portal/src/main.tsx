import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableJiraTheme, forgeBackend } from '../../shared/forge-backend';
import { PortalPanel } from './portal';
import '../../shared/ui/base.css';
import '../../shared/ui/lozenge.css';
import './portal.css';

void enableJiraTheme();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PortalPanel backend={forgeBackend} />
    </StrictMode>,
  );
}

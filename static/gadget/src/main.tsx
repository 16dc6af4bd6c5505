import { router, view } from '@forge/bridge';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableJiraTheme, forgeBackend } from '../../shared/forge-backend';
import { Gadget } from './gadget';
import { issuePath, type GadgetHost } from './host';
import '../../shared/ui/base.css';
import '../../shared/ui/lozenge.css';
import './gadget.css';

/** Jira's router opens issues on the site around the frame; view.close leaves the edit view. */
const host: GadgetHost = {
  openIssue(issueKey, newTab) {
    const path = issuePath(issueKey);
    void (newTab ? router.open(path) : router.navigate(path)).catch(() => undefined);
  },
  close: () => view.close(),
};

void enableJiraTheme();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Gadget backend={forgeBackend} host={host} />
    </StrictMode>,
  );
}

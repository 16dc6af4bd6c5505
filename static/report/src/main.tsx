import '@atlaskit/css-reset';
import { router } from '@forge/bridge';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableJiraTheme, forgeBackend } from '../../shared/forge-backend';
import type { ReportHost } from './host';
import { ReportPage } from './report-page';
import '../../shared/ui/base.css';
import '../../shared/ui/lozenge.css';
import './report.css';

/** Jira's router opens issues on the site around the frame; the frame prints itself, without Jira's chrome. */
const host: ReportHost = {
  openIssue(issueKey, newTab) {
    const path = `/browse/${encodeURIComponent(issueKey)}`;
    void (newTab ? router.open(path) : router.navigate(path)).catch(() => undefined);
  },
  print: () => {
    window.print();
  },
};

void enableJiraTheme();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ReportPage backend={forgeBackend} host={host} />
    </StrictMode>,
  );
}

import { requestJira, view } from '@forge/bridge';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Backend } from '../../shared/backend';
import { enableJiraTheme, forgeBackend } from '../../shared/forge-backend';
import { PortalPanel } from './portal';
import '../../shared/ui/base.css';
import '../../shared/ui/lozenge.css';
import './portal.css';

/**
 * Jira's portal names the request by its key only (`extension.request.key`), while Accord keeps results by
 * the issue's id: the request's id comes from JSM's own API, asked as the customer (who may read their own
 * request; `read:servicedesk-request`). Elsewhere the context carries the id and nothing is asked.
 */
const portalBackend: Backend = {
  ...forgeBackend,
  async context() {
    const context = await forgeBackend.context();
    if (context.issueId !== null) return context;
    try {
      const extension = (await view.getContext()).extension as { request?: { key?: unknown } };
      const key = extension.request?.key;
      if (typeof key !== 'string' || key === '') return context;
      const response = await requestJira(`/rest/servicedeskapi/request/${encodeURIComponent(key)}`, {
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) return context;
      const request = (await response.json()) as { issueId?: unknown };
      const issueId = request.issueId;
      return typeof issueId === 'string' || typeof issueId === 'number'
        ? { ...context, issueId: String(issueId) }
        : context;
    } catch {
      // The panel says it could not load the commitments.
      return context;
    }
  },
};

void enableJiraTheme();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PortalPanel backend={portalBackend} />
    </StrictMode>,
  );
}

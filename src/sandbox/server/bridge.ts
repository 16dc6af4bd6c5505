import { z } from 'zod';
import type { CallContext } from '../../app/resolvers/context';
import type { SandboxApp } from '../app';
import { HttpError } from './http';
import { findIssue, person } from './site-api';

/**
 * What the host pages' `@forge/bridge` asks the sandbox: `invoke` (a resolver call, answered by the app's own
 * dispatcher) and `view.getContext` (who is looking, from which module, at which issue or project).
 */

const MODULES = ['issue-panel', 'admin', 'project-settings', 'gadget', 'portal'] as const;
type Module = (typeof MODULES)[number];

/** Each module as manifest.yml declares it: its Forge module type and key. */
const FORGE_MODULES: Readonly<Record<Module, { readonly type: string; readonly key: string }>> = {
  'issue-panel': { type: 'jira:issueContext', key: 'accord-issue-context' },
  admin: { type: 'jira:adminPage', key: 'accord-admin' },
  'project-settings': { type: 'jira:projectSettingsPage', key: 'accord-project-settings' },
  gadget: { type: 'jira:dashboardGadget', key: 'accord-compliance-gadget' },
  portal: { type: 'jiraServiceManagement:portalRequestDetailPanel', key: 'accord-portal' },
};

const callContext = z
  .object({
    accountId: z.string().min(1).max(200),
    module: z.enum(MODULES),
    projectKey: z.string().min(1).max(100).optional(),
    issueId: z.string().min(1).max(100).optional(),
  })
  .strict();

/** `POST /api/invoke`: a resolver key, its payload, and the context Forge would attach to the call. */
export const invokeBody = z
  .object({
    key: z.string().min(1).max(200),
    payload: z.unknown().optional(),
    context: callContext,
  })
  .strict();

/** `GET /api/context?module=…&accountId=…[&issueId=…][&projectKey=…]`. */
export const contextQuery = callContext;

/** The resolver context of an invoke, checked against the site: a known person, an existing issue. */
export function callContextOf(app: SandboxApp, context: z.infer<typeof callContext>): CallContext {
  person(app, context.accountId, '$.context.accountId');
  const issue = context.issueId === undefined ? undefined : findIssue(app, context.issueId);
  const projectKey = context.projectKey ?? issue?.key.split('-')[0];
  return {
    accountId: context.accountId,
    module: context.module,
    ...(projectKey === undefined ? {} : { projectKey }),
    ...(issue === undefined ? {} : { issueId: issue.id }),
  };
}

/**
 * The shape `view.getContext()` resolves to in a Custom UI (Forge's `FullContext`): the module's extension
 * carries the issue and project of an issue view, the project of project settings, the request of a portal
 * panel, the gadget of a dashboard.
 */
export function forgeContext(
  app: SandboxApp,
  query: z.infer<typeof contextQuery>,
  siteUrl: string,
): Record<string, unknown> {
  const user = person(app, query.accountId);
  if ((query.module === 'issue-panel' || query.module === 'portal') && query.issueId === undefined) {
    throw new HttpError(400, 'invalid-request', `The ${query.module} context needs an issueId.`, [
      { code: 'request.issueId', message: 'required for this module', path: '$.issueId' },
    ]);
  }
  const issue = query.issueId === undefined ? undefined : findIssue(app, query.issueId);
  const projectKey = query.projectKey ?? issue?.key.split('-')[0] ?? 'IT';
  const project = { id: '10000', key: projectKey, type: 'service_desk' };
  const forge = FORGE_MODULES[query.module];
  const issueType = issue?.field('issuetype') as { id?: string; name?: string } | undefined;
  const extension: Record<string, unknown> = { type: forge.type };
  switch (query.module) {
    case 'issue-panel':
      Object.assign(extension, {
        issue: { id: issue?.id, key: issue?.key, type: issueType?.name, typeId: issueType?.id },
        project,
        isNewToIssue: false,
      });
      break;
    case 'project-settings':
      Object.assign(extension, { project });
      break;
    case 'portal':
      Object.assign(extension, {
        request: { key: issue?.key, typeId: issueType?.id },
        portal: { id: 1 },
        issue: { id: issue?.id, key: issue?.key },
        project,
      });
      break;
    case 'gadget':
      Object.assign(extension, {
        gadget: { id: 'sandbox-gadget' },
        dashboard: { id: 'sandbox-dashboard' },
        gadgetConfiguration: {},
      });
      break;
    case 'admin':
      break;
  }
  return {
    accountId: user.accountId,
    accountType: user.accountType === 'customer' ? 'customer' : 'licensed',
    cloudId: 'sandbox',
    siteUrl,
    environmentId: 'sandbox',
    environmentType: 'DEVELOPMENT',
    localId: `ari:cloud:ecosystem::extension/sandbox/${forge.key}`,
    moduleKey: forge.key,
    locale: 'en-US',
    timezone: 'Europe/Berlin',
    theme: { colorMode: 'light' },
    license: { isActive: true },
    extension,
    // Not Forge's: the sandbox clock, so that a countdown ticks from the sandbox's "now", not the browser's.
    sandbox: { now: app.clock.now() },
  };
}

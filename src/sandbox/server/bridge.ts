import { z } from 'zod';
import type { AccountType, CallContext } from '../../app/resolvers/context';
import { isKnownZone } from '../../engine/time/zone';
import type { SandboxApp } from '../app';
import { findGadget, type GadgetStore } from './gadgets';
import { HttpError } from './http';
import { findIssue, person } from './site-api';

/**
 * What the host pages' `@forge/bridge` asks the sandbox: `invoke` (a resolver call, answered by the app's own
 * dispatcher) and `view.getContext` (who is looking, from which module, at which issue or project, in which
 * language and time zone).
 */

/** The sandbox's names for the Custom UI modules: `report` is a second `jira:adminPage`, "Accord reports". */
export const MODULES = ['issue-panel', 'admin', 'project-settings', 'gadget', 'portal', 'report'] as const;
export type Module = (typeof MODULES)[number];

/** Each module as manifest.yml declares it: its Forge module type and key. */
export const FORGE_MODULES: Readonly<Record<Module, { readonly type: string; readonly key: string }>> = {
  'issue-panel': { type: 'jira:issueContext', key: 'accord-issue-context' },
  admin: { type: 'jira:adminPage', key: 'accord-admin' },
  'project-settings': { type: 'jira:projectSettingsPage', key: 'accord-project-settings' },
  gadget: { type: 'jira:dashboardGadget', key: 'accord-compliance-gadget' },
  portal: { type: 'jiraServiceManagement:portalRequestDetailPanel', key: 'accord-portal' },
  report: { type: 'jira:adminPage', key: 'accord-reports' },
};

/** A Forge locale code, `de-DE` (Forge's `ForgeSupportedLocaleCode` is a list of these). */
export const LOCALE = /^[a-z]{2}-[A-Z]{2}$/;
export const locale = z.string().regex(LOCALE, 'not a locale code such as de-DE');
export const timeZone = z
  .string()
  .max(100)
  .refine((zone): boolean => isKnownZone(zone), 'not an IANA time zone such as Europe/Berlin');
/** A gadget's id on the sandbox's dashboard. */
export const gadgetId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'not a gadget id');

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

/**
 * `GET /api/context?module=…&accountId=…[&issueId=…][&projectKey=…][&gadgetId=…][&entryPoint=edit]
 * [&locale=de-DE][&timezone=Europe/Berlin]`: the frame's query, as the host page wrote it.
 */
export const contextQuery = callContext
  .extend({
    locale: locale.default('en-US'),
    timezone: timeZone.default('Europe/Berlin'),
    gadgetId: gadgetId.optional(),
    entryPoint: z.literal('edit').optional(),
  })
  .strict();

/** Forge's account type for a person of the site: its customers are `customer`, everyone else `licensed`. */
export const accountTypeOf = (user: { readonly accountType: string }): AccountType =>
  user.accountType === 'customer' ? 'customer' : 'licensed';

/** The resolver context of an invoke, checked against the site: a known person, an existing issue. */
export function callContextOf(app: SandboxApp, context: z.infer<typeof callContext>): CallContext {
  const user = person(app, context.accountId, '$.context.accountId');
  const issue = context.issueId === undefined ? undefined : findIssue(app, context.issueId);
  const projectKey = context.projectKey ?? issue?.key.split('-')[0];
  return {
    accountId: context.accountId,
    // What Forge's resolver context says of the account (`view.getContext` below says the same).
    accountType: accountTypeOf(user),
    // Forge tells a resolver its module by the module's type (src/forge/payloads.ts): reports is an admin page.
    module: context.module === 'report' ? 'admin' : context.module,
    ...(projectKey === undefined ? {} : { projectKey }),
    ...(issue === undefined ? {} : { issueId: issue.id }),
  };
}

/**
 * The shape `view.getContext()` resolves to in a Custom UI (Forge's `FullContext`): the module's extension
 * carries the issue and project of an issue view, the project of project settings, the request of a portal
 * panel, the gadget of a dashboard with its stored configuration (and `entryPoint: 'edit'` in its edit view).
 */
export function forgeContext(
  app: SandboxApp,
  query: z.infer<typeof contextQuery>,
  siteUrl: string,
  gadgets: GadgetStore,
): Record<string, unknown> {
  const user = person(app, query.accountId);
  const required = (name: 'issueId' | 'gadgetId'): void => {
    if (query[name] !== undefined) return;
    throw new HttpError(400, 'invalid-request', `The ${query.module} context needs a ${name}.`, [
      { code: 'request.invalid', message: 'required for this module', path: `$.${name}` },
    ]);
  };
  if (query.module === 'issue-panel' || query.module === 'portal') required('issueId');
  if (query.module === 'gadget') required('gadgetId');
  if (query.entryPoint !== undefined && query.module !== 'gadget') {
    throw new HttpError(400, 'invalid-request', 'Only a gadget has an edit entry point.', [
      { code: 'request.invalid', message: 'only for the gadget module', path: '$.entryPoint' },
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
    case 'gadget': {
      const gadget = findGadget(query.gadgetId ?? '');
      Object.assign(extension, {
        gadget: { id: gadget.id },
        dashboard: { id: gadget.dashboardId },
        gadgetConfiguration: gadgets.configuration(gadget.id) ?? {},
        ...(query.entryPoint === undefined ? {} : { entryPoint: query.entryPoint }),
      });
      break;
    }
    case 'admin':
    case 'report':
      break;
  }
  return {
    accountId: user.accountId,
    accountType: accountTypeOf(user),
    cloudId: 'sandbox',
    siteUrl,
    environmentId: 'sandbox',
    environmentType: 'DEVELOPMENT',
    localId: `ari:cloud:ecosystem::extension/sandbox/${forge.key}`,
    moduleKey: forge.key,
    locale: query.locale,
    timezone: query.timezone,
    theme: { colorMode: 'light' },
    license: { isActive: true },
    extension,
    // Not Forge's: the sandbox clock, so that a countdown ticks from the sandbox's "now", not the browser's.
    sandbox: { now: app.clock.now() },
  };
}

import type { Deps } from '../evaluation/deps';
import type { CallContext } from './context';
import { Refusal } from './envelope';

/**
 * Permission checks, always on the server and as the calling user: configuration writes need Jira admin (the
 * admin page) or project admin (project settings, for that project); issue data needs browse permission on
 * that issue.
 */
export async function requireAdmin(deps: Deps, ctx: CallContext): Promise<void> {
  if (!(await deps.jira.hasPermission({ as: 'user', accountId: ctx.accountId }, 'ADMINISTER'))) {
    throw new Refusal('forbidden', 'Only Jira administrators can change Accord’s configuration.');
  }
}

/** Jira admin anywhere, or project admin of `projectKey`. */
export async function requireProjectAdmin(deps: Deps, ctx: CallContext, projectKey: string): Promise<void> {
  const user = { as: 'user' as const, accountId: ctx.accountId };
  if (await deps.jira.hasPermission(user, 'ADMINISTER')) return;
  if (!(await deps.jira.hasPermission(user, 'ADMINISTER_PROJECTS', { projectKey }))) {
    throw new Refusal(
      'forbidden',
      `Only administrators of project ${projectKey} can change its service levels.`,
    );
  }
}

/** Reading configuration: an admin, or a project admin from their project's settings. */
export async function requireConfigReader(deps: Deps, ctx: CallContext): Promise<void> {
  if (ctx.projectKey !== undefined) return requireProjectAdmin(deps, ctx, ctx.projectKey);
  return requireAdmin(deps, ctx);
}

export async function requireBrowse(deps: Deps, ctx: CallContext, issueId: string): Promise<void> {
  if (
    !(await deps.jira.hasPermission({ as: 'user', accountId: ctx.accountId }, 'BROWSE_PROJECTS', { issueId }))
  ) {
    throw new Refusal('forbidden', 'You do not have permission to see this issue.');
  }
}

/**
 * Reading service level reports: a Jira admin, for any scope; for one project, anyone who can browse it (its
 * agents and service managers see the figures of the issues they can see anyway). A report over every project
 * is for admins only, since it spans projects a caller may not see.
 */
export async function requireReportReader(
  deps: Deps,
  ctx: CallContext,
  projectKey: string | undefined,
): Promise<void> {
  const user = { as: 'user' as const, accountId: ctx.accountId };
  if (await deps.jira.hasPermission(user, 'ADMINISTER')) return;
  if (projectKey === undefined) {
    throw new Refusal(
      'forbidden',
      'Only Jira administrators can see reports over every project; choose a project you can browse.',
    );
  }
  if (!(await deps.jira.hasPermission(user, 'BROWSE_PROJECTS', { projectKey }))) {
    throw new Refusal(
      'forbidden',
      `You do not have permission to see the service levels of project ${projectKey}.`,
    );
  }
}

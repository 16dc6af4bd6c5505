import type { Agreement } from '../../engine/agreement/types';
import { historyOf } from '../../engine/issue';
import { mayMatchProject, parseJqlExpr } from '../../engine/jql';
import type { Deps } from '../evaluation/deps';
import type { Version } from '../ports';
import type { CallContext } from './context';
import { Refusal } from './envelope';

/**
 * Permission checks, always on the server and as the calling user. Every route but the portal's needs a
 * licensed account (an agent or admin, never a JSM customer, whatever Jira's permissions say); configuration
 * writes and contract figures need Jira admin (the admin page) or, for a project's own list, project admin;
 * issue data needs browse permission on that issue.
 */

/**
 * Only licensed accounts reach agent and admin routes: JSM's default permission scheme may grant customers
 * Browse Projects, so a permission check alone does not tell an agent from a customer.
 */
export function requireLicensed(ctx: CallContext): void {
  if (ctx.accountType !== 'licensed') {
    throw new Refusal(
      'licensed-only',
      {},
      'This part of Accord is for the site’s agents and admins; customers see their requests’ commitments on the portal.',
    );
  }
}

const isSiteAdmin = (deps: Deps, ctx: CallContext): Promise<boolean> =>
  deps.jira.hasPermission({ as: 'user', accountId: ctx.accountId }, 'ADMINISTER');

export async function requireAdmin(deps: Deps, ctx: CallContext): Promise<void> {
  requireLicensed(ctx);
  if (!(await isSiteAdmin(deps, ctx))) {
    throw new Refusal('admin-only', {}, 'Only Jira administrators can change Accord’s configuration.');
  }
}

/** Jira admin anywhere, or project admin of `projectKey`; says which. */
export async function requireProjectAdmin(
  deps: Deps,
  ctx: CallContext,
  projectKey: string,
): Promise<'site' | 'project'> {
  requireLicensed(ctx);
  if (await isSiteAdmin(deps, ctx)) return 'site';
  const user = { as: 'user' as const, accountId: ctx.accountId };
  if (!(await deps.jira.hasPermission(user, 'ADMINISTER_PROJECTS', { projectKey }))) {
    throw new Refusal(
      'project-admin-only',
      { projectKey },
      `Only administrators of project ${projectKey} can change its service levels.`,
    );
  }
  return 'project';
}

/**
 * What a caller may read of the configuration: all of it (a Jira admin), or, for a project admin from their
 * project's settings, the agreements placed in that project and the calendars those use.
 */
export type ConfigReach =
  | { readonly scope: 'site' }
  | {
      readonly scope: 'project';
      readonly projectKey: string;
      readonly agreements: ReadonlySet<string>;
      readonly calendars: ReadonlySet<string>;
    };

/**
 * Reading configuration: a Jira admin reads all of it; a project admin, from their project's settings page,
 * only what is placed in that project (see {@link ConfigReach}); anyone else is refused.
 */
export async function requireConfigReader(deps: Deps, ctx: CallContext): Promise<ConfigReach> {
  if (ctx.projectKey === undefined) {
    await requireAdmin(deps, ctx);
    return { scope: 'site' };
  }
  if ((await requireProjectAdmin(deps, ctx, ctx.projectKey)) === 'site') return { scope: 'site' };
  const placed = await placedIn(deps, ctx.projectKey);
  return {
    scope: 'project',
    projectKey: ctx.projectKey,
    agreements: new Set(placed.map((a) => a.id)),
    calendars: new Set(placed.flatMap((a) => (a.body ? calendarsOf(a.body) : []))),
  };
}

/**
 * The agreements placed in a project: those evaluation chooses for it (the project's list, else those that
 * select their own issues with `appliesTo`) that can measure an issue of it. An agreement whose `appliesTo` rules
 * the project out measures nothing there, so neither a project without a list (which would otherwise inherit
 * every scoped agreement of the site) nor an admin who lists another project's agreement in their own gains
 * anything of it.
 */
export async function placedIn(deps: Deps, projectKey: string): Promise<Version<Agreement>[]> {
  const [all, listed, aliases] = await Promise.all([
    deps.store.config.list('agreement'),
    deps.store.config.projectAgreements(projectKey),
    projectAliases(deps, projectKey),
  ]);
  const byId = new Map(all.map((a) => [a.id, a]));
  const chosen =
    listed.length === 0
      ? all.filter((a) => a.body?.appliesTo !== undefined && a.body.appliesTo.trim() !== '')
      : listed.flatMap((id) => byId.get(id) ?? []);
  return chosen.filter((a) => a.body === null || mayApplyIn(a.body, aliases));
}

/** Whether an agreement's `appliesTo` can select an issue of the project with these aliases. */
function mayApplyIn(agreement: Agreement, aliases: readonly string[]): boolean {
  const scope = parseJqlExpr(agreement.appliesTo ?? '');
  // A saved agreement's scope was validated; one that no longer parses measures nothing, so it is placed nowhere.
  return scope.ok && mayMatchProject(scope.value, aliases);
}

/**
 * What issues of a project carry as its value (key, id and name, lower-cased), read from one issue of it that
 * Accord stored; its key alone when Accord stored none.
 * ATTENTION: with the key alone, an `appliesTo` that names the project only by id or name counts as not applying
 * there (nothing of the project has been measured yet), and `project != "<its name>"` as applying.
 */
async function projectAliases(deps: Deps, projectKey: string): Promise<readonly string[]> {
  const [stored] = await deps.store.histories.page({ projectKey, limit: 1 });
  // A history retention dropped (an issue closed long ago) says nothing: the key alone then.
  const aliases = stored?.data ? historyOf(stored.data).at(deps.clock.now()).get('project') : [];
  return aliases.length > 0 ? aliases : [projectKey.toLowerCase()];
}

/** The calendars an agreement uses: its goals' and its availability objectives'. */
export function calendarsOf(agreement: Agreement): string[] {
  return [
    ...agreement.metrics.flatMap((m) => m.goals.map((g) => g.calendar)),
    ...(agreement.availability ?? []).map((a) => a.calendar),
  ];
}

export async function requireBrowse(deps: Deps, ctx: CallContext, issueId: string): Promise<void> {
  requireLicensed(ctx);
  if (
    !(await deps.jira.hasPermission({ as: 'user', accountId: ctx.accountId }, 'BROWSE_PROJECTS', { issueId }))
  ) {
    throw new Refusal('issue-not-visible', {}, 'You do not have permission to see this issue.');
  }
}

/**
 * Reading service level reports: a Jira admin, for any scope; for one project, a licensed user who can browse
 * it (its agents and service managers see the figures of the issues they can see anyway), and then only of the
 * agreements placed in that project (see `agreementsInScope`). A report over every project is for admins
 * only, since it spans projects a caller may not see.
 */
export async function requireReportReader(
  deps: Deps,
  ctx: CallContext,
  projectKey: string | undefined,
): Promise<void> {
  requireLicensed(ctx);
  const user = { as: 'user' as const, accountId: ctx.accountId };
  if (await deps.jira.hasPermission(user, 'ADMINISTER')) return;
  if (projectKey === undefined) {
    throw new Refusal(
      'report-admin-only',
      {},
      'Only Jira administrators can see reports over every project; choose a project you can browse.',
    );
  }
  if (!(await deps.jira.hasPermission(user, 'BROWSE_PROJECTS', { projectKey }))) {
    throw new Refusal(
      'project-not-visible',
      { projectKey },
      `You do not have permission to see the service levels of project ${projectKey}.`,
    );
  }
}

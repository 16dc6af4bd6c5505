import { z } from 'zod';
import type { SandboxApp } from '../app';
import { statusesReply, type JiraIssueBuilder } from '../jira/issue-model';
import { COMPONENTS, findRequestType, PRIORITY_NAMES, REQUEST_TYPES, TEAMS } from '../jira/service-desk';
import { APP_ACCOUNT, type SiteUser } from '../jira/site';
import { organizationOf, SANDBOX_ORGANIZATIONS } from '../users';
import { HttpError } from './http';

/**
 * The controls that act as Jira would (a customer raising a request, an agent commenting or transitioning, …)
 * and the site's issues as rows. Each control changes the simulated site, which raises the product event; the
 * caller then lets the sandbox deliver it, so the reply already carries Accord's evaluation.
 */

const PROJECT = 'IT';
const accountId = z.string().min(1).max(200);
const STATUS_NAMES = statusesReply.map((s) => s.name);

/** `POST /api/site/issues`: a customer raises a request (the request type by name or id). */
export const createIssueBody = z
  .object({
    reporter: accountId,
    summary: z.string().trim().min(1).max(255),
    priority: z.enum(PRIORITY_NAMES).default('Medium'),
    requestType: z.string().min(1).max(200).default('Get IT help'),
    components: z.array(z.enum(COMPONENTS)).max(COMPONENTS.length).default([]),
  })
  .strict();
/** `POST /api/site/issues/:id/comment`, and the bodies of the other controls below. */
export const commentBody = z
  .object({ accountId, body: z.string().trim().min(1).max(32_000), internal: z.boolean().default(false) })
  .strict();
export const transitionBody = z.object({ accountId, to: z.string().min(1).max(100) }).strict();
export const priorityBody = z.object({ accountId, priority: z.enum(PRIORITY_NAMES) }).strict();
export const assigneeBody = z.object({ accountId, assignee: accountId.nullable() }).strict();
export const teamBody = z.object({ accountId, team: z.enum(TEAMS).nullable() }).strict();

/** One issue as a queue shows it, with Accord's two custom fields. */
export interface IssueRow {
  readonly id: string;
  readonly key: string;
  readonly summary: string | null;
  readonly status: string;
  readonly statusCategory: string;
  readonly priority: string;
  readonly requestType: string | null;
  readonly organizations: readonly string[];
  readonly team: string | null;
  readonly components: readonly string[];
  readonly reporter: string | null;
  readonly assignee: string | null;
  readonly created: string;
  readonly updated: string;
  readonly resolved: boolean;
  /** Accord's "SLA state" custom field. */
  readonly slaState: string | null;
  /** Accord's "Next SLA deadline" custom field (ISO). */
  readonly nextDeadline: string | null;
}

type Named = { name?: string; value?: string; accountId?: string; key?: string } | null | undefined;

/** An issue as a row of a queue: its fields as people read them, and Accord's two custom fields. */
export function issueRow(app: SandboxApp, issue: JiraIssueBuilder): IssueRow {
  const f = (name: string): Named => issue.field(name) as Named;
  const status = f('status') as { name: string; statusCategory?: { key?: string } };
  const values = app.site.customFieldValues.get(issue.id);
  const list = (name: string, key: 'name' | 'value'): string[] =>
    ((issue.field(name) as Named[] | null | undefined) ?? []).flatMap((v) => (v?.[key] ? [v[key]] : []));
  return {
    id: issue.id,
    key: issue.key,
    summary: (issue.field('summary') as string | undefined) ?? null,
    status: status.name,
    statusCategory: status.statusCategory?.key ?? 'new',
    priority: f('priority')?.name ?? 'Medium',
    requestType:
      (f('customfield_10010') as { requestType?: { name?: string } } | null)?.requestType?.name ?? null,
    organizations: list('customfield_10002', 'name'),
    team: f('customfield_10050')?.value ?? null,
    components: list('components', 'name'),
    reporter: f('reporter')?.accountId ?? null,
    assignee: f('assignee')?.accountId ?? null,
    created: String(issue.field('created')),
    updated: String(issue.field('updated')),
    resolved: issue.field('resolution') !== null,
    slaState: values?.get('sla-state') ?? null,
    nextDeadline: values?.get('next-deadline') ?? null,
  };
}

/** Every issue, newest first. */
export function listIssues(app: SandboxApp): IssueRow[] {
  return [...app.site.issues.values()].reverse().map((issue) => issueRow(app, issue));
}

/** The issue by id or key, or a 404 refusal. */
export function findIssue(app: SandboxApp, idOrKey: string): JiraIssueBuilder {
  const issue = app.site.find(idOrKey);
  if (!issue) throw new HttpError(404, 'not-found', `The site has no issue "${idOrKey}".`);
  return issue;
}

/** A person on the site, or a refusal naming who exists. */
export function person(app: SandboxApp, id: string, path = '$.accountId'): SiteUser {
  const user = app.site.user(id);
  if (!user || user.accountId === APP_ACCOUNT) {
    const known = app.site.users.filter((u) => u.accountId !== APP_ACCOUNT).map((u) => u.accountId);
    throw new HttpError(
      400,
      'unknown-user',
      `There is no user "${id}" on the site; try one of ${known.join(', ')}.`,
      [{ code: 'request.user', message: `unknown user "${id}"`, path }],
    );
  }
  return user;
}

function agent(app: SandboxApp, id: string, path = '$.accountId'): SiteUser {
  const user = person(app, id, path);
  if (user.accountType !== 'atlassian' || !(user.admin === true || (user.agentOf ?? []).includes(PROJECT))) {
    throw new HttpError(
      403,
      'forbidden',
      `${user.displayName} is not an agent of ${PROJECT}: only agents can do this.`,
    );
  }
  return user;
}

/** Raises a request as the customer, shared with their organization, handled first by the First Level team. */
export function createIssue(app: SandboxApp, body: z.infer<typeof createIssueBody>): JiraIssueBuilder {
  const reporter = person(app, body.reporter, '$.reporter');
  if (reporter.accountType !== 'customer') {
    throw new HttpError(
      400,
      'not-a-customer',
      `${reporter.displayName} is not a customer; requests are raised by customers.`,
      [{ code: 'request.user', message: 'not a customer', path: '$.reporter' }],
    );
  }
  const requestType = findRequestType(body.requestType);
  if (!requestType) {
    throw new HttpError(
      400,
      'unknown-request-type',
      `There is no request type "${body.requestType}"; try one of ${REQUEST_TYPES.map((t) => t.name).join(', ')}.`,
      [{ code: 'request.requestType', message: 'unknown request type', path: '$.requestType' }],
    );
  }
  const organization = organizationOf(reporter.accountId);
  return app.site.create({
    project: PROJECT,
    reporter: reporter.accountId,
    priority: body.priority,
    status: 'Waiting for support',
    summary: body.summary,
    requestType,
    organizations: organization ? [organization] : [],
    components: body.components,
    fields: { customfield_10050: { value: 'First Level', id: String(10020 + TEAMS.indexOf('First Level')) } },
  });
}

/** A comment as the customer (only on their own requests, always public) or as an agent (public or internal). */
export function comment(app: SandboxApp, issue: JiraIssueBuilder, body: z.infer<typeof commentBody>): void {
  const user = person(app, body.accountId);
  if (user.accountType === 'customer') {
    if (body.internal) {
      throw new HttpError(400, 'invalid-request', 'Customers cannot write internal notes.', [
        { code: 'request.internal', message: 'only agents write internal notes', path: '$.internal' },
      ]);
    }
    if (!(app.site.participants.get(issue.id)?.has(user.accountId) ?? false)) {
      throw new HttpError(
        403,
        'forbidden',
        `${user.displayName} cannot see ${issue.key}: it is not their request.`,
      );
    }
  } else agent(app, body.accountId);
  app.site.comment(issue.id, user.accountId, body.body, body.internal ? { internal: true } : {});
}

/** Moves the issue to a status by name (any case), as an agent; a done status sets the resolution. */
export function transition(
  app: SandboxApp,
  issue: JiraIssueBuilder,
  body: z.infer<typeof transitionBody>,
): void {
  agent(app, body.accountId);
  const to = STATUS_NAMES.find((s) => s.toLowerCase() === body.to.toLowerCase());
  if (to === undefined) {
    throw new HttpError(
      400,
      'unknown-status',
      `There is no status "${body.to}"; try one of ${STATUS_NAMES.join(', ')}.`,
      [{ code: 'request.status', message: 'unknown status', path: '$.to' }],
    );
  }
  app.site.transition(issue.id, body.accountId, to);
}

/** Changes the priority, as an agent. */
export function setPriority(
  app: SandboxApp,
  issue: JiraIssueBuilder,
  body: z.infer<typeof priorityBody>,
): void {
  agent(app, body.accountId);
  app.site.setPriority(issue.id, body.accountId, body.priority);
}

/** Assigns the issue to an agent, or unassigns it (null), as an agent. */
export function assign(app: SandboxApp, issue: JiraIssueBuilder, body: z.infer<typeof assigneeBody>): void {
  agent(app, body.accountId);
  if (body.assignee !== null) agent(app, body.assignee, '$.assignee');
  app.site.assign(issue.id, body.accountId, body.assignee);
}

/** Hands the issue to a team (or none), as an agent: what starts and stops the OLA and the UC. */
export function setTeam(app: SandboxApp, issue: JiraIssueBuilder, body: z.infer<typeof teamBody>): void {
  agent(app, body.accountId);
  app.site.setTeam(issue.id, body.accountId, body.team);
}

/** What the site offers, for forms: people, organizations, statuses, priorities, request types, teams, components. */
export function siteCatalogue(app: SandboxApp): Record<string, unknown> {
  return {
    project: { id: '10000', key: PROJECT, name: 'IT Help' },
    users: app.site.users
      .filter((u) => u.accountId !== APP_ACCOUNT)
      .map((u) => ({
        accountId: u.accountId,
        displayName: u.displayName,
        accountType: u.accountType,
        admin: u.admin === true,
        agent: u.accountType === 'atlassian' && (u.admin === true || (u.agentOf ?? []).includes(PROJECT)),
        organization: organizationOf(u.accountId)?.name ?? null,
      })),
    organizations: SANDBOX_ORGANIZATIONS.map((o) => ({ id: o.id, name: o.name, members: o.members })),
    statuses: statusesReply.map((s) => ({ id: s.id, name: s.name, category: s.statusCategory.key })),
    priorities: PRIORITY_NAMES,
    requestTypes: REQUEST_TYPES.map((t) => ({ id: t.id, name: t.name, issueType: t.issueType.name })),
    teams: TEAMS,
    components: COMPONENTS,
  };
}

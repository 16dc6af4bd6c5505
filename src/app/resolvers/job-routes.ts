import { z } from 'zod';
import { parseJql } from '../../engine/jql';
import type { Deps } from '../evaluation/deps';
import { jobFailure, startJob, type JobFailure } from '../jobs/recalculate';
import type { AuditEntry, Job, JobSpec } from '../ports';
import type { CallContext } from './context';
import { Refusal } from './envelope';
import { requireAdmin, requireProjectAdmin } from './guard';
import { route, type Route } from './route';
import { LIMITS, nonEmptyText } from '../../engine/config/limits';
import { id, jql, projectKey } from './fields';

const scope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('project'), projectKey }).strict(),
  z.object({ kind: z.literal('agreement'), agreementId: id }).strict(),
  z.object({ kind: z.literal('jql'), jql }).strict(),
]);
const jobId = nonEmptyText(LIMITS.shortText);

/**
 * Who may start or stop a recalculation: a project admin their project's running and future figures; a Jira
 * admin anything, and alone any job that replaces completed results (contract figures: met and breached counts,
 * credits) or reaches beyond one project.
 */
async function requireJobAdmin(deps: Deps, ctx: CallContext, spec: JobSpec): Promise<void> {
  if (spec.scope.kind === 'project' && !spec.replaceCompleted)
    await requireProjectAdmin(deps, ctx, spec.scope.projectKey);
  else await requireAdmin(deps, ctx);
}

/** A job as the `jobs/*` routes answer it: as stored, and why it failed as a code the UIs word. */
export type JobView = Job & { readonly failure: JobFailure | null };

const view = (job: Job): JobView => ({ ...job, failure: jobFailure(job.error) });

export const jobRoutes = {
  /** Starts a recalculation ({@link requireJobAdmin} says who may). */
  'jobs/start': route(
    z.object({ scope, replaceCompleted: z.boolean() }).strict(),
    async (deps, ctx, p): Promise<JobView> => {
      await requireJobAdmin(deps, ctx, p);
      if (p.scope.kind === 'jql') {
        const jql = parseJql(p.scope.jql);
        if (!jql.ok)
          throw new Refusal(
            'jql-invalid',
            {},
            'The JQL is not valid.',
            jql.problems.map((q) => ({ ...q, path: '$.scope.jql' })),
          );
      }
      if (p.scope.kind === 'agreement' && !(await deps.store.config.get('agreement', p.scope.agreementId))) {
        throw new Refusal(
          'agreement-unknown',
          { ids: [p.scope.agreementId] },
          `No agreement "${p.scope.agreementId}".`,
        );
      }
      return view(
        await startJob(deps, { scope: p.scope, replaceCompleted: p.replaceCompleted }, ctx.accountId),
      );
    },
  ),
  'jobs/status': route(z.object({ jobId }).strict(), async (deps, ctx, p): Promise<JobView> => {
    const job = await deps.store.jobs.get(p.jobId);
    if (!job) throw new Refusal('job-unknown', { jobId: p.jobId }, `No job "${p.jobId}".`);
    if (job.spec.scope.kind === 'project') await requireProjectAdmin(deps, ctx, job.spec.scope.projectKey);
    else await requireAdmin(deps, ctx);
    return view(job);
  }),
  'jobs/list': route(
    z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict(),
    async (deps, ctx, p): Promise<JobView[]> => {
      await requireAdmin(deps, ctx);
      return (await deps.store.jobs.list(p.limit)).map(view);
    },
  ),
  /** Stopping a job half-way changes what it changes, half of it: the same people as for starting it. */
  'jobs/cancel': route(z.object({ jobId }).strict(), async (deps, ctx, p): Promise<JobView> => {
    const job = await deps.store.jobs.get(p.jobId);
    if (!job) throw new Refusal('job-unknown', { jobId: p.jobId }, `No job "${p.jobId}".`);
    await requireJobAdmin(deps, ctx, job.spec);
    await deps.store.jobs.requestCancel(p.jobId);
    const cancelled = await deps.store.jobs.get(p.jobId);
    if (!cancelled) throw new Refusal('job-unknown', { jobId: p.jobId }, `No job "${p.jobId}".`);
    await deps.store.audit.append({
      at: deps.clock.now(),
      actor: ctx.accountId,
      action: 'job.cancel',
      entity: 'job',
      entityId: p.jobId,
      version: null,
      changes: [],
    });
    return view(cancelled);
  }),
  'audit/list': route(
    z
      .object({
        limit: z.number().int().min(1).max(200).default(50),
        before: z.number().optional(),
        entityId: nonEmptyText(LIMITS.id).optional(),
      })
      .strict(),
    async (deps, ctx, p): Promise<AuditEntry[]> => {
      await requireAdmin(deps, ctx);
      return deps.store.audit.list({
        limit: p.limit,
        ...(p.before === undefined ? {} : { before: p.before }),
        ...(p.entityId === undefined ? {} : { entityId: p.entityId }),
      });
    },
  ),
} satisfies Record<string, Route>;

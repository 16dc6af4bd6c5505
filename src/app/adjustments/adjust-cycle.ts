/**
 * Extending a deadline and excusing a breach on one issue (docs/engine-contract.md, "Extensions and excused
 * breaches"): the use cases behind the issue panel's resolver routes and Jira Automation's actions. Each checks
 * the caller's right, re-measures the issue at `now` to decide on its current state, stores the decision (kept
 * across recalculations), audits it and measures again with it.
 */
import type { CycleResult, MetricResult } from '../../engine/evaluate/result';
import { formatInstant, parseInstant } from '../../engine/time/iso';
import { MS_PER_MINUTE, type EpochMs } from '../../engine/time/units';
import { evaluateHistory } from '../../engine/evaluate/evaluate';
import { historyOf } from '../../engine/issue';
import { engineAdjustments } from '../evaluation/adjustments';
import { evaluateStored } from '../evaluation/evaluate-issue';
import type { Deps } from '../evaluation/deps';
import type { StoredAdjustment, StoredHistory } from '../ports';
import type { CallContext } from '../resolvers/context';
import { Refusal } from '../resolvers/envelope';
import { requireBrowse } from '../resolvers/guard';

/** Which metric of which agreement on which issue. */
export interface MetricRef {
  readonly issueId: string;
  readonly agreementId: string;
  readonly metricId: string;
}

/** An extension: by working minutes, or to an instant (epoch ms). */
export type ExtendRequest = MetricRef & { readonly reason: string } & (
    | { readonly minutes: number; readonly until?: undefined }
    | { readonly until: number; readonly minutes?: undefined }
  );

/** An excuse of a breached cycle: the one that started at `cycleStartedAt`, else the latest breached one. */
export interface ExcuseRequest extends MetricRef {
  readonly reason: string;
  readonly cycleStartedAt?: number;
}

/** What a decision did: the decision as stored, and the metric measured with it. */
export interface AdjustOutcome {
  readonly adjustment: StoredAdjustment;
  readonly metric: MetricResult;
}

/** The longest extension, in working minutes: a year of round-the-clock time. */
export const MAX_EXTENSION_MINUTES = 366 * 24 * 60;

/** Extends the running cycle's deadline. */
export async function extendDeadline(
  deps: Deps,
  ctx: CallContext,
  req: ExtendRequest,
): Promise<AdjustOutcome> {
  const { history, metric, now } = await prepare(deps, ctx, req);
  const cycle = metric.cycles[metric.cycles.length - 1];
  if (cycle?.stoppedAt !== null) {
    throw new Refusal(
      'cycle-not-running',
      { metricId: req.metricId },
      `${req.metricId} has no running cycle on this issue: only a running deadline can be extended.`,
    );
  }
  if (cycle.remainingMs === null) {
    throw new Refusal(
      'cycle-without-target',
      { metricId: req.metricId },
      `${req.metricId} is measured without a target here: there is no deadline to extend.`,
    );
  }
  const minutes =
    req.until === undefined ? req.minutes : await minutesUntil(deps, history, metric, cycle, req.until);
  const adjustment: StoredAdjustment = {
    kind: 'extension',
    agreementId: req.agreementId,
    metricId: req.metricId,
    cycleStartedAt: instantOf(cycle.startedAt),
    at: now,
    minutes,
    until: req.until ?? null,
    reason: req.reason,
    actor: ctx.accountId,
  };
  return record(deps, history, req, adjustment);
}

/** Excuses a breached cycle. */
export async function excuseBreach(deps: Deps, ctx: CallContext, req: ExcuseRequest): Promise<AdjustOutcome> {
  const { history, metric, now } = await prepare(deps, ctx, req);
  const cycle =
    req.cycleStartedAt === undefined
      ? metric.cycles.findLast((c) => c.breached)
      : metric.cycles.find((c) => instantOf(c.startedAt) === req.cycleStartedAt);
  if (!cycle)
    throw new Refusal(
      'cycle-unknown',
      { metricId: req.metricId },
      `${req.metricId} has no such cycle on this issue.`,
    );
  if (!cycle.breached)
    throw new Refusal('cycle-not-breached', {}, 'This cycle is not breached: there is nothing to excuse.');
  if (cycle.excused === true) throw new Refusal('breach-excused', {}, 'This breach is already excused.');
  const adjustment: StoredAdjustment = {
    kind: 'excuse',
    agreementId: req.agreementId,
    metricId: req.metricId,
    cycleStartedAt: instantOf(cycle.startedAt),
    at: now,
    minutes: null,
    until: null,
    reason: req.reason,
    actor: ctx.accountId,
  };
  return record(deps, history, req, adjustment);
}

/**
 * Whether the caller may extend and excuse on an agreement: a Jira administrator, or a member of a group the
 * agreement names in `extensionGroups`. Always a licensed account that can browse the issue.
 */
export async function requireAdjuster(
  deps: Deps,
  ctx: CallContext,
  issueId: string,
  groups: readonly string[],
): Promise<void> {
  await requireBrowse(deps, ctx, issueId);
  if (await deps.jira.hasPermission({ as: 'user', accountId: ctx.accountId }, 'ADMINISTER')) return;
  if (groups.length > 0) {
    const mine = new Set(await deps.jira.groupsOf(ctx.accountId));
    if (groups.some((g) => mine.has(g))) return;
  }
  throw new Refusal(
    'adjuster-only',
    { groups },
    groups.length === 0
      ? 'Only Jira administrators can extend deadlines or excuse breaches of this agreement.'
      : `Only Jira administrators and members of ${groups.join(', ')} can extend deadlines or excuse breaches of this agreement.`,
  );
}

/** The metric as measured now, after the permission check; refuses what is not there. */
async function prepare(
  deps: Deps,
  ctx: CallContext,
  ref: MetricRef,
): Promise<{ history: StoredHistory; metric: MetricResult; now: EpochMs }> {
  await requireBrowse(deps, ctx, ref.issueId);
  const history = await deps.store.histories.get(ref.issueId);
  if (!history) throw new Refusal('issue-not-measured', {}, 'Accord has not measured this issue yet.');
  const config = await deps.configs.forProject(history.projectKey);
  const agreement = 'problems' in config ? undefined : config.agreementVersions.get(ref.agreementId)?.body;
  if (!agreement)
    throw new Refusal(
      'agreement-not-applicable',
      { agreementId: ref.agreementId },
      `The agreement ${ref.agreementId} does not apply to this issue.`,
    );
  await requireAdjuster(deps, ctx, ref.issueId, agreement.extensionGroups ?? []);
  const now = deps.clock.now();
  const metric = await measure(deps, history, ref, now);
  if (!metric) {
    throw new Refusal(
      'metric-not-measured',
      { agreementId: ref.agreementId, metricId: ref.metricId },
      `The agreement ${ref.agreementId} measures no ${ref.metricId} on this issue.`,
    );
  }
  return { history, metric, now };
}

/**
 * A metric of an issue measured at `now` from its stored history and decisions, without writing anything
 * (a write may lose to another instance's and report `stale`; the answer must not depend on it).
 */
export async function measure(
  deps: Deps,
  history: StoredHistory,
  ref: MetricRef,
  now: EpochMs,
): Promise<MetricResult | undefined> {
  const config = await deps.configs.forProject(history.projectKey);
  if ('problems' in config) return undefined;
  const adjustments = engineAdjustments(await deps.store.adjustments.forIssue(history.issueId));
  const result = evaluateHistory(config.compiled, historyOf(history.data), now, adjustments);
  return result.agreements.find((a) => a.id === ref.agreementId)?.metrics.find((m) => m.id === ref.metricId);
}

/** Stores, audits, and measures again with the decision; the issue's fields follow through the queue. */
async function record(
  deps: Deps,
  history: StoredHistory,
  ref: MetricRef,
  adjustment: StoredAdjustment,
): Promise<AdjustOutcome> {
  await deps.store.adjustments.add(ref.issueId, adjustment);
  await deps.store.audit.append({
    at: adjustment.at,
    actor: adjustment.actor,
    action: adjustment.kind === 'extension' ? 'issue.extend' : 'issue.excuse',
    entity: 'issue',
    entityId: ref.issueId,
    version: null,
    changes: [
      {
        path: `$.agreements.${ref.agreementId}.metrics.${ref.metricId}.cycles[${formatInstant(adjustment.cycleStartedAt as EpochMs)}]`,
        after: {
          issueKey: history.issueKey,
          ...(adjustment.minutes === null ? {} : { minutes: adjustment.minutes }),
          ...(adjustment.until === null ? {} : { until: formatInstant(adjustment.until as EpochMs) }),
          reason: adjustment.reason,
        },
      },
    ],
  });
  // Stored and published for open panels (a write that loses to a newer one is fine: that one saw the
  // decision too); the issue's fields follow through the queue.
  await evaluateStored(deps, history, adjustment.at as EpochMs);
  const metric = await measure(deps, history, ref, adjustment.at as EpochMs);
  await deps.queue.push([{ type: 'issue', issueId: ref.issueId }]);
  if (!metric)
    throw new Refusal(
      'metric-gone',
      { metricId: ref.metricId },
      `${ref.metricId} no longer applies to this issue.`,
    );
  return { adjustment, metric };
}

/**
 * An extension to an instant as working minutes: the working time of the goal's calendar from the deadline now
 * to that instant. Refused while paused (no deadline to start from) and for an instant not after the deadline.
 */
async function minutesUntil(
  deps: Deps,
  history: StoredHistory,
  metric: MetricResult,
  cycle: CycleResult,
  until: number,
): Promise<number> {
  if (cycle.deadline === null) {
    throw new Refusal(
      'clock-paused',
      {},
      'The clock is paused: extend by a duration instead of to an instant.',
    );
  }
  const deadline = instantOf(cycle.deadline);
  const config = await deps.configs.forProject(history.projectKey);
  const calendar =
    'problems' in config || !metric.goal ? undefined : config.compiled.calendars.get(metric.goal.calendar);
  const ms = calendar && until > deadline ? calendar.elapsed(deadline as EpochMs, until as EpochMs) : 0;
  if (ms <= 0) {
    throw new Refusal(
      'extension-not-after-deadline',
      { deadline: cycle.deadline },
      `Choose an instant with working time after the current deadline (${cycle.deadline}).`,
      [{ code: 'payload.invalid', message: 'not after the deadline in working time', path: '$.until' }],
    );
  }
  return ms / MS_PER_MINUTE;
}

function instantOf(iso: string): number {
  const t = parseInstant(iso);
  if (t === undefined) throw new Error(`not an instant: ${iso}`); // the engine writes only ISO instants
  return t;
}

import type { IssueResult, MetricResult } from '../../engine/evaluate/result';
import type { AgreementKind } from '../../engine/agreement/types';

/**
 * What the two Jira custom fields say about an issue, so agents can search and sort queues by them:
 * "next deadline" (the soonest deadline of a running SLA metric, else of any running metric) and "SLA state"
 * (the worst state of all the issue's metrics, SLAs, OLAs and UCs alike, in words JQL users can type:
 * `breached`, `at-risk`, `running`, `out-of-hours`, `paused`, `met`, `not-started`, or empty when no agreement
 * applies). One field for every kind, not one per kind: a queue sorts and filters on one column, "is anything
 * on this request in trouble" is the question it answers, and the issue panel says which agreement it is.
 */
export interface FieldSummary {
  readonly nextDeadline: string | null;
  readonly slaState: string | null;
}

// Worst first.
const ORDER = ['breached', 'at-risk', 'running', 'out-of-hours', 'paused', 'met', 'not-started'] as const;
/** A metric's state as agents read it, worst first (a running cycle past its first threshold is `at-risk`). */
export type SummaryState = (typeof ORDER)[number];

/** A metric's state as agents read it: a running cycle past its first threshold is at risk. */
export function displayState(metric: MetricResult): SummaryState {
  const last = metric.cycles[metric.cycles.length - 1];
  if (metric.breached) return 'breached';
  if (
    (metric.state === 'running' || metric.state === 'out-of-hours') &&
    last?.stoppedAt === null &&
    last.thresholds.some((t) => t.crossings > 0)
  ) {
    return 'at-risk';
  }
  return metric.state;
}

/** @example summarize(result).slaState === 'at-risk' */
export function summarize(result: IssueResult): FieldSummary {
  return summarizeMetrics(
    result.agreements.flatMap((a) => a.metrics.map((metric) => ({ kind: a.kind, metric }))),
  );
}

/**
 * The fields from metrics with their agreements' kinds (stored results, say).
 * @example summarizeMetrics([{ kind: 'OLA', metric }]).slaState
 */
export function summarizeMetrics(
  all: readonly { readonly kind: AgreementKind; readonly metric: MetricResult }[],
): FieldSummary {
  const metrics = (kind: AgreementKind | undefined): MetricResult[] =>
    all.filter((m) => kind === undefined || m.kind === kind).map((m) => m.metric);
  const sla = metrics('SLA');
  const pool = sla.length > 0 ? sla : metrics(undefined);
  let nextDeadline: string | null = null;
  for (const m of pool) {
    const last = m.cycles[m.cycles.length - 1];
    if (last?.stoppedAt !== null || last.deadline === null || m.breached) continue;
    if (nextDeadline === null || last.deadline < nextDeadline) nextDeadline = last.deadline;
  }
  let slaState: SummaryState | null = null;
  for (const m of metrics(undefined)) {
    const state = displayState(m);
    if (slaState === null || ORDER.indexOf(state) < ORDER.indexOf(slaState)) slaState = state;
  }
  return { nextDeadline, slaState };
}

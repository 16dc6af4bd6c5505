import type { AgreementKind } from '../../../src/engine/agreement/types';
import type { IssueMetricEntry } from '../../shared/api/issue-metrics';
import { lastCycle } from '../../shared/countdown/live-metric';

export interface MetricGroup {
  readonly kind: AgreementKind;
  /** Metrics whose last cycle has not stopped (running, paused, out of hours, not started), most urgent first. */
  readonly active: readonly IssueMetricEntry[];
  /** Metrics whose last cycle stopped (met, or breached and stopped), most recent first. */
  readonly completed: readonly IssueMetricEntry[];
}

const KINDS: readonly AgreementKind[] = ['SLA', 'OLA', 'UC'];

// Most urgent first; the same order as the backend's "SLA state" field.
const URGENCY = ['breached', 'at-risk', 'running', 'out-of-hours', 'paused', 'not-started', 'met'];

/** A stable key of a metric on an issue. */
export const metricKey = (entry: IssueMetricEntry): string => `${entry.agreementId}/${entry.metric.id}`;

/**
 * The panel's sections: SLA, OLA, UC (only those with metrics), each with its active metrics by urgency (the
 * stored state, then the soonest deadline, then the name) and its completed ones. Sorted on the stored
 * results, not on the ticking state, so that rows never jump while the agent reads them.
 * @example groupByKind(reply.results).map((g) => g.kind) // ['SLA', 'OLA']
 */
export function groupByKind(results: readonly IssueMetricEntry[]): MetricGroup[] {
  return KINDS.flatMap((kind) => {
    const ofKind = results.filter((r) => r.kind === kind);
    if (ofKind.length === 0) return [];
    const active = ofKind.filter((r) => !isCompleted(r)).sort(byUrgency);
    const completed = ofKind
      .filter(isCompleted)
      .sort((a, b) =>
        (lastCycle(b.metric)?.stoppedAt ?? '').localeCompare(lastCycle(a.metric)?.stoppedAt ?? ''),
      );
    return [{ kind, active, completed }];
  });
}

/** Whether the metric's last cycle has stopped (met, or breached and stopped). */
export const isCompleted = (entry: IssueMetricEntry): boolean =>
  (lastCycle(entry.metric)?.stoppedAt ?? null) !== null;

function byUrgency(a: IssueMetricEntry, b: IssueMetricEntry): number {
  const rank = URGENCY.indexOf(a.displayState) - URGENCY.indexOf(b.displayState);
  if (rank !== 0) return rank;
  // ISO instants in UTC sort as text; a missing deadline sorts last.
  const da = lastCycle(a.metric)?.deadline ?? '\uffff';
  const db = lastCycle(b.metric)?.deadline ?? '\uffff';
  return da.localeCompare(db) || a.metric.name.localeCompare(b.metric.name);
}

import type { IssueResult } from '../../engine/evaluate/result';
import { parseInstant } from '../../engine/time/iso';
import type { HistoryStamp, StoredCycle, StoredResult } from '../ports';
import type { ProjectConfig } from './config-cache';

const instant = (iso: string | null): number | null => (iso === null ? null : (parseInstant(iso) ?? null));

/**
 * Orders the histories of one issue: the latest instant in it (Jira's `fields.updated`, every changelog entry,
 * every comment), then the number of changelog entries (which only grow), then when Accord began reading it,
 * each zero-padded so that string order is age order.
 *
 * Every change of the history raises the stamp, deletions included: a comment deleted takes nothing from the
 * first two parts (Jira's changelog records no comment deletion, and whether `updated` moves is not
 * documented), and the read that saw the deletion began after it, so after any read that did not see it. A
 * count of comments would fall and make the deletion look older than the history it removed a comment from.
 * ATTENTION: two reads of equal content order by the reading host's clock; hosts' skew (milliseconds) can only
 * misorder two reads of one issue that bracket a deletion within that skew.
 * @example historyStamp(1772440000000, 12, 1772440060000) === '001772440000000.000012.001772440060000'
 */
export function historyStamp(latestMs: number, histories: number, readAt: number): HistoryStamp {
  return `${pad(latestMs, 15)}.${pad(histories, 6)}.${pad(readAt, 15)}`;
}

/**
 * How the history's `applied` list names a change: a changelog entry by its id, a comment as `c:<id>`. A full
 * read lists both kinds made at its `updated` instant (`toStoredHistory`).
 */
export function appliedIdOf(change: { readonly kind?: string; readonly id: string }): string {
  return change.kind === 'comment' ? `c:${change.id}` : change.id;
}

/** Whole numbers only: a fraction (a clock that is not Date.now()) would make a stamp no reader parses. */
const pad = (n: number, width: number): string => String(Math.floor(n)).padStart(width, '0');

/** An evaluation's result as rows: one per metric for the issue view and the sweep, one per cycle for reports. */
export function toRows(
  result: IssueResult,
  issue: { readonly issueId: string; readonly projectKey: string; readonly stamp: HistoryStamp },
  config: ProjectConfig,
): { results: StoredResult[]; cycles: StoredCycle[] } {
  const evaluatedAt = instant(result.evaluatedAt) ?? 0;
  const results: StoredResult[] = [];
  const cycles: StoredCycle[] = [];
  for (const agreement of result.agreements) {
    const version = config.agreementVersions.get(agreement.id);
    const goals = version?.body?.metrics;
    for (const metric of agreement.metrics) {
      const last = metric.cycles[metric.cycles.length - 1];
      const running = last?.stoppedAt === null;
      results.push({
        issueId: issue.issueId,
        issueKey: result.issue,
        projectKey: issue.projectKey,
        agreementId: agreement.id,
        agreementVersion: version?.version ?? 0,
        calendarVersions: config.calendarVersions,
        kind: agreement.kind,
        metricId: metric.id,
        state: metric.state,
        breached: metric.breached,
        everBreached: metric.everBreached,
        deadline: running ? instant(last.deadline) : null,
        nextDue: instant(metric.next),
        evaluatedAt,
        stamp: issue.stamp,
        result: metric,
      });
      const metricGoals = goals?.find((m) => m.id === metric.id)?.goals ?? [];
      metric.cycles.forEach((cycle, index) => {
        const goal = cycle.goalIndex === null ? undefined : metricGoals[cycle.goalIndex];
        cycles.push({
          issueId: issue.issueId,
          issueKey: result.issue,
          projectKey: issue.projectKey,
          agreementId: agreement.id,
          agreementVersion: version?.version ?? 0,
          kind: agreement.kind,
          counterparty: agreement.counterparty ?? null,
          metricId: metric.id,
          cycle: index,
          goalIndex: cycle.goalIndex,
          targetMinutes: goal?.targetMinutes ?? null,
          objectivePercent: goal?.objectivePercent ?? null,
          startedAt: instant(cycle.startedAt) ?? 0,
          stoppedAt: instant(cycle.stoppedAt),
          elapsedMs: cycle.elapsedMs,
          pausedMs: cycle.pausedMs,
          breached: cycle.breached,
          breachedAt: instant(cycle.breachedAt),
          extended: cycle.extended !== undefined,
          excused: cycle.excused === true,
        });
      });
    }
  }
  return { results, cycles };
}

/**
 * The parts of a {@link historyStamp}, or undefined for text not made by it.
 * @example parseHistoryStamp('001772440000000.000012.001772440060000') // { latest: 1772440000000, histories: 12, readAt: 1772440060000 }
 */
export function parseHistoryStamp(
  stamp: HistoryStamp,
): { readonly latest: number; readonly histories: number; readonly readAt: number } | undefined {
  const match = /^(\d{15})\.(\d{6})\.(\d{15})$/.exec(stamp);
  if (match === null) return undefined;
  return { latest: Number(match[1]), histories: Number(match[2]), readAt: Number(match[3]) };
}

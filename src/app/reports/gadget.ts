/**
 * The dashboard gadget's report in one call: compliance of the trend's periods (the current one last) with
 * its error budget, the issues that need attention now, and the breaches of the current period.
 */
import { periodsEnding, type PeriodKind } from '../../engine/report';
import { formatInstant } from '../../engine/time/iso';
import type { EpochMs } from '../../engine/time/units';
import type { Deps } from '../evaluation/deps';
import { displayState } from '../evaluation/summary';
import type { ReportScope, StoredCycle, StoredResult } from '../ports';
import type { AtRiskIssue, BreachView, GadgetReport, ReportGroupBy } from '../resolvers/report-types';
import { buildRows, fetchCounts, periodView } from './compliance';
import { goalLabel, liveMetricsOf, zoneOf, type LiveAgreement, type ReportConfig } from './scope';

export interface GadgetOptions {
  readonly metricId?: string;
  readonly period: PeriodKind;
  readonly groupBy: ReportGroupBy;
  readonly trendCount: number;
  readonly projectKey?: string;
  readonly atRiskLimit: number;
  readonly breachLimit: number;
}

/**
 * Builds the gadget's report for one agreement.
 * @example await gadgetReport(deps, config, gold, { period: 'month', groupBy: 'goal', trendCount: 6, atRiskLimit: 10, breachLimit: 20 })
 */
export async function gadgetReport(
  deps: Deps,
  config: ReportConfig,
  agreement: LiveAgreement,
  options: GadgetOptions,
): Promise<GadgetReport> {
  const now = deps.clock.now();
  const zone = zoneOf(agreement.body, config.calendars);
  const periods = periodsEnding(options.period, zone, now, options.trendCount);
  const current = periods[periods.length - 1];
  const scope: ReportScope = {
    agreementIds: [agreement.id],
    liveMetrics: liveMetricsOf([agreement]),
    ...(options.metricId === undefined ? {} : { metricId: options.metricId }),
    ...(options.projectKey === undefined ? {} : { projectKey: options.projectKey }),
    byProject: options.groupBy === 'project',
  };
  const [raw, open, breached] = await Promise.all([
    fetchCounts(deps, scope, periods, now),
    // ATTENTION: open results on track come back too, most urgent first; 20 times the limit (at most 1,000)
    // finds the at-risk ones unless a thousand more urgent metrics are on track.
    deps.store.reports.openResults(scope, Math.min(1000, options.atRiskLimit * 20)),
    current
      ? deps.store.reports.breaches(
          scope,
          { from: current.start, to: current.end, includeOpen: true },
          options.breachLimit,
        )
      : Promise.resolve([]),
  ]);
  return {
    generatedAt: formatInstant(now),
    timeZone: zone,
    agreement: {
      id: agreement.id,
      name: agreement.body.name,
      kind: agreement.body.kind,
      counterparty: agreement.body.counterparty ?? null,
    },
    periods: periods.map((p) => periodView(p, now)),
    groupBy: options.groupBy,
    rows: buildRows(raw, [agreement], {
      groupBy: options.groupBy,
      ...(options.metricId === undefined ? {} : { metricId: options.metricId }),
    }),
    atRisk: atRiskOf(open, agreement).slice(0, options.atRiskLimit),
    breaches: breached.map((c) => breachView(c, agreement)),
  };
}

/**
 * The open results that need attention, as agents see them in the issue panel and the "SLA state" field:
 * past their target, or past their first threshold.
 */
export function atRiskOf(results: readonly StoredResult[], agreement: LiveAgreement): AtRiskIssue[] {
  return results.flatMap((r): AtRiskIssue[] => {
    const state = displayState(r.result);
    if (state !== 'breached' && state !== 'at-risk') return [];
    const last = r.result.cycles[r.result.cycles.length - 1];
    const goals = agreement.body.metrics.find((m) => m.id === r.metricId)?.goals ?? [];
    return [
      {
        issueId: r.issueId,
        issueKey: r.issueKey,
        projectKey: r.projectKey,
        metricId: r.metricId,
        metricName: r.result.name,
        goalLabel: goalLabel(goals, r.result.goal?.index ?? null),
        state,
        deadline: last?.deadline ?? null,
        remainingMs: last?.remainingMs ?? null,
        evaluatedAt: formatInstant(r.evaluatedAt as EpochMs),
      },
    ];
  });
}

/** A breached cycle as the UI reads it. */
export function breachView(c: StoredCycle, agreement: LiveAgreement): BreachView {
  const metric = agreement.body.metrics.find((m) => m.id === c.metricId);
  return {
    issueId: c.issueId,
    issueKey: c.issueKey,
    projectKey: c.projectKey,
    metricId: c.metricId,
    metricName: metric?.name ?? c.metricId,
    goalIndex: c.goalIndex,
    goalLabel: goalLabel(metric?.goals ?? [], c.goalIndex),
    targetMinutes: c.targetMinutes,
    startedAt: formatInstant(c.startedAt as EpochMs),
    breachedAt: c.breachedAt === null ? null : formatInstant(c.breachedAt as EpochMs),
    stoppedAt: c.stoppedAt === null ? null : formatInstant(c.stoppedAt as EpochMs),
    elapsedMs: c.elapsedMs,
  };
}

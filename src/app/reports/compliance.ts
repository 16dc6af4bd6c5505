/**
 * Compliance rows from the store's aggregates: the database counts per agreement, metric, goal (and project)
 * and period; this module adds groups up (a metric's goals pooled), puts open cycles in the current period,
 * and applies the engine's arithmetic (met share, objective, error budget, trend, satisfaction).
 */
import type { Agreement, Goal } from '../../engine/agreement/types';
import {
  addCounts,
  boundsOf,
  bucketOf,
  complianceOf,
  NO_CYCLES,
  satisfactionOf,
  trendOf,
  type CycleCounts,
  type Period,
} from '../../engine/report';
import { formatInstant } from '../../engine/time/iso';
import type { EpochMs } from '../../engine/time/units';
import type { Deps } from '../evaluation/deps';
import type { CountGroup, EndedCounts, OpenCounts, RatingCounts, ReportScope } from '../ports';
import type {
  ComplianceFigures,
  ComplianceRow,
  GoalTargetView,
  ReportGroupBy,
  ReportPeriod,
} from '../resolvers/report-types';
import { goalLabel, goalTargetView, type LiveAgreement } from './scope';

/** The store's counts for a report, fetched once. */
export interface RawCounts {
  readonly bounds: readonly EpochMs[];
  readonly ended: readonly EndedCounts[];
  readonly open: readonly OpenCounts[];
  readonly ratings: readonly RatingCounts[];
  /** The bucket that contains now, or -1: open cycles are shown there. */
  readonly current: number;
}

/**
 * Asks the store for everything a compliance report needs, in three aggregate queries.
 * @example const raw = await fetchCounts(deps, { agreementIds: ['gold'] }, periods, now);
 */
export async function fetchCounts(
  deps: Deps,
  scope: ReportScope,
  periods: readonly Period[],
  now: EpochMs,
): Promise<RawCounts> {
  const bounds = boundsOf(periods);
  const [ended, open, ratings] = await Promise.all([
    deps.store.reports.endedCounts(scope, bounds),
    deps.store.reports.openCounts(scope),
    deps.store.reports.ratingCounts(scope, bounds),
  ]);
  return { bounds, ended, open, ratings, current: bucketOf(bounds, now) };
}

/** A period as the UI reads it. */
export function periodView(period: Period, now: EpochMs): ReportPeriod {
  return {
    kind: period.kind,
    label: period.label,
    start: formatInstant(period.start),
    end: formatInstant(period.end),
    firstDay: period.firstDay,
    lastDay: period.lastDay,
    current: period.start <= now && now < period.end,
  };
}

// ── Grouping ─────────────────────────────────────────────────────────────────────────────────────────

interface Accumulated {
  readonly group: CountGroup;
  readonly counts: CycleCounts[];
  readonly ratingSum: number[];
  readonly ratingCount: number[];
}

const keyOf = (g: CountGroup): string =>
  `${g.agreementId}\u0000${g.metricId}\u0000${g.goalIndex ?? ''}\u0000${g.projectKey ?? ''}`;

/** The group a stored count falls in under `groupBy`: a metric's goals pooled share goal index null. */
function regroup(g: CountGroup, groupBy: ReportGroupBy): CountGroup {
  return {
    agreementId: g.agreementId,
    metricId: g.metricId,
    goalIndex: groupBy === 'metric' ? null : g.goalIndex,
    projectKey: groupBy === 'project' ? g.projectKey : null,
  };
}

/**
 * Adds the raw counts up into groups: every goal (or metric) of the agreements, even without cycles (a period
 * with no cycles is a fact worth showing), and whatever else the counts hold (cycles no goal matched, goals of
 * older versions, projects).
 */
function accumulate(
  raw: RawCounts,
  agreements: readonly LiveAgreement[],
  metricId: string | undefined,
  groupBy: ReportGroupBy,
) {
  const buckets = Math.max(0, raw.bounds.length - 1);
  const groups = new Map<string, Accumulated>();
  const slot = (g: CountGroup): Accumulated => {
    const key = keyOf(g);
    let acc = groups.get(key);
    if (!acc) {
      acc = {
        group: g,
        counts: Array.from({ length: buckets }, () => NO_CYCLES),
        ratingSum: Array.from({ length: buckets }, () => 0),
        ratingCount: Array.from({ length: buckets }, () => 0),
      };
      groups.set(key, acc);
    }
    return acc;
  };
  if (groupBy !== 'project') {
    for (const a of agreements) {
      for (const m of a.body.metrics) {
        if (metricId !== undefined && m.id !== metricId) continue;
        if (groupBy === 'metric')
          slot({ agreementId: a.id, metricId: m.id, goalIndex: null, projectKey: null });
        else
          m.goals.forEach((_, i) =>
            slot({ agreementId: a.id, metricId: m.id, goalIndex: i, projectKey: null }),
          );
      }
    }
  }
  const counted = excusedCounted(agreements);
  for (const row of raw.ended) {
    const acc = slot(regroup(row, groupBy));
    const c = acc.counts[row.bucket];
    if (c) acc.counts[row.bucket] = addCounts(c, endedCounted(row, counted(row.agreementId)));
  }
  for (const row of raw.open) {
    const acc = slot(regroup(row, groupBy));
    const c = acc.counts[raw.current];
    if (c)
      acc.counts[raw.current] = addCounts(c, {
        met: 0,
        breached: 0,
        running: row.running,
        // Excused breaches to come count only where the agreement counts excused breaches.
        runningBreached: counted(row.agreementId)
          ? row.runningBreached
          : row.runningBreached - row.runningExcused,
      });
  }
  for (const row of raw.ratings) {
    const acc = slot(regroup(row, groupBy));
    if (row.bucket < 0 || row.bucket >= buckets) continue;
    acc.ratingSum[row.bucket] = (acc.ratingSum[row.bucket] ?? 0) + row.sum;
    acc.ratingCount[row.bucket] = (acc.ratingCount[row.bucket] ?? 0) + row.count;
  }
  return [...groups.values()];
}

/** Whether each agreement counts excused breaches in compliance and credits (`countExcusedBreaches`). */
export function excusedCounted(agreements: readonly LiveAgreement[]): (agreementId: string) => boolean {
  const counting = new Set(agreements.filter((a) => a.body.countExcusedBreaches === true).map((a) => a.id));
  return (agreementId) => counting.has(agreementId);
}

/**
 * Ended cycles as compliance counts them: excused breaches shown apart and, unless the agreement counts them,
 * left out of the breached (so neither met nor breached).
 */
export function endedCounted(row: EndedCounts, countExcused: boolean): CycleCounts {
  return {
    met: row.met,
    breached: countExcused ? row.breached : row.breached - row.excused,
    running: 0,
    runningBreached: 0,
    ...(row.extended > 0 ? { extended: row.extended } : {}),
    ...(row.excused > 0 ? { excused: row.excused } : {}),
  };
}

// ── Rows ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The objective a group is judged against: its goal's, or for a metric's goals pooled the one they all share
 * (none when they differ: 100 % of P1 and 90 % of P4 pooled have no single objective).
 */
function objectiveOf(
  agreement: Agreement | undefined,
  metricId: string,
  goalIndex: number | null,
  pooled: boolean,
): number | null {
  const goals = agreement?.metrics.find((m) => m.id === metricId)?.goals ?? [];
  if (!pooled) return goalIndex === null ? null : (goals[goalIndex]?.objectivePercent ?? null);
  const objectives = new Set(goals.map((g) => g.objectivePercent ?? null));
  const [only] = [...objectives];
  return objectives.size === 1 ? (only ?? null) : null;
}

/** Figures for one group and period. */
export function figuresOf(
  counts: CycleCounts,
  objective: number | null,
  ratingSum: number,
  ratingCount: number,
): ComplianceFigures {
  const c = complianceOf(counts, objective);
  return { ...c, satisfaction: satisfactionOf(ratingSum, ratingCount, c.objectiveMet) };
}

/**
 * Compliance rows, one per group, each with figures for every period of the counts.
 * @example buildRows(raw, agreements, { groupBy: 'goal' })
 */
export function buildRows(
  raw: RawCounts,
  agreements: readonly LiveAgreement[],
  options: { readonly groupBy: ReportGroupBy; readonly metricId?: string },
): ComplianceRow[] {
  const byId = new Map(agreements.map((a) => [a.id, a]));
  const rows = accumulate(raw, agreements, options.metricId, options.groupBy).map((acc): ComplianceRow => {
    const { agreementId, metricId, goalIndex, projectKey } = acc.group;
    const agreement = byId.get(agreementId)?.body;
    const metric = agreement?.metrics.find((m) => m.id === metricId);
    const pooled = options.groupBy === 'metric';
    const objective = objectiveOf(agreement, metricId, goalIndex, pooled);
    const periods = acc.counts.map((counts, i) =>
      figuresOf(counts, objective, acc.ratingSum[i] ?? 0, acc.ratingCount[i] ?? 0),
    );
    return {
      agreementId,
      agreementName: agreement?.name ?? agreementId,
      agreementKind: agreement?.kind ?? 'SLA',
      counterparty: agreement?.counterparty ?? null,
      metricId,
      metricName: metric?.name ?? metricId,
      goalIndex,
      goalLabel: pooled ? { kind: 'all-goals' } : goalLabel(metric?.goals ?? [], goalIndex),
      targetMinutes: pooled || goalIndex === null ? null : (metric?.goals[goalIndex]?.targetMinutes ?? null),
      ...targetOf(pooled || goalIndex === null ? undefined : metric?.goals[goalIndex]),
      projectKey,
      periods,
      trend: trendOf(periods.map((p) => p.metPercent)),
    };
  });
  return rows.sort(compareRows(agreements));
}

/** A business-day or date-field goal's terms as a `target` field; nothing for a goal in working time. */
function targetOf(goal: Goal | undefined): { target?: GoalTargetView } {
  const target = goalTargetView(goal);
  return target === undefined ? {} : { target };
}

/** Agreements in the given order, metrics and goals in their configured order, then projects. */
function compareRows(agreements: readonly LiveAgreement[]) {
  const agreementOrder = new Map(agreements.map((a, i) => [a.id, i]));
  const metricOrder = (row: ComplianceRow): number =>
    agreements.find((a) => a.id === row.agreementId)?.body.metrics.findIndex((m) => m.id === row.metricId) ??
    -1;
  return (a: ComplianceRow, b: ComplianceRow): number =>
    (agreementOrder.get(a.agreementId) ?? 1e9) - (agreementOrder.get(b.agreementId) ?? 1e9) ||
    (metricOrder(a) < 0 ? 1e9 : metricOrder(a)) - (metricOrder(b) < 0 ? 1e9 : metricOrder(b)) ||
    a.metricId.localeCompare(b.metricId) ||
    (a.goalIndex ?? 1e9) - (b.goalIndex ?? 1e9) ||
    (a.projectKey ?? '').localeCompare(b.projectKey ?? '');
}

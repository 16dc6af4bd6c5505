/**
 * Attribution for an SLA's breached cycles: for each, the OLA and UC cycles on the same issue, intersected with
 * the SLA cycle's running time (its span minus its pauses) on the SLA goal's calendar, then added up per
 * underpinning agreement.
 */
import { attributeCycle, spanOf, totalAttribution, type Attribution, type Holder } from '../../engine/report';
import type { WorkingTime } from '../../engine/calendar/timeline';
import { formatInstant, parseInstant } from '../../engine/time/iso';
import type { EpochMs, Interval } from '../../engine/time/units';
import type { Deps } from '../evaluation/deps';
import type { StoredCycle, StoredResult } from '../ports';
import type { AttributionView, CycleAttributionView, HeldTimeView } from '../resolvers/report-types';
import { liveMetricsOf, type LiveAgreement, type ReportConfig } from './scope';

/** At most this many breached cycles are attributed, and this many shown one by one. */
const MAX_CYCLES = 200;
const MAX_SHOWN = 50;

/**
 * Who held the running time of an SLA's cycles that breached in `[from, to)` (and those still running past
 * their target, when `includeOpen`).
 * @example await slaAttribution(deps, config, gold, calendars, { from, to, includeOpen: false, projectKey }, now)
 */
export async function slaAttribution(
  deps: Deps,
  config: ReportConfig,
  sla: LiveAgreement,
  calendars: ReadonlyMap<string, WorkingTime>,
  range: {
    readonly from: number;
    readonly to: number;
    readonly includeOpen: boolean;
    readonly projectKey?: string;
  },
  now: EpochMs,
): Promise<AttributionView> {
  const breached = await deps.store.reports.breaches(
    {
      agreementIds: [sla.id],
      liveMetrics: liveMetricsOf([sla]),
      ...(range.projectKey === undefined ? {} : { projectKey: range.projectKey }),
    },
    range,
    MAX_CYCLES,
  );
  const issueIds = [...new Set(breached.map((c) => c.issueId))];
  const [results, underpinning] = await Promise.all([
    deps.store.reports.resultsOfIssues(issueIds, [sla.id]),
    deps.store.reports.cyclesOfIssues(issueIds, ['OLA', 'UC']),
  ]);
  const resultOf = new Map(results.map((r) => [`${r.issueId}\u0000${r.metricId}`, r]));
  const attributed = breached.flatMap((cycle) => {
    const calendar = calendars.get(calendarOf(sla, cycle));
    if (!calendar) return [];
    const attribution = attributeCycle({
      cycle: spanOf(cycle.startedAt, cycle.stoppedAt, now),
      pauses: pausesOf(resultOf.get(`${cycle.issueId}\u0000${cycle.metricId}`), cycle, now),
      calendar,
      holders: holdersOf(
        underpinning.filter((c) => c.issueId === cycle.issueId && isLive(config, c)),
        now,
      ),
    });
    return [{ cycle, attribution }];
  });
  const names = (id: string) => config.agreements.get(id)?.body.name ?? id;
  const total = totalAttribution(attributed.map((a) => a.attribution));
  return {
    cycles: attributed.length,
    runningMs: total.runningMs,
    unattributedMs: total.unattributedMs,
    holders: heldViews(total, names),
    worst: attributed.slice(0, MAX_SHOWN).map(({ cycle, attribution }): CycleAttributionView => ({
      issueKey: cycle.issueKey,
      metricId: cycle.metricId,
      metricName: sla.body.metrics.find((m) => m.id === cycle.metricId)?.name ?? cycle.metricId,
      breachedAt: cycle.breachedAt === null ? null : formatInstant(cycle.breachedAt as EpochMs),
      runningMs: attribution.runningMs,
      unattributedMs: attribution.unattributedMs,
      holders: heldViews(attribution, names),
    })),
  };
}

/** The calendar the SLA cycle's elapsed time is measured on: its goal's (the metric's first when none matched). */
function calendarOf(sla: LiveAgreement, cycle: StoredCycle): string {
  const goals = sla.body.metrics.find((m) => m.id === cycle.metricId)?.goals ?? [];
  return (goals[cycle.goalIndex ?? 0] ?? goals[0])?.calendar ?? '';
}

/** The cycle's pauses, from the stored result's cycle of the same position; a pause still on ends at the cycle's end. */
function pausesOf(result: StoredResult | undefined, cycle: StoredCycle, now: EpochMs): Interval[] {
  const stored = result?.result.cycles[cycle.cycle];
  if (!stored) return [];
  const end = (cycle.stoppedAt ?? now) as EpochMs;
  return stored.pauses.flatMap((p) => {
    const from = parseInstant(p.from);
    const to = p.to === null ? end : parseInstant(p.to);
    return from === undefined || to === undefined ? [] : [{ start: from, end: to }];
  });
}

/** Whether a cycle's metric is one its agreement has now (not deleted, not removed by a later version). */
function isLive(config: ReportConfig, c: StoredCycle): boolean {
  return config.agreements.get(c.agreementId)?.body.metrics.some((m) => m.id === c.metricId) ?? false;
}

/** Each OLA or UC cycle as the interval its team or supplier held the issue. */
function holdersOf(cycles: readonly StoredCycle[], now: EpochMs): Holder[] {
  return cycles.flatMap((c): Holder[] =>
    c.kind === 'SLA'
      ? []
      : [
          {
            agreementId: c.agreementId,
            kind: c.kind,
            counterparty: c.counterparty,
            intervals: [spanOf(c.startedAt, c.stoppedAt, now)],
          },
        ],
  );
}

function heldViews(attribution: Attribution, name: (id: string) => string): HeldTimeView[] {
  return attribution.holders.map((h) => ({
    agreementId: h.agreementId,
    agreementName: name(h.agreementId),
    kind: h.kind,
    counterparty: h.counterparty,
    heldMs: h.heldMs,
    percent: h.percent,
  }));
}

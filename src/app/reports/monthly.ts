/**
 * The monthly service level report, per counterparty: for each agreement, the month in its reporting zone,
 * compliance per metric and goal with satisfaction beside it, its services' availability, the credits its
 * penalty clauses owe, and for an SLA who held the time of its breaches.
 */
import type { Agreement } from '../../engine/agreement/types';
import type { WorkingTime } from '../../engine/calendar/timeline';
import {
  creditsOf,
  periodContaining,
  periodsFrom,
  type AvailabilityResult,
  type Credits,
  type Measure,
  type Period,
} from '../../engine/report';
import { formatInstant } from '../../engine/time/iso';
import { daysFromCivil } from '../../engine/time/local-date';
import type { EpochMs, IanaZone } from '../../engine/time/units';
import type { Deps } from '../evaluation/deps';
import type { ReportScope } from '../ports';
import type {
  AgreementMonthView,
  AvailabilityView,
  CounterpartyMonthView,
  CreditsView,
  MeasureView,
  MetricMonthView,
  MonthlyReport,
} from '../resolvers/report-types';
import { serviceAvailability } from './availability';
import { slaAttribution } from './attribution';
import { buildRows, endedCounted, fetchCounts, periodView, type RawCounts } from './compliance';
import {
  calendarZone,
  compiledCalendars,
  goalLabel,
  liveMetricsOf,
  zoneOf,
  type LiveAgreement,
  type ReportConfig,
} from './scope';

export interface MonthlyOptions {
  /** `[year, month]`; absent: the month containing now, in each agreement's zone. */
  readonly month?: readonly [number, number];
  readonly projectKey?: string;
}

/**
 * Builds the monthly report for the given agreements, grouped by counterparty.
 * @example await monthlyReport(deps, config, agreements, { month: [2026, 3] })
 */
export async function monthlyReport(
  deps: Deps,
  config: ReportConfig,
  agreements: readonly LiveAgreement[],
  options: MonthlyOptions,
): Promise<MonthlyReport> {
  const now = deps.clock.now();
  const calendars = compiledCalendars(deps, config, agreements);
  const sections: AgreementMonthView[] = [];
  // One agreement at a time: a report is a handful of aggregate queries each, and Forge SQL counts requests.
  for (const agreement of agreements)
    sections.push(await agreementMonth(deps, config, agreement, calendars, options, now));
  const first = sections[0];
  return {
    generatedAt: formatInstant(now),
    month: first?.month.label ?? monthLabel(options.month, now),
    counterparties: byCounterparty(sections),
  };
}

function monthLabel(month: MonthlyOptions['month'], now: EpochMs): string {
  if (month) return `${month[0]}-${String(month[1]).padStart(2, '0')}`;
  return periodContaining('month', 'UTC' as IanaZone, now).label;
}

function monthOf(zone: IanaZone, month: MonthlyOptions['month'], now: EpochMs): Period {
  if (!month) return periodContaining('month', zone, now);
  const [only] = periodsFrom('month', zone, daysFromCivil(month[0], month[1], 1), 1);
  return only ?? periodContaining('month', zone, now);
}

async function agreementMonth(
  deps: Deps,
  config: ReportConfig,
  agreement: LiveAgreement,
  calendars: ReadonlyMap<string, WorkingTime>,
  options: MonthlyOptions,
  now: EpochMs,
): Promise<AgreementMonthView> {
  const a = agreement.body;
  const zone = zoneOf(a, config.calendars);
  const month = monthOf(zone, options.month, now);
  const scope: ReportScope = {
    agreementIds: [agreement.id],
    liveMetrics: liveMetricsOf([agreement]),
    ...(options.projectKey === undefined ? {} : { projectKey: options.projectKey }),
  };
  const raw = await fetchCounts(deps, scope, [month], now);
  const availability = await availabilityOver(deps, config, a, calendars, month, now);
  const quarterCredits = await quarterCreditsOf(deps, config, agreement, calendars, zone, month, scope, now);
  const current = month.start <= now && now < month.end;
  return {
    agreementId: agreement.id,
    agreementName: a.name,
    agreementKind: a.kind,
    agreementVersion: agreement.version,
    counterparty: a.counterparty ?? null,
    timeZone: zone,
    month: periodView(month, now),
    validFrom: a.validFrom ?? null,
    validTo: a.validTo ?? null,
    reviewBy: a.reviewBy ?? null,
    metrics: metricsOf(raw, agreement),
    credits: hasClauses(a, 'month')
      ? creditsView(a, creditsOf(a, 'month', sourcesOf(raw, availability, a.countExcusedBreaches === true)))
      : null,
    quarterCredits,
    availability: availability.map((x) => x.view),
    attribution:
      a.kind === 'SLA'
        ? await slaAttribution(
            deps,
            config,
            agreement,
            calendars,
            {
              from: month.start,
              to: month.end,
              includeOpen: current,
              ...(options.projectKey === undefined ? {} : { projectKey: options.projectKey }),
            },
            now,
          )
        : null,
  };
}

/** Each metric pooled, and each of its goals. */
function metricsOf(raw: RawCounts, agreement: LiveAgreement): MetricMonthView[] {
  const goals = buildRows(raw, [agreement], { groupBy: 'goal' });
  const pooled = buildRows(raw, [agreement], { groupBy: 'metric' });
  return pooled.flatMap((row): MetricMonthView[] => {
    const overall = row.periods[0];
    if (!overall) return [];
    return [
      {
        metricId: row.metricId,
        metricName: row.metricName,
        overall,
        goals: goals
          .filter((g) => g.metricId === row.metricId)
          .flatMap((g) => {
            const figures = g.periods[0];
            return figures
              ? [
                  {
                    goalIndex: g.goalIndex,
                    goalLabel: g.goalLabel,
                    targetMinutes: g.targetMinutes,
                    ...(g.target === undefined ? {} : { target: g.target }),
                    figures,
                  },
                ]
              : [];
          }),
      },
    ];
  });
}

type MeasuredService = { readonly view: AvailabilityView; readonly result: AvailabilityResult | undefined };

async function availabilityOver(
  deps: Deps,
  config: ReportConfig,
  agreement: Agreement,
  calendars: ReadonlyMap<string, WorkingTime>,
  period: Period,
  now: EpochMs,
  only?: ReadonlySet<string>,
): Promise<MeasuredService[]> {
  const out: MeasuredService[] = [];
  for (const objective of agreement.availability ?? []) {
    if (only && !only.has(objective.service)) continue;
    out.push(
      await serviceAvailability(
        deps,
        objective,
        calendars.get(objective.calendar),
        calendarZone(config, objective.calendar),
        period,
        now,
      ),
    );
  }
  return out;
}

// ── Credits ──────────────────────────────────────────────────────────────────────────────────────────

const hasClauses = (a: Agreement, period: 'month' | 'quarter'): boolean =>
  (a.penalties ?? []).some((p) => p.period === period);

/** Met shares from the counts of the first (only) bucket; availability from the measured services. */
function sourcesOf(raw: RawCounts, services: readonly MeasuredService[], countExcused: boolean) {
  return {
    metShare: (metric: string | undefined, goal: number | undefined): Measure => {
      let good = 0;
      let whole = 0;
      for (const row of raw.ended) {
        if (row.bucket !== 0) continue;
        if (metric !== undefined && row.metricId !== metric) continue;
        if (goal !== undefined && row.goalIndex !== goal) continue;
        const counts = endedCounted(row, countExcused);
        good += counts.met;
        whole += counts.met + counts.breached;
      }
      return { good, whole };
    },
    availability: (service: string): Measure | undefined => {
      const r = services.find((s) => s.view.service === service)?.result;
      return r ? { good: r.scheduledMs - r.downtimeMs, whole: r.scheduledMs } : undefined;
    },
  };
}

/** Quarterly clauses are judged in the month that ends a quarter, over the whole quarter. */
async function quarterCreditsOf(
  deps: Deps,
  config: ReportConfig,
  agreement: LiveAgreement,
  calendars: ReadonlyMap<string, WorkingTime>,
  zone: IanaZone,
  month: Period,
  scope: ReportScope,
  now: EpochMs,
): Promise<CreditsView | null> {
  const a = agreement.body;
  const quarter = periodContaining('quarter', zone, month.start);
  if (!hasClauses(a, 'quarter') || quarter.end !== month.end) return null;
  // Credits judge ended cycles only: no open counts or ratings to fetch.
  const bounds = [quarter.start, quarter.end];
  const raw: RawCounts = {
    bounds,
    ended: await deps.store.reports.endedCounts(scope, bounds),
    open: [],
    ratings: [],
    current: -1,
  };
  const services = new Set(
    (a.penalties ?? []).flatMap((p) => (p.period === 'quarter' && p.service ? [p.service] : [])),
  );
  const measured = await availabilityOver(deps, config, a, calendars, quarter, now, services);
  return creditsView(a, creditsOf(a, 'quarter', sourcesOf(raw, measured, a.countExcusedBreaches === true)));
}

function creditsView(agreement: Agreement, credits: Credits): CreditsView {
  return {
    ...credits,
    lines: credits.lines.map((line) => ({
      clause: line.clause,
      measure: measureOf(agreement, line.metric, line.goal, line.service),
      measuredPercent: line.measuredPercent,
      belowPercent: line.belowPercent,
      creditPercent: line.creditPercent,
      missed: line.missed,
      owed: line.owed,
    })),
  };
}

/** What a clause judges, for the UIs to word: a service's availability, every metric, or one metric's goal. */
function measureOf(
  agreement: Agreement,
  metric: string | null,
  goal: number | null,
  service: string | null,
): MeasureView {
  if (service !== null) return { kind: 'availability', service };
  if (metric === null) return { kind: 'all-metrics' };
  const m = agreement.metrics.find((x) => x.id === metric);
  return {
    kind: 'metric',
    metricName: m?.name ?? metric,
    goal: goal === null ? { kind: 'all-goals' } : goalLabel(m?.goals ?? [], goal),
  };
}

// ── Counterparties ───────────────────────────────────────────────────────────────────────────────────

function byCounterparty(sections: readonly AgreementMonthView[]): CounterpartyMonthView[] {
  const groups = new Map<string | null, AgreementMonthView[]>();
  for (const s of sections) groups.set(s.counterparty, [...(groups.get(s.counterparty) ?? []), s]);
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([counterparty, agreements]) => ({ counterparty, agreements, creditsOwed: owed(agreements) }));
}

function owed(agreements: readonly AgreementMonthView[]): { currency: string; amount: number }[] {
  const byCurrency = new Map<string, number>();
  for (const a of agreements) {
    for (const c of [a.credits, a.quarterCredits]) {
      const amount = c?.amount ?? 0;
      const currency = c?.currency ?? null;
      if (amount === 0 || currency === null) continue;
      byCurrency.set(currency, Math.round(((byCurrency.get(currency) ?? 0) + amount) * 100) / 100);
    }
  }
  return [...byCurrency.entries()].map(([currency, amount]) => ({ currency, amount }));
}

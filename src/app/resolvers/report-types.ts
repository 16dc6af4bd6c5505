import type { PeriodKind } from '../../engine/report/periods';
import type { ReportGroupBy } from './report-routes';

/**
 * The report routes' replies, as the Custom UIs see them (inside the `{ ok, data }` envelope).
 * This module has no runtime code: a UI imports it with `import type` and bundles nothing.
 *
 * Conventions: instants are ISO strings in UTC; durations are milliseconds; percentages are 0–100 and are for
 * showing (every met / missed decision is made exactly on the server and given as a boolean).
 */

// ── Payloads ─────────────────────────────────────────────────────────────────────────────────────────
// The payloads are the routes' zod schemas (report-routes.ts): `PayloadOf<'reports/gadget'>` (contract.ts).

export type ReportPeriodKind = PeriodKind;

export type { ReportGroupBy };

// ── Shared pieces ────────────────────────────────────────────────────────────────────────────────────

export interface ReportPeriod {
  readonly kind: ReportPeriodKind;
  /** `2026-W10`, `2026-03`, `2026-Q1`. */
  readonly label: string;
  /** Half-open `[start, end)`. */
  readonly start: string;
  readonly end: string;
  /** Local dates of its first and last day. */
  readonly firstDay: string;
  readonly lastDay: string;
  /** Contains the report's "now": its counts are not final, and open cycles are shown in it. */
  readonly current: boolean;
}

/** How many more breaches the period allows: `remaining = allowed − used − pending`, negative once missed. */
export interface ErrorBudgetView {
  /** Breaches the met cycles pay for at the objective. */
  readonly allowed: number;
  /** Breaches counted (cycles that ended breached). */
  readonly used: number;
  /** Open cycles already past their target: breaches when they end. */
  readonly pending: number;
  readonly remaining: number;
}

export interface SatisfactionView {
  /** Rated issues among those whose cycles are counted. */
  readonly count: number;
  /** 1–5; null without ratings. */
  readonly average: number | null;
  /** The objective met while customers are unhappy (average below 3.5, at least 3 ratings). */
  readonly watermelon: boolean;
}

/** One group's figures in one period. A cycle counts in the period it ended. */
export interface ComplianceFigures {
  readonly met: number;
  readonly breached: number;
  /** Open cycles (running, paused, out of hours): only in the current period; not in the share. */
  readonly running: number;
  readonly runningBreached: number;
  /** Ended cycles an extension counted for (already in met or breached). */
  readonly extended?: number;
  /**
   * Ended cycles whose breach is excused; in `breached` only when the agreement counts excused breaches
   * (`countExcusedBreaches`), else in neither met nor breached.
   */
  readonly excused?: number;
  /** `met + breached`. */
  readonly completed: number;
  /** Null when no cycle ended. */
  readonly metPercent: number | null;
  readonly objectivePercent: number | null;
  /** Null without an objective or when no cycle ended. */
  readonly objectiveMet: boolean | null;
  readonly errorBudget: ErrorBudgetView | null;
  readonly satisfaction: SatisfactionView;
}

export type AgreementKindView = 'SLA' | 'OLA' | 'UC';

export type TrendDirectionView = 'improving' | 'worsening' | 'steady';

export interface ComplianceRow {
  readonly agreementId: string;
  readonly agreementName: string;
  readonly agreementKind: AgreementKindView;
  readonly counterparty: string | null;
  readonly metricId: string;
  readonly metricName: string;
  /** Null for a metric's goals pooled (`groupBy: 'metric'`) and for cycles no goal matched. */
  readonly goalIndex: number | null;
  readonly goalLabel: GoalLabel;
  readonly targetMinutes: number | null;
  /** A business-day or date-field goal's terms (its `targetMinutes` is null); absent for working time. */
  readonly target?: GoalTargetView;
  /** Set with `groupBy: 'project'`. */
  readonly projectKey: string | null;
  /** One per period of the report, in the same order. */
  readonly periods: readonly ComplianceFigures[];
  /** Direction of the met share over the periods; null with fewer than two periods that have one. */
  readonly trend: TrendDirectionView | null;
}

/**
 * How a report names a goal: its condition as the admin wrote it (JQL, shown as written in every language), or a
 * code the UIs put in the reader's words: `all-goals` (a metric's goals pooled), `all-issues` (the one goal,
 * without a condition), `other-issues` (the goal without a condition beside others), `no-goal` (cycles no goal
 * matched), `goal` (a goal the agreement no longer has, by its number).
 */
export type GoalLabel =
  | { readonly kind: 'condition'; readonly when: string }
  | { readonly kind: 'all-goals' | 'all-issues' | 'other-issues' | 'no-goal' }
  | { readonly kind: 'goal'; readonly number: number };

/** What a penalty clause judges, for the UIs to word: a service's availability, every metric, or one metric's goal. */
export type MeasureView =
  | { readonly kind: 'availability'; readonly service: string }
  | { readonly kind: 'all-metrics' }
  | { readonly kind: 'metric'; readonly metricName: string; readonly goal: GoalLabel };

// ── Replies ──────────────────────────────────────────────────────────────────────────────────────────

export interface ComplianceReport {
  readonly generatedAt: string;
  /** The zone the periods are counted in. */
  readonly timeZone: string;
  readonly period: ReportPeriodKind;
  readonly groupBy: ReportGroupBy;
  readonly periods: readonly ReportPeriod[];
  readonly rows: readonly ComplianceRow[];
}

/** A metric that needs attention now: its running cycle crossed a threshold, or is past its target. */
export interface AtRiskIssue {
  readonly issueId: string;
  readonly issueKey: string;
  readonly projectKey: string;
  readonly metricId: string;
  readonly metricName: string;
  readonly goalLabel: GoalLabel;
  readonly state: 'at-risk' | 'breached';
  /** Null while paused. */
  readonly deadline: string | null;
  /** Working time left (negative once breached), as of the last evaluation. */
  readonly remainingMs: number | null;
  readonly evaluatedAt: string;
}

/** A cycle past its target: ended in the period (counted), or still running (counted when it ends). */
export interface BreachView {
  readonly issueId: string;
  readonly issueKey: string;
  readonly projectKey: string;
  readonly metricId: string;
  readonly metricName: string;
  readonly goalIndex: number | null;
  readonly goalLabel: GoalLabel;
  readonly targetMinutes: number | null;
  readonly startedAt: string;
  readonly breachedAt: string | null;
  /** Null while it still runs. */
  readonly stoppedAt: string | null;
  readonly elapsedMs: number;
}

export interface GadgetReport {
  readonly generatedAt: string;
  readonly timeZone: string;
  readonly agreement: {
    readonly id: string;
    readonly name: string;
    readonly kind: AgreementKindView;
    readonly counterparty: string | null;
  };
  /** The trend's periods, oldest first; the last is the current one. */
  readonly periods: readonly ReportPeriod[];
  readonly groupBy: ReportGroupBy;
  /** Figures per period (aligned with `periods`) per group: the current compliance, error budget and trend. */
  readonly rows: readonly ComplianceRow[];
  /** Most urgent first: past their target, then the soonest deadline. */
  readonly atRisk: readonly AtRiskIssue[];
  /** Breaches of the current period, latest first: ended in it, or still running. */
  readonly breaches: readonly BreachView[];
}

export interface CreditLineView {
  /** Index in the agreement's `penalties`. */
  readonly clause: number;
  /** What the clause judges: a service's availability, every metric, or one metric's goal (or all its goals). */
  readonly measure: MeasureView;
  readonly measuredPercent: number | null;
  readonly belowPercent: number;
  readonly creditPercent: number;
  readonly missed: boolean;
  /** Missed and the largest missed tier of its measure. */
  readonly owed: boolean;
}

export interface CreditsView {
  readonly period: 'month' | 'quarter';
  readonly currency: string | null;
  /** The period's fee; null when the agreement names none. */
  readonly fee: number | null;
  readonly lines: readonly CreditLineView[];
  /** Share of the fee owed, after the cap. */
  readonly creditPercent: number;
  readonly capped: boolean;
  readonly amount: number | null;
}

export interface IncidentDowntimeView {
  readonly issueKey: string;
  readonly start: string;
  /** Null while the outage goes on. */
  readonly end: string | null;
  /** In the month, in service hours, maintenance excluded. */
  readonly downtimeMs: number;
}

export interface AvailabilityView {
  readonly service: string;
  readonly objectivePercent: number;
  readonly calendar: string;
  /** Service time so far: the calendar's working time in the month (up to now), maintenance excluded. */
  readonly scheduledMs: number;
  /** Overlapping incidents counted once. */
  readonly downtimeMs: number;
  readonly maintenanceMs: number;
  readonly availablePercent: number | null;
  readonly objectiveMet: boolean | null;
  readonly allowedDowntimeMs: number;
  readonly remainingDowntimeMs: number;
  readonly incidents: readonly IncidentDowntimeView[];
  /** Set when the service could not be measured (the figures are then empty), as a code the report words. */
  readonly error: AvailabilityError | null;
}

/**
 * Why a service's availability could not be measured: its calendar is gone, or Jira did not give its incidents
 * (e.g. Jira refused the JQL; `detail` is Jira's own words). A new code fails to compile until the report words it.
 */
export type AvailabilityError =
  | { readonly code: 'calendar-unknown'; readonly params: { readonly calendar: string } }
  | { readonly code: 'incidents-unreadable'; readonly params: { readonly detail: string } };

export interface HeldTimeView {
  readonly agreementId: string;
  readonly agreementName: string;
  readonly kind: 'OLA' | 'UC';
  readonly counterparty: string | null;
  readonly heldMs: number;
  /** Share of the SLA cycles' running time. */
  readonly percent: number | null;
}

/** Who held the running time of one breached SLA cycle. */
export interface CycleAttributionView {
  readonly issueKey: string;
  readonly metricId: string;
  readonly metricName: string;
  readonly breachedAt: string | null;
  readonly runningMs: number;
  readonly unattributedMs: number;
  readonly holders: readonly HeldTimeView[];
}

export interface AttributionView {
  /** Breached SLA cycles of the month attributed (at most 200, latest breach first). */
  readonly cycles: number;
  readonly runningMs: number;
  /** Time no OLA or UC held: the service desk's own. */
  readonly unattributedMs: number;
  /** Summed over the cycles, most first. */
  readonly holders: readonly HeldTimeView[];
  /** The cycles one by one, latest breach first (at most 50). */
  readonly worst: readonly CycleAttributionView[];
}

export interface GoalMonthView {
  readonly goalIndex: number | null;
  readonly goalLabel: GoalLabel;
  readonly targetMinutes: number | null;
  /** A business-day or date-field goal's terms; absent for working time. */
  readonly target?: GoalTargetView;
  readonly figures: ComplianceFigures;
}

export interface MetricMonthView {
  readonly metricId: string;
  readonly metricName: string;
  /** The metric's goals pooled (objective only when every goal has the same one). */
  readonly overall: ComplianceFigures;
  readonly goals: readonly GoalMonthView[];
}

export interface AgreementMonthView {
  readonly agreementId: string;
  readonly agreementName: string;
  readonly agreementKind: AgreementKindView;
  readonly agreementVersion: number;
  readonly counterparty: string | null;
  /** The agreement's reporting zone: the month is counted in it. */
  readonly timeZone: string;
  readonly month: ReportPeriod;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly reviewBy: string | null;
  readonly metrics: readonly MetricMonthView[];
  /** Null when the agreement has no monthly penalty clauses. */
  readonly credits: CreditsView | null;
  /** Quarterly clauses, judged over the quarter in the month that ends it; null otherwise. */
  readonly quarterCredits: CreditsView | null;
  readonly availability: readonly AvailabilityView[];
  /** SLAs only; null for OLAs and UCs. */
  readonly attribution: AttributionView | null;
}

export interface CounterpartyMonthView {
  /** Null for agreements that name no counterparty. */
  readonly counterparty: string | null;
  readonly agreements: readonly AgreementMonthView[];
  /** Credits owed by all of this counterparty's agreements, per currency. */
  readonly creditsOwed: readonly { readonly currency: string; readonly amount: number }[];
}

export interface MonthlyReport {
  readonly generatedAt: string;
  /** `YYYY-MM`. */
  readonly month: string;
  readonly counterparties: readonly CounterpartyMonthView[];
}

/** One CSV column per field, in this order (the header line). */
export type CsvColumn =
  | 'issue_key'
  | 'project'
  | 'agreement_id'
  | 'agreement_version'
  | 'agreement_kind'
  | 'counterparty'
  | 'metric_id'
  | 'goal_index'
  | 'goal'
  | 'target_minutes'
  | 'goal_terms'
  | 'started_at'
  | 'stopped_at'
  | 'elapsed_ms'
  | 'paused_ms'
  | 'breached_at'
  | 'outcome'
  | 'period'
  | 'adjusted';

export interface CsvPage {
  /** A file name for the whole export, e.g. `accord-gold-2026-03.csv`. */
  readonly filename: string;
  readonly columns: readonly CsvColumn[];
  /** RFC 4180 lines (CRLF), the header line on the first page only. */
  readonly csv: string;
  /** Data rows on this page. */
  readonly rows: number;
  /** Pass as `cursor` for the next page; null on the last. */
  readonly nextCursor: string | null;
  readonly periods: readonly ReportPeriod[];
}

/** A goal whose deadline is a time of day: whole business days (with a due time and cut-off), or a date field. */
export interface GoalTargetView {
  readonly businessDays?: { readonly days: number; readonly cutoff?: string; readonly dueAt?: string };
  readonly dueDateField?: string;
}

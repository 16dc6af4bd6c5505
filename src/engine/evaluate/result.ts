import type { AgreementKind } from '../agreement/types';

/**
 * The engine's output (docs/engine-contract.md, "Output"): one object per issue. Instants are ISO strings in UTC;
 * durations are milliseconds of working time. New fields are optional additions, never renames.
 */
export interface IssueResult {
  issue: string;
  evaluatedAt: string;
  agreements: AgreementResult[];
}

export interface AgreementResult {
  id: string;
  name: string;
  kind: AgreementKind;
  counterparty?: string;
  metrics: MetricResult[];
}

export type MetricState = 'not-started' | 'running' | 'paused' | 'out-of-hours' | 'met' | 'breached';

export interface GoalResult {
  /** Position of the goal in the metric's ordered list. */
  index: number;
  /** Null for a goal measured only, and for a business-day or date-field goal (their cycles carry the target). */
  targetMinutes: number | null;
  calendar: string;
  objectivePercent?: number;
  /** A business-day goal: its deadline is in each cycle's `deadline`, to be shown as "by Tue 17:00". */
  businessDays?: { days: number; cutoff?: string; dueAt?: string };
  /** A date-field goal: the field whose date is each cycle's `deadline`. */
  dueDateField?: string;
}

export interface MetricResult {
  id: string;
  name: string;
  state: MetricState;
  /** Describes the last cycle. */
  breached: boolean;
  /** Any cycle. */
  everBreached: boolean;
  /** The goal of the last cycle, or the one that would apply now if no cycle has started; null if none matches. */
  goal: GoalResult | null;
  cycles: CycleResult[];
  /** While paused: the condition that holds. */
  pausedBy?: string;
  /** While out of hours: when the clock resumes. */
  resumesAt?: string | null;
  /** The next instant something is due on this metric (a threshold or the deadline); null if nothing is. */
  next: string | null;
}

export interface CycleResult {
  startedAt: string;
  stoppedAt: string | null;
  elapsedMs: number;
  pausedMs: number;
  remainingMs: number | null;
  deadline: string | null;
  breached: boolean;
  breachedAt: string | null;
  /**
   * Index of the goal the cycle's outcome was decided under: the goal it breached under, else the one in force
   * at its stop (now, while it runs); null if none matched (docs/engine-contract.md, "Goal changes").
   */
  goalIndex: number | null;
  pauses: { from: string; to: string | null }[];
  thresholds: ThresholdResult[];
  /**
   * A date-field goal only, when its field changed during the cycle: each change, with the deadline it set
   * (null: the field was emptied). The cycle's `deadline` is the field's date at its end (or now).
   */
  deadlineChanges?: { at: string; deadline: string | null }[];
  /**
   * Extensions that count for the cycle (docs/engine-contract.md, "Extensions and excused breaches"): the
   * working minutes they add to its deadline, and how many there are. Absent without any.
   */
  extended?: { minutes: number; count: number };
  /** Present (true) when the cycle is breached and an excuse made at or after its breach covers it. */
  excused?: true;
}

export interface ThresholdResult {
  /** Position of the threshold in the metric's list. */
  index: number;
  crossings: number;
  lastAt: string | null;
  nextAt: string | null;
}

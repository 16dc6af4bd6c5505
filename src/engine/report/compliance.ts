/**
 * Compliance the way contracts count it: a cycle counts in the period it ended, as met or breached; cycles
 * still running (or paused) are shown beside the share but are not in it, since their outcome is not known.
 */
import { failuresAllowed, percentOf, shareAtLeast } from './shares';

/** What the store counts for one agreement, metric, goal and period. */
export interface CycleCounts {
  /** Cycles that ended in the period within their target. */
  readonly met: number;
  /** Cycles that ended in the period past their target. */
  readonly breached: number;
  /** Cycles still open now (running, paused or out of hours); shown only in the period that contains now. */
  readonly running: number;
  /** Of those, the ones already past their target: breaches to come, whenever they end. */
  readonly runningBreached: number;
  /**
   * Of the ended cycles, those an extension counted for (already in `met` or `breached`): shown apart.
   * Absent: none.
   */
  readonly extended?: number;
  /**
   * Ended cycles whose breach is excused, shown apart. Whether they are also in `breached` is the agreement's
   * `countExcusedBreaches` (default: they are not, and count neither as met nor as breached). Absent: none.
   */
  readonly excused?: number;
}

/**
 * How many more breaches the period allows before its objective is missed, given the cycles that ended so
 * far: `allowed` is what the met cycles pay for, `used` the breaches counted, `pending` the running cycles
 * already past their target (they will count as breaches when they end), `remaining = allowed − used − pending`
 * (negative once the objective is missed).
 */
export interface ErrorBudget {
  readonly allowed: number;
  readonly used: number;
  readonly pending: number;
  readonly remaining: number;
}

export interface Compliance extends CycleCounts {
  /** `met + breached`: the cycles the share is taken over. */
  readonly completed: number;
  /** `met / completed` in percent, for showing; null when no cycle ended. */
  readonly metPercent: number | null;
  readonly objectivePercent: number | null;
  /** Decided exactly (see shares.ts); null without an objective or when no cycle ended. */
  readonly objectiveMet: boolean | null;
  /** Null without an objective (or with a 0 % one). */
  readonly errorBudget: ErrorBudget | null;
}

/**
 * Compliance of one group of cycles against its objective.
 * @example
 * const c = complianceOf({ met: 19, breached: 1, running: 3, runningBreached: 0 }, 95);
 * // c.metPercent === 95, c.objectiveMet === true, c.errorBudget.remaining === 0
 */
export function complianceOf(counts: CycleCounts, objectivePercent: number | null): Compliance {
  const completed = counts.met + counts.breached;
  const objectiveMet =
    objectivePercent === null ? null : (shareAtLeast(counts.met, completed, objectivePercent) ?? null);
  return {
    ...counts,
    completed,
    metPercent: percentOf(counts.met, completed),
    objectivePercent,
    objectiveMet,
    errorBudget: objectivePercent === null ? null : errorBudgetOf(counts, objectivePercent),
  };
}

function errorBudgetOf(counts: CycleCounts, objectivePercent: number): ErrorBudget | null {
  const allowed = failuresAllowed(counts.met, objectivePercent);
  if (allowed === null) return null;
  return {
    allowed,
    used: counts.breached,
    pending: counts.runningBreached,
    remaining: allowed - counts.breached - counts.runningBreached,
  };
}

/** Adds counts up: the goals of a metric pooled, or the projects of a goal. */
export function addCounts(a: CycleCounts, b: CycleCounts): CycleCounts {
  const sum: { -readonly [K in keyof CycleCounts]: CycleCounts[K] } = {
    met: a.met + b.met,
    breached: a.breached + b.breached,
    running: a.running + b.running,
    runningBreached: a.runningBreached + b.runningBreached,
  };
  // Present only where there are some, as on the counts added.
  const extended = (a.extended ?? 0) + (b.extended ?? 0);
  const excused = (a.excused ?? 0) + (b.excused ?? 0);
  if (extended > 0) sum.extended = extended;
  if (excused > 0) sum.excused = excused;
  return sum;
}

export const NO_CYCLES: CycleCounts = { met: 0, breached: 0, running: 0, runningBreached: 0 };

export type TrendDirection = 'improving' | 'worsening' | 'steady';

/**
 * The direction of a series of met shares (oldest first; null for periods with nothing to judge): the slope
 * of the least-squares line through the periods that have a share, in percentage points per period. Half a
 * point either way is `steady`. Null with fewer than two shares.
 * @example trendOf([90, null, 94, 96]) === 'improving'
 */
export function trendOf(series: readonly (number | null)[]): TrendDirection | null {
  const points = series.flatMap((y, x) => (y === null ? [] : [{ x, y }]));
  if (points.length < 2) return null;
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - meanX) * (p.y - meanY);
    den += (p.x - meanX) ** 2;
  }
  const slope = num / den;
  return slope > 0.5 ? 'improving' : slope < -0.5 ? 'worsening' : 'steady';
}

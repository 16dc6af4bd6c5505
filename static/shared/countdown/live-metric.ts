import type { WorkingTime } from '../../../src/engine/calendar/timeline';
import type { CycleResult, MetricResult } from '../../../src/engine/evaluate/result';
import { parseInstant } from '../../../src/engine/time/iso';
import { workingMs, type EpochMs } from '../../../src/engine/time/units';
import type { DisplayState } from '../api/issue-metrics';

/** What an agent sees on a metric: the lozenge. */
export type LiveState =
  'on-track' | 'at-risk' | 'breached' | 'paused' | 'out-of-hours' | 'met' | 'not-started';

/** Whether the clock is counting, and if not, why. */
export type ClockState = 'counting' | 'out-of-hours' | 'paused' | 'stopped' | 'not-started';

/** A metric at an instant after its last evaluation, counted on its calendar in the browser. */
export interface LiveMetric {
  readonly state: LiveState;
  readonly clock: ClockState;
  /** Working ms left of the target (negative once breached); null without a target or a cycle. */
  readonly remainingMs: number | null;
  /** Working ms counted in the last cycle; null without a cycle. */
  readonly elapsedMs: number | null;
  /** The deadline of a running cycle; null while paused, without a target, or once stopped. */
  readonly deadline: EpochMs | null;
  /** When the last cycle breached (already, or in the browser since the evaluation). */
  readonly breachedAt: EpochMs | null;
  /** When the last cycle stopped. */
  readonly stoppedAt: EpochMs | null;
  /** While out of hours: when working time starts again. */
  readonly resumesAt: EpochMs | null;
  /** While paused: the condition that holds. */
  readonly pausedBy: string | null;
  /**
   * False when the metric's calendar is not at hand (missing from the reply, or invalid): the numbers are
   * then those of the evaluation and do not tick.
   */
  readonly live: boolean;
}

const instant = (text: string | null | undefined): EpochMs | null =>
  text === null || text === undefined ? null : (parseInstant(text) ?? null);

/** The last cycle: the one every state describes. */
export const lastCycle = (metric: MetricResult): CycleResult | undefined =>
  metric.cycles[metric.cycles.length - 1];

/**
 * A metric's state and time left at `now`, from its stored result evaluated at `evaluatedAt`, counting on
 * `calendar` (the compiled calendar of its goal) what passed since: `remaining(now) = remainingMs −
 * workingTime(evaluatedAt, now)`. Nothing counts outside working hours or while the cycle is paused, and a
 * stopped cycle keeps its numbers. Pauses are not re-judged here: they follow the fields, and any
 * change to those reaches the panel as a new evaluation.
 *
 * The lozenge follows the backend's order of words (`displayState`, which also fills the "SLA state" field
 * agents search): breached, then paused, then at risk (a threshold crossed, here or since the evaluation),
 * then out of hours, then on track. A cycle is breached once its deadline has passed, to the millisecond and out
 * of hours included, as the engine decides it (docs/engine-contract.md): a 17:00 deadline at 17:00:00.001.
 *
 * @example liveMetric(entry.metric, entry.displayState, evaluatedAt, Date.now() as EpochMs, calendar?.workingTime)
 */
export function liveMetric(
  metric: MetricResult,
  displayState: DisplayState,
  evaluatedAt: EpochMs,
  now: EpochMs,
  calendar: WorkingTime | undefined,
): LiveMetric {
  const cycle = lastCycle(metric);
  const base = {
    remainingMs: cycle?.remainingMs ?? null,
    elapsedMs: cycle?.elapsedMs ?? null,
    deadline: instant(cycle?.deadline),
    breachedAt: instant(cycle?.breachedAt),
    stoppedAt: instant(cycle?.stoppedAt),
    resumesAt: null,
    pausedBy: null,
    live: calendar !== undefined,
  };

  if (!cycle || metric.state === 'not-started') {
    return { ...base, state: 'not-started', clock: 'not-started', deadline: null };
  }
  if (cycle.stoppedAt !== null) {
    return { ...base, state: metric.breached ? 'breached' : 'met', clock: 'stopped', deadline: null };
  }
  if (metric.state === 'paused') {
    return {
      ...base,
      state: metric.breached ? 'breached' : 'paused',
      clock: 'paused',
      deadline: null,
      pausedBy: metric.pausedBy ?? null,
    };
  }

  // Running or out of hours at the evaluation: count what passed since on the calendar.
  if (!calendar) {
    const out = metric.state === 'out-of-hours';
    return {
      ...base,
      state: metric.breached
        ? 'breached'
        : displayState === 'at-risk'
          ? 'at-risk'
          : out
            ? 'out-of-hours'
            : 'on-track',
      clock: out ? 'out-of-hours' : 'counting',
      resumesAt: out ? instant(metric.resumesAt) : null,
    };
  }
  const since = calendar.elapsed(evaluatedAt, now);
  const remainingMs = cycle.remainingMs === null ? null : cycle.remainingMs - since;
  const counting = calendar.isWorking(now);
  // The instant the remaining time runs out; the clock moving past it is the breach, even with no working time.
  const dueAt =
    cycle.remainingMs === null
      ? null
      : (calendar.deadline(evaluatedAt, workingMs(cycle.remainingMs)) ?? null);
  const breached = metric.breached || (dueAt !== null && dueAt < now);
  let breachedAt = base.breachedAt;
  // Breached in the browser since the evaluation: at the deadline.
  if (breached && breachedAt === null) breachedAt = dueAt;
  const thresholdCrossed =
    displayState === 'at-risk' ||
    cycle.thresholds.some((t) => {
      const next = instant(t.nextAt);
      return next !== null && next <= now;
    });
  const state: LiveState = breached
    ? 'breached'
    : thresholdCrossed
      ? 'at-risk'
      : counting
        ? 'on-track'
        : 'out-of-hours';
  return {
    ...base,
    state,
    clock: counting ? 'counting' : 'out-of-hours',
    remainingMs,
    elapsedMs: cycle.elapsedMs + since,
    breachedAt,
    resumesAt: counting ? null : (calendar.nextWorkingStart(now) ?? null),
  };
}

import type { Threshold } from '../agreement/types';
import type { WorkingTime } from '../calendar/timeline';
import { MS_PER_MINUTE, type EpochMs, type WorkingMs } from '../time/units';
import { isPaused, type ReplayedCycle } from './replay';

/** A cycle measured on its goal's calendar. All instants are epoch ms; the output layer formats them. */
export interface MeasuredCycle {
  readonly elapsedMs: WorkingMs;
  readonly pausedMs: WorkingMs;
  /** Target minus elapsed, negative once breached; null for a measure-only goal. */
  readonly remainingMs: number | null;
  readonly deadline: EpochMs | null;
  readonly breached: boolean;
  readonly breachedAt: EpochMs | null;
  readonly thresholds: readonly MeasuredThreshold[];
}

export interface MeasuredThreshold {
  /** How many times the threshold has been crossed in this cycle (more than once only when it repeats). */
  readonly crossings: number;
  readonly lastAt: EpochMs | null;
  /** The next crossing, projected while the cycle runs unpaused; null otherwise. */
  readonly nextAt: EpochMs | null;
}

/**
 * Measures a cycle against a target on a calendar. A pause is a hole in the working timeline: elapsed time is
 * the calendar's working time in the cycle's active intervals, and every instant (breach, deadline, threshold)
 * is found by one walk over those intervals with the calendar's binary-search `deadline`.
 *
 * Met or breached is decided on exact milliseconds: a cycle is breached when its elapsed time exceeds the
 * target; `breachedAt` is the instant the target was used up.
 */
export function measureCycle(
  cycle: ReplayedCycle,
  targetMs: number | null,
  thresholds: readonly Threshold[],
  calendar: WorkingTime,
  now: EpochMs,
): MeasuredCycle {
  const end = cycle.stoppedAt ?? now;
  const active = activeIntervals(cycle, end);
  // Working time of each active interval, measured once: the breach and every threshold walk these.
  const work: number[] = [];
  let elapsed = 0;
  for (let i = 0; i < active.length; i += 2) {
    const w = calendar.elapsed(active[i] as EpochMs, active[i + 1] as EpochMs);
    work.push(w);
    elapsed += w;
  }
  let paused = 0;
  for (const pause of cycle.pauses) {
    paused += calendar.elapsed(pause.from, Math.min(pause.to ?? end, end) as EpochMs);
  }
  const ticking = cycle.stoppedAt === null && !isPaused(cycle);
  const walk: Walk = { cycle, calendar, active, work, elapsed, ticking, now };

  if (targetMs === null) {
    return {
      elapsedMs: elapsed as WorkingMs,
      pausedMs: paused as WorkingMs,
      remainingMs: null,
      deadline: null,
      breached: false,
      breachedAt: null,
      thresholds: thresholds.map(() => NOT_CROSSED),
    };
  }

  const breached = elapsed > targetMs;
  const reachedAt = breached || ticking ? instantAtWork(walk, targetMs) : null;
  const measured: MeasuredThreshold[] = [];
  for (const threshold of thresholds) measured.push(measureThreshold(threshold, targetMs, walk));
  return {
    elapsedMs: elapsed as WorkingMs,
    pausedMs: paused as WorkingMs,
    remainingMs: targetMs - elapsed,
    deadline: reachedAt,
    breached,
    breachedAt: breached ? reachedAt : null,
    thresholds: measured,
  };
}

/** A cycle's active intervals and their working time, for {@link instantAtWork}. */
interface Walk {
  readonly cycle: ReplayedCycle;
  readonly calendar: WorkingTime;
  readonly active: readonly number[];
  readonly work: readonly number[];
  readonly elapsed: number;
  readonly ticking: boolean;
  readonly now: EpochMs;
}

/** The instant at which `target` working ms had passed in the cycle; projected past `now` while ticking. */
function instantAtWork(walk: Walk, target: number): EpochMs | null {
  const { calendar, work, elapsed } = walk;
  if (target <= 0) return walk.cycle.startedAt;
  if (target > elapsed)
    return walk.ticking ? (calendar.deadline(walk.now, (target - elapsed) as WorkingMs) ?? null) : null;
  let acc = 0;
  for (let i = 0; i < work.length; i++) {
    const w = work[i] ?? 0;
    if (acc + w >= target)
      return calendar.deadline(walk.active[2 * i] as EpochMs, (target - acc) as WorkingMs) ?? null;
    acc += w;
  }
  return null; // unreachable: target <= elapsed, the sum of `work`
}

function measureThreshold(threshold: Threshold, targetMs: number, walk: Walk): MeasuredThreshold {
  const at = threshold.at;
  const first =
    'percent' in at
      ? Math.floor((targetMs * at.percent) / 100)
      : 'minutesBefore' in at
        ? Math.max(0, targetMs - at.minutesBefore * MS_PER_MINUTE)
        : targetMs + at.minutesAfterBreach * MS_PER_MINUTE;
  const every =
    threshold.repeatEveryMinutes === undefined ? 0 : Math.round(threshold.repeatEveryMinutes * MS_PER_MINUTE);
  const { elapsed } = walk;
  // A crossing happens at the instant the work is reached (>=), so an evaluation at exactly that instant sees it.
  const crossings = elapsed < first ? 0 : every > 0 ? Math.floor((elapsed - first) / every) + 1 : 1;
  const lastAt = crossings > 0 ? instantAtWork(walk, first + (crossings - 1) * every) : null;
  const more = crossings === 0 || every > 0;
  const nextAt = walk.ticking && more ? instantAtWork(walk, first + crossings * every) : null;
  return { crossings, lastAt, nextAt };
}

const NOT_CROSSED: MeasuredThreshold = { crossings: 0, lastAt: null, nextAt: null };

/** The cycle's active time as flat pairs `[from0, to0, from1, to1, …]`: `[start, end)` minus its pauses. */
function activeIntervals(cycle: ReplayedCycle, end: EpochMs): number[] {
  const out: number[] = [];
  let from: number = cycle.startedAt;
  for (const pause of cycle.pauses) {
    if (pause.from > from) out.push(from, Math.min(pause.from, end));
    from = Math.max(from, pause.to ?? end);
  }
  if (end > from) out.push(from, end);
  return out;
}

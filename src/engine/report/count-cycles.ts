/**
 * The counting rule of compliance, as a pure function over cycles: the reference the store's SQL aggregates
 * are tested against, and what a report over a handful of cycles can use directly.
 */
import type { EpochMs } from '../time/units';
import { NO_CYCLES, type CycleCounts } from './compliance';
import { bucketOf } from './periods';

/** What counting needs of a cycle. */
export interface CycleOutcome {
  readonly startedAt: number;
  /** Null while the cycle is open (running, paused or out of hours). */
  readonly stoppedAt: number | null;
  /** For an open cycle: already past its target. */
  readonly breached: boolean;
}

/**
 * Counts cycles per period: an ended cycle in the period it ended, met or breached, wherever it started; an
 * open cycle as running in the period that contains `now` (its outcome will count in the period it ends).
 * @example countByPeriod(cycles, boundsOf(periods), now)[2] // the third period's counts
 */
export function countByPeriod(
  cycles: readonly CycleOutcome[],
  bounds: readonly EpochMs[],
  now: EpochMs,
): CycleCounts[] {
  const counts = Array.from({ length: Math.max(0, bounds.length - 1) }, () => ({ ...NO_CYCLES }));
  const current = bucketOf(bounds, now);
  for (const cycle of cycles) {
    if (cycle.stoppedAt === null) {
      const c = counts[current];
      if (!c) continue;
      c.running++;
      if (cycle.breached) c.runningBreached++;
      continue;
    }
    const c = counts[bucketOf(bounds, cycle.stoppedAt as EpochMs)];
    if (!c) continue;
    if (cycle.breached) c.breached++;
    else c.met++;
  }
  return counts;
}

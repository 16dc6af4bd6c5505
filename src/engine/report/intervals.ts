/**
 * Sets of instants as sorted, disjoint, half-open intervals `[start, end)`: the arithmetic behind downtime
 * (overlapping incidents counted once, maintenance cut out) and attribution (who held an issue while an SLA
 * clock ran). Empty intervals are dropped everywhere.
 */
import type { WorkingTime } from '../calendar/timeline';
import type { EpochMs, Interval } from '../time/units';

const interval = (start: number, end: number): Interval => ({
  start: start as EpochMs,
  end: end as EpochMs,
});

/**
 * Sorted and merged: overlapping or touching intervals become one.
 * @example union([{ start: 5, end: 9 }, { start: 0, end: 6 }]) // [{ start: 0, end: 9 }]
 */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const next of sorted) {
    const last = out[out.length - 1];
    if (last && next.start <= last.end) {
      if (next.end > last.end) out[out.length - 1] = interval(last.start, next.end);
    } else out.push(next);
  }
  return out;
}

/**
 * The instants in both sets; each argument may be unsorted and overlapping.
 * @example intersect([{ start: 0, end: 10 }], [{ start: 5, end: 20 }]) // [{ start: 5, end: 10 }]
 */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const left = union(a);
  const right = union(b);
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  for (let x = left[i], y = right[j]; x && y; x = left[i], y = right[j]) {
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (end > start) out.push(interval(start, end));
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

/**
 * The instants of `a` that are not in `b`.
 * @example subtract([{ start: 0, end: 10 }], [{ start: 3, end: 5 }]) // [{ start: 0, end: 3 }, { start: 5, end: 10 }]
 */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const holes = union(b);
  const out: Interval[] = [];
  for (const piece of union(a)) {
    let start: number = piece.start;
    for (const hole of holes) {
      if (hole.end <= start) continue;
      if (hole.start >= piece.end) break;
      if (hole.start > start) out.push(interval(start, hole.start));
      start = Math.max(start, hole.end);
      if (start >= piece.end) break;
    }
    if (start < piece.end) out.push(interval(start, piece.end));
  }
  return out;
}

/** Every interval cut to `[range.start, range.end)`. */
export function clip(intervals: readonly Interval[], range: Interval): Interval[] {
  return intersect(intervals, [range]);
}

/**
 * Working time of a calendar inside a set of instants (the set is merged first, so nothing counts twice).
 * @example workingTimeIn(calendar, [{ start: mon9, end: mon17 }]) === 8 * 3_600_000
 */
export function workingTimeIn(calendar: WorkingTime, intervals: readonly Interval[]): number {
  let total = 0;
  for (const i of union(intervals)) total += calendar.elapsed(i.start, i.end);
  return total;
}

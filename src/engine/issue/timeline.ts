import { EMPTY } from './aliases';
import type { FieldTimelineData } from './types';

/**
 * The value of a field in force at `instant`: after every change at or before it; before the first change,
 * the value at creation. A binary search, no copying.
 * @example valueAt({ keys: ['priority'], at: [100], values: [['medium'], ['high']] }, 100) // ['high']
 */
export function valueAt(timeline: FieldTimelineData, instant: number): readonly string[] {
  const at = timeline.at;
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const t = at[mid];
    if (t !== undefined && t <= instant) lo = mid + 1;
    else hi = mid;
  }
  return timeline.values[lo] ?? EMPTY;
}

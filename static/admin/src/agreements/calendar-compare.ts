import type { WorkingTime } from '../../../../src/engine/calendar/timeline';
import type { EpochMs, WorkingMs } from '../../../../src/engine/time/units';
import { compareMinutes, type Compare } from './fit';

const MINUTE = 60_000;

/**
 * A {@link Compare} on the compiled calendars: `a` ends later than `b` when, started together at one of
 * `starts`, `a`'s deadline on its calendar comes after `b`'s on its own. Calendars it does not have fall back
 * to counting minutes (marked not exact).
 * @example compareOnCalendars(new Map([['berlin', berlin], ['always', always]]), hourlyStarts)
 */
export function compareOnCalendars(
  calendars: ReadonlyMap<string, WorkingTime>,
  starts: readonly EpochMs[],
): Compare {
  return (a, b) => {
    const ca = calendars.get(a.calendar);
    const cb = calendars.get(b.calendar);
    if (a.calendar === b.calendar || !ca || !cb || starts.length === 0) return compareMinutes(a, b);
    for (const start of starts) {
      const da = ca.deadline(start, (a.minutes * MINUTE) as WorkingMs);
      const db = cb.deadline(start, (b.minutes * MINUTE) as WorkingMs);
      // A deadline that never comes (a calendar with hardly any working time) is later than any.
      if (da === undefined ? db !== undefined : db !== undefined && da > db) {
        return { later: true, exact: true, startedAt: start };
      }
    }
    return { later: false, exact: true };
  };
}

/**
 * Start instants to try: every hour of the coming `days`, so that evenings, weekends and holidays of either
 * calendar are among them.
 */
export function hourlyStarts(from: EpochMs, days = 14): EpochMs[] {
  const hour = 60 * MINUTE;
  const first = Math.ceil(from / hour) * hour;
  return Array.from({ length: days * 24 }, (_, i) => (first + i * hour) as EpochMs);
}

import { instantOf, localOf } from '../time/zone';
import type { EpochMs } from '../time/units';
import type { WorkingTime } from './timeline';

/**
 * Business days on a compiled calendar (docs/engine-contract.md, "Business-day goals"). A working day is a local date with
 * working time once holidays and exceptions apply: the calendar's own segments say so, so nothing here knows
 * about weekdays or holidays. Days are stepped as local dates and turned into instants by the zone's one
 * wall-clock function; never by adding 24 h (a DST night has 23 or 25).
 */

/** A business-day goal with its times as minutes after local midnight (`HH:mm` parsed, `24:00` = 1440). */
export interface BusinessDayRule {
  /** Working days after the start day D; 0: D itself. */
  readonly days: number;
  /** A start at or after this local time moves D to the next working day; undefined: the end of D's hours. */
  readonly cutoff: number | undefined;
  /** The local time of the deadline on its day; undefined: the end of that day's last working span. */
  readonly dueAt: number | undefined;
}

/** The first instant of a local date (its midnight, or the first instant after it when a DST gap ate it). */
const startOfDay = (calendar: WorkingTime, day: number): EpochMs => instantOf(calendar.zone, day, 0);

/**
 * The end of a local date's last working span, or undefined when the date has no working time (a weekend, a
 * holiday, an exception day with no hours).
 * @example endOfWorkingDay(berlin9to17, daysFromCivil(2026, 3, 2)) // 2026-03-02T16:00:00Z (17:00 CET)
 */
export function endOfWorkingDay(calendar: WorkingTime, day: number): EpochMs | undefined {
  const spans = calendar.segments(startOfDay(calendar, day), startOfDay(calendar, day + 1));
  return spans[spans.length - 1]?.end;
}

/**
 * The first working day after `day`, or undefined when none comes within the 20 years the timeline looks ahead.
 * A span that runs on from the previous day (24:00 → 00:00 merged) still counts for the day it covers.
 */
export function nextWorkingDay(calendar: WorkingTime, day: number): number | undefined {
  const next = calendar.nextWorkingStart(startOfDay(calendar, day + 1));
  return next === undefined ? undefined : localOf(calendar.zone, next).day;
}

/**
 * The deadline of a business-day goal for a cycle that started at `start`:
 *
 * - the start day D is the local date of `start` if that date is a working day and `start` is before the
 *   cut-off (without one: before the end of the date's working hours); otherwise the next working day;
 * - the deadline is on the working day `days` working days after D, at `dueAt` (default: the end of that
 *   day's last working span).
 *
 * Undefined when the calendar has no working day within 20 years. The deadline may lie before `start` when a
 * configuration lets it (a `dueAt` earlier in the day than a start that still counted for D); the working time
 * to it is then zero.
 * @example businessDayDeadline(berlin9to17, saturday, { days: 0, cutoff: undefined, dueAt: undefined }) // Monday 17:00
 */
export function businessDayDeadline(
  calendar: WorkingTime,
  start: EpochMs,
  rule: BusinessDayRule,
): EpochMs | undefined {
  const zone = calendar.zone;
  const startDay = localOf(zone, start).day;
  let day: number | undefined;
  const endOfStartDay = endOfWorkingDay(calendar, startDay);
  if (endOfStartDay !== undefined) {
    // `24:00` as a cut-off is the next midnight, which instantOf reads as such.
    const limit = rule.cutoff === undefined ? endOfStartDay : instantOf(zone, startDay, rule.cutoff);
    // Strictly before: a start at 12:00:00.000 with a 12:00 cut-off is after it.
    if (start < limit) day = startDay;
  }
  day ??= nextWorkingDay(calendar, startDay);
  for (let i = 0; i < rule.days && day !== undefined; i++) day = nextWorkingDay(calendar, day);
  if (day === undefined) return undefined;
  return rule.dueAt === undefined ? endOfWorkingDay(calendar, day) : instantOf(zone, day, rule.dueAt);
}

/**
 * The deadline a date names on a calendar: the end of that date's last working span, or the end of the date
 * (the next local midnight) if it has no working time.
 * @example endOfDueDate(berlin9to17, daysFromCivil(2026, 3, 6)) // Friday 17:00 local
 */
export function endOfDueDate(calendar: WorkingTime, day: number): EpochMs {
  return endOfWorkingDay(calendar, day) ?? startOfDay(calendar, day + 1);
}

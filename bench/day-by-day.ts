import { formatInTimeZone } from 'date-fns-tz';

import type { Calendar, Span, Weekday } from '../src/engine/calendar/types';

/**
 * The slow oracle the benchmark checks the fast engine against: working time of a calendar computed the
 * obvious way, one local day at a time, with date-fns-tz for the zone. It shares no code with the engine's
 * calendar compiler or timeline (not even the civil-date helpers), so the two can only agree by both being
 * right. Speed is no concern here; clarity and exactness to the millisecond are.
 *
 * Semantics (the engine's, docs/engine-contract.md "Calendar"):
 * - Local date d's spans are its exception's hours if it has one; else none if it is a holiday (a one-off
 *   date, an annual month-day, or one of `regionDates`); else the week's hours for its weekday.
 * - A span [from, to) on d is the instants [I(d, from), I(d, to)), I being wall-clock → instant under the
 *   RFC 5545 / Temporal `compatible` policy; `24:00` is I(d + 1, 00:00). It is then clamped to the instants
 *   the day really had, [I(d, 00:00), I(d + 1, 00:00)).
 * - Working time is the union of those intervals.
 */

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

// Date#getUTCDay order: 0 is Sunday.
const WEEKDAY_BY_UTC_DAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

// A calendar whose days are all closed for this long is taken to have no working time at all.
const MAX_CLOSED_DAYS = 20 * 366;

/** [start, end) in epoch milliseconds. */
type Interval = readonly [start: number, end: number];

interface Day {
  /** I(d, 00:00): the first instant of the local day. */
  readonly start: number;
  /** I(d + 1, 00:00): the first instant of the next one. */
  readonly end: number;
  /** The day's working time: sorted, disjoint, non-empty, inside [start, end). */
  readonly intervals: readonly Interval[];
}

/** The working-time functions of {@link dayByDay}. */
export interface DayByDay {
  /** Working milliseconds in [a, b), a <= b. */
  elapsed(a: number, b: number): number;
  /** The earliest instant t >= a with elapsed(a, t) === workMs (workMs >= 0); a itself for 0. */
  deadline(a: number, workMs: number): number;
}

/**
 * The zone's UTC offset in milliseconds at an instant.
 *
 * Why `formatInTimeZone(…, 'xxx')` and not date-fns-tz's `getTimezoneOffset(zone, date)`: the latter reads
 * `date` as a *wall-clock* time (through the host zone's fields of the Date), so it answers a different
 * question, and in an overlap its answer depends on the machine's zone. The `xxx` token is computed from the
 * instant itself. It has minute precision, which every offset since 1972 has (LMT offsets such as +00:17:30
 * are out of scope).
 */
export function offsetAt(zone: string, instant: number): number {
  const text = formatInTimeZone(new Date(instant), zone, 'xxx');
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`unexpected offset "${text}" for ${zone}`);
  const [, sign, hours, minutes] = m;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * MS_PER_MINUTE;
}

/**
 * I(d, minutes): the instant of a wall-clock time on a local day (days since 1970-01-01) under the
 * `compatible` policy. `minutes` may be 1440 (`24:00`), which is the next day's 00:00 by construction.
 *
 * As Temporal's GetPossibleInstantsFor does, try the offsets in force a day before and a day after the wall
 * time; those that reproduce the wall time are its instants.
 * @example instantOf('Europe/Berlin', daysOf('2026-03-29'), 150) // 02:30 does not exist: 03:30 CEST
 */
export function instantOf(zone: string, day: number, minutes: number): number {
  const wall = day * MS_PER_DAY + minutes * MS_PER_MINUTE; // the wall time, written as if it were UTC
  const before = offsetAt(zone, wall - MS_PER_DAY);
  const after = offsetAt(zone, wall + MS_PER_DAY);
  const candidates = [wall - before, wall - after].filter((t) => offsetAt(zone, t) === wall - t);
  // Overlap (two candidates): the earlier instant, i.e. the offset in force before the transition.
  if (candidates.length > 0) return Math.min(...candidates);
  // Gap (none): read the time with the offset in force before the transition, which moves it forward by
  // the gap's length (Berlin 02:30 on a spring-forward day is 03:30 CEST).
  return wall - before;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, through Date.UTC (which never reads the host zone). */
export function daysOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) throw new Error(`not a date: ${date}`);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

const dateOf = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  if (h === undefined || m === undefined) throw new Error(`not a time: ${hhmm}`);
  return h * 60 + m;
}

/**
 * The oracle for one calendar. `regionDates` are the `YYYY-MM-DD` public holidays of the calendar's
 * `holidayRegion`, resolved by the caller.
 * @example
 * const oracle = dayByDay(berlin9to17);
 * oracle.elapsed(Date.parse('2026-03-02T08:00Z'), Date.parse('2026-03-02T16:00Z')) === 8 * 3_600_000
 */
export function dayByDay(
  calendar: Calendar,
  regionDates: ReadonlySet<string> = new Set(),
  options: { cacheDays?: boolean } = {},
): DayByDay {
  // Without the cache every query converts every day it walks through date-fns-tz: the straightforward loop
  // the benchmark measures against. With it, the same walk reuses each day's intervals, which makes the
  // 100,000-query agreement check quick without changing a single answer.
  const cacheDays = options.cacheDays ?? true;
  const zone = calendar.timeZone;
  const holidays = calendar.holidays ?? [];
  const oneOff = new Set(holidays.filter((h) => h.annual !== true).map((h) => h.date));
  const annual = new Set(holidays.filter((h) => h.annual === true).map((h) => h.date.slice(5)));
  // Later entries win, as when a list is read into a map.
  const exceptions = new Map((calendar.exceptions ?? []).map((e) => [e.date, e.hours]));
  const days = new Map<number, Day>();

  function spansOf(day: number): readonly Span[] {
    const date = dateOf(day);
    const exception = exceptions.get(date);
    if (exception !== undefined) return exception;
    if (oneOff.has(date) || annual.has(date.slice(5)) || regionDates.has(date)) return [];
    const weekday = WEEKDAY_BY_UTC_DAY[new Date(day * MS_PER_DAY).getUTCDay()];
    return weekday === undefined ? [] : (calendar.week[weekday] ?? []);
  }

  function dayAt(day: number): Day {
    const cached = days.get(day);
    if (cached !== undefined) return cached;
    const start = instantOf(zone, day, 0);
    const end = instantOf(zone, day + 1, 0);
    const clamped = spansOf(day)
      .map((span): Interval => {
        // A span is clamped to the day: on Pacific/Apia's 2011-12-30, which never happened, start === end.
        const from = Math.max(start, instantOf(zone, day, minutesOf(span.from)));
        const to = Math.min(end, instantOf(zone, day, minutesOf(span.to)));
        return [from, to];
      })
      // A span can map to nothing (or "backwards") when it lies in a DST gap: [02:00, 03:00) on a
      // spring-forward day is [01:00Z, 01:00Z) in Berlin.
      .filter(([from, to]) => to > from)
      .sort((x, y) => x[0] - y[0]);
    const intervals: Interval[] = [];
    for (const [from, to] of clamped) {
      const last = intervals.at(-1);
      if (last !== undefined && from <= last[1])
        intervals[intervals.length - 1] = [last[0], Math.max(last[1], to)];
      else intervals.push([from, to]);
    }
    const result: Day = { start, end, intervals };
    if (cacheDays) days.set(day, result);
    return result;
  }

  /** The local day an instant falls on; the walks start one day earlier so that no odd midnight is missed. */
  const dayOfInstant = (instant: number): number =>
    Math.floor((instant + offsetAt(zone, instant)) / MS_PER_DAY);

  return {
    elapsed(a, b) {
      if (b < a) throw new RangeError(`elapsed(a, b) needs a <= b, got ${a} > ${b}`);
      let total = 0;
      // Local days follow one another ([start, end) of day d + 1 begins where day d's ends), so stepping the
      // day number (never adding 24 h) visits each instant once.
      for (let day = dayOfInstant(a) - 1; dayAt(day).start < b; day++) {
        for (const [from, to] of dayAt(day).intervals)
          total += Math.max(0, Math.min(to, b) - Math.max(from, a));
      }
      return total;
    },

    deadline(a, workMs) {
      if (workMs < 0) throw new RangeError(`deadline needs workMs >= 0, got ${workMs}`);
      if (workMs === 0) return a;
      let left = workMs;
      let closedDays = 0;
      for (let day = dayOfInstant(a) - 1; ; day++) {
        const { intervals } = dayAt(day);
        closedDays = intervals.length === 0 ? closedDays + 1 : 0;
        if (closedDays > MAX_CLOSED_DAYS)
          throw new Error(`calendar ${calendar.id} has no working time after ${a}`);
        for (const [from, to] of intervals) {
          if (to <= a) continue;
          const start = Math.max(from, a);
          // `<=`: work that runs out exactly at a span's end ends there, not at the next span's start.
          if (left <= to - start) return start + left;
          left -= to - start;
        }
      }
    },
  };
}

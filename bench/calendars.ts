/**
 * The calendars the benchmark measures and checks: the examples' Berlin office hours, and three calendars
 * chosen for their zones' odd clocks, each compiled by the engine and mirrored by the day-by-day oracle.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { compileCalendar } from '../src/engine/calendar/compile';
import type { CalendarPlan } from '../src/engine/calendar/plan';
import { dateHolidaysLookup } from '../src/engine/calendar/region-lookup';
import type { WorkingTime } from '../src/engine/calendar/timeline';
import type { Calendar } from '../src/engine/calendar/types';
import { validateCalendar } from '../src/engine/calendar/validate';
import { formatProblem } from '../src/engine/errors';
import { dayByDay, type DayByDay } from './day-by-day';

/** The repository's root, from `dist/bench` (compiled) or `bench` (sources run directly). */
export const ROOT = join(__dirname, __dirname.includes('/dist/') ? '../..' : '..');
export const EXAMPLE_CALENDARS = join(ROOT, 'examples/calendars.json');

/** The examples' calendars file, as written. */
export function exampleCalendars(): Calendar[] {
  return JSON.parse(readFileSync(EXAMPLE_CALENDARS, 'utf8')) as Calendar[];
}

/** One calendar of the examples by id. @example exampleCalendar('berlin-9-17') */
export function exampleCalendar(id: string): Calendar {
  const calendar = exampleCalendars().find((c) => c.id === id);
  if (!calendar) throw new Error(`${EXAMPLE_CALENDARS} has no calendar "${id}"`);
  return calendar;
}

/** The engine's plan of a calendar; the bench's calendars are valid, so a problem is a bug here. */
export function planOf(calendar: Calendar): CalendarPlan {
  const result = validateCalendar(calendar);
  if (!result.ok) throw new Error(result.problems.map((p) => formatProblem(p)).join('\n'));
  return result.value.plan;
}

/** A fresh compiled calendar, with region holidays from date-holidays as the command line has them. */
export const compiled = (calendar: Calendar): WorkingTime =>
  compileCalendar(planOf(calendar), dateHolidaysLookup);

/** The region's public holidays over some years, as the oracle takes them. */
export function regionDates(calendar: Calendar, fromYear: number, toYear: number): Set<string> {
  const dates = new Set<string>();
  if (calendar.holidayRegion === undefined) return dates;
  for (let year = fromYear; year <= toYear; year++) {
    for (const date of dateHolidaysLookup(calendar.holidayRegion, year)) dates.add(date);
  }
  return dates;
}

/** The day-by-day oracle of a calendar over some years (holidays outside them are not known to it). */
export const oracleOf = (
  calendar: Calendar,
  years: readonly [from: number, to: number],
  cacheDays: boolean,
): DayByDay => dayByDay(calendar, regionDates(calendar, years[0], years[1]), { cacheDays });

const nineToFive = [{ from: '09:00', to: '17:00' }];

/**
 * Berlin with working time across both 02:00 transitions: the Sunday-morning span meets the spring gap
 * (02:00–03:00 never happens) and the autumn overlap (02:00–03:00 happens twice); the exceptions put spans
 * wholly inside the gap and starting inside the overlap, and a night that ends at 24:00.
 */
export const berlinNights: Calendar = {
  id: 'berlin-nights',
  name: 'Berlin weekdays and Sunday-morning maintenance',
  timeZone: 'Europe/Berlin',
  week: {
    mon: [
      { from: '08:00', to: '12:00' },
      { from: '13:00', to: '17:30' },
    ],
    tue: nineToFive,
    wed: nineToFive,
    thu: nineToFive,
    fri: nineToFive,
    sat: [{ from: '22:00', to: '24:00' }],
    sun: [{ from: '00:30', to: '03:30' }],
  },
  holidayRegion: 'DE-BE',
  holidays: [{ date: '2025-12-24', name: 'Christmas Eve', annual: true }],
  exceptions: [
    // Wholly inside the spring gap: no instants, no working time.
    { date: '2026-03-29', hours: [{ from: '02:15', to: '02:45' }] },
    // Starts in the autumn overlap: the earlier 02:30 (CEST) under the compatible policy.
    { date: '2026-10-25', hours: [{ from: '02:30', to: '04:00' }] },
    { date: '2027-10-30', hours: [{ from: '20:00', to: '24:00' }] },
  ],
};

/** India: no DST, a +05:30 offset, a six-day week and national days as annual holidays. */
export const kolkata: Calendar = {
  id: 'kolkata',
  name: 'Bengaluru support',
  timeZone: 'Asia/Kolkata',
  week: {
    mon: [{ from: '09:30', to: '18:00' }],
    tue: [{ from: '09:30', to: '18:00' }],
    wed: [{ from: '09:30', to: '18:00' }],
    thu: [{ from: '09:30', to: '18:00' }],
    fri: [{ from: '09:30', to: '18:00' }],
    sat: [{ from: '10:00', to: '14:00' }],
  },
  holidays: [
    { date: '2026-01-26', name: 'Republic Day', annual: true },
    { date: '2026-08-15', name: 'Independence Day', annual: true },
    { date: '2026-10-02', name: 'Gandhi Jayanti', annual: true },
    { date: '2026-11-09', name: 'Diwali' },
  ],
  exceptions: [{ date: '2026-11-10', hours: [{ from: '12:00', to: '16:00' }] }],
};

/**
 * Lord Howe Island: a 30-minute DST shift at 02:00 local (02:00 → 02:30 on the first Sunday of October,
 * 02:00 → 01:30 on the first Sunday of April), so a Sunday 01:00–03:00 span loses or gains half an hour.
 */
export const lordHowe: Calendar = {
  id: 'lord-howe',
  name: 'Lord Howe Island',
  timeZone: 'Australia/Lord_Howe',
  week: {
    mon: nineToFive,
    tue: nineToFive,
    wed: nineToFive,
    thu: nineToFive,
    fri: nineToFive,
    sun: [{ from: '01:00', to: '03:00' }],
  },
  holidayRegion: 'AU-NSW',
  exceptions: [{ date: '2026-04-05', hours: [{ from: '01:45', to: '02:15' }] }],
};

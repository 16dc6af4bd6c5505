import { civilFromDays, daysFromCivil, parseLocalDate, weekdayOfDays } from '../time/local-date';
import type { IanaZone } from '../time/units';
import { instantOf, localOf } from '../time/zone';
import type { CalendarPlan, MinuteSpan } from './plan';
import { WorkingTime, type SegmentSource } from './timeline';

/**
 * Public holidays of a region for one year, as local `YYYY-MM-DD` dates. The engine takes it as a parameter so
 * that a browser bundle need not carry every country's holiday data (see region-holidays.ts for the one that
 * reads `date-holidays`).
 */
export type RegionHolidayLookup = (region: string, year: number) => readonly string[];

/**
 * Compiles a validated calendar into a {@link WorkingTime}: UTC half-open working segments with running totals,
 * built one local year at a time as queries reach them.
 *
 * For each local date: the exception's hours if the date has one; else nothing on a holiday (one-off, annual
 * or the region's); else the weekday's hours. Each span's ends go through {@link instantOf} (the `compatible`
 * DST policy) and are then clamped to the instants the date really had, `[midnight, next midnight)`: a date
 * that a zone skipped (Pacific/Apia, 2011-12-30) has no instants and so no working time.
 *
 * @example compileCalendar(plan).elapsed(a, b)
 */
export function compileCalendar(plan: CalendarPlan, regionHolidays?: RegionHolidayLookup): WorkingTime {
  return new WorkingTime(new CalendarSegments(plan, regionHolidays));
}

class CalendarSegments implements SegmentSource {
  private readonly years = new Map<number, readonly number[]>();

  constructor(
    private readonly plan: CalendarPlan,
    private readonly regionHolidays: RegionHolidayLookup | undefined,
  ) {
    if (plan.holidayRegion !== undefined && regionHolidays === undefined) {
      throw new Error(
        `calendar ${plan.id} names holidayRegion ${plan.holidayRegion}: a region lookup is required`,
      );
    }
  }

  get zone(): IanaZone {
    return this.plan.zone;
  }

  yearStart(year: number): number {
    return instantOf(this.plan.zone, daysFromCivil(year, 1, 1), 0);
  }

  yearOf(instant: number): number {
    return civilFromDays(localOf(this.plan.zone, instant as never).day).year;
  }

  segmentsOfYear(year: number): readonly number[] {
    let segs = this.years.get(year);
    if (!segs) {
      segs = this.compileYear(year);
      this.years.set(year, segs);
    }
    return segs;
  }

  private compileYear(year: number): readonly number[] {
    const { zone, week, holidays, annual, exceptions } = this.plan;
    const regionDays = new Set<number>();
    if (this.plan.holidayRegion !== undefined && this.regionHolidays) {
      for (const date of this.regionHolidays(this.plan.holidayRegion, year)) {
        const day = parseLocalDate(date);
        if (day !== undefined) regionDays.add(day);
      }
    }
    const first = daysFromCivil(year, 1, 1);
    const last = daysFromCivil(year + 1, 1, 1);
    const out: number[] = [];
    let month = 1;
    let dayOfMonth = 1;
    let nextMidnight = instantOf(zone, first, 0) as number;
    for (let day = first; day < last; day++) {
      const midnight = nextMidnight;
      nextMidnight = instantOf(zone, day + 1, 0);
      const spans = this.spansOf(
        day,
        month * 100 + dayOfMonth,
        regionDays,
        week,
        holidays,
        annual,
        exceptions,
      );
      for (const [from, to] of spans) {
        const start = Math.max(from === 0 ? midnight : instantOf(zone, day, from), midnight);
        const end = Math.min(to === 1440 ? nextMidnight : instantOf(zone, day, to), nextMidnight);
        if (end <= start) continue;
        if (out.length > 0 && out[out.length - 1] === start) out[out.length - 1] = end;
        else out.push(start, end);
      }
      // Step the civil month/day along with the day number (cheaper than converting every day).
      dayOfMonth += 1;
      if (dayOfMonth > 28) {
        const civil = civilFromDays(day + 1);
        month = civil.month;
        dayOfMonth = civil.day;
      }
    }
    return out;
  }

  private spansOf(
    day: number,
    monthDay: number,
    regionDays: ReadonlySet<number>,
    week: CalendarPlan['week'],
    holidays: ReadonlySet<number>,
    annual: ReadonlySet<number>,
    exceptions: ReadonlyMap<number, readonly MinuteSpan[]>,
  ): readonly MinuteSpan[] {
    const exception = exceptions.get(day);
    if (exception) return exception;
    if (holidays.has(day) || annual.has(monthDay) || regionDays.has(day)) return NONE;
    return week[weekdayOfDays(day)] ?? NONE;
  }
}

const NONE: readonly MinuteSpan[] = [];

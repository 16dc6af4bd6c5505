import { compileCalendar, type RegionHolidayLookup } from '../../../src/engine/calendar/compile';
import type { WorkingTime } from '../../../src/engine/calendar/timeline';
// The semantic checks only: the backend validated the calendar's shape when it was saved, and zod's shape
// check would cost the panel about 20 KB gzipped.
import { checkCalendar } from '../../../src/engine/calendar/check';
import { formatProblem } from '../../../src/engine/errors';
import type { CalendarForCountdown } from '../api/issue-metrics';

/**
 * A region lookup over the dates the backend already resolved, so the browser never loads `date-holidays`.
 *
 * ATTENTION: the backend sends the region's holidays of the year before, the year of and the year after its
 * own clock; a query outside those years sees none. A countdown only ever asks about the hours between the
 * last evaluation and now, well inside them.
 * @example regionLookupOf(['2026-12-25'])('DE', 2026) // ['2026-12-25']
 */
export function regionLookupOf(regionDates: readonly string[]): RegionHolidayLookup {
  const byYear = new Map<number, string[]>();
  for (const date of regionDates) {
    const year = Number(date.slice(0, 4));
    const dates = byYear.get(year);
    if (dates) dates.push(date);
    else byYear.set(year, [date]);
  }
  return (_region, year) => byYear.get(year) ?? [];
}

/** The calendars of one reply, compiled; and those that could not be, with why. */
export interface CountdownCalendars {
  readonly byId: ReadonlyMap<string, CountdownCalendar>;
  readonly problems: readonly { readonly id: string; readonly message: string }[];
}

export interface CountdownCalendar {
  readonly name: string;
  readonly timeZone: string;
  readonly workingTime: WorkingTime;
}

/**
 * Compiles the calendars of an `issue/metrics` reply with the engine's own code, so the browser's countdown
 * ticks exactly as the backend counts. Each is validated first, as any payload is (the form of a holiday region
 * only: the browser has no holiday data, and the backend resolved the dates). A compiled calendar is reused
 * while its id and version stay the same, since a panel refetches every minute and compiling builds a year.
 * @example compileCalendars(reply.calendars).byId.get('berlin-9-17')?.workingTime.isWorking(now)
 */
export function compileCalendars(
  calendars: readonly CalendarForCountdown[],
  cache = new Map<string, CountdownCalendar>(),
): CountdownCalendars {
  const byId = new Map<string, CountdownCalendar>();
  const problems: { id: string; message: string }[] = [];
  for (const entry of calendars) {
    const id = entry.calendar.id;
    const key = `${id}\u0000${String(entry.version)}\u0000${entry.regionDates.join(',')}`;
    const cached = cache.get(key);
    if (cached) {
      byId.set(id, cached);
      continue;
    }
    const valid = checkCalendar(entry.calendar, `$.calendars[${JSON.stringify(id)}]`);
    if (!valid.ok) {
      problems.push({ id, message: valid.problems.map((p) => formatProblem(p)).join('; ') });
      continue;
    }
    const compiled: CountdownCalendar = {
      name: valid.value.calendar.name,
      timeZone: valid.value.calendar.timeZone,
      workingTime: compileCalendar(valid.value.plan, regionLookupOf(entry.regionDates)),
    };
    cache.set(key, compiled);
    byId.set(id, compiled);
  }
  return { byId, problems };
}

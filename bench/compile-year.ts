/**
 * Section 3: the time to compile one calendar-year of the Berlin calendar: cold (the first compile in a fresh
 * process, building zone tables and loading date-holidays' data) and warm (a fresh calendar each time, with
 * zone tables and region data already loaded).
 */
import { compileCalendar, type RegionHolidayLookup } from '../src/engine/calendar/compile';
import type { CalendarPlan } from '../src/engine/calendar/plan';
import { dateHolidaysLookup } from '../src/engine/calendar/region-lookup';
import type { EpochMs } from '../src/engine/time/units';
import { exampleCalendar, planOf } from './calendars';
import { runChild } from './child-process';
import { heading, int, ms, since, table } from './report';

const FIRST_YEAR = 1990;
const LAST_YEAR = 2049;
const ROUNDS = 3;

export interface CompileFigures {
  /** Warm, per compiled year. */
  readonly warmMsPerYear: number;
  /** Cold, per compiled year of the first query in a fresh process. */
  readonly coldMsPerYear: number;
}

/** What one forced compile took: the wall time, the years the calendar compiled, and the time in the lookup. */
export interface CompileRun {
  readonly ms: number;
  readonly years: number;
  readonly lookupMs: number;
}

/**
 * A fresh compiled calendar, forced by one elapsed query over the whole local year. The timeline compiles a
 * year of margin either side of what a query touches, so this compiles several years; the region lookup is
 * called once per compiled year, which is how they are counted.
 */
export function compileYearOnce(plan: CalendarPlan, year: number, lookup: RegionHolidayLookup): CompileRun {
  let years = 0;
  let lookupNs = 0n;
  const counting: RegionHolidayLookup = (region, y) => {
    years++;
    const start = process.hrtime.bigint();
    const dates = lookup(region, y);
    lookupNs += process.hrtime.bigint() - start;
    return dates;
  };
  const start = process.hrtime.bigint();
  const calendar = compileCalendar(plan, counting);
  // From UTC midnight to UTC midnight: every day of the local year (and the first hour of the next).
  calendar.elapsed(Date.UTC(year, 0, 1) as EpochMs, Date.UTC(year + 1, 0, 1) as EpochMs);
  return { ms: since(start), years, lookupMs: Number(lookupNs) / 1e6 };
}

export async function benchCompileYear(): Promise<CompileFigures> {
  heading('3. Compiling a calendar-year of "berlin-9-17"');
  const cold = await runChild<CompileRun>('compile-cold', []);

  const plan = planOf(exampleCalendar('berlin-9-17'));
  // Warm-up: zone tables and date-holidays' rules for every year asked about below, and the JIT.
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) compileYearOnce(plan, year, dateHolidaysLookup);
  let total = 0;
  let years = 0;
  let lookupMs = 0;
  let queries = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      const run = compileYearOnce(plan, year, dateHolidaysLookup);
      total += run.ms;
      years += run.years;
      lookupMs += run.lookupMs;
      queries++;
    }
  }
  const warmPerYear = total / years;
  table([
    ['', 'first full-year query', 'years compiled', 'per compiled year', 'of which date-holidays'],
    [
      'cold (fresh process, 2026)',
      ms(cold.ms),
      int(cold.years),
      ms(cold.ms / cold.years),
      ms(cold.lookupMs / cold.years),
    ],
    [
      `warm (${int(queries)} fresh calendars, ${FIRST_YEAR}–${LAST_YEAR})`,
      ms(total / queries),
      (years / queries).toFixed(0),
      ms(warmPerYear),
      ms(lookupMs / years),
    ],
  ]);
  console.log(
    '\n  A query compiles the local years it touches and one more either side, so a full-year query compiles four.',
  );
  return { warmMsPerYear: warmPerYear, coldMsPerYear: cold.ms / cold.years };
}

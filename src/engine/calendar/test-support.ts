import { validateCalendar } from './validate';
import { compileCalendar, type RegionHolidayLookup } from './compile';
import type { Calendar } from './types';
import type { WorkingTime } from './timeline';
import { parseInstant } from '../time/iso';
import type { EpochMs } from '../time/units';

/** Test builder: a calendar with defaults (Berlin, Mon–Fri 09:00–17:00) and the lines that matter. */
export function makeCalendar(overrides: Partial<Calendar> = {}): Calendar {
  const nineToFive = [{ from: '09:00', to: '17:00' }];
  return {
    id: 'test',
    name: 'Test',
    timeZone: 'Europe/Berlin',
    week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
    ...overrides,
  };
}

/** Validates and compiles, failing the test loudly on any problem. */
export function compileForTest(overrides: Partial<Calendar> = {}, region?: RegionHolidayLookup): WorkingTime {
  const result = validateCalendar(makeCalendar(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return compileCalendar(result.value.plan, region);
}

/** An instant from ISO text with an offset, e.g. `at('2026-03-27T09:00+01:00')`. */
export function at(iso: string): EpochMs {
  const t = parseInstant(iso);
  if (t === undefined) throw new Error(`bad instant in test: ${iso}`);
  return t;
}

export const hours = (h: number): number => h * 3_600_000;
export const iso = (t: number | undefined): string | undefined =>
  t === undefined ? undefined : new Date(t).toISOString();

import type { RegionHolidayLookup } from './compile';
import { isKnownRegion, regionHolidays } from './region-holidays';

/**
 * A region's public holidays for the years `fromYear`..`toYear`, as dates by year, from one pass over the
 * bundled `date-holidays` data: each year asked for on its own would compute the year before it again (see
 * `regionHolidays`), so three years cost six years' rules instead of four. An unknown region has none.
 * @example dateHolidaysYears('DE-BE', 2025, 2027)[2026] // ['2026-01-01', '2026-03-08', …]
 */
export function dateHolidaysYears(
  region: string,
  fromYear: number,
  toYear: number,
): Record<number, string[]> {
  const years: Record<number, string[]> = {};
  for (let year = fromYear; year <= toYear; year++) years[year] = [];
  const result = regionHolidays(region, fromYear, toYear);
  // Sorted by date, so each year's dates stay sorted.
  if (result.ok) for (const { date } of result.value) years[Number(date.slice(0, 4))]?.push(date);
  return years;
}

/**
 * The {@link RegionHolidayLookup} backed by the bundled `date-holidays` data: what the command line and the
 * backend use. A browser bundle can pass a lookup over dates the backend already resolved instead.
 * @example compileCalendar(plan, dateHolidaysLookup)
 */
export const dateHolidaysLookup: RegionHolidayLookup = (region, year) =>
  dateHolidaysYears(region, year, year)[year] ?? [];

/** Whether `date-holidays` knows a region: what validation uses wherever the holiday data is loaded. */
export const dateHolidaysKnows = isKnownRegion;

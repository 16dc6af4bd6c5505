import type { RegionHolidayLookup } from './compile';
import { isKnownRegion, regionHolidays } from './region-holidays';

/**
 * The {@link RegionHolidayLookup} backed by the bundled `date-holidays` data: what the command line and the
 * backend use. A browser bundle can pass a lookup over dates the backend already resolved instead.
 * @example compileCalendar(plan, dateHolidaysLookup)
 */
export const dateHolidaysLookup: RegionHolidayLookup = (region, year) => {
  const result = regionHolidays(region, year, year);
  return result.ok ? result.value.map((h) => h.date) : [];
};

/** Whether `date-holidays` knows a region: what validation uses wherever the holiday data is loaded. */
export const dateHolidaysKnows = isKnownRegion;

import type { RegionHolidayLookup } from '../engine/calendar/compile';
import { dateHolidaysKnows, dateHolidaysLookup } from '../engine/calendar/region-lookup';
import { loadConfig } from '../engine/config/load';
import { formatProblem } from '../engine/errors';
import type { CompiledConfig } from '../engine/evaluate/evaluate';
import { parseStatuses, type StatusCatalog } from '../engine/issue';
import { InvalidInput } from './invalid-input';
import { readJson } from './json-files';

// Each region's year resolved once: the workers get the same years this thread's calendars compile.
const resolved = new Map<string, readonly string[]>();
const sharedLookup: RegionHolidayLookup = (region, year) => {
  const key = `${region} ${String(year)}`;
  let dates = resolved.get(key);
  if (dates === undefined) {
    dates = dateHolidaysLookup(region, year);
    resolved.set(key, dates);
  }
  return dates;
};

/** Reads, validates and compiles the agreements and calendars files; every problem names its file and path. */
export async function loadConfigFromFiles(
  agreementsFile: string,
  calendarsFile: string,
): Promise<CompiledConfig> {
  const [agreements, calendars] = await Promise.all([readJson(agreementsFile), readJson(calendarsFile)]);
  const config = loadConfig(
    { agreements, calendars },
    { regionHolidays: sharedLookup, isKnownRegion: dateHolidaysKnows, agreementsFile, calendarsFile },
  );
  if (!config.ok) throw new InvalidInput(config.problems.map((p) => formatProblem(p)));
  return config.value;
}

/** Reads Jira's `GET /rest/api/3/status` reply from a file. */
export async function loadStatusesFromFile(file: string): Promise<StatusCatalog> {
  const statuses = parseStatuses(await readJson(file), '$');
  if (!statuses.ok) throw new InvalidInput(statuses.problems.map((p) => formatProblem(p, file)));
  return statuses.value;
}

export { readJson };

/**
 * Public holidays of every region the calendars name, for the years around `now`, so that worker threads can
 * compile the calendars without loading the holiday data themselves (it costs each thread 25 MB).
 */
export function regionDatesFor(
  calendars: unknown,
  now: number,
): Record<string, Record<number, readonly string[]>> {
  const year = new Date(now).getUTCFullYear();
  const out: Record<string, Record<number, readonly string[]>> = {};
  if (!Array.isArray(calendars)) return out;
  for (const calendar of calendars as { holidayRegion?: unknown }[]) {
    const region = calendar.holidayRegion;
    if (typeof region !== 'string' || region in out) continue;
    const years: Record<number, readonly string[]> = {};
    for (let y = year - REGION_YEARS_BACK; y <= year + REGION_YEARS_AHEAD; y++)
      years[y] = sharedLookup(region, y);
    out[region] = years;
  }
  return out;
}

/**
 * The years around `now` whose holidays the workers get: each year takes the main thread some 20 ms to resolve,
 * before it can evaluate anything. A worker that meets an instant outside them (an issue from years ago) loads
 * the holiday data itself, once.
 */
export const REGION_YEARS_BACK = 1;
export const REGION_YEARS_AHEAD = 1;

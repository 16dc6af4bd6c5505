import type { RegionHolidayLookup } from '../engine/calendar/compile';
import { dateHolidaysKnows, dateHolidaysYears } from '../engine/calendar/region-lookup';
import { loadConfig } from '../engine/config/load';
import { formatProblem } from '../engine/errors';
import type { CompiledConfig } from '../engine/evaluate/evaluate';
import { parseStatuses, type StatusCatalog } from '../engine/issue';
import { InvalidInput } from './invalid-input';
import { readJson } from './json-files';
import type { RegionDates } from './worker';

// Each region's year resolved once: the workers get the same years this thread's calendars compile.
const resolved = new Map<string, readonly string[]>();
const yearKey = (region: string, year: number): string => `${region} ${String(year)}`;

/** Resolves the years `fromYear`..`toYear` of a region not resolved yet, in one pass (see `dateHolidaysYears`). */
function resolveYears(region: string, fromYear: number, toYear: number): void {
  let missing = false;
  for (let year = fromYear; year <= toYear; year++) missing ||= !resolved.has(yearKey(region, year));
  if (!missing) return;
  const years = dateHolidaysYears(region, fromYear, toYear);
  for (let year = fromYear; year <= toYear; year++) {
    const key = yearKey(region, year);
    if (!resolved.has(key)) resolved.set(key, years[year] ?? []);
  }
}

const sharedLookup: RegionHolidayLookup = (region, year) => {
  resolveYears(region, year, year);
  return resolved.get(yearKey(region, year)) ?? [];
};

/** The compiled configuration, and the files' JSON as validated, for worker threads to compile themselves. */
export interface LoadedConfig {
  readonly config: CompiledConfig;
  readonly agreements: unknown;
  readonly calendars: unknown;
}

/** Reads, validates and compiles the agreements and calendars files; every problem names its file and path. */
export async function loadConfigFromFiles(
  agreementsFile: string,
  calendarsFile: string,
): Promise<LoadedConfig> {
  const [agreements, calendars] = await Promise.all([readJson(agreementsFile), readJson(calendarsFile)]);
  const config = loadConfig(
    { agreements, calendars },
    { regionHolidays: sharedLookup, isKnownRegion: dateHolidaysKnows, agreementsFile, calendarsFile },
  );
  if (!config.ok) throw new InvalidInput(config.problems.map((p) => formatProblem(p)));
  return { config: config.value, agreements, calendars };
}

/** Jira's statuses, parsed, and the file's JSON as validated, for worker threads. */
export interface LoadedStatuses {
  readonly statuses: StatusCatalog;
  readonly json: unknown;
}

/** Reads Jira's `GET /rest/api/3/status` reply from a file. */
export async function loadStatusesFromFile(file: string): Promise<LoadedStatuses> {
  const json = await readJson(file);
  const statuses = parseStatuses(json, '$');
  if (!statuses.ok) throw new InvalidInput(statuses.problems.map((p) => formatProblem(p, file)));
  return { statuses: statuses.value, json };
}

export { readJson };

/**
 * Public holidays of every region the calendars name, for the years around `now`, so that worker threads can
 * compile the calendars without loading the holiday data themselves (it costs each thread 25 MB). The years
 * are resolved in one pass a region and kept for this thread's calendars too.
 */
export function regionDatesFor(calendars: unknown, now: number): RegionDates {
  const year = new Date(now).getUTCFullYear();
  const from = year - REGION_YEARS_BACK;
  const to = year + REGION_YEARS_AHEAD;
  const out: Record<string, Record<number, readonly string[]>> = {};
  if (!Array.isArray(calendars)) return out;
  for (const calendar of calendars as { holidayRegion?: unknown }[]) {
    const region = calendar.holidayRegion;
    if (typeof region !== 'string' || region in out) continue;
    resolveYears(region, from, to);
    const years: Record<number, readonly string[]> = {};
    for (let y = from; y <= to; y++) years[y] = sharedLookup(region, y);
    out[region] = years;
  }
  return out;
}

/**
 * The years around `now` whose holidays the workers get: the three take the main thread some 25 ms of CPU to
 * resolve (`regionDatesFor` in a CPU profile of `accord evaluate --issues`), before the workers can start. A
 * worker that meets an instant outside them (an issue from years ago) loads the holiday data itself, once.
 */
export const REGION_YEARS_BACK = 1;
export const REGION_YEARS_AHEAD = 1;

import Holidays from 'date-holidays';

import { fail, ok, type Result } from '../errors';
import { formatLocalDate, parseLocalDate } from '../time/local-date';
import { MS_PER_DAY, type LocalDate } from '../time/units';

/**
 * A calendar's `holidayRegion` ("DE", "DE-BY", "DK", "US-NY") resolved to public holidays through the
 * `date-holidays` data set. Pure: the data is bundled, nothing is fetched, and no host zone is read.
 */

/** One public holiday of a region, as a local date of that region. */
export interface RegionHoliday {
  date: LocalDate;
  name: string;
}

// `CC` or `CC-SS`: the country and state codes exactly as date-holidays names them (ISO 3166, mostly).
const REGION = /^([A-Z]{2})(?:-([A-Z0-9]{1,3}))?$/;

// Country list, states per country and one Holidays instance per region: all pure data, built once.
let countries: Partial<Record<string, string>> | undefined;
const statesByCountry = new Map<string, Partial<Record<string, string>>>();
const instances = new Map<string, Holidays>();

function knownCountries(): Partial<Record<string, string>> {
  countries ??= new Holidays().getCountries();
  return countries;
}

// date-holidays returns undefined (despite its typings) for a country without states, such as DK.
function statesOf(country: string): Partial<Record<string, string>> | undefined {
  return new Holidays().getStates(country);
}

function knownStates(country: string): Partial<Record<string, string>> {
  let states = statesByCountry.get(country);
  if (states === undefined) {
    states = statesOf(country) ?? {};
    statesByCountry.set(country, states);
  }
  return states;
}

/**
 * Whether `region` names a country (`CC`) or a country's state (`CC-SS`) that date-holidays knows.
 * @example isKnownRegion('DE-BY') === true; isKnownRegion('DE-XX') === false
 */
export function isKnownRegion(region: string): boolean {
  const m = REGION.exec(region);
  if (!m) return false;
  const [, country, state] = m;
  if (country === undefined || knownCountries()[country] === undefined) return false;
  return state === undefined || knownStates(country)[state] !== undefined;
}

/** date-holidays documents `setTimezone(undefined)` ("all dates are considered local dates"); its typings say string. */
const LOCAL_DATES = undefined as unknown as string;

/** Each region's own first language, read once: date-holidays reorders its language list on every call. */
const defaultLanguages = new Map<string, string>();

function instanceFor(region: string): Holidays {
  let instance = instances.get(region);
  if (instance === undefined) {
    const [country = '', state] = region.split('-');
    // date-holidays' `init` accepts unknown codes silently (falling back to the country), hence the check
    // in isKnownRegion before we get here.
    instance = state === undefined ? new Holidays(country) : new Holidays(country, state);
    // Without a zone, date-holidays makes each holiday's `start` and `end` as local dates instead of converting
    // them into the region's zone through moment-timezone, which took four fifths of a German year's 25 ms.
    // Only their difference in whole days is read below, and it is the same either way (checked on 300 regions
    // over 13 years under three host zones); the holiday's own date is the `date` text in both.
    instance.setTimezone(LOCAL_DATES);
    defaultLanguages.set(region, instance.getLanguages()[0] ?? 'en');
    instances.set(region, instance);
  }
  return instance;
}

/** A holiday's days as `getHolidays(year)` gives them, before the range's filter: local dates and a name. */
type YearHolidays = readonly Readonly<RegionHoliday>[];

/**
 * Each region's public holidays of one year in one language, as computed: the same three or four years are
 * asked for on every `issue/metrics` call and every evaluation's calendar, and date-holidays takes 4 to 15 ms
 * to compute a year (more under load). Pure data, like the instances: bounded, the oldest dropped first.
 */
const computedYears = new Map<string, YearHolidays>();
const COMPUTED_YEARS_MAX = 512;

function publicHolidaysOf(region: string, year: number, lang: string): YearHolidays {
  const key = `${region}|${String(year)}|${lang}`;
  const cached = computedYears.get(key);
  if (cached !== undefined) return cached;
  const instance = instanceFor(region);
  // ATTENTION: date-holidays puts the language asked for in front of the instance's own list, in place, on
  // every call: a language its data lacks then fell back to the previous call's. Reset to the region's own
  // languages first, so that the names depend only on the region, the year and `lang`, as the key says.
  instance.setLanguages(defaultLanguages.get(region) ?? 'en');
  const out: RegionHoliday[] = [];
  for (const holiday of instance.getHolidays(year, lang)) {
    if (holiday.type !== 'public') continue;
    // The local date is the first ten characters of `date` ("YYYY-MM-DD hh:mm:ss [-hh:mm]"). The `start`
    // and `end` Dates are instants; reading their calendar fields would use the host's zone.
    const first = parseLocalDate(holiday.date.slice(0, 10));
    if (first === undefined) continue;
    // The number of days is the length of [start, end) rounded to whole days: a DST change inside the
    // holiday makes it 23 or 25 hours a day, and a holiday from 14:00 still takes its date (at least 1).
    const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / MS_PER_DAY));
    for (let i = 0; i < days; i++)
      out.push(Object.freeze({ date: formatLocalDate(first + i), name: holiday.name }));
  }
  if (computedYears.size >= COMPUTED_YEARS_MAX) {
    const oldest = computedYears.keys().next().value;
    if (oldest !== undefined) computedYears.delete(oldest);
  }
  computedYears.set(key, out);
  return out;
}

/**
 * Public holidays (type `public` only; not bank, school, optional or observance) of a region such as "DE",
 * "DE-BY", "DK", "US-NY", as local dates, for the years `fromYear`..`toYear` inclusive, sorted by date, named
 * in `language` (an ISO 639-1 code such as "en") where the data has it, else in the region's own language.
 * A holiday lasting several days gives one entry per day. Substitute days that date-holidays marks public
 * (US "Independence Day (substitute day)") are included: they are days off. Each year is computed once per
 * region and language (see {@link publicHolidaysOf}).
 *
 * @example
 * const r = regionHolidays('DE', 2026, 2026);
 * // r.ok && r.value.some((h) => h.date === '2026-10-03') — Tag der Deutschen Einheit
 */
export function regionHolidays(
  region: string,
  fromYear: number,
  toYear: number,
  language?: string,
): Result<RegionHoliday[]> {
  if (!isKnownRegion(region)) {
    return fail({
      code: 'calendar.region.unknown',
      message: `Unknown holiday region "${region}": expected a country code such as "DE" or a country and state such as "DE-BY".`,
    });
  }
  instanceFor(region);
  // Always a language of our own choosing, never the instance's last one; a language the data lacks falls back
  // to the region's own (publicHolidaysOf).
  const lang = language?.toLowerCase() ?? defaultLanguages.get(region) ?? 'en';
  const seen = new Set<string>();
  const out: RegionHoliday[] = [];
  // Start a year early: a holiday that begins late in December may run into `fromYear`.
  for (let year = fromYear - 1; year <= toYear; year++) {
    for (const { date, name } of publicHolidaysOf(region, year, lang)) {
      const dateYear = Number(date.slice(0, 4));
      const key = `${date} ${name}`;
      if (dateYear < fromYear || dateYear > toYear || seen.has(key)) continue;
      seen.add(key);
      out.push({ date, name });
    }
  }
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return ok(out);
}

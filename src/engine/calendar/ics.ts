import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };

import { LIMITS } from '../config/limits';
import { fail, ok, type Result } from '../errors';
import { daysFromCivil, formatLocalDate } from '../time/local-date';
import type { LocalDate } from '../time/units';

// ical.js is an ES-module package whose typings are ES-module only, so under `module: node16` this CommonJS
// file can take its types only with `resolution-mode: import` and its value only from the package's
// `require` export (`dist/ical.es5.cjs`, a UMD build that sets `module.exports` to the ICAL namespace).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js') as typeof ICALModule;
type Component = ICALModule.Component;
type Time = ICALModule.Time;
type Recur = ICALModule.Recur;

/**
 * Imports the days off of an iCalendar (RFC 5545) file, such as a public-holiday calendar exported from
 * Google Calendar, Outlook or a government site, as calendar holidays.
 *
 * The rules, kept simple on purpose:
 * - An all-day VEVENT (`DTSTART;VALUE=DATE`) is a day off; one spanning several days (`DTEND` is exclusive)
 *   gives one holiday per day.
 * - `RRULE:FREQ=YEARLY` on the same month and day every year (no INTERVAL, COUNT, UNTIL, BYDAY…, EXDATE,
 *   RDATE or moved occurrences) becomes `annual: true`. Any other recurrence (Thanksgiving's "4th Thursday of
 *   November") is expanded into one-off dates from its DTSTART year through `untilYear` (default DTSTART year
 *   + 10), or until its UNTIL or COUNT ends it first.
 * - Skipped, with a reason: timed events; cancelled events; DST markers, recognized by name ("Daylight Saving
 *   Time starts", "Sommerzeit", "Winterzeit", "Zeitumstellung", "Sommertid", "Vintertid", "Summer time",
 *   "Winter time"); observances as Google's holiday calendars mark them (DESCRIPTION starting with
 *   "Observance"); and events that are `TRANSP:TRANSPARENT` *and* have a CATEGORIES value or DESCRIPTION
 *   saying "observance" or "Gedenktag". Transparency alone proves nothing: many exports mark every holiday
 *   transparent.
 */

export interface IcsHoliday {
  date: LocalDate;
  name: string;
  annual?: true;
}

export interface IcsImport {
  holidays: IcsHoliday[];
  skipped: { name: string; reason: string }[];
}

export interface IcsImportOptions {
  /** Last year into which open-ended recurrences that cannot be `annual` are expanded. */
  untilYear?: number;
  /** Days off the whole file may give, all events together (default {@link LIMITS.icsDays}). */
  maxDays?: number;
}

/**
 * Thrown when the file gives more days off than `maxDays`: expansion stops there, not after expanding
 * everything (200 daily events over ten years are 730,000 days).
 */
class TooManyDays extends Error {}

/** Days off still to be given; taking more than are left stops the import. */
interface DayBudget {
  left: number;
}

/** How many years after DTSTART an open-ended recurrence is expanded when no `untilYear` is given. */
const DEFAULT_EXPANSION_YEARS = 10;

const DST_MARKER =
  /daylight saving|sommerzeit|winterzeit|zeitumstellung|sommertid|vintertid|summer ?time|winter ?time/i;
const OBSERVANCE_WORD = /observance|gedenktag/i;

/**
 * Reads an iCalendar text into holidays and the entries it skipped, or a `calendar.ics.invalid` problem that
 * says what is wrong (ical.js's message, with the line when it names one). Never throws.
 *
 * @example
 * const r = importIcs('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Neujahr\r\nDTSTART;VALUE=DATE:20260101\r\n' +
 *   'RRULE:FREQ=YEARLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
 * // r.ok && r.value.holidays[0] → { date: '2026-01-01', name: 'Neujahr', annual: true }
 */
export function importIcs(text: string, options: IcsImportOptions = {}): Result<IcsImport> {
  if (text.length > LIMITS.icsChars) {
    return fail({
      code: 'calendar.ics.too-large',
      message: `The iCalendar file has ${text.length} characters; at most ${LIMITS.icsChars} are read.`,
    });
  }
  const calendars = parseCalendars(text);
  if (!calendars.ok) return calendars;
  const events = calendars.value.flatMap((calendar) => calendar.getAllSubcomponents('vevent'));

  // An occurrence that was moved or changed is its own VEVENT with the series' UID and a RECURRENCE-ID naming
  // the original date; the series must not also produce that date.
  const moved = new Map<string, Set<number>>();
  const result: IcsImport = { holidays: [], skipped: [] };
  const maxDays = options.maxDays ?? LIMITS.icsDays;
  const budget: DayBudget = { left: maxDays };
  // ical.js reads values lazily, so a malformed date or RRULE only throws here, event by event.
  for (const event of events) {
    const name = textValue(event, 'summary') || '(untitled)';
    try {
      const recurrenceId = timeValue(event, 'recurrence-id');
      const uid = event.getFirstPropertyValue('uid');
      if (recurrenceId === undefined || typeof uid !== 'string') continue;
      const set = moved.get(uid) ?? new Set<number>();
      set.add(dayNumber(recurrenceId));
      moved.set(uid, set);
    } catch (error) {
      return invalid(`event "${name}": ${messageOf(error)}`);
    }
  }
  for (const event of events) {
    const name = textValue(event, 'summary') || '(untitled)';
    let reading: Reading;
    try {
      reading = readEvent(event, moved, options, budget);
    } catch (error) {
      if (error instanceof TooManyDays) {
        return fail({
          code: 'calendar.ics.too-many-days',
          message: `The iCalendar file gives more than ${maxDays} days off (at event "${name}"), the most a calendar holds; import a shorter range of years.`,
        });
      }
      return invalid(`event "${name}": ${messageOf(error)}`);
    }
    if ('skip' in reading) {
      result.skipped.push({ name, reason: reading.skip });
      continue;
    }
    for (const { day, annual } of reading.days) {
      const date = formatLocalDate(day);
      result.holidays.push(annual ? { date, name, annual: true } : { date, name });
    }
  }
  result.holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return ok(result);
}

// ── Parsing ─────────────────────────────────────────────────────────────────────────────────────────────

function parseCalendars(text: string): Result<Component[]> {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (error) {
    const message = messageOf(error);
    const line = lineOfParserMessage(text, message);
    return invalid(line === undefined ? message : `line ${line}: ${message}`);
  }
  if (!Array.isArray(jcal) || jcal.length === 0) return invalid('no VCALENDAR in the text');
  // One component parses to `[name, properties, children]`, several to an array of those.
  const roots: unknown[] = Array.isArray(jcal[0]) ? jcal : [jcal];
  const components: Component[] = [];
  for (const root of roots) {
    if (!Array.isArray(root)) return invalid('not an iCalendar text');
    const component = new ICAL.Component(root);
    if (component.name !== 'vcalendar')
      return invalid(`expected a VCALENDAR, found ${component.name.toUpperCase()}`);
    components.push(component);
  }
  return ok(components);
}

/**
 * ical.js's parse errors quote the offending (unfolded) line, e.g. `invalid line (no token ";" or ":")
 * "SUMMARY x"`, but give no number; find the physical line that starts it.
 */
function lineOfParserMessage(text: string, message: string): number | undefined {
  const quoted = /"([^"]*)"\s*$/.exec(message)?.[1];
  if (quoted === undefined || quoted === '') return undefined;
  const lines = text.split(/\r\n|\n|\r/);
  const index = lines.findIndex((line, i) => {
    if (line === quoted) return true;
    const next = lines[i + 1];
    return line !== '' && quoted.startsWith(line) && next !== undefined && /^[ \t]/.test(next);
  });
  return index < 0 ? undefined : index + 1;
}

// ── Events ──────────────────────────────────────────────────────────────────────────────────────────────

/** What one VEVENT contributes: its days off (one entry per day), or why it has none. */
type Reading = { readonly skip: string } | { readonly days: { day: number; annual: boolean }[] };

function readEvent(
  event: Component,
  moved: ReadonlyMap<string, ReadonlySet<number>>,
  options: IcsImportOptions,
  budget: DayBudget,
): Reading {
  const reason = notADayOff(event);
  if (reason !== undefined) return { skip: reason };

  const start = timeValue(event, 'dtstart');
  if (start === undefined) return { skip: 'no DTSTART' };
  if (!start.isDate) return { skip: 'timed event (not all-day)' };

  // No exceptions to relate: moved occurrences are `moved` above. Left to itself, ical.js would look through every
  // VEVENT of the file for each event (10,000 events: 15 s).
  const parsed = new ICAL.Event(event, { exceptions: [] });
  const first = dayNumber(start);
  // DTEND is exclusive; without DTEND or DURATION ical.js ends an all-day event a day after it starts.
  const length = Math.max(1, dayNumber(parsed.endDate) - first);
  const spanFrom = (day: number, annual: boolean) => {
    // Counted before anything is made: a DTEND decades after DTSTART is refused, not filled in.
    budget.left -= length;
    if (budget.left < 0) throw new TooManyDays();
    return Array.from({ length }, (_, i) => ({ day: day + i, annual }));
  };

  const rrules = event.getAllProperties('rrule').map((p) => p.getFirstValue());
  if (rrules.length === 0 && !event.hasProperty('rdate')) return { days: spanFrom(first, false) };

  const uid = event.getFirstPropertyValue('uid');
  const movedDays =
    typeof uid === 'string' && !event.hasProperty('recurrence-id') ? moved.get(uid) : undefined;
  const [rrule] = rrules;
  if (
    rrules.length === 1 &&
    rrule instanceof ICAL.Recur &&
    isPlainYearly(rrule, start) &&
    !event.hasProperty('rdate') &&
    !event.hasProperty('exdate') &&
    movedDays === undefined &&
    !crossesEndOfFebruary(first, length)
  ) {
    return { days: spanFrom(first, true) };
  }

  const lastYear = options.untilYear ?? start.year + DEFAULT_EXPANSION_YEARS;
  const days: { day: number; annual: boolean }[] = [];
  // The expansion honours COUNT, UNTIL, EXDATE and RDATE, and stops as soon as the file's days are used up.
  const occurrences = parsed.iterator();
  for (;;) {
    // Typed as always a Time, but the end of the series is undefined (or null in older versions).
    const occurrence = occurrences.next() as Time | null | undefined;
    if (!occurrence || occurrence.year > lastYear) break;
    const day = dayNumber(occurrence);
    if (movedDays?.has(day) !== true) days.push(...spanFrom(day, false));
  }
  return { days };
}

/** Why an event is not a day off at all, or undefined when it may be one. */
function notADayOff(event: Component): string | undefined {
  const name = textValue(event, 'summary');
  if (textValue(event, 'status').toUpperCase() === 'CANCELLED') return 'cancelled';
  if (DST_MARKER.test(name)) return 'daylight saving time marker';
  const description = textValue(event, 'description').trim();
  if (/^observance\b/i.test(description)) return 'observance';
  const categories = event.getAllProperties('categories').flatMap((p) => p.getValues().map(String));
  if (
    textValue(event, 'transp').toUpperCase() === 'TRANSPARENT' &&
    (categories.some((c) => OBSERVANCE_WORD.test(c)) || OBSERVANCE_WORD.test(description))
  ) {
    return 'observance (transparent)';
  }
  return undefined;
}

/** `FREQ=YEARLY`, every year, forever, on DTSTART's month and day. */
function isPlainYearly(rule: Recur, start: Time): boolean {
  if (rule.freq !== 'YEARLY' || rule.interval !== 1 || rule.count !== null || rule.until !== null)
    return false;
  return Object.entries(rule.parts).every(([part, values]) => {
    if (values === undefined || values.length === 0) return true;
    if (part === 'BYMONTH') return values.length === 1 && values[0] === start.month;
    if (part === 'BYMONTHDAY') return values.length === 1 && values[0] === start.day;
    return false;
  });
}

/**
 * A yearly multi-day event that runs past February 28 covers February 29 in leap years and March 1 in common
 * years, so its month-days differ from year to year: expand it instead of calling it annual.
 */
function crossesEndOfFebruary(first: number, days: number): boolean {
  for (let i = 0; i < days - 1; i++) {
    const monthDay = formatLocalDate(first + i).slice(5);
    if (monthDay === '02-28' || monthDay === '02-29') return true;
  }
  return false;
}

// ── Values ──────────────────────────────────────────────────────────────────────────────────────────────

/** The civil day of an ical.js time, read from its fields: never through a JS Date in the host's zone. */
function dayNumber(time: Time): number {
  return daysFromCivil(time.year, time.month, time.day);
}

function timeValue(event: Component, property: string): Time | undefined {
  const value = event.getFirstPropertyValue(property);
  return value instanceof ICAL.Time ? value : undefined;
}

function textValue(event: Component, property: string): string {
  const value = event.getFirstPropertyValue(property);
  return typeof value === 'string' ? value : '';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function invalid(message: string): Result<never> {
  return fail({ code: 'calendar.ics.invalid', message: `Invalid iCalendar file: ${message}` });
}

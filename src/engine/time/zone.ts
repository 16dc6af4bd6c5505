import { MS_PER_DAY, MS_PER_MINUTE, type EpochMs, type IanaZone } from './units';
import { daysFromCivil } from './local-date';

/**
 * Time zones, done in one place.
 *
 * A zone's offsets come from the runtime's `Intl` data (the same in Node and in the browser), sampled once per
 * year into a small table of transitions; after that, every offset look-up and every wall-clock → instant
 * conversion is arithmetic and a binary search, with no `Intl` call. {@link instantOf} is the only function in
 * Accord that turns a local wall-clock time into an instant.
 */

// ── Offsets from Intl ──────────────────────────────────────────────────────────────────────────────────

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter that writes only the zone's offset at an instant: `6/1/2026, GMT+02:00` (`GMT-03:06:28` for LMT). */
function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * The zone's UTC offset in ms at an instant, read from Intl (slow: used only to build the tables). The offset's
 * own text is read, `GMT±hh:mm[:ss]` (`GMT` alone for UTC): a quarter of the cost of reading the wall-clock
 * fields with `formatToParts` and subtracting, with the same result to the second.
 */
function intlOffset(zone: string, instant: number): number {
  const text = formatterFor(zone).format(instant);
  const at = text.lastIndexOf('GMT') + 3;
  if (at === text.length) return 0;
  const sign = text.charCodeAt(at) === 45 /* - */ || text.charCodeAt(at) === 0x2212 /* − */ ? -1 : 1;
  const hours = Number(text.slice(at + 1, at + 3));
  const minutes = Number(text.slice(at + 4, at + 6));
  const seconds = text.length > at + 6 ? Number(text.slice(at + 7, at + 9)) : 0;
  const offset = sign * ((hours * 60 + minutes) * MS_PER_MINUTE + seconds * 1000);
  if (Number.isNaN(offset)) throw new Error(`unexpected offset from Intl for ${zone}: "${text}"`);
  return offset;
}

/**
 * Whether the runtime knows this IANA zone. Fixed offsets such as `+01:00`, which newer runtimes accept, are
 * refused: a calendar names a place, whose rules change.
 * @example isKnownZone('Europe/Berlin') === true
 */
export function isKnownZone(zone: string): zone is IanaZone {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

// ── Transition tables ──────────────────────────────────────────────────────────────────────────────────

/** Offsets in force over one UTC year: `offsets[i]` applies from `starts[i]` (the first start is the year's). */
interface YearTable {
  readonly starts: readonly number[];
  readonly offsets: readonly number[];
}

// ATTENTION: sampling once a day finds every transition of the tz database's modern rules, which never change
// the offset twice within a day; each change found is narrowed down to the exact second by bisection. Daily
// rather than hourly sampling keeps a year's table under 2 ms to build.
const SAMPLE_MS = MS_PER_DAY;

function buildYear(zone: string, year: number): YearTable {
  const from = daysFromCivil(year, 1, 1) * MS_PER_DAY;
  const to = daysFromCivil(year + 1, 1, 1) * MS_PER_DAY;
  const starts = [from];
  const offsets = [intlOffset(zone, from)];
  let prevT = from;
  let prevOffset = offsets[0] ?? 0;
  for (let t = from + SAMPLE_MS; t <= to; t += SAMPLE_MS) {
    const offset = intlOffset(zone, t);
    if (offset !== prevOffset) {
      let lo = prevT; // offset(lo) === prevOffset
      let hi = t; // offset(hi) === offset
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (intlOffset(zone, mid) === prevOffset) lo = mid;
        else hi = mid;
      }
      if (hi < to) {
        starts.push(hi);
        offsets.push(offset);
      }
      prevOffset = offset;
    }
    prevT = t;
  }
  return { starts, offsets };
}

const tables = new Map<string, Map<number, YearTable>>();

function yearTable(zone: string, year: number): YearTable {
  let byYear = tables.get(zone);
  if (!byYear) {
    byYear = new Map();
    tables.set(zone, byYear);
  }
  let table = byYear.get(year);
  if (!table) {
    table = buildYear(zone, year);
    byYear.set(year, table);
  }
  return table;
}

/** The UTC year of an instant, without a Date object. */
function utcYearOf(instant: number): number {
  // 365.2425 days a year on average; correct the estimate by at most one year either way.
  let year = Math.floor(instant / (365.2425 * MS_PER_DAY)) + 1970;
  if (daysFromCivil(year, 1, 1) * MS_PER_DAY > instant) year -= 1;
  else if (daysFromCivil(year + 1, 1, 1) * MS_PER_DAY <= instant) year += 1;
  return year;
}

/**
 * The zone's offset from UTC, in ms, at an instant (local = instant + offset).
 * @example offsetAt('Asia/Kolkata' as IanaZone, 0 as EpochMs) === 19_800_000
 */
export function offsetAt(zone: IanaZone, instant: EpochMs | number): number {
  const { starts, offsets } = yearTable(zone, utcYearOf(instant));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= instant) lo = mid;
    else hi = mid - 1;
  }
  return offsets[lo] ?? 0;
}

// ── Wall clock → instant ───────────────────────────────────────────────────────────────────────────────

/**
 * The instant of a local wall-clock time: `day` is a civil day number (see local-date.ts), `minutes` the
 * minutes after local midnight (1440 is the next day's midnight).
 *
 * The policy is RFC 5545's and Temporal's `compatible`:
 * - a time that falls in a gap (clocks jumped forward) moves forward by the length of the gap: it is read with
 *   the offset in force before the transition, so 02:30 on a spring-forward night in Berlin is 03:30 CEST;
 * - an ambiguous time (clocks fell back) takes the earlier of its two instants.
 *
 * @example instantOf('Europe/Berlin' as IanaZone, daysFromCivil(2026, 3, 29), 150) // 2026-03-29T01:30:00Z
 */
export function instantOf(zone: IanaZone, day: number, minutes: number): EpochMs {
  const wall = day * MS_PER_DAY + minutes * MS_PER_MINUTE;
  // Offsets a day either side bracket every transition near this wall time (the largest, Apia's in 2011, is 24 h).
  const before = offsetAt(zone, wall - MS_PER_DAY);
  const after = offsetAt(zone, wall + MS_PER_DAY);
  const early = wall - before;
  if (before === after) return early as EpochMs;
  const late = wall - after;
  const earlyValid = offsetAt(zone, early) === before;
  const lateValid = offsetAt(zone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late) as EpochMs; // overlap: the earlier instant
  if (lateValid) return late as EpochMs;
  // Either only the earlier reading is valid, or neither is (a gap): read it with the offset before.
  return early as EpochMs;
}

/**
 * The local civil day number and minutes-after-midnight of an instant in a zone.
 * @example localOf('UTC' as IanaZone, 0 as EpochMs) // { day: 0, minutes: 0, ms: 0 }
 */
export function localOf(zone: IanaZone, instant: EpochMs): { day: number; minutes: number; ms: number } {
  const local = instant + offsetAt(zone, instant);
  const day = Math.floor(local / MS_PER_DAY);
  const inDay = local - day * MS_PER_DAY;
  return { day, minutes: Math.floor(inDay / MS_PER_MINUTE), ms: inDay };
}

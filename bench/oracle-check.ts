/**
 * Section 2: the fast engine and the day-by-day oracle must agree to the millisecond on randomized elapsed and
 * deadline queries, drawn mostly around DST changes (Europe/Berlin, Australia/Lord_Howe's 30-minute shift)
 * and in a zone with a half-hour offset and no DST (Asia/Kolkata).
 */
import type { WorkingTime } from '../src/engine/calendar/timeline';
import type { Calendar } from '../src/engine/calendar/types';
import type { EpochMs, WorkingMs } from '../src/engine/time/units';
import { berlinNights, compiled, exampleCalendar, kolkata, lordHowe, oracleOf } from './calendars';
import { offsetAt, type DayByDay } from './day-by-day';
import { below, pick, seeded, type Random } from './prng';
import { heading, int, ms, since, table } from './report';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2028, 0, 1);
/** The oracle knows region holidays of these years, which cover every day a query can reach. */
const YEARS = [2024, 2028] as const;

export const ORACLE_QUERIES = 100_000;

/** The first instant of each zone's new offset, 2025–2027 (checked against the oracle's offsets below). */
const BERLIN_CHANGES = [
  '2025-03-30T01:00:00Z',
  '2025-10-26T01:00:00Z',
  '2026-03-29T01:00:00Z',
  '2026-10-25T01:00:00Z',
  '2027-03-28T01:00:00Z',
  '2027-10-31T01:00:00Z',
];
// 02:00 LHDT (+11:00) → 01:30 LHST in April; 02:00 LHST (+10:30) → 02:30 LHDT in October.
const LORD_HOWE_CHANGES = [
  '2025-04-05T15:00:00Z',
  '2025-10-04T15:30:00Z',
  '2026-04-04T15:00:00Z',
  '2026-10-03T15:30:00Z',
  '2027-04-03T15:00:00Z',
  '2027-10-02T15:30:00Z',
];

interface Case {
  readonly calendar: Calendar;
  /** DST changes to draw instants around; none for a zone without DST. */
  readonly changes: readonly string[];
}

const CASES: readonly Case[] = [
  { calendar: exampleCalendar('berlin-9-17'), changes: BERLIN_CHANGES },
  { calendar: berlinNights, changes: BERLIN_CHANGES },
  { calendar: kolkata, changes: [] },
  { calendar: lordHowe, changes: LORD_HOWE_CHANGES },
];

interface Query {
  readonly kind: 'elapsed' | 'deadline';
  readonly a: number;
  /** The end (elapsed) or the working time (deadline). */
  readonly b: number;
}

export interface OracleFigures {
  readonly queries: number;
  readonly mismatches: number;
}

/**
 * A third of the numbers are whole quarter-hours, so that queries start, end and run out exactly on span
 * boundaries and on the transitions themselves; a third whole minutes; a third any millisecond.
 */
function grain(random: Random, n: number): number {
  const r = random();
  if (r < 1 / 3) return Math.floor(n / (15 * MINUTE)) * 15 * MINUTE;
  if (r < 2 / 3) return Math.floor(n / MINUTE) * MINUTE;
  return Math.floor(n);
}

/** 70% within four days of a DST change (short spans), the rest anywhere in 2025–2027 (spans up to 90 days). */
function query(random: Random, changes: readonly number[], kind: Query['kind']): Query {
  const near = changes.length > 0 && random() < 0.7;
  const a = near
    ? grain(random, pick(random, changes) + (random() * 2 - 1) * 4 * DAY)
    : grain(random, FROM + random() * (TO - FROM));
  const empty = below(random, 50) === 0; // 2%: an empty span or no work at all
  if (kind === 'elapsed') {
    const span = empty ? 0 : grain(random, random() * (near ? 8 * DAY : 90 * DAY));
    return { kind, a, b: a + span };
  }
  const work = empty ? 0 : Math.max(1, grain(random, random() * (near ? 24 * HOUR : 512 * HOUR)));
  return { kind, a, b: work };
}

function answer(calendar: WorkingTime | DayByDay, q: Query): number {
  if (q.kind === 'elapsed') return calendar.elapsed(q.a as EpochMs, q.b as EpochMs);
  return calendar.deadline(q.a as EpochMs, q.b as WorkingMs) ?? NaN;
}

const iso = (t: number): string => (Number.isFinite(t) ? new Date(t).toISOString() : String(t));

function describe(id: string, q: Query, fast: number, oracle: number): string {
  return q.kind === 'elapsed'
    ? `${id} elapsed(${iso(q.a)}, ${iso(q.b)}): fast ${fast} ms, oracle ${oracle} ms`
    : `${id} deadline(${iso(q.a)}, ${q.b} ms): fast ${iso(fast)}, oracle ${iso(oracle)}`;
}

/** Each listed change must be where the oracle's zone changes its offset; a typo would weaken the check. */
function checkChanges(zone: string, changes: readonly number[]): void {
  for (const t of changes) {
    if (offsetAt(zone, t - 1) === offsetAt(zone, t)) {
      throw new Error(`${zone} does not change its offset at ${iso(t)}`);
    }
  }
}

export function checkAgainstOracle(): OracleFigures {
  heading('2. Agreement with the day-by-day oracle (date-fns-tz, cached days), to the millisecond');
  const random = seeded(20261025);
  const perCase = Math.ceil(ORACLE_QUERIES / CASES.length / 2) * 2;
  const rows: string[][] = [['calendar', 'zone', 'elapsed', 'deadline', 'mismatches', 'time']];
  const firstMismatches: string[] = [];
  let total = 0;
  let mismatches = 0;
  for (const { calendar, changes } of CASES) {
    const start = process.hrtime.bigint();
    const changeInstants = changes.map((c) => Date.parse(c));
    checkChanges(calendar.timeZone, changeInstants);
    const fast = compiled(calendar);
    const oracle = oracleOf(calendar, YEARS, true);
    let caseMismatches = 0;
    for (let i = 0; i < perCase; i++) {
      const q = query(random, changeInstants, i % 2 === 0 ? 'elapsed' : 'deadline');
      const expected = answer(oracle, q);
      const actual = answer(fast, q);
      if (actual !== expected) {
        caseMismatches++;
        if (firstMismatches.length < 10) firstMismatches.push(describe(calendar.id, q, actual, expected));
      }
    }
    total += perCase;
    mismatches += caseMismatches;
    rows.push([
      calendar.id,
      calendar.timeZone,
      int(perCase / 2),
      int(perCase / 2),
      int(caseMismatches),
      ms(since(start)),
    ]);
  }
  table(rows);
  console.log(`\n  ${int(total)} queries, ${int(mismatches)} mismatches`);
  for (const line of firstMismatches) console.log(`  MISMATCH ${line}`);
  return { queries: total, mismatches };
}

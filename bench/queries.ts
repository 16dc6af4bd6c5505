/**
 * Section 1: how many elapsed and deadline queries a second the compiled Berlin calendar answers, against the
 * straightforward day-by-day loop in the same run, and whether the fast path calls `Intl` at all.
 */
import type { WorkingTime } from '../src/engine/calendar/timeline';
import type { EpochMs, WorkingMs } from '../src/engine/time/units';
import { compiled, exampleCalendar, oracleOf } from './calendars';
import type { DayByDay } from './day-by-day';
import { countIntlCalls } from './intl-counter';
import { seeded, type Random } from './prng';
import { heading, int, ms, perSecond, since, table, times } from './report';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Queries start anywhere in 2025–2027 (UTC), so spans cross both DST changes of three years. */
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2028, 0, 1);
/** Working time in 90 days of a 9–17 Monday-to-Friday week: 64 days of 8 hours. */
const WORK_OF_90_DAYS = 64 * 8 * HOUR;

export const FAST_QUERIES = 1_000_000;
const ROUNDS = 5;
const BASELINE_ELAPSED = 300;
const BASELINE_DEADLINES = 3_000;

export interface QueryFigures {
  /** Rates of the random queries: the median and the best of the timed rounds. */
  readonly elapsedPerSecond: Rates;
  readonly deadlinePerSecond: Rates;
  /** Fast over day-by-day, 90-day elapsed queries and eight-hour deadlines. */
  readonly elapsedRatio: number;
  readonly deadlineRatio: number;
  /** Intl calls made by the fast path over all timed rounds (after warm-up). */
  readonly intlCalls: number;
  /** Fast and day-by-day answers that differ on the baseline's queries (must be 0). */
  readonly mismatches: number;
}

export interface Rates {
  readonly median: number;
  readonly best: number;
}

/** Pairs of numbers, one query each: start and end (elapsed) or start and work (deadline). */
interface Queries {
  readonly a: Float64Array;
  readonly b: Float64Array;
}

const instant = (random: Random): number => FROM + Math.floor(random() * (TO - FROM));

function spans(random: Random, n: number, span: () => number): Queries {
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = instant(random);
    b[i] = (a[i] ?? 0) + span();
  }
  return { a, b };
}

function works(random: Random, n: number, work: () => number): Queries {
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = instant(random);
    b[i] = work();
  }
  return { a, b };
}

// The loops sum the answers so that the work cannot be optimized away.
function elapsedLoop(calendar: WorkingTime, { a, b }: Queries): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += calendar.elapsed(a[i] as EpochMs, b[i] as EpochMs);
  return sum;
}

function deadlineLoop(calendar: WorkingTime, { a, b }: Queries): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += calendar.deadline(a[i] as EpochMs, b[i] as WorkingMs) ?? 0;
  return sum;
}

interface Timing {
  readonly median: number;
  readonly best: number;
}

/** Median and best of several timed rounds, after one untimed round. */
function timeRounds(run: () => number): Timing {
  run();
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = process.hrtime.bigint();
    run();
    samples.push(since(start));
  }
  samples.sort((x, y) => x - y);
  return { median: samples[Math.floor(samples.length / 2)] ?? NaN, best: samples[0] ?? NaN };
}

/** Times the oracle on its queries once (it is slow enough to need no repeats), with its answers. */
function timeOracle(
  run: (i: number) => number,
  n: number,
): { readonly ms: number; readonly answers: Float64Array; readonly intlCalls: number } {
  for (let i = 0; i < 5; i++) run(i); // warm-up: date-fns-tz's formatter cache, the JIT
  const answers = new Float64Array(n);
  // Counting costs a few nanoseconds a call, against microseconds for each Intl call it counts.
  const counter = countIntlCalls();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) answers[i] = run(i);
  const elapsed = since(start);
  return { ms: elapsed, answers, intlCalls: counter.stop() };
}

function compareWithOracle(
  oracle: Float64Array,
  fast: (i: number) => number,
  describe: (i: number) => string,
): number {
  let mismatches = 0;
  for (let i = 0; i < oracle.length; i++) {
    const expected = oracle[i] ?? NaN;
    const actual = fast(i);
    if (actual !== expected) {
      if (++mismatches <= 3) console.log(`  MISMATCH ${describe(i)}: fast ${actual}, day-by-day ${expected}`);
    }
  }
  return mismatches;
}

export function benchQueries(): QueryFigures {
  heading('1. Calendar queries on "berlin-9-17" (Europe/Berlin, 9–17 Mon–Fri, DE-BE holidays)');
  const calendar = exampleCalendar('berlin-9-17');
  const random = seeded(20260329);

  const elapsedQueries = spans(random, FAST_QUERIES, () => Math.floor(random() * 90 * DAY));
  const deadlineQueries = works(random, FAST_QUERIES, () => Math.floor(random() * WORK_OF_90_DAYS));
  const ninetyDays = spans(random, FAST_QUERIES, () => 90 * DAY);
  const eightHours = works(random, FAST_QUERIES, () => 8 * HOUR);

  const fast = compiled(calendar);
  // Warm-up: compile every year the queries reach and let the JIT settle, before counting Intl calls.
  elapsedLoop(fast, elapsedQueries);
  deadlineLoop(fast, deadlineQueries);
  const counter = countIntlCalls();
  const elapsedTiming = timeRounds(() => elapsedLoop(fast, elapsedQueries));
  const deadlineTiming = timeRounds(() => deadlineLoop(fast, deadlineQueries));
  const ninetyTiming = timeRounds(() => elapsedLoop(fast, ninetyDays));
  const eightHoursTiming = timeRounds(() => deadlineLoop(fast, eightHours));
  const intlCalls = counter.stop();

  // The baseline: every query walks its days through date-fns-tz, nothing cached.
  const slow: DayByDay = oracleOf(calendar, [2024, 2028], false);
  const slowElapsed = timeOracle(
    (i) => slow.elapsed(ninetyDays.a[i] ?? 0, ninetyDays.b[i] ?? 0),
    BASELINE_ELAPSED,
  );
  const slowDeadlines = timeOracle(
    (i) => slow.deadline(eightHours.a[i] ?? 0, eightHours.b[i] ?? 0),
    BASELINE_DEADLINES,
  );
  const mismatches =
    compareWithOracle(
      slowElapsed.answers,
      (i) => fast.elapsed(ninetyDays.a[i] as EpochMs, ninetyDays.b[i] as EpochMs),
      (i) => `elapsed(${new Date(ninetyDays.a[i] ?? 0).toISOString()}, +90 days)`,
    ) +
    compareWithOracle(
      slowDeadlines.answers,
      (i) => fast.deadline(eightHours.a[i] as EpochMs, eightHours.b[i] as WorkingMs) ?? NaN,
      (i) => `deadline(${new Date(eightHours.a[i] ?? 0).toISOString()}, 8 h)`,
    );

  const rate = (n: number, took: number): number => (n / took) * 1000;
  const fastElapsed = rate(FAST_QUERIES, elapsedTiming.median);
  const fastDeadline = rate(FAST_QUERIES, deadlineTiming.median);
  const fastNinety = rate(FAST_QUERIES, ninetyTiming.median);
  const fastEight = rate(FAST_QUERIES, eightHoursTiming.median);
  const slowNinety = rate(BASELINE_ELAPSED, slowElapsed.ms);
  const slowEight = rate(BASELINE_DEADLINES, slowDeadlines.ms);

  const fastRow = (name: string, timing: Timing): string[] => [
    name,
    int(FAST_QUERIES),
    ms(timing.median),
    perSecond(rate(FAST_QUERIES, timing.median)),
    perSecond(rate(FAST_QUERIES, timing.best)),
  ];
  const slowRow = (name: string, n: number, took: number): string[] => [
    name,
    int(n),
    ms(took),
    perSecond(rate(n, took)),
    '',
  ];
  table([
    ['query', 'queries', 'time (median of 5)', 'rate (median)', 'rate (best)'],
    fastRow('fast elapsed, random spans up to 90 days', elapsedTiming),
    fastRow('fast deadline, random work up to 512 working hours', deadlineTiming),
    fastRow('fast elapsed, 90-day spans', ninetyTiming),
    fastRow('fast deadline, 8 working hours', eightHoursTiming),
    slowRow('day-by-day elapsed, 90-day spans (no cache, once)', BASELINE_ELAPSED, slowElapsed.ms),
    slowRow('day-by-day deadline, 8 working hours (no cache, once)', BASELINE_DEADLINES, slowDeadlines.ms),
  ]);
  console.log('');
  table([
    ['ratio fast / day-by-day', 'ratio'],
    ['elapsed, 90-day spans', times(fastNinety / slowNinety)],
    ['deadline, 8 working hours', times(fastEight / slowEight)],
  ]);
  console.log('');
  const perQuery = (calls: number, n: number): string => (calls / n).toFixed(1);
  table([
    ['Intl.DateTimeFormat formatToParts/format calls', 'calls', 'per query'],
    [
      `fast path, ${int(4 * ROUNDS * FAST_QUERIES)} timed queries after warm-up`,
      int(intlCalls),
      perQuery(intlCalls, 4 * ROUNDS * FAST_QUERIES),
    ],
    [
      'day-by-day, 90-day elapsed',
      int(slowElapsed.intlCalls),
      perQuery(slowElapsed.intlCalls, BASELINE_ELAPSED),
    ],
    [
      'day-by-day, 8-hour deadlines',
      int(slowDeadlines.intlCalls),
      perQuery(slowDeadlines.intlCalls, BASELINE_DEADLINES),
    ],
  ]);
  console.log(
    `\n  fast and day-by-day agree on all ${int(BASELINE_ELAPSED + BASELINE_DEADLINES)} baseline queries: ${mismatches === 0 ? 'yes' : `NO (${mismatches} mismatches)`}`,
  );

  return {
    elapsedPerSecond: { median: fastElapsed, best: rate(FAST_QUERIES, elapsedTiming.best) },
    deadlinePerSecond: { median: fastDeadline, best: rate(FAST_QUERIES, deadlineTiming.best) },
    elapsedRatio: fastNinety / slowNinety,
    deadlineRatio: fastEight / slowEight,
    intlCalls,
    mismatches,
  };
}

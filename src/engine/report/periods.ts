/**
 * Reporting periods: ISO weeks (Monday to Monday), calendar months and quarters, each from local midnight to
 * local midnight in the report's zone. Days are stepped as civil dates and only then turned into instants
 * (through `instantOf`, the one wall-clock → instant function), so a month that contains a DST change is still
 * exactly that month, one hour shorter or longer.
 */
import { civilFromDays, daysFromCivil, pad2, weekdayOfDays } from '../time/local-date';
import { instantOf, localOf } from '../time/zone';
import type { EpochMs, IanaZone, Interval } from '../time/units';

export type PeriodKind = 'week' | 'month' | 'quarter';

export const PERIOD_KINDS: readonly PeriodKind[] = ['week', 'month', 'quarter'];

/** One reporting period, half-open `[start, end)`. */
export interface Period extends Interval {
  readonly kind: PeriodKind;
  /** `2026-W10`, `2026-03`, `2026-Q1`. */
  readonly label: string;
  /** The local dates of its first and last day, `YYYY-MM-DD`. */
  readonly firstDay: string;
  readonly lastDay: string;
}

// ── Local days ───────────────────────────────────────────────────────────────────────────────────────

/** The civil day number on which the period of `kind` containing local day `day` begins. */
function startDay(kind: PeriodKind, day: number): number {
  if (kind === 'week') return day - weekdayOfDays(day);
  const { year, month } = civilFromDays(day);
  return daysFromCivil(year, kind === 'month' ? month : month - ((month - 1) % 3), 1);
}

/** The first day of the period after the one beginning on `start`. */
function nextStartDay(kind: PeriodKind, start: number): number {
  if (kind === 'week') return start + 7;
  const { year, month } = civilFromDays(start);
  const next = month + (kind === 'month' ? 1 : 3);
  return next > 12 ? daysFromCivil(year + 1, next - 12, 1) : daysFromCivil(year, next, 1);
}

/** The first day of the period before the one beginning on `start`. */
function previousStartDay(kind: PeriodKind, start: number): number {
  return startDay(kind, start - 1);
}

/** ISO 8601 week label: the week belongs to the year of its Thursday. */
function isoWeekLabel(monday: number): string {
  const thursday = monday + 3;
  const { year } = civilFromDays(thursday);
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return `${year}-W${pad2(week)}`;
}

function labelOf(kind: PeriodKind, start: number): string {
  if (kind === 'week') return isoWeekLabel(start);
  const { year, month } = civilFromDays(start);
  return kind === 'month' ? `${year}-${pad2(month)}` : `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

const dateText = (day: number): string => {
  const { year, month, day: dom } = civilFromDays(day);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(dom)}`;
};

function periodFrom(kind: PeriodKind, zone: IanaZone, start: number): Period {
  const end = nextStartDay(kind, start);
  return {
    kind,
    label: labelOf(kind, start),
    start: instantOf(zone, start, 0),
    end: instantOf(zone, end, 0),
    firstDay: dateText(start),
    lastDay: dateText(end - 1),
  };
}

// ── Periods ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * The period of `kind` that contains `instant`, in `zone`.
 * @example periodContaining('month', 'Europe/Berlin' as IanaZone, at('2026-03-31T22:30:00Z')).label === '2026-04'
 */
export function periodContaining(kind: PeriodKind, zone: IanaZone, instant: EpochMs): Period {
  return periodFrom(kind, zone, startDay(kind, localOf(zone, instant).day));
}

/**
 * `count` consecutive periods, oldest first, the last one containing `instant`: the current period and the
 * ones before it, for a trend.
 * @example periodsEnding('quarter', zone, now, 4).map((p) => p.label) // ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']
 */
export function periodsEnding(kind: PeriodKind, zone: IanaZone, instant: EpochMs, count: number): Period[] {
  let start = startDay(kind, localOf(zone, instant).day);
  const starts = [start];
  for (let i = 1; i < count; i++) {
    start = previousStartDay(kind, start);
    starts.push(start);
  }
  return starts.reverse().map((s) => periodFrom(kind, zone, s));
}

/**
 * `count` consecutive periods, oldest first, the first one containing the local date `day` (a civil day
 * number, see `parseLocalDate`).
 * @example periodsFrom('month', zone, parseLocalDate('2026-01-15')!, 3).map((p) => p.label) // ['2026-01', '2026-02', '2026-03']
 */
export function periodsFrom(kind: PeriodKind, zone: IanaZone, day: number, count: number): Period[] {
  const periods: Period[] = [];
  let start = startDay(kind, day);
  for (let i = 0; i < count; i++) {
    periods.push(periodFrom(kind, zone, start));
    start = nextStartDay(kind, start);
  }
  return periods;
}

/**
 * The instants that cut consecutive periods into buckets: `[p0.start, p1.start, …, pN.end]`, so bucket i is
 * `[bounds[i], bounds[i + 1])`.
 * @example boundsOf(periods).length === periods.length + 1
 */
export function boundsOf(periods: readonly Period[]): EpochMs[] {
  const bounds = periods.map((p) => p.start);
  const last = periods[periods.length - 1];
  if (last) bounds.push(last.end);
  return bounds;
}

/**
 * Which bucket of {@link boundsOf} an instant falls in, or -1 outside them all.
 * @example bucketOf([0, 10, 20] as EpochMs[], 10 as EpochMs) === 1
 */
export function bucketOf(bounds: readonly EpochMs[], instant: EpochMs): number {
  let lo = 0;
  let hi = bounds.length - 1;
  if (hi < 1 || instant < (bounds[0] ?? 0) || instant >= (bounds[hi] ?? 0)) return -1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((bounds[mid] ?? 0) <= instant) lo = mid;
    else hi = mid;
  }
  return lo;
}

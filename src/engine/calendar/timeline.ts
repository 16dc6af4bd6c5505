import type { EpochMs, IanaZone, Interval, WorkingMs } from '../time/units';

/**
 * A working timeline: working time as sorted, disjoint, half-open UTC segments `[start, end)` with running
 * totals, so that "working time between two instants" and "the instant when N working ms have passed" are
 * each a binary search, with no per-day work and no time-zone arithmetic per query.
 *
 * The segments come from a {@link SegmentSource} one local year at a time; the timeline grows to cover any
 * instant asked about.
 */
export interface SegmentSource {
  /** The zone the calendar's local dates and wall-clock times are in. */
  readonly zone: IanaZone;
  /** Sorted disjoint working segments of one local year (flat pairs: start0, end0, start1, end1, …). */
  segmentsOfYear(year: number): readonly number[];
  /** The instant a local year begins (its first local midnight). */
  yearStart(year: number): number;
  /** The local year an instant falls in. */
  yearOf(instant: number): number;
}

// A deadline further out than this many years past what is compiled is reported as never coming
// (a target larger than a decade of working time is a mistake, not a commitment).
const MAX_YEARS_AHEAD = 20;

export class WorkingTime {
  private firstYear = 0;
  private lastYear = -1;
  private coverStart = Infinity;
  private coverEnd = -Infinity;
  private starts = new Float64Array(0);
  private ends = new Float64Array(0);
  /** Working ms before segment i. */
  private before = new Float64Array(0);
  private count = 0;

  constructor(private readonly source: SegmentSource) {}

  /** The calendar's zone: local dates and times (business days, cut-offs) are read in it. */
  get zone(): IanaZone {
    return this.source.zone;
  }

  // ── Queries ──────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Working time in `[a, b)`; 0 when `b <= a`.
   * @example calendar.elapsed(mondayAt9, mondayAt17) === 8 * 3_600_000
   */
  elapsed(a: EpochMs, b: EpochMs): WorkingMs {
    if (b <= a) return 0 as WorkingMs;
    if (a < this.coverStart || b > this.coverEnd) this.cover(a, b);
    return (this.totalAt(b) - this.totalAt(a)) as WorkingMs;
  }

  /**
   * The earliest instant `t >= a` with `elapsed(a, t) === work`: when `work` working ms have passed after
   * `a`. A deadline that uses up a segment exactly is that segment's end, not the next one's start.
   * Undefined when it would lie more than 20 years beyond the compiled range (a calendar with almost no
   * working time); `a` itself when `work` is 0.
   * @example calendar.deadline(mondayAt9, 10 * 3_600_000) // Tuesday 11:00 on a 9–17 calendar
   */
  deadline(a: EpochMs, work: WorkingMs): EpochMs | undefined {
    if (work <= 0) return a;
    if (a < this.coverStart || a >= this.coverEnd) this.cover(a, a);
    const target = this.totalAt(a) + work;
    for (let extra = 0; ; extra++) {
      const n = this.count;
      if (n > 0) {
        const lastIndex = n - 1;
        const total =
          (this.before[lastIndex] ?? 0) + (this.ends[lastIndex] ?? 0) - (this.starts[lastIndex] ?? 0);
        if (total >= target) return this.instantAtTotal(target);
      }
      if (extra >= MAX_YEARS_AHEAD) return undefined;
      this.coverYears(this.firstYear, this.lastYear + 1);
    }
  }

  /** Whether `t` is inside working time. */
  isWorking(t: EpochMs): boolean {
    if (t < this.coverStart || t >= this.coverEnd) this.cover(t, t);
    const i = this.segmentAtOrBefore(t);
    return i >= 0 && t < (this.ends[i] ?? 0);
  }

  /**
   * The next instant at or after `t` when working time starts or resumes; `t` itself inside working time.
   * Undefined if none within 20 years.
   */
  nextWorkingStart(t: EpochMs): EpochMs | undefined {
    if (this.isWorking(t)) return t;
    for (let extra = 0; extra <= MAX_YEARS_AHEAD; extra++) {
      const i = this.segmentAtOrBefore(t) + 1;
      if (i < this.count) return (this.starts[i] ?? 0) as EpochMs;
      this.coverYears(this.firstYear, this.lastYear + 1);
    }
    return undefined;
  }

  /** The working segments that overlap `[from, to)`, clipped to it. */
  segments(from: EpochMs, to: EpochMs): Interval[] {
    if (to <= from) return [];
    this.cover(from, to);
    const out: Interval[] = [];
    for (let i = Math.max(0, this.segmentAtOrBefore(from)); i < this.count; i++) {
      const start = Math.max(this.starts[i] ?? 0, from);
      const end = Math.min(this.ends[i] ?? 0, to);
      if ((this.starts[i] ?? 0) >= to) break;
      if (end > start) out.push({ start: start as EpochMs, end: end as EpochMs });
    }
    return out;
  }

  // ── Binary searches ──────────────────────────────────────────────────────────────────────────────────

  /** Index of the last segment starting at or before t, or -1. */
  private segmentAtOrBefore(t: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = this.count - 1;
    if (hi < 0 || (starts[0] ?? 0) > t) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((starts[mid] ?? 0) <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Working ms from the start of the compiled range to t. */
  private totalAt(t: number): number {
    const i = this.segmentAtOrBefore(t);
    if (i < 0) return 0;
    const start = this.starts[i] ?? 0;
    const end = this.ends[i] ?? 0;
    return (this.before[i] ?? 0) + (t < end ? t - start : end - start);
  }

  /** The earliest instant at which the running total reaches `target` (which is within the range). */
  private instantAtTotal(target: number): EpochMs {
    // First segment whose running total at its end reaches the target.
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const endTotal = (this.before[mid] ?? 0) + (this.ends[mid] ?? 0) - (this.starts[mid] ?? 0);
      if (endTotal >= target) hi = mid;
      else lo = mid + 1;
    }
    return ((this.starts[lo] ?? 0) + target - (this.before[lo] ?? 0)) as EpochMs;
  }

  // ── Growing the compiled range ───────────────────────────────────────────────────────────────────────

  private cover(a: number, b: number): void {
    // One year of margin either side, so that neighbouring queries rarely grow the range again.
    const from = this.source.yearOf(a) - 1;
    const to = this.source.yearOf(b) + 1;
    if (this.lastYear < this.firstYear) this.coverYears(from, to);
    else this.coverYears(Math.min(from, this.firstYear), Math.max(to, this.lastYear));
  }

  private coverYears(firstYear: number, lastYear: number): void {
    if (firstYear >= this.firstYear && lastYear <= this.lastYear) return;
    const flat: number[] = [];
    for (let year = firstYear; year <= lastYear; year++) {
      const segs = this.source.segmentsOfYear(year);
      for (let k = 0; k + 1 < segs.length; k += 2) {
        const start = segs[k] ?? 0;
        const end = segs[k + 1] ?? 0;
        // Segments that touch across a day or year boundary (24:00 → 00:00) merge into one.
        if (flat.length > 0 && flat[flat.length - 1] === start) flat[flat.length - 1] = end;
        else flat.push(start, end);
      }
    }
    const n = flat.length / 2;
    const starts = new Float64Array(n);
    const ends = new Float64Array(n);
    const before = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const start = flat[2 * i] ?? 0;
      const end = flat[2 * i + 1] ?? 0;
      starts[i] = start;
      ends[i] = end;
      before[i] = total;
      total += end - start;
    }
    this.starts = starts;
    this.ends = ends;
    this.before = before;
    this.count = n;
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.coverStart = this.source.yearStart(firstYear);
    this.coverEnd = this.source.yearStart(lastYear + 1);
  }
}

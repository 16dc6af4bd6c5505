import type { Threshold } from '../agreement/types';
import type { WorkingTime } from '../calendar/timeline';
import { MS_PER_MINUTE, type EpochMs, type WorkingMs } from '../time/units';
import { isPaused, type ReplayedCycle } from './replay';

/**
 * A goal in force over part of a cycle: from `from` until the next span's `from` (or the cycle's end). The
 * first span starts at the cycle's start; under `goalChange: 'keep'` it is the only one.
 */
export interface GoalSpan {
  readonly from: EpochMs;
  /** Position of the goal in the metric's list; -1 when none matches (measured on `calendar`, never breached). */
  readonly goalIndex: number;
  /** Working ms the goal allows; null: measure only. */
  readonly targetMs: number | null;
  readonly calendar: WorkingTime;
}

/** A cycle measured against its goals. All instants are epoch ms; the output layer formats them. */
export interface MeasuredCycle {
  readonly elapsedMs: WorkingMs;
  readonly pausedMs: WorkingMs;
  /** Target minus elapsed, zero or negative once breached; null for a measure-only goal. */
  readonly remainingMs: number | null;
  readonly deadline: EpochMs | null;
  readonly breached: boolean;
  readonly breachedAt: EpochMs | null;
  /**
   * The goal the cycle's outcome is decided under (docs/engine-contract.md, "Goal changes"): the one it breached
   * under if it breached, else the one in force at its end (its stop, or `now` while it runs).
   */
  readonly goal: GoalSpan;
  readonly thresholds: readonly MeasuredThreshold[];
}

export interface MeasuredThreshold {
  /** How many times the threshold has been crossed in this cycle (more than once only when it repeats). */
  readonly crossings: number;
  readonly lastAt: EpochMs | null;
  /** The next crossing, projected while the cycle runs unpaused; null otherwise. */
  readonly nextAt: EpochMs | null;
}

/**
 * Measures a cycle against the goals in force over it (docs/engine-contract.md, "Semantics").
 *
 * A pause is a hole in the working timeline: elapsed time is working time in the cycle's active intervals, each
 * part counted on the calendar of the goal in force then, so a goal change keeps the time already elapsed.
 * A goal change never rewrites the past:
 * - the cycle breaches under the first goal whose deadline the clock moves past while that goal is in force
 *   (out of hours included: a 17:00 deadline is breached at 17:00:00.001); a goal whose target the elapsed time
 *   already reached when it came into force has its deadline at that change;
 * - from the breach on, the cycle stays with the goal it breached under (its calendar counts the time after,
 *   its repeats and `minutesAfterBreach` thresholds), whatever goal the state selects later.
 * Met or breached is decided on exact milliseconds; a cycle stopped at its deadline is met.
 */
export function measureCycle(
  cycle: ReplayedCycle,
  spans: readonly GoalSpan[],
  thresholds: readonly Threshold[],
  now: EpochMs,
): MeasuredCycle {
  const end = cycle.stoppedAt ?? now;
  const active = activeIntervals(cycle, end);
  const ticking = cycle.stoppedAt === null && !isPaused(cycle);

  let track = new Track(cycle, spans, active, end, ticking, now);
  const breach = findBreach(track);
  // After a breach the goal it breached under governs the rest of the cycle: later spans are dropped.
  if (breach && breach.span < spans.length - 1) {
    track = new Track(cycle, spans.slice(0, breach.span + 1), active, end, ticking, now);
  }
  const last = track.spans.length - 1;
  const goal = track.last;
  const target = goal.targetMs;

  let deadline: EpochMs | null = null;
  if (breach) deadline = breach.at;
  else if (ticking && target !== null) {
    const reached = track.spanWork[last] ?? 0;
    deadline = reached >= target ? goal.from : track.instantAt(target);
  }

  const measured: MeasuredThreshold[] = [];
  for (const threshold of thresholds) measured.push(measureThreshold(threshold, track, breach, deadline));
  return {
    elapsedMs: track.total as WorkingMs,
    pausedMs: pausedTime(cycle, track, end) as WorkingMs,
    remainingMs: target === null ? null : target - track.total,
    deadline,
    breached: breach !== null,
    breachedAt: breach?.at ?? null,
    goal,
    thresholds: measured,
  };
}

/** A breach: its instant, the index of the span it happened under, and the work elapsed at it. */
interface Breach {
  readonly at: EpochMs;
  readonly span: number;
  readonly work: number;
}

/** The first span whose deadline passes while it is in force. */
function findBreach(track: Track): Breach | null {
  const { spans, spanWork, spanEnd } = track;
  for (const [i, span] of spans.entries()) {
    const target = span.targetMs;
    if (target === null) continue;
    const from = spanWork[i] ?? 0;
    const to = spanWork[i + 1] ?? track.total;
    // Already past the new goal when it came into force: the deadline is the change itself, never earlier.
    const at = from >= target ? span.from : to >= target ? track.instantAt(target) : null;
    // Passed, not merely reached: the clock must move on past the deadline while this goal is in force.
    if (at !== null && at < (spanEnd[i] ?? 0)) return { at, span: i, work: Math.max(from, target) };
  }
  return null;
}

// ── The cycle's working timeline ───────────────────────────────────────────────────────────────────────

/**
 * A cycle's active time cut at goal changes into pieces, each measured on the calendar of its goal, with the
 * work elapsed at the start of each span: "when had W working ms passed" is one walk over the pieces.
 */
class Track {
  readonly pieceFrom: number[] = [];
  readonly pieceWork: number[] = [];
  readonly pieceCalendar: WorkingTime[] = [];
  /** Work elapsed when span i comes into force. */
  readonly spanWork: number[] = [];
  /** Where span i ends: the next span's start, or the cycle's end. */
  readonly spanEnd: number[] = [];
  readonly total: number;
  /** The goal in force at the end. */
  readonly last: GoalSpan;

  constructor(
    private readonly cycle: ReplayedCycle,
    readonly spans: readonly GoalSpan[],
    active: readonly number[],
    end: EpochMs,
    private readonly ticking: boolean,
    private readonly now: EpochMs,
  ) {
    const last = spans[spans.length - 1];
    if (!last) throw new Error('a cycle is measured against at least one goal span');
    this.last = last;
    let total = 0;
    let k = 0;
    for (const [i, span] of spans.entries()) {
      const from = span.from;
      const to = spans[i + 1]?.from ?? end;
      this.spanWork.push(total);
      this.spanEnd.push(to);
      // Active intervals are sorted and disjoint; each span takes the parts inside [from, to).
      while (k < active.length && (active[k + 1] ?? 0) <= from) k += 2;
      for (let j = k; j < active.length; j += 2) {
        const a = Math.max(active[j] ?? 0, from);
        const b = Math.min(active[j + 1] ?? 0, to);
        if (a >= to) break;
        if (b <= a) continue;
        const work = span.calendar.elapsed(a as EpochMs, b as EpochMs);
        if (work === 0) continue;
        this.pieceFrom.push(a);
        this.pieceWork.push(work);
        this.pieceCalendar.push(span.calendar);
        total += work;
      }
    }
    this.total = total;
  }

  /**
   * The earliest instant at which `work` working ms had passed in the cycle; projected past `now` on the
   * calendar of the goal in force while the clock ticks; null if it has not passed and the clock is stopped.
   */
  instantAt(work: number): EpochMs | null {
    if (work <= 0) return this.cycle.startedAt;
    if (work > this.total) {
      if (!this.ticking) return null;
      return this.last.calendar.deadline(this.now, (work - this.total) as WorkingMs) ?? null;
    }
    let acc = 0;
    for (let i = 0; i < this.pieceWork.length; i++) {
      const w = this.pieceWork[i] ?? 0;
      const calendar = this.pieceCalendar[i];
      if (acc + w >= work && calendar) {
        return calendar.deadline(this.pieceFrom[i] as EpochMs, (work - acc) as WorkingMs) ?? null;
      }
      acc += w;
    }
    return null; // unreachable: work <= total, the sum of the pieces
  }
}

/** Working time in the cycle's pauses, each part on the calendar of the goal in force then. */
function pausedTime(cycle: ReplayedCycle, track: Track, end: EpochMs): number {
  let paused = 0;
  const { spans, spanEnd } = track;
  for (const pause of cycle.pauses) {
    const to = Math.min(pause.to ?? end, end);
    for (const [i, span] of spans.entries()) {
      const a = Math.max(pause.from, span.from);
      const b = Math.min(to, spanEnd[i] ?? 0);
      if (b > a) paused += span.calendar.elapsed(a as EpochMs, b as EpochMs);
    }
  }
  return paused;
}

// ── Thresholds ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * A threshold's crossings. The first crossing is the first instant the elapsed time reaches the threshold's
 * level under the goal in force (at a goal change, if the new goal's level was already passed: a crossing
 * never moves into the past and never happens twice); a `minutesAfterBreach` threshold counts from the breach.
 * Repeats count working time of the cycle's timeline from the first crossing, which after a breach is the
 * calendar of the goal it breached under.
 */
function measureThreshold(
  threshold: Threshold,
  track: Track,
  breach: Breach | null,
  deadline: EpochMs | null,
): MeasuredThreshold {
  const at = threshold.at;
  const every =
    threshold.repeatEveryMinutes === undefined ? 0 : Math.round(threshold.repeatEveryMinutes * MS_PER_MINUTE);
  const { spans, spanWork, total } = track;
  const lastSpan = spans.length - 1;
  const lastTarget = track.last.targetMs;

  // The first crossing, as an instant and the work elapsed at it; or, if none yet, when it is projected.
  let first: EpochMs | null = null;
  let firstWork = 0;
  let projected: EpochMs | null = null;
  if ('minutesAfterBreach' in at) {
    const after = at.minutesAfterBreach * MS_PER_MINUTE;
    if (breach) {
      firstWork = breach.work + after;
      if (firstWork <= total) first = after <= 0 ? breach.at : track.instantAt(firstWork);
      else projected = track.instantAt(firstWork);
    } else if (lastTarget !== null && deadline !== null) {
      // Not breached yet: the deadline projected, then `after` more working time of the goal in force.
      projected =
        after <= 0 ? deadline : track.instantAt(Math.max(lastTarget, spanWork[lastSpan] ?? 0) + after);
    }
  } else {
    for (const [i, span] of spans.entries()) {
      if (first !== null) break;
      const target = span.targetMs;
      if (target === null) continue;
      const level =
        'percent' in at
          ? Math.floor((target * at.percent) / 100)
          : Math.max(0, target - at.minutesBefore * MS_PER_MINUTE);
      const from = spanWork[i] ?? 0;
      const to = spanWork[i + 1] ?? total;
      // A crossing happens at the instant the work is reached (>=), so an evaluation at exactly that instant
      // sees it; a goal whose level was already passed when it came into force crosses at the change.
      if (from >= level && i > 0) {
        first = span.from;
        firstWork = from;
      } else if (to >= level) {
        first = track.instantAt(level);
        firstWork = level;
      } else if (i === lastSpan) projected = track.instantAt(level);
    }
  }

  if (first === null) return { crossings: 0, lastAt: null, nextAt: projected };
  const crossings = every > 0 ? Math.floor((total - firstWork) / every) + 1 : 1;
  const lastAt = crossings === 1 ? first : track.instantAt(firstWork + (crossings - 1) * every);
  const nextAt = every > 0 ? track.instantAt(firstWork + crossings * every) : null;
  return { crossings, lastAt, nextAt };
}

/** The cycle's active time as flat pairs `[from0, to0, from1, to1, …]`: `[start, end)` minus its pauses. */
function activeIntervals(cycle: ReplayedCycle, end: EpochMs): number[] {
  const out: number[] = [];
  let from: number = cycle.startedAt;
  for (const pause of cycle.pauses) {
    if (pause.from > from) out.push(from, Math.min(pause.from, end));
    from = Math.max(from, pause.to ?? end);
  }
  if (end > from) out.push(from, end);
  return out;
}

import type { JqlQuery } from '../jql';
import type { IssueEvent, IssueHistory } from '../issue';
import type { EpochMs } from '../time/units';
import type { EventMatcher } from './conditions';

/** A pause inside a cycle, `[from, to)`; `to` is null while it lasts. */
export interface Pause {
  from: EpochMs;
  to: EpochMs | null;
}

/** A cycle as the replay finds it, before any calendar is applied. */
export interface ReplayedCycle {
  startedAt: EpochMs;
  stoppedAt: EpochMs | null;
  pauses: Pause[];
}

export interface MetricRules {
  readonly start: EventMatcher;
  readonly stop: EventMatcher;
  readonly reset: EventMatcher;
  readonly pauseWhile: JqlQuery | undefined;
}

/**
 * Replays an issue's history up to `now` into a metric's cycles.
 *
 * Instants of interest are the events and the changes of the fields `pauseWhile` reads. At each instant the
 * rules apply in the order start, resume, pause, stop, reset (docs/engine-contract.md, "Cycles"): so a start and
 * a stop on the same event give a zero-length cycle, and an issue created in a paused state starts its cycle
 * paused.
 */
export function replayCycles(history: IssueHistory, rules: MetricRules, now: EpochMs): ReplayedCycle[] {
  const { events, instants } = history;
  const pauseChanges = rules.pauseWhile ? history.changesOf(rules.pauseWhile.fields) : NO_INSTANTS;
  const cycles: ReplayedCycle[] = [];
  let cycle: ReplayedCycle | null = null;
  // Whether the running cycle's clock is stopped by `pauseWhile`, and since when. A flag beside a number,
  // not a nullable number: the instant then stays an unboxed double.
  let paused = false;
  let pausedSince = 0 as EpochMs;

  let e = 0;
  let p = 0;
  // The pause condition can only change where a field it reads changes: it is evaluated there, and when a
  // cycle starts, and nowhere else.
  let pausedNow = false;
  while (e < instants.length || p < pauseChanges.length) {
    // Bounds checked by hand: `?? Infinity` on a read past the end would box every instant read.
    const nextEvent = e < instants.length ? (instants[e] as number) : Infinity;
    const nextChange = p < pauseChanges.length ? (pauseChanges[p] as number) : Infinity;
    const t = (nextEvent < nextChange ? nextEvent : nextChange) as EpochMs;
    if (t > now) break;
    const groupStart = e;
    while (e < instants.length && instants[e] === t) e++;
    const groupEnd = e;
    const pauseFieldsChanged = nextChange === t;
    while (p < pauseChanges.length && pauseChanges[p] === t) p++;

    let started = false;
    if (!cycle) {
      if (!anyIn(events, groupStart, groupEnd, rules.start)) continue;
      cycle = { startedAt: t, stoppedAt: null, pauses: [] };
      cycles.push(cycle);
      started = true;
    }
    if (rules.pauseWhile && (started || pauseFieldsChanged))
      pausedNow = rules.pauseWhile.matches(history.at(t));
    if (paused && !pausedNow) {
      cycle.pauses.push({ from: pausedSince, to: t });
      paused = false;
    }
    if (!paused && pausedNow) {
      paused = true;
      pausedSince = t;
    }
    if (anyIn(events, groupStart, groupEnd, rules.stop)) {
      if (paused) cycle.pauses.push({ from: pausedSince, to: t });
      paused = false;
      cycle.stoppedAt = t;
      cycle = null;
      continue;
    }
    if (anyIn(events, groupStart, groupEnd, rules.reset)) {
      cycle.startedAt = t;
      cycle.pauses = [];
      if (paused) pausedSince = t;
    }
  }
  if (cycle && paused) cycle.pauses.push({ from: pausedSince, to: null });
  return cycles;
}

const NO_INSTANTS: readonly EpochMs[] = [];

/** Whether any event in `events[from, to)` matches. */
function anyIn(events: readonly IssueEvent[], from: number, to: number, matcher: EventMatcher): boolean {
  for (let i = from; i < to; i++) {
    const event = events[i];
    if (event && matcher(event)) return true;
  }
  return false;
}

export type { IssueEvent };

/** Whether a cycle is running and its clock stopped by `pauseWhile` (its last pause has not ended). */
export const isPaused = (cycle: ReplayedCycle): boolean =>
  cycle.stoppedAt === null && cycle.pauses[cycle.pauses.length - 1]?.to === null;

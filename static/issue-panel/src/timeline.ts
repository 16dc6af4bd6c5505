import type { CycleResult } from '../../../src/engine/evaluate/result';
import { parseInstant } from '../../../src/engine/time/iso';
import type { EpochMs } from '../../../src/engine/time/units';

/** One line of a cycle's story, at an instant. */
export type TimelineEvent =
  | { readonly kind: 'started'; readonly at: EpochMs }
  | { readonly kind: 'paused'; readonly at: EpochMs; readonly by: string | null }
  | { readonly kind: 'resumed'; readonly at: EpochMs }
  | { readonly kind: 'threshold'; readonly at: EpochMs; readonly index: number; readonly crossings: number }
  | { readonly kind: 'breached'; readonly at: EpochMs }
  | { readonly kind: 'met' | 'stopped-breached'; readonly at: EpochMs }
  | { readonly kind: 'due'; readonly at: EpochMs }
  | {
      readonly kind: 'extended';
      readonly at: EpochMs;
      readonly minutes: number;
      readonly who: string;
      readonly reason: string;
    }
  | { readonly kind: 'excused'; readonly at: EpochMs; readonly who: string; readonly reason: string }
  /** A date-field goal's field changed: the deadline it set, or null when it was emptied. */
  | { readonly kind: 'deadline-moved'; readonly at: EpochMs; readonly deadline: EpochMs | null };

/** A person's decision on a cycle (an `issue/adjustments` entry), as the timeline needs it. */
export interface CycleDecision {
  readonly kind: 'extension' | 'excuse';
  readonly cycleStartedAt: string;
  readonly at: string;
  readonly minutes: number | null;
  readonly actor: string;
  readonly reason: string;
}

/** What the browser knows beyond the stored cycle: only for the last one, which is still live. */
export interface LiveFacts {
  /** The condition that holds while the cycle is paused now. */
  readonly pausedBy?: string | null;
  /** When it breached, if it did in the browser since the evaluation. */
  readonly breachedAt?: EpochMs | null;
  /** The deadline of a running cycle. */
  readonly deadline?: EpochMs | null;
}

// Events at the same instant read in the order they happen (docs/engine-contract.md: start, resume, pause, stop), with a
// breach before the stop that follows it and a threshold before the breach it warned of.
const ORDER: Record<TimelineEvent['kind'], number> = {
  started: 0,
  resumed: 1,
  paused: 2,
  'deadline-moved': 3,
  threshold: 3,
  breached: 4,
  met: 5,
  'stopped-breached': 5,
  due: 6,
  extended: 3,
  excused: 5,
};

/**
 * The story of one cycle, oldest first: when the clock started, each pause and resume, each move of a
 * date-field goal's deadline, the warnings that were reached, the breach, and the stop, or the deadline still ahead. The goal that applied is told beside it
 * (it is the cycle's `goalIndex`). A threshold that repeated shows its last crossing only, which is all the
 * result keeps.
 * @example cycleTimeline(metric.cycles[0]).map((e) => e.kind) // ['started', 'paused', 'resumed', 'met']
 */
export function cycleTimeline(
  cycle: CycleResult,
  live: LiveFacts = {},
  decisions: readonly CycleDecision[] = [],
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const at = (text: string | null): EpochMs | undefined => (text === null ? undefined : parseInstant(text));

  const started = at(cycle.startedAt);
  if (started !== undefined) events.push({ kind: 'started', at: started });
  cycle.pauses.forEach((pause, i) => {
    const from = at(pause.from);
    const to = at(pause.to);
    const current = to === undefined && i === cycle.pauses.length - 1;
    if (from !== undefined)
      events.push({ kind: 'paused', at: from, by: current ? (live.pausedBy ?? null) : null });
    if (to !== undefined) events.push({ kind: 'resumed', at: to });
  });
  for (const threshold of cycle.thresholds) {
    const last = at(threshold.lastAt);
    if (threshold.crossings > 0 && last !== undefined) {
      events.push({ kind: 'threshold', at: last, index: threshold.index, crossings: threshold.crossings });
    }
  }
  for (const change of cycle.deadlineChanges ?? []) {
    const when = at(change.at);
    if (when !== undefined)
      events.push({ kind: 'deadline-moved', at: when, deadline: at(change.deadline) ?? null });
  }
  const breached = at(cycle.breachedAt) ?? live.breachedAt ?? undefined;
  if (breached !== undefined) events.push({ kind: 'breached', at: breached });
  const stopped = at(cycle.stoppedAt);
  if (stopped !== undefined) {
    events.push({ kind: cycle.breached ? 'stopped-breached' : 'met', at: stopped });
  } else if (breached === undefined) {
    const due = live.deadline ?? at(cycle.deadline);
    if (due !== undefined) events.push({ kind: 'due', at: due });
  }
  // Extensions and excuses of this cycle, when they were made (docs/engine-contract.md).
  for (const d of decisions) {
    const made = at(d.at);
    if (made === undefined || at(d.cycleStartedAt) !== started) continue;
    events.push(
      d.kind === 'extension'
        ? { kind: 'extended', at: made, minutes: d.minutes ?? 0, who: d.actor, reason: d.reason }
        : { kind: 'excused', at: made, who: d.actor, reason: d.reason },
    );
  }
  return events.sort((a, b) => a.at - b.at || ORDER[a.kind] - ORDER[b.kind]);
}

import { QUEUE_MAX_DELAY_SECONDS, QUEUE_MAX_EVENTS, type QueueEvent } from '../ports';
import type { Deps } from './deps';
import { processDue } from './process-due';

/** The scheduled trigger's period (Forge's finest: five minutes). */
export const SWEEP_PERIOD_MS = 5 * 60_000;
// Overlap sweeps by a minute so that a late sweep misses nothing; acting twice is harmless (the action log).
const MARGIN_MS = 60_000;
const BATCH = 1000;

export interface SweepReport {
  readonly scheduled: number;
  readonly handledNow: number;
}

/**
 * The five-minute sweep. A deadline passing raises no Jira event, so the sweep finds every result whose next
 * threshold or deadline falls before the next sweep and schedules a delayed queue event for that exact instant
 * (a second after it, so the re-evaluation sees it crossed); what is already due is handled at once.
 */
export async function sweep(deps: Deps): Promise<SweepReport> {
  const now = deps.clock.now();
  const due = await deps.store.results.due(now + SWEEP_PERIOD_MS + MARGIN_MS, BATCH);
  const earliest = new Map<string, number>();
  for (const r of due) {
    if (r.nextDue === null) continue;
    earliest.set(r.issueId, Math.min(earliest.get(r.issueId) ?? Infinity, r.nextDue));
  }
  const later = new Map<number, QueueEvent[]>();
  let handledNow = 0;
  for (const [issueId, at] of earliest) {
    const delaySeconds = Math.min(QUEUE_MAX_DELAY_SECONDS, Math.ceil((at - now) / 1000) + 1);
    if (at <= now) {
      await processDue(deps, { type: 'due', issueId, at });
      handledNow++;
    } else {
      later.set(delaySeconds, [...(later.get(delaySeconds) ?? []), { type: 'due', issueId, at }]);
    }
  }
  let scheduled = 0;
  for (const [delaySeconds, events] of later) {
    for (let i = 0; i < events.length; i += QUEUE_MAX_EVENTS) {
      const chunk = events.slice(i, i + QUEUE_MAX_EVENTS);
      await deps.queue.push(chunk, { delaySeconds });
      scheduled += chunk.length;
    }
  }
  return { scheduled, handledNow };
}

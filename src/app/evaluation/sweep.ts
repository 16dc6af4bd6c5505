import {
  QUEUE_MAX_DELAY_SECONDS,
  QUEUE_MAX_EVENTS,
  QueueRefusedError,
  type DueItem,
  type QueueEvent,
} from '../ports';
import { failStalledJobs } from '../jobs/recalculate';
import { retentionInSweep } from '../retention/retention';
import type { Deps } from './deps';

/** The scheduled trigger's period (Forge's finest: five minutes). */
export const SWEEP_PERIOD_MS = 5 * 60_000;
// Overlap sweeps by a minute so that a late sweep misses nothing; acting twice is harmless (the action log).
const MARGIN_MS = 60_000;
/** Due results read per sweep; what is left is read by the next one (it stays due). */
const BATCH = 2000;
/**
 * Due instants are coalesced into buckets this long: everything due within one bucket is one queue event, run
 * at the bucket's end. A threshold acts at most this late, and a sweep pushes at most some 24 buckets' events.
 */
export const DUE_BUCKET_SECONDS = 15;
/** Issues per `dues` event: about 50 bytes each, far inside Forge's 200 KB a push. */
export const DUES_PER_EVENT = 100;

export interface SweepReport {
  /** Due instants scheduled (issues), and the queue events that carry them. */
  readonly scheduled: number;
  readonly events: number;
  /** Shards whose pending issues got a drain. */
  readonly drains: number;
  /** Due instants and drains the queue refused: they stay in the store for the next sweep. */
  readonly refused: number;
}

/**
 * The five-minute sweep. A deadline passing raises no Jira event, so the sweep finds every result whose next
 * threshold or deadline falls before the next sweep and schedules it, coalesced: one `dues` event per
 * {@link DUE_BUCKET_SECONDS} bucket (a second after the bucket, so the re-evaluation sees every instant in it
 * crossed), at most {@link DUES_PER_EVENT} issues each. It also kicks a drain for every shard with pending issues
 * due (changes whose kick the queue refused, or that wait after a failure), forgets expired budgets, and runs a
 * bounded round of retention (`retention/retention.ts`).
 *
 * Everything it pushes goes through the app's queue budget; a refusal costs nothing but time, since the results
 * stay due and the marks pending for the next sweep.
 */
export async function sweep(deps: Deps): Promise<SweepReport> {
  const now = deps.clock.now();
  await deps.store.budgets.purge(now);
  const due = await deps.store.results.due(now + SWEEP_PERIOD_MS + MARGIN_MS, BATCH);
  const earliest = new Map<string, number>();
  for (const r of due) {
    if (r.nextDue === null) continue;
    earliest.set(r.issueId, Math.min(earliest.get(r.issueId) ?? Infinity, r.nextDue));
  }
  const byDelay = new Map<number, DueItem[]>();
  for (const [issueId, at] of earliest) {
    const seconds = Math.max(0, Math.ceil((at - now) / 1000));
    const bucketed = seconds === 0 ? 0 : Math.ceil(seconds / DUE_BUCKET_SECONDS) * DUE_BUCKET_SECONDS + 1;
    const delaySeconds = Math.min(QUEUE_MAX_DELAY_SECONDS, bucketed);
    byDelay.set(delaySeconds, [...(byDelay.get(delaySeconds) ?? []), { issueId, at }]);
  }
  let scheduled = 0;
  let events = 0;
  let refused = 0;
  for (const [delaySeconds, items] of [...byDelay].sort(([a], [b]) => a - b)) {
    const bodies: QueueEvent[] = [];
    for (let i = 0; i < items.length; i += DUES_PER_EVENT) {
      bodies.push({ type: 'dues', items: items.slice(i, i + DUES_PER_EVENT) });
    }
    for (let i = 0; i < bodies.length; i += QUEUE_MAX_EVENTS) {
      const chunk = bodies.slice(i, i + QUEUE_MAX_EVENTS);
      const count = chunk.reduce((n, e) => n + (e.type === 'dues' ? e.items.length : 0), 0);
      if (await pushOrCount(deps, chunk, delaySeconds)) {
        scheduled += count;
        events += chunk.length;
      } else refused += count;
    }
  }
  const shards = await deps.store.pending.dueShards(now);
  let drains = 0;
  if (shards.length > 0) {
    const kicks: QueueEvent[] = shards.map((shard) => ({ type: 'drain', shard }));
    if (await pushOrCount(deps, kicks, 0)) drains = shards.length;
    else refused += shards.length;
  }
  if (refused > 0) deps.logger.log('warn', 'queue.refused', { count: refused, reason: 'sweep' });
  // Last, so that a slow round of retention never delays what is due.
  await failStalledJobs(deps);
  await retentionInSweep(deps);
  return { scheduled, events, drains, refused };
}

async function pushOrCount(
  deps: Deps,
  events: readonly QueueEvent[],
  delaySeconds: number,
): Promise<boolean> {
  try {
    await deps.queue.push(events, { delaySeconds });
    return true;
  } catch (error) {
    if (error instanceof QueueRefusedError) return false;
    throw error;
  }
}

/** The work Accord queues for itself; consumers receive exactly these bodies (at least once, in any order). */
export type QueueEvent =
  /** An issue changed: re-read and re-evaluate it. */
  | { readonly type: 'issue'; readonly issueId: string; readonly attempt?: number }
  /** A threshold or deadline is due at `at` (epoch ms) on this issue: re-evaluate then and act. */
  | { readonly type: 'due'; readonly issueId: string; readonly at: number; readonly attempt?: number }
  /** Continue a recalculation job from its stored cursor (or one of its parallel lanes). */
  | { readonly type: 'job'; readonly jobId: string; readonly lane?: number }
  /** Measure the pending (changed) issues of one shard, see `drain.ts`. */
  | { readonly type: 'drain'; readonly shard: number }
  /** Several thresholds or deadlines due at about the same instant, coalesced by the sweep. */
  | { readonly type: 'dues'; readonly items: readonly DueItem[] };

/** One issue's next due instant (epoch ms). */
export interface DueItem {
  readonly issueId: string;
  readonly at: number;
}

/**
 * The queue refused a push: Forge's rate limit (500 events a minute per installation), a push too large, or the
 * app's own budget spent. Nothing was queued; the caller's work must wait somewhere durable (the store) for a
 * later push or the sweep.
 */
export class QueueRefusedError extends Error {
  constructor(
    message: string,
    /** `rate-limit` (Forge), `budget` (the app's own), or `size`. */
    readonly reason: 'rate-limit' | 'budget' | 'size',
  ) {
    super(message);
    this.name = 'QueueRefusedError';
  }
}

/** Forge's queue limits: at most 50 events and 200 KB a push, delay at most 900 s. */
export const QUEUE_MAX_EVENTS = 50;
export const QUEUE_MAX_DELAY_SECONDS = 900;

export interface Queue {
  /** Pushes events, at most {@link QUEUE_MAX_EVENTS} at a time, optionally delayed (≤ 900 s). */
  push(events: readonly QueueEvent[], options?: { readonly delaySeconds?: number }): Promise<void>;
}

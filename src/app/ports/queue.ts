/** The work Accord queues for itself; consumers receive exactly these bodies (at least once, in any order). */
export type QueueEvent =
  /** An issue changed: re-read and re-evaluate it. */
  | { readonly type: 'issue'; readonly issueId: string; readonly attempt?: number }
  /** A threshold or deadline is due at `at` (epoch ms) on this issue: re-evaluate then and act. */
  | { readonly type: 'due'; readonly issueId: string; readonly at: number; readonly attempt?: number }
  /** Continue a recalculation job from its stored cursor. */
  | { readonly type: 'job'; readonly jobId: string };

/** Forge's queue limits: at most 50 events and 200 KB a push, delay at most 900 s. */
export const QUEUE_MAX_EVENTS = 50;
export const QUEUE_MAX_DELAY_SECONDS = 900;

export interface Queue {
  /** Pushes events, at most {@link QUEUE_MAX_EVENTS} at a time, optionally delayed (≤ 900 s). */
  push(events: readonly QueueEvent[], options?: { readonly delaySeconds?: number }): Promise<void>;
}

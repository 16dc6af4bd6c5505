/** The work Accord queues for itself; consumers receive exactly these bodies (at least once, in any order). */
export type QueueEvent =
  /** An issue changed: re-read and re-evaluate it. */
  | {
      readonly type: 'issue';
      readonly issueId: string;
      readonly attempt?: number;
      /** The event's own change, applied without a read when that is sound (only marked, never queued). */
      readonly change?: CarriedChange;
    }
  /** A threshold or deadline is due at `at` (epoch ms) on this issue: re-evaluate then and act. */
  | { readonly type: 'due'; readonly issueId: string; readonly at: number; readonly attempt?: number }
  /** Continue a recalculation job from its stored cursor (or one of its parallel lanes). */
  | { readonly type: 'job'; readonly jobId: string; readonly lane?: number }
  /** Measure the pending (changed) issues of one shard, see `drain.ts`. */
  | { readonly type: 'drain'; readonly shard: number }
  /** Several thresholds or deadlines due at about the same instant, coalesced by the sweep. */
  | { readonly type: 'dues'; readonly items: readonly DueItem[] };

/** At most this many characters of a carried change; a bigger one is read from Jira instead. */
export const MAX_CARRIED_CHARS = 2000;

/**
 * A product event's own change, carried with the pending mark so that the drain can bring the stored history up
 * to date without reading the issue (`apply-carried.ts`): an update's changelog entry, or a new comment.
 */
export type CarriedChange = CarriedEntryChange | CarriedComment;

/** `avi:jira:updated:issue`: its changelog entry (lines stored before comments were carried have no `kind`). */
export interface CarriedEntryChange {
  readonly kind?: 'entry';
  /** The changelog entry's id. */
  readonly id: string;
  /** The issue's `updated` in the event, epoch ms: when the change happened, by Jira's clock. */
  readonly at: number;
  /** The entry's items, with only their `field`, `fieldtype`, `fieldId`, `from(String)` and `to(String)`. */
  readonly items: readonly Readonly<Record<string, string | null>>[];
  /** The account that made the change (the event's `atlassianId`). */
  readonly actor: string;
  /** The issue's status after the change as the event names it, with its category key, if it does. */
  readonly status?: { readonly id?: string; readonly name?: string; readonly category?: string };
}

/**
 * `avi:jira:commented:issue` for a comment just created (not edited): what a full read learns of it but the
 * kind of account its author has, which the drain looks up (`PeopleCache.accountTypes`).
 */
export interface CarriedComment {
  readonly kind: 'comment';
  /** The comment's id. */
  readonly id: string;
  /** Its `created`, epoch ms. */
  readonly at: number;
  /** The author's account id. */
  readonly author: string;
  /** Its `jsdPublic`: false for an internal note. */
  readonly public: boolean;
}

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

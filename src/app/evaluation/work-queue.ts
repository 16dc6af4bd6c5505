import {
  QueueRefusedError,
  type BudgetStore,
  type CarriedChange,
  type Clock,
  type Logger,
  type PendingStore,
  type Queue,
  type QueueEvent,
} from '../ports';

/** How many drains measure pending issues side by side; each pending issue belongs to one (its shard). */
export const DRAIN_SHARDS = 4;

/**
 * The app's share of Forge's 500 queue events a minute per installation: the rest is headroom for pushes the
 * budget cannot see (a retry Forge makes itself), so the platform never refuses what the app counted.
 */
export const QUEUE_EVENTS_PER_MINUTE = 400;

/** Changes within one window are measured by one drain kick (and its trailing kick at the window's end). */
export const KICK_WINDOW_MS = 10_000;

/** The shard of an issue: numeric ids (Jira's) spread evenly; anything else by its characters. */
export function shardOf(issueId: string): number {
  if (/^\d+$/.test(issueId)) return Number(issueId.slice(-6)) % DRAIN_SHARDS;
  let sum = 0;
  for (const ch of issueId) sum += ch.charCodeAt(0);
  return sum % DRAIN_SHARDS;
}

/**
 * The {@link Queue} the use cases push to: it keeps Accord within Forge's queue limits whatever the load.
 *
 * - An `issue` event is not pushed at all: the issue is marked pending in the store (one statement) and a
 *   drain of its shard is kicked, at most twice per shard and ten-second window (at once, and at the window's
 *   end for changes that arrive after that drain finished). A burst of 10,000 changes costs some 48 queue
 *   events a minute, not 10,000; a refused kick loses nothing, since the mark waits in the store and the sweep
 *   kicks a drain for every shard with marks due.
 * - Every other push first takes its events from the app's budget of {@link QUEUE_EVENTS_PER_MINUTE} (a counter
 *   per minute in the store, shared by every function instance); over budget, or refused by Forge, it throws
 *   {@link QueueRefusedError}, and the caller's work waits in the store (pending marks, results' due instants,
 *   job cursors) for the sweep.
 *
 * @example await workQueue.push([{ type: 'issue', issueId: '10001' }]); // marks and kicks; never throws for a refusal
 */
export class WorkQueue implements Queue {
  constructor(
    private readonly queue: Queue,
    private readonly store: { readonly pending: PendingStore; readonly budgets: BudgetStore },
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async push(events: readonly QueueEvent[], options: { readonly delaySeconds?: number } = {}): Promise<void> {
    const issues = events.filter((e) => e.type === 'issue');
    const others = events.filter((e) => e.type !== 'issue');
    if (issues.length > 0) await this.markPending(issues);
    if (others.length > 0) await this.pushCounted(others, options);
  }

  /**
   * Marks issues as changed, with the change an event carried (the drain applies it without a read when that
   * is sound) or none (the drain reads the issue), and kicks their shards' drains.
   */
  async markPending(
    issues: readonly { readonly issueId: string; readonly change?: CarriedChange }[],
  ): Promise<void> {
    const now = this.clock.now();
    const shards = new Set<number>();
    const seen = new Set<string>();
    for (const { issueId, change } of issues) {
      // The same issue twice in one push without a change to carry: one mark does.
      if (change === undefined && seen.has(issueId)) continue;
      seen.add(issueId);
      const shard = shardOf(issueId);
      const carried = change === undefined ? undefined : JSON.stringify(change);
      await this.store.pending.mark(issueId, shard, globalThis.crypto.randomUUID(), now, carried);
      shards.add(shard);
    }
    for (const shard of shards) await this.kick(shard, now);
  }

  /**
   * Pushes a drain of `shard` now and at the end of the current window, unless another instance already did
   * for this window; a refusal is logged and absorbed (the sweep kicks drains for what is left).
   */
  private async kick(shard: number, now: number): Promise<void> {
    const window = Math.floor(now / KICK_WINDOW_MS);
    const windowEnd = (window + 1) * KICK_WINDOW_MS;
    if (!(await this.store.budgets.take(`kick:${shard}:${window}`, 1, 1, windowEnd + KICK_WINDOW_MS))) return;
    try {
      await this.takeBudget(2); // both kicks at once: one statement
      await this.queue.push([{ type: 'drain', shard }]);
      await this.queue.push([{ type: 'drain', shard }], {
        delaySeconds: Math.max(1, Math.ceil((windowEnd - now) / 1000)),
      });
    } catch (error) {
      if (!(error instanceof QueueRefusedError)) throw error;
      this.logger.log('info', 'queue.refused', { reason: error.reason, count: 1, queue: 'drain' });
    }
  }

  /** Pushes within the app's budget of queue events a minute; throws {@link QueueRefusedError} beyond it. */
  async pushCounted(
    events: readonly QueueEvent[],
    options: { readonly delaySeconds?: number } = {},
  ): Promise<void> {
    await this.takeBudget(events.length);
    await this.queue.push(events, options);
  }

  /** Takes `count` events from this minute's budget; throws {@link QueueRefusedError} when it is spent. */
  private async takeBudget(count: number): Promise<void> {
    const minute = Math.floor(this.clock.now() / 60_000);
    const taken = await this.store.budgets.take(
      `queue:${minute}`,
      count,
      QUEUE_EVENTS_PER_MINUTE,
      (minute + 2) * 60_000,
    );
    if (!taken) {
      throw new QueueRefusedError(
        `the app's budget of ${QUEUE_EVENTS_PER_MINUTE} queue events a minute is spent`,
        'budget',
      );
    }
  }
}

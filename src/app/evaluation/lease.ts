import { errorFields } from '../ports';
import type { Deps } from './deps';

/**
 * A short lease in the store, renewed while its holder works: one drain per shard, one runner per job lane.
 *
 * Short, because a holder can die without giving it up: an invocation that runs out of time, or whose release is
 * refused by Forge SQL's rate limit when the database is busiest. A lease held for a consumer's whole 900 s then
 * kept the shard's pending issues waiting that long, while every kick found it busy. Renewed after each unit of
 * work, a live holder keeps it; a dead one's lapses within {@link Lease.ttlMs}.
 *
 * @example
 * const lease = await Lease.take(deps, 'drain:0', 3 * 60_000);
 * if (lease) try { while (work()) if (!(await lease.renew())) break; } finally { await lease.release(); }
 */
export class Lease {
  private constructor(
    private readonly deps: Deps,
    readonly key: string,
    readonly ttlMs: number,
    private heldUntil: number,
  ) {}

  /** The lease, or undefined while someone else holds it. */
  static async take(deps: Deps, key: string, ttlMs: number): Promise<Lease | undefined> {
    const now = deps.clock.now();
    const until = now + ttlMs;
    return (await deps.store.budgets.acquire(key, now, until))
      ? new Lease(deps, key, ttlMs, until)
      : undefined;
  }

  /**
   * Extends the lease by its length from now once half of it is spent (no statement before: a drain renews after
   * every round of a few hundred milliseconds); false if it lapsed and someone else took it (the caller stops).
   * A renewal the store refuses keeps the lease as it was: the holder goes on while it still holds it.
   */
  async renew(): Promise<boolean> {
    const now = this.deps.clock.now();
    if (this.heldUntil - now > this.ttlMs / 2) return true;
    const until = now + this.ttlMs;
    try {
      if (!(await this.deps.store.budgets.renew(this.key, this.heldUntil, until))) return false;
      this.heldUntil = until;
      return true;
    } catch (error) {
      this.deps.logger.log('warn', 'lease.failed', {
        lease: this.key,
        operation: 'renew',
        ...errorFields(error),
      });
      return now < this.heldUntil;
    }
  }

  /**
   * Gives the lease up; never throws. When the store refuses, the lease lapses on its own at {@link lapsesAt},
   * and whatever continues the work should not start before.
   */
  async release(): Promise<boolean> {
    try {
      await this.deps.store.budgets.release(this.key, this.heldUntil);
      return true;
    } catch (error) {
      this.deps.logger.log('warn', 'lease.failed', {
        lease: this.key,
        operation: 'release',
        ...errorFields(error),
      });
      return false;
    }
  }

  /** When the lease lapses unless renewed. */
  get lapsesAt(): number {
    return this.heldUntil;
  }
}

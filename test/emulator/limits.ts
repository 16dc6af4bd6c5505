/**
 * Forge's documented per-installation limits as the emulator enforces them, and the sliding
 * windows that count against them in virtual time. Tests may lower a limit to reach it quickly; the defaults
 * are the platform's.
 */

/** Every limit the emulator enforces. */
export interface ForgeLimits {
  /** Async events pushed per installation in any 60 s. */
  readonly pushedEventsPerMinute: number;
  /** Events in one push. */
  readonly eventsPerPush: number;
  /** Bytes of one push's payload (the SDK's own check: JSON of the events, 200 KB of 1,024 bytes). */
  readonly pushBytes: number;
  /** Forge SQL requests to `/api/v1/execute` in any 1 s. */
  readonly dmlPerSecond: number;
  /** Forge SQL requests to `/api/v1/execute/ddl` in any 60 s. */
  readonly ddlPerMinute: number;
  /** Bytes stored in the installation's database, data and indexes (information_schema). */
  readonly storedBytes: number;
  /** Milliseconds a SELECT may run on the server. */
  readonly selectMs: number;
  /** Milliseconds an INSERT, UPDATE, REPLACE or DELETE may run on the server. */
  readonly dmlMs: number;
  /** Bytes of one SQL response (its rows as JSON). */
  readonly responseBytes: number;
  /** Realtime publishes per installation in any 1 s. */
  readonly publishesPerSecond: number;
  /** Jira REST points per app in one clock hour. */
  readonly jiraPointsPerHour: number;
  /** Jira REST requests per endpoint (method and path shape) in any 1 s before a burst 429. */
  readonly jiraBurstPerSecond: number;
}

export const FORGE_LIMITS: ForgeLimits = {
  pushedEventsPerMinute: 500,
  eventsPerPush: 50,
  pushBytes: 200 * 1024,
  dmlPerSecond: 150,
  ddlPerMinute: 25,
  storedBytes: 1024 ** 3,
  selectMs: 5000,
  dmlMs: 10_000,
  responseBytes: 4 * 1024 ** 2,
  publishesPerSecond: 50,
  jiraPointsPerHour: 65_000,
  jiraBurstPerSecond: 100,
};

/**
 * How many things happened in the last `windowMs` of virtual time, each with a weight. `take` admits a new
 * one only if the window's total stays within `limit`.
 */
export class SlidingWindow {
  private readonly entries: { at: number; weight: number }[] = [];
  private total = 0;

  constructor(
    private readonly windowMs: number,
    private readonly limit: number,
  ) {}

  private expire(now: number): void {
    while (this.entries[0] !== undefined && this.entries[0].at <= now - this.windowMs) {
      this.total -= this.entries[0].weight;
      this.entries.shift();
    }
  }

  /** The weight in the window at `now`. */
  used(now: number): number {
    this.expire(now);
    return this.total;
  }

  /** Admits `weight` at `now` if the limit allows; true if admitted. */
  take(now: number, weight = 1): boolean {
    this.expire(now);
    if (this.total + weight > this.limit) return false;
    this.entries.push({ at: now, weight });
    this.total += weight;
    return true;
  }

  /** When the window next has room for `weight` (virtual ms), assuming nothing else is admitted. */
  freeAt(now: number, weight = 1): number {
    this.expire(now);
    let total = this.total;
    for (const entry of this.entries) {
      if (total + weight <= this.limit) break;
      total -= entry.weight;
      if (total + weight <= this.limit) return entry.at + this.windowMs;
    }
    return now;
  }
}

/** The most of anything counted in one calendar second of virtual time (e.g. DML requests a second). */
export class PeakPerSecond {
  private second = Number.NaN;
  private count = 0;
  peak = 0;

  add(now: number, n = 1): void {
    const second = Math.floor(now / 1000);
    if (second !== this.second) {
      this.second = second;
      this.count = 0;
    }
    this.count += n;
    this.peak = Math.max(this.peak, this.count);
  }
}

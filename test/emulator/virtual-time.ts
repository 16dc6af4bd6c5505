/**
 * Virtual time for the Forge emulator: a discrete-event scheduler whose clock only moves when every piece of
 * real work (a MariaDB query, a handler's own computation) has finished, so minutes and hours of a site can be
 * played in seconds and every per-second or per-hour limit is counted in the site's time, not the machine's.
 *
 * Code running inside an emulated invocation sees this clock through `Date` and `setTimeout` (found through an
 * `AsyncLocalStorage`), so the real handlers' `Date.now()` and their back-off sleeps run on virtual time too;
 * everything else (jest, mysql2) keeps the machine's own timers.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fire: () => void;
  cancelled: boolean;
}

/** The virtual clock and its timer queue. */
export class VirtualScheduler {
  private current: number;
  private timers: Timer[] = [];
  private seq = 0;
  private busy = 0;
  private idle: (() => void)[] = [];

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  /** Runs `fire` when the clock reaches `at` (at once on the next step if `at` is not in the future). */
  at(at: number, fire: () => void): Timer {
    const timer: Timer = { at: Math.max(at, this.current), seq: this.seq++, fire, cancelled: false };
    // Binary insertion keeps the queue ordered by time, then by creation.
    let lo = 0;
    let hi = this.timers.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const other = this.timers[mid]!;
      if (other.at < timer.at || (other.at === timer.at && other.seq < timer.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.timers.splice(lo, 0, timer);
    return timer;
  }

  cancel(timer: Timer): void {
    timer.cancelled = true;
  }

  /** Resolves after `ms` of virtual time. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.at(this.current + Math.max(0, ms), resolve);
    });
  }

  /** Runs real work (I/O on the machine's clock); virtual time stands still until it has finished. */
  async real<T>(work: () => Promise<T>): Promise<T> {
    this.busy++;
    try {
      return await work();
    } finally {
      this.busy--;
      if (this.busy === 0) for (const wake of this.idle.splice(0)) wake();
    }
  }

  /** When the next timer fires, if any. */
  nextAt(): number | undefined {
    this.timers = this.timers.filter((t) => !t.cancelled);
    return this.timers[0]?.at;
  }

  /**
   * Waits until no real work is running and every callback it released has run: two macrotask turns in a row
   * with nothing busy, since a finished query releases microtasks that may start the next one.
   */
  async settle(): Promise<void> {
    for (let quiet = 0; quiet < 2;) {
      if (this.busy > 0) {
        await new Promise<void>((resolve) => this.idle.push(resolve));
        quiet = 0;
      }
      await new Promise<void>((resolve) => {
        setImmediate(resolve);
      });
      quiet = this.busy === 0 ? quiet + 1 : 0;
    }
  }

  /** Moves the clock to `until`, firing every timer due on the way, each after the work before it settled. */
  async runUntil(until: number): Promise<void> {
    for (;;) {
      await this.settle();
      const next = this.nextAt();
      if (next === undefined || next > until) break;
      this.current = Math.max(this.current, next);
      const due: Timer[] = [];
      while (this.timers[0] !== undefined && this.timers[0].at <= this.current)
        due.push(this.timers.shift()!);
      for (const timer of due) if (!timer.cancelled) timer.fire();
    }
    this.current = Math.max(this.current, until);
    await this.settle();
  }
}

// ── Virtual Date and setTimeout inside invocations ─────────────────────────────────────────────────────

/** What code inside an emulated invocation runs under. */
export interface VirtualScope {
  readonly scheduler: VirtualScheduler;
}

/** The invocation (or other virtual scope) the current code runs in, if any. */
export const scopeStorage = new AsyncLocalStorage<VirtualScope>();

interface VirtualHandle {
  readonly virtual: ReturnType<VirtualScheduler['at']>;
  readonly scheduler: VirtualScheduler;
  ref(): VirtualHandle;
  unref(): VirtualHandle;
  hasRef(): boolean;
  refresh(): VirtualHandle;
  [Symbol.toPrimitive](): number;
}

let installs = 0;
let restore: (() => void) | undefined;

/**
 * Makes `Date` and `setTimeout`/`clearTimeout` virtual for code running inside a {@link scopeStorage} scope;
 * outside one they are the machine's. Counted: the last {@link uninstallVirtualGlobals} puts the originals back.
 */
export function installVirtualGlobals(): void {
  installs++;
  if (installs > 1) return;
  const RealDate = Date;
  const realSetTimeout = globalThis.setTimeout;
  const realClearTimeout = globalThis.clearTimeout;

  const VirtualDate = function (this: unknown, ...args: unknown[]): unknown {
    const scope = scopeStorage.getStore();
    if (!(this instanceof VirtualDate)) {
      // Called without `new`: a string of the current time, as Date() does.
      return new RealDate(scope ? scope.scheduler.now() : RealDate.now()).toString();
    }
    if (args.length === 0) return new RealDate(scope ? scope.scheduler.now() : RealDate.now());
    return new (RealDate as unknown as new (...a: unknown[]) => Date)(...args);
  } as unknown as DateConstructor;
  Object.setPrototypeOf(VirtualDate, RealDate);
  Object.defineProperty(VirtualDate, 'prototype', { value: RealDate.prototype });
  Object.defineProperty(VirtualDate, 'now', {
    value: () => {
      const scope = scopeStorage.getStore();
      // Whole milliseconds, as the real Date.now() gives (virtual time adds fractional latencies).
      return scope ? Math.floor(scope.scheduler.now()) : RealDate.now();
    },
  });
  Object.defineProperty(VirtualDate, Symbol.hasInstance, { value: (x: unknown) => x instanceof RealDate });

  const virtualSetTimeout = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const scope = scopeStorage.getStore();
    if (!scope) return realSetTimeout(callback, ms, ...args);
    const handle: VirtualHandle = {
      scheduler: scope.scheduler,
      virtual: scope.scheduler.at(scope.scheduler.now() + Math.max(0, ms ?? 0), () => {
        callback(...args);
      }),
      ref: () => handle,
      unref: () => handle,
      hasRef: () => true,
      refresh: () => handle,
      [Symbol.toPrimitive]: () => 0,
    };
    return handle;
  }) as unknown as typeof setTimeout;
  const virtualClearTimeout = ((handle: unknown) => {
    if (typeof handle === 'object' && handle !== null && 'virtual' in handle) {
      const v = handle as VirtualHandle;
      v.scheduler.cancel(v.virtual);
      return;
    }
    realClearTimeout(handle as Parameters<typeof clearTimeout>[0]);
  }) as typeof clearTimeout;

  globalThis.Date = VirtualDate;
  globalThis.setTimeout = virtualSetTimeout;
  globalThis.clearTimeout = virtualClearTimeout;
  restore = () => {
    globalThis.Date = RealDate;
    globalThis.setTimeout = realSetTimeout;
    globalThis.clearTimeout = realClearTimeout;
  };
}

/** Undoes one {@link installVirtualGlobals}. */
export function uninstallVirtualGlobals(): void {
  installs = Math.max(0, installs - 1);
  if (installs === 0 && restore) {
    restore();
    restore = undefined;
  }
}

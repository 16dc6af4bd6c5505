import type { Clock } from '../app/ports';
import type { EpochMs } from '../engine/time/units';

/** A clock the sandbox (and its tests) move by hand, to watch warnings and breaches fire. */
export class ManualClock implements Clock {
  constructor(private current: number) {}

  now(): EpochMs {
    return this.current as EpochMs;
  }

  set(instant: number): void {
    this.current = instant;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

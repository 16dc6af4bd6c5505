import type { EpochMs } from '../../engine/time/units';

/** The time, from outside: use cases never read the machine's clock themselves. */
export interface Clock {
  now(): EpochMs;
}

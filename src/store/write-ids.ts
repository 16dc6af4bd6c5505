/**
 * Write ids order the writes of one issue's results that carry the same stamp (a recalculation re-evaluates an
 * unchanged history under a new agreement version). They sort as strings in the order they were made: a
 * zero-padded microsecond tick, strictly increasing within the store, then random bits drawn once per store so
 * that two processes (or two stores) never make the same id. The tick alone keeps one store's ids apart, so the
 * random bits need not be drawn again for every write (which cost a recalculation 2 % of its time).
 *
 * ATTENTION: across processes the order is the wall clock's. Two writes of the same stamp from different
 * invocations less apart than the clocks' skew may be ordered wrongly; the later one then reports `stale`
 * instead of being written, which the caller sees.
 */
import { randomBytes } from 'node:crypto';

/** Width of the tick in base 36: microseconds up to about the year 6000. */
const TICK_WIDTH = 11;
/** Width of the store's random bits in base 36 (41 bits). */
const ORIGIN_WIDTH = 8;

/**
 * Makes ids for one store; `now` is the wall clock in epoch milliseconds. An id is 19 characters: the tick in
 * base 36 (`0` and a letter from 2001 to 2082), then the store's random bits. Ids an older Accord made (an
 * 18-digit tick, `-`, 16 hex digits: 35 characters, repeated in every result and cycle row and index entry)
 * sort before these, since their second character is a digit: an issue's newer write still wins.
 */
export function writeIds(now: () => number): () => string {
  let lastTick = 0;
  const origin = BigInt(`0x${randomBytes(8).toString('hex')}`)
    .toString(36)
    .slice(-ORIGIN_WIDTH)
    .padStart(ORIGIN_WIDTH, '0');
  return () => {
    lastTick = Math.max(now() * 1000, lastTick + 1);
    return `${lastTick.toString(36).padStart(TICK_WIDTH, '0')}${origin}`;
  };
}

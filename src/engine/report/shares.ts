/**
 * Shares against percentages, decided exactly. "19 of 20 met against 95 %" must be met, not a float away from
 * it, so comparisons are made on integers: a percentage is read to 1/10,000 of a percent (99.9995 is the
 * finest objective anyone writes), and products are taken as BigInts, which never overflow.
 */

/** A percentage in units of 1/10,000 percent: 100 % is 1,000,000. */
const SCALE = 10_000;
const WHOLE = 100n * BigInt(SCALE);

/** @example scaledPercent(99.9) === 999_000n */
export function scaledPercent(percent: number): bigint {
  return BigInt(Math.round(percent * SCALE));
}

/**
 * Whether `part / whole` is at least `percent` %; undefined when `whole` is 0 (nothing to judge).
 * @example shareAtLeast(19, 20, 95) === true
 */
export function shareAtLeast(part: number, whole: number, percent: number): boolean | undefined {
  if (whole <= 0) return undefined;
  return BigInt(Math.round(part)) * WHOLE >= scaledPercent(percent) * BigInt(Math.round(whole));
}

/**
 * The share as a percentage for showing (never for deciding), or null when `whole` is 0.
 * @example percentOf(19, 20) === 95
 */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? (part / whole) * 100 : null;
}

/**
 * The largest number of failures `x` such that `good / (good + x)` is still at least `percent` %: how many
 * breaches `good` met cycles pay for. Null for a 0 % objective, which any number of breaches meets.
 * @example failuresAllowed(19, 95) === 1
 * @example failuresAllowed(0, 95) === 0
 */
export function failuresAllowed(good: number, percent: number): number | null {
  const p = scaledPercent(percent);
  if (p <= 0n) return null;
  // good / (good + x) >= p / WHOLE  ⇔  x <= good · (WHOLE − p) / p
  return Number((BigInt(Math.round(good)) * (WHOLE - p)) / p);
}

/**
 * The largest part of `whole` that may be missing while `(whole − missing) / whole` stays at least `percent` %:
 * the downtime an availability objective allows over a service time.
 * @example shortfallAllowed(1_000_000, 99.9) === 1_000
 */
export function shortfallAllowed(whole: number, percent: number): number {
  if (whole <= 0) return 0;
  // (whole − x) / whole >= p / WHOLE  ⇔  x <= whole · (WHOLE − p) / WHOLE
  return Number((BigInt(Math.round(whole)) * (WHOLE - scaledPercent(percent))) / WHOLE);
}

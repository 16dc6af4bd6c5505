/**
 * A small seeded PRNG (mulberry32), so that every run of the benchmark asks the same questions and a
 * mismatch found once can be found again.
 */
export type Random = () => number;

/**
 * Uniform numbers in [0, 1) from a 32-bit seed.
 * @example const random = seeded(42); random() // always the same first number
 */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A whole number in [0, n). @example below(random, 10) */
export const below = (random: Random, n: number): number => Math.floor(random() * n);

/** A whole number in [from, to). @example between(random, 1, 7) */
export const between = (random: Random, from: number, to: number): number => from + below(random, to - from);

/** One element of a non-empty list. @example pick(random, ['a', 'b']) */
export function pick<T>(random: Random, list: readonly T[]): T {
  const item = list[below(random, list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

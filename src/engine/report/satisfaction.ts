/**
 * Customer satisfaction beside compliance. JSM asks customers to rate a resolved request from 1 to 5; the
 * average of the ratings of the issues behind a met share shows whether green figures mean happy customers.
 * A "watermelon" is green outside and red inside: the objective met, the customers unhappy.
 */

export interface SatisfactionOptions {
  /** An average below this is low. Default 3.5 (between "neutral" 3 and "satisfied" 4). */
  readonly lowAverage?: number;
  /** Fewer ratings than this never flag a watermelon: two bad ratings are an anecdote. Default 3. */
  readonly minRatings?: number;
}

export interface Satisfaction {
  /** Rated issues. */
  readonly count: number;
  /** Mean rating (1–5), null without ratings. */
  readonly average: number | null;
  /** Objective met but satisfaction low. */
  readonly watermelon: boolean;
}

/**
 * The ratings of a group of issues beside its compliance.
 * @example satisfactionOf(7, 3, true) // { count: 3, average: 2.33…, watermelon: true }
 */
export function satisfactionOf(
  ratingSum: number,
  ratingCount: number,
  objectiveMet: boolean | null,
  options: SatisfactionOptions = {},
): Satisfaction {
  const average = ratingCount > 0 ? ratingSum / ratingCount : null;
  const low = average !== null && average < (options.lowAverage ?? 3.5);
  return {
    count: ratingCount,
    average,
    watermelon: objectiveMet === true && ratingCount >= (options.minRatings ?? 3) && low,
  };
}

/**
 * A JSM satisfaction rating read from an issue field's value (`{ "rating": 4 }`), or undefined for anything
 * else: the shape is JSM's own (`sd-request-feedback`), so no configuration has to name the field.
 * @example ratingOf({ rating: 4 }) === 4
 */
export function ratingOf(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const rating = (value as { rating?: unknown }).rating;
  return typeof rating === 'number' && Number.isInteger(rating) && rating >= 1 && rating <= 5
    ? rating
    : undefined;
}

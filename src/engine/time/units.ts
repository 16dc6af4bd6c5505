/**
 * Units are types. An instant, a duration of working time and a local date are all numbers or strings at run
 * time; the brands keep one from being passed where another is expected.
 */

/** Milliseconds since 1970-01-01T00:00:00Z: an instant. */
export type EpochMs = number & { readonly __unit: 'EpochMs' };

/** A duration of working time, in milliseconds. */
export type WorkingMs = number & { readonly __unit: 'WorkingMs' };

/** A local calendar date, `YYYY-MM-DD`, with no zone attached. */
export type LocalDate = string & { readonly __unit: 'LocalDate' };

/** An IANA time zone name that this runtime knows, e.g. `Europe/Berlin`. */
export type IanaZone = string & { readonly __unit: 'IanaZone' };

/** Minutes after local midnight, 0..1440 (1440 is `24:00`, the end of the day). */
export type WallMinutes = number & { readonly __unit: 'WallMinutes' };

/** A half-open interval of instants, `[start, end)`. */
export interface Interval {
  readonly start: EpochMs;
  readonly end: EpochMs;
}

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** @example epochMs(0) // the Unix epoch */
export const epochMs = (n: number): EpochMs => n as EpochMs;

/** @example workingMs(5 * MS_PER_HOUR) */
export const workingMs = (n: number): WorkingMs => n as WorkingMs;

/** @example minutesToMs(240) === 14_400_000 */
export const minutesToMs = (minutes: number): WorkingMs => Math.round(minutes * MS_PER_MINUTE) as WorkingMs;

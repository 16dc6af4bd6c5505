import type { IanaZone } from '../time/units';

/** A span of local wall-clock minutes `[from, to)`, 0 ≤ from < to ≤ 1440. */
export type MinuteSpan = readonly [from: number, to: number];

/**
 * A validated calendar, normalized for compiling: minutes instead of `HH:mm`, day numbers instead of dates.
 * Produced only by `validateCalendar`, so everything in it is known to be well-formed.
 */
export interface CalendarPlan {
  readonly id: string;
  readonly zone: IanaZone;
  /** Spans of each ISO weekday, index 0 = Monday; sorted and disjoint. */
  readonly week: readonly (readonly MinuteSpan[])[];
  /** One-off holidays, as civil day numbers. */
  readonly holidays: ReadonlySet<number>;
  /** Annual holidays, as `month * 100 + day`. */
  readonly annual: ReadonlySet<number>;
  /** Exception days (civil day number → the hours that replace that day's; [] = closed). */
  readonly exceptions: ReadonlyMap<number, readonly MinuteSpan[]>;
  readonly holidayRegion?: string;
}

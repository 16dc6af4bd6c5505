/**
 * The calendar configuration format (docs/engine-contract.md, "Calendar"). Times are local wall-clock `HH:mm`,
 * spans are half-open, `24:00` is allowed as an end.
 */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export interface Span {
  from: string;
  to: string;
}

export interface Holiday {
  date: string;
  name?: string;
  annual?: boolean;
}

export interface ExceptionDay {
  date: string;
  hours: Span[];
}

export interface Calendar {
  id: string;
  name: string;
  timeZone: string;
  week: Partial<Record<Weekday, Span[]>>;
  holidays?: Holiday[];
  exceptions?: ExceptionDay[];
  holidayRegion?: string;
}

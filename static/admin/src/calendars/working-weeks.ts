import { checkCalendar } from '../../../../src/engine/calendar/check';
import { compileCalendar } from '../../../../src/engine/calendar/compile';
import type { Calendar } from '../../../../src/engine/calendar/types';
import type { Problem } from '../../../../src/engine/errors';
import { formatLocalDate, parseLocalDate } from '../../../../src/engine/time/local-date';
import type { IanaZone } from '../../../../src/engine/time/units';
import { instantOf, localOf } from '../../../../src/engine/time/zone';
import { regionLookupOf } from '../../../shared/countdown/calendars';

/** One day of the preview: its working spans in local minutes, the working time it really has, and why. */
export interface PreviewDay {
  /** Local `YYYY-MM-DD`. */
  readonly date: string;
  /** 0 = Monday … 6 = Sunday. */
  readonly weekday: number;
  /** Local wall-clock minutes `[from, to)`; 1440 is the end of the day. */
  readonly spans: readonly (readonly [number, number])[];
  /** Working minutes the day really has (a DST change makes an 8-hour span 7 or 9 hours). */
  readonly minutes: number;
  readonly reason: 'open' | 'closed' | 'holiday' | 'region-holiday' | 'exception';
  /** The holiday's name, when one closes the day. */
  readonly name?: string;
}

export type PreviewResult =
  | { readonly ok: true; readonly days: readonly PreviewDay[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * The working time of a draft calendar day by day, from `from` (a local date) for `days` days, computed with
 * the engine's own compiler: what the backend will count, including DST changes, holidays, the region's
 * public holidays (resolved by the backend and passed in) and exception days.
 * @example previewDays(berlin, [], '2026-03-02', 28).days[0].spans // [[540, 1020]]
 */
export function previewDays(
  calendar: Calendar,
  regionHolidays: readonly { readonly date: string; readonly name: string }[],
  from: string,
  days: number,
): PreviewResult {
  const checked = checkCalendar(calendar);
  if (!checked.ok) return { ok: false, problems: checked.problems };
  const first = parseLocalDate(from);
  if (first === undefined) return { ok: true, days: [] };
  const zone = calendar.timeZone as IanaZone;
  const working = compileCalendar(checked.value.plan, regionLookupOf(regionHolidays.map((h) => h.date)));
  const exceptions = new Set((calendar.exceptions ?? []).map((e) => e.date));
  const regionNames = new Map(regionHolidays.map((h) => [h.date, h.name]));
  const out: PreviewDay[] = [];
  for (let day = first; day < first + days; day++) {
    const date = formatLocalDate(day);
    const start = instantOf(zone, day, 0);
    const end = instantOf(zone, day + 1, 0);
    const segments = working.segments(start, end);
    const spans = segments.map(
      (s) => [localOf(zone, s.start).minutes, s.end >= end ? 1440 : localOf(zone, s.end).minutes] as const,
    );
    const minutes = segments.reduce((n, s) => n + (s.end - s.start) / 60_000, 0);
    const own = (calendar.holidays ?? []).find(
      (h) => h.date === date || (h.annual === true && h.date.slice(5) === date.slice(5)),
    );
    const base = { date, weekday: (((day + 3) % 7) + 7) % 7, spans, minutes };
    if (exceptions.has(date)) out.push({ ...base, reason: 'exception' });
    else if (own) out.push({ ...base, reason: 'holiday', ...(own.name ? { name: own.name } : {}) });
    else if (calendar.holidayRegion !== undefined && regionNames.has(date))
      out.push({ ...base, reason: 'region-holiday', name: regionNames.get(date) ?? '' });
    else out.push({ ...base, reason: minutes > 0 ? 'open' : 'closed' });
  }
  return { ok: true, days: out };
}

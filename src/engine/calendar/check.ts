import { joinPath, type Problem, type Result } from '../errors';
import { parseLocalDate } from '../time/local-date';
import { isKnownZone } from '../time/zone';
import type { IanaZone } from '../time/units';
import type { CalendarPlan, MinuteSpan } from './plan';
import { WEEKDAYS, type Calendar, type Span } from './types';

// ── Semantics ──────────────────────────────────────────────────────────────────────────────────────────

const HH_MM = /^([01]\d|2[0-4]):([0-5]\d)$/;

/**
 * `HH:mm` → minutes after midnight; `24:00` only where it may end a span.
 * @example parseWallTime('17:30', false) === 1050
 */
export function parseWallTime(text: string, isEnd: boolean): number | undefined {
  const m = HH_MM.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes > 1440 || (minutes === 1440 && !isEnd)) return undefined;
  return minutes;
}

function parseSpans(spans: readonly Span[], path: string, problems: Problem[]): MinuteSpan[] {
  const parsed: { span: MinuteSpan; index: number }[] = [];
  spans.forEach((s, index) => {
    const at = joinPath(path, index);
    const from = parseWallTime(s.from, false);
    const to = parseWallTime(s.to, true);
    if (from === undefined) {
      problems.push({
        code: 'calendar.time.invalid',
        message: `not a time of day "HH:mm": "${s.from}"`,
        path: joinPath(at, 'from'),
      });
    }
    if (to === undefined) {
      problems.push({
        code: 'calendar.time.invalid',
        message: `not a time of day "HH:mm" (or "24:00"): "${s.to}"`,
        path: joinPath(at, 'to'),
      });
    }
    if (from === undefined || to === undefined) return;
    if (from >= to) {
      problems.push({
        code: 'calendar.span.empty',
        message: `"from" ${s.from} must be before "to" ${s.to}`,
        path: at,
      });
      return;
    }
    parsed.push({ span: [from, to], index });
  });
  parsed.sort((x, y) => x.span[0] - y.span[0]);
  for (let i = 1; i < parsed.length; i++) {
    const prev = parsed[i - 1];
    const cur = parsed[i];
    if (prev && cur && cur.span[0] < prev.span[1]) {
      problems.push({
        code: 'calendar.span.overlap',
        message: `overlaps the span at index ${prev.index} (${spans[prev.index]?.from ?? ''}–${spans[prev.index]?.to ?? ''})`,
        path: joinPath(path, cur.index),
      });
    }
  }
  return parsed.map((p) => p.span);
}

function parseDate(text: string, path: string, problems: Problem[]): number | undefined {
  const day = parseLocalDate(text);
  if (day === undefined) {
    problems.push({
      code: 'calendar.date.invalid',
      message: `not a real date "YYYY-MM-DD": "${text}"`,
      path,
    });
  }
  return day;
}

/** A calendar that passed validation, with the plan it compiles from. */
export interface ValidCalendar {
  readonly calendar: Calendar;
  readonly plan: CalendarPlan;
}

export interface CalendarCheckOptions {
  /**
   * Whether a holiday region is one the holiday data knows (see region-lookup.ts). Without it only the form
   * `CC` or `CC-SS` is checked, so code that never loads the holiday data (a browser, a worker thread handed
   * the dates) can still validate a calendar.
   */
  readonly isKnownRegion?: (region: string) => boolean;
}

const REGION_FORM = /^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/;

/**
 * The checks of {@link validateCalendar} on a calendar already of the right shape (a browser compiling what
 * the backend validated, without loading zod): an unknown zone or region, a bad `HH:mm`, `from >= to`,
 * overlapping spans, an impossible date, a repeated exception date, a week with no working time.
 * @example checkCalendar(calendarFromBackend, '$.calendars[0]')
 */
export function checkCalendar(
  calendar: Calendar,
  path = '$',
  options: CalendarCheckOptions = {},
): Result<ValidCalendar> {
  const problems: Problem[] = [];

  if (!isKnownZone(calendar.timeZone)) {
    problems.push({
      code: 'calendar.zone.unknown',
      message: `unknown IANA time zone "${calendar.timeZone}" (use a name such as "Europe/Berlin")`,
      path: joinPath(path, 'timeZone'),
    });
  }
  const isKnownRegion = options.isKnownRegion ?? ((region: string) => REGION_FORM.test(region));
  if (calendar.holidayRegion !== undefined && !isKnownRegion(calendar.holidayRegion)) {
    problems.push({
      code: 'calendar.region.unknown',
      message: `unknown holiday region "${calendar.holidayRegion}" (use a country such as "DE" or a region such as "DE-BY")`,
      path: joinPath(path, 'holidayRegion'),
    });
  }

  const weekPath = joinPath(path, 'week');
  const week = WEEKDAYS.map((d) => parseSpans(calendar.week[d] ?? [], joinPath(weekPath, d), problems));
  if (week.every((spans) => spans.length === 0) && !problems.some((p) => p.path?.startsWith(weekPath))) {
    problems.push({
      code: 'calendar.week.empty',
      message: 'the week has no working time at all, so no deadline on this calendar would ever come',
      path: weekPath,
    });
  }

  const holidays = new Set<number>();
  const annual = new Set<number>();
  (calendar.holidays ?? []).forEach((h, i) => {
    const day = parseDate(h.date, joinPath(joinPath(joinPath(path, 'holidays'), i), 'date'), problems);
    if (day === undefined) return;
    if (h.annual === true) annual.add(Number(h.date.slice(5, 7)) * 100 + Number(h.date.slice(8, 10)));
    else holidays.add(day);
  });

  const exceptions = new Map<number, MinuteSpan[]>();
  (calendar.exceptions ?? []).forEach((e, i) => {
    const at = joinPath(joinPath(path, 'exceptions'), i);
    const day = parseDate(e.date, joinPath(at, 'date'), problems);
    const hours = parseSpans(e.hours, joinPath(at, 'hours'), problems);
    if (day === undefined) return;
    if (exceptions.has(day)) {
      problems.push({
        code: 'calendar.exception.duplicate',
        message: `a second exception for ${e.date}`,
        path: joinPath(at, 'date'),
      });
    }
    exceptions.set(day, hours);
  });

  if (problems.length > 0) return { ok: false, problems };
  const plan: CalendarPlan = {
    id: calendar.id,
    zone: calendar.timeZone as IanaZone,
    week,
    holidays,
    annual,
    exceptions,
    ...(calendar.holidayRegion === undefined ? {} : { holidayRegion: calendar.holidayRegion }),
  };
  return { ok: true, value: { calendar, plan } };
}

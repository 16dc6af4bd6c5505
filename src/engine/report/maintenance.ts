/**
 * Planned maintenance windows of an availability objective: one-off ones between two instants, weekly ones
 * between two local times of the service calendar's zone. Weekly windows are laid out on civil dates and
 * converted with `instantOf`, so "Sunday 02:00–04:00" stays 02:00–04:00 local across DST changes.
 */
import type { MaintenanceWindow } from '../agreement/types';
import { parseWallTime } from '../calendar/check';
import { joinPath, type Problem } from '../errors';
import { parseInstant } from '../time/iso';
import { weekdayOfDays } from '../time/local-date';
import { instantOf, localOf } from '../time/zone';
import { type EpochMs, type IanaZone, type Interval } from '../time/units';

const WEEKDAY_INDEX = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 } as const;

/** A window read: instants for a one-off, local minutes and an ISO weekday (0 = Monday) for a weekly one. */
export type ParsedWindow =
  | { readonly kind: 'once'; readonly from: EpochMs; readonly to: EpochMs }
  | { readonly kind: 'weekly'; readonly weekday: number; readonly from: number; readonly to: number };

/**
 * Reads a window, or says what is wrong with it and where (`path` is the window's JSON path).
 * @example parseMaintenanceWindow({ weekly: 'sun', from: '02:00', to: '04:00' }, '$') // { ok: true, … }
 */
export function parseMaintenanceWindow(
  window: MaintenanceWindow,
  path: string,
): { ok: true; value: ParsedWindow } | { ok: false; problems: Problem[] } {
  const problem = (key: string, message: string): { ok: false; problems: Problem[] } => ({
    ok: false,
    problems: [{ code: 'agreement.maintenance.invalid', message, path: joinPath(path, key) }],
  });
  if (window.weekly !== undefined) {
    const from = parseWallTime(window.from, false);
    const to = parseWallTime(window.to, true);
    if (from === undefined) return problem('from', `not a time of day "HH:mm": "${window.from}"`);
    if (to === undefined) return problem('to', `not a time of day "HH:mm" (or "24:00"): "${window.to}"`);
    if (to <= from)
      return problem(
        'to',
        `a weekly window ends after it begins on the same day ("${window.from}"–"${window.to}"); split one that crosses midnight in two`,
      );
    return { ok: true, value: { kind: 'weekly', weekday: WEEKDAY_INDEX[window.weekly], from, to } };
  }
  const from = instantWithOffset(window.from);
  const to = instantWithOffset(window.to);
  if (from === undefined)
    return problem(
      'from',
      `not an ISO instant with an offset, e.g. "2026-03-14T22:00:00+01:00": "${window.from}"`,
    );
  if (to === undefined)
    return problem(
      'to',
      `not an ISO instant with an offset, e.g. "2026-03-15T02:00:00+01:00": "${window.to}"`,
    );
  if (to <= from)
    return problem('to', `the window ends before it begins ("${window.from}" to "${window.to}")`);
  return { ok: true, value: { kind: 'once', from, to } };
}

/** An instant with a time and an offset; a date alone is refused (a window needs its hours). */
function instantWithOffset(text: string): EpochMs | undefined {
  return text.length > 10 ? parseInstant(text) : undefined;
}

/**
 * The windows' instants that touch `range`, merged neither with each other nor clipped (callers do both).
 * @example maintenanceIntervals([{ kind: 'weekly', weekday: 6, from: 120, to: 240 }], zone, march) // every Sunday 02:00–04:00
 */
export function maintenanceIntervals(
  windows: readonly ParsedWindow[],
  zone: IanaZone,
  range: Interval,
): Interval[] {
  const out: Interval[] = [];
  // A day either side: a local day's window may begin before the range's first local midnight in UTC terms.
  const firstDay = localOf(zone, range.start).day - 1;
  const lastDay = localOf(zone, (range.end - 1) as EpochMs).day + 1;
  for (const w of windows) {
    if (w.kind === 'once') {
      if (w.to > range.start && w.from < range.end) out.push({ start: w.from, end: w.to });
      continue;
    }
    for (let day = firstDay; day <= lastDay; day++) {
      if (weekdayOfDays(day) !== w.weekday) continue;
      const start = instantOf(zone, day, w.from);
      // `24:00` is the next local midnight; a day the zone skipped has no instants, so nothing to cut out.
      const end = Math.min(instantOf(zone, day, w.to), instantOf(zone, day + 1, 0));
      if (end > start && end > range.start && start < range.end) out.push({ start, end: end as EpochMs });
    }
  }
  return out;
}

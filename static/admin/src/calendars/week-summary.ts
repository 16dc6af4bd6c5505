import { WEEKDAYS, type Calendar } from '../../../../src/engine/calendar/types';

/**
 * The weekly hours in a line: runs of days with the same hours, `Mon–Fri 09:00–17:00; Sat 10:00–14:00`.
 * `dayName` gives a weekday's short name (0 = Monday) in the reader's language.
 * @example weekSummary(berlin.week, (d) => ['Mon', …][d]) === 'Mon–Fri 09:00–17:00'
 */
export function weekSummary(week: Calendar['week'], dayName: (weekday: number) => string): string {
  const hoursOf = (i: number) =>
    (week[WEEKDAYS[i] ?? 'mon'] ?? []).map((s) => `${s.from}–${s.to}`).join(', ');
  const runs: string[] = [];
  let i = 0;
  while (i < 7) {
    const hours = hoursOf(i);
    let j = i;
    while (j + 1 < 7 && hoursOf(j + 1) === hours) j++;
    if (hours !== '') runs.push(`${j > i ? `${dayName(i)}–${dayName(j)}` : dayName(i)} ${hours}`);
    i = j + 1;
  }
  return runs.join('; ');
}

/** Short weekday names in a locale, Monday first. */
export function shortDayNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  // 5 January 2026 is a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(Date.UTC(2026, 0, 5 + i)));
}

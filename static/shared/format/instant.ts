/**
 * Instants for people: in the viewer's own time zone and locale (from their Jira profile), never the
 * browser's or the calendar's.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string, timeZone: string, withYear: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${String(withYear)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
      // Two-digit hours where the locale counts 0–23 (`09:00`), as Jira shows times; `9:00 AM` where it counts 1–12.
      hour: usesTwelveHours(locale) ? 'numeric' : '2-digit',
      minute: '2-digit',
    });
    formatters.set(key, format);
  }
  return format;
}

function usesTwelveHours(locale: string): boolean {
  const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h11' || cycle === 'h12';
}

const yearFormats = new Map<string, Intl.DateTimeFormat>();

function yearIn(instant: number, timeZone: string): string {
  let format = yearFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' });
    yearFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/**
 * `Mon 9 Mar, 14:00` in the viewer's zone and locale; the year only when it is not the current one.
 * @example formatInstant(Date.UTC(2026, 2, 9, 13), { locale: 'en-GB', timeZone: 'Europe/Berlin', now }) // 'Mon 9 Mar, 14:00'
 */
export function formatInstant(
  instant: number,
  viewer: { readonly locale: string; readonly timeZone: string; readonly now: number },
): string {
  const withYear = yearIn(instant, viewer.timeZone) !== yearIn(viewer.now, viewer.timeZone);
  return dateTimeFormat(viewer.locale, viewer.timeZone, withYear).format(instant);
}

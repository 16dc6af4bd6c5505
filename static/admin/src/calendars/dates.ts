const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formats.set(key, f);
  }
  return f;
}

/**
 * A local date (`YYYY-MM-DD`, a day of a calendar's zone, not an instant) for people: `Thu, 25 Dec 2026`, or
 * `25 Dec` for one that repeats every year. Formatted as that civil date in UTC, so no zone shifts it.
 * @example formatLocalDay('2026-12-25', 'en-GB', false) === 'Fri 25 Dec 2026'
 */
export function formatLocalDay(date: string, locale: string, annual = false, withWeekday = !annual): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return format(locale, {
    day: 'numeric',
    month: 'short',
    ...(annual ? {} : { year: 'numeric' }),
    ...(withWeekday ? { weekday: 'short' } : {}),
  }).format(utc);
}

/** `Mon 2 Mar` for a day of the preview. */
export function formatPreviewDay(date: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return format(locale, { weekday: 'short', day: 'numeric', month: 'short' }).format(
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])),
  );
}

/** `HH:mm` for minutes after midnight; 1440 is `24:00`, the end of the day. */
export function wallTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

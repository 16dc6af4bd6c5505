/**
 * Local dates (`YYYY-MM-DD`, as agreements and calendars store them) shown and typed in the user's Jira locale,
 * not the browser's: `12/31/2026` in en-US, `31.12.2026` in de-DE and da-DK, `31/12/2026` in en-GB.
 */

type Part = 'year' | 'month' | 'day';

const numericFormats = new Map<string, Intl.DateTimeFormat>();

function numericFormat(locale: string): Intl.DateTimeFormat {
  let format = numericFormats.get(locale);
  if (!format) {
    // UTC: a local date is no instant, so no zone may move it to the day before.
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      timeZone: 'UTC',
    });
    numericFormats.set(locale, format);
  }
  return format;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

function utcOf(year: number, month: number, day: number): number | null {
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  // Date.UTC rolls 31 February over into March: such a day does not exist.
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? t : null;
}

const isoOf = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** The order of year, month and day in the locale's numeric dates (`['month', 'day', 'year']` in en-US). */
function orderOf(locale: string): readonly Part[] {
  return numericFormat(locale)
    .formatToParts(Date.UTC(2026, 11, 31))
    .flatMap((p) => (p.type === 'year' || p.type === 'month' || p.type === 'day' ? [p.type] : []));
}

/**
 * A local date in the locale's numeric form; text that is no `YYYY-MM-DD` date comes back as it is.
 * @example formatLocalDate('2026-03-02', 'de-DE') === '02.03.2026'
 * @example formatLocalDate('2026-03-02', 'en-US') === '03/02/2026'
 */
export function formatLocalDate(date: string, locale: string): string {
  const m = ISO.exec(date);
  const t = m ? utcOf(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  return t === null ? date : numericFormat(locale).format(t);
}

/**
 * What a person typed as a date, as `YYYY-MM-DD`: the locale's own order of day, month and year (any of
 * `.`, `/`, `-` or spaces between them, one or two digits for day and month, four for the year) or ISO; null
 * when it is neither or no such day exists.
 * @example parseLocalDate('2.3.2026', 'de-DE') === '2026-03-02'
 * @example parseLocalDate('3/2/2026', 'en-US') === '2026-03-02'
 * @example parseLocalDate('2026-03-02', 'da-DK') === '2026-03-02'
 * @example parseLocalDate('30.02.2026', 'de-DE') === null
 */
export function parseLocalDate(text: string, locale: string): string | null {
  const trimmed = text.trim();
  const iso = ISO.exec(trimmed);
  if (iso) {
    const t = utcOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return t === null ? null : isoOf(t);
  }
  const m = /^(\d{1,4})[\s./-]+(\d{1,4})[\s./-]+(\d{1,4})\.?$/.exec(trimmed);
  if (!m) return null;
  const order = orderOf(locale);
  if (order.length !== 3) return null;
  const value = (part: Part): string => m[order.indexOf(part) + 1] ?? '';
  const year = value('year');
  const month = value('month');
  const day = value('day');
  // A two-digit year is ambiguous (1926 or 2026?): ask for all four.
  if (year.length !== 4 || month.length > 2 || day.length > 2) return null;
  const t = utcOf(Number(year), Number(month), Number(day));
  return t === null ? null : isoOf(t);
}

/**
 * A date in the locale's form to show as an example of what to type: the last day of 2026.
 * @example localDateExample('da-DK') === '31.12.2026'
 */
export function localDateExample(locale: string): string {
  return numericFormat(locale).format(Date.UTC(2026, 11, 31));
}

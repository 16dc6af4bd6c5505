/**
 * The month picker's months: the current one and the twelve before it, newest first, as `YYYY-MM`.
 * @example monthOptions('2026-02', 3) // ['2026-02', '2026-01', '2025-12']
 */
export function monthOptions(current: string, count = 13): string[] {
  const year = Number(current.slice(0, 4));
  const month = Number(current.slice(5, 7));
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - i;
    return `${String(Math.floor(index / 12))}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * A month in the reader's words: `November 2026`, `November 2026` in German, `november 2026` in Danish.
 * @example monthName('2026-11', 'en-GB') === 'November 2026'
 */
export function monthName(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.parse(`${month}-01T00:00:00Z`),
  );
}

/**
 * A local date (`2026-11-30`) in the reader's words, without a zone shifting the day.
 * @example dayName('2026-11-30', 'en-GB') === '30 Nov 2026'
 */
export function dayName(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.parse(`${date.slice(0, 10)}T00:00:00Z`));
}

/**
 * Today's date in a zone, as `YYYY-MM-DD`.
 * @example localToday(Date.UTC(2026, 2, 1, 23, 30), 'Europe/Berlin') === '2026-03-02'
 */
export function localToday(now: number, timeZone: string): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(now);
  } catch {
    parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(now);
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The date `days` after a local date. */
export function addDays(date: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}

/** The Monday on or before a local date. */
export function mondayOf(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const weekday = (new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/**
 * A date for people in their locale: `2 Mar 2026`.
 * @example formatDate('2026-03-02', 'de-DE') === '2. März 2026'
 */
export function formatDate(date: string | undefined, locale: string): string {
  if (date === undefined) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** An instant for people: `2 Mar 2026, 10:30` in their zone. */
export function formatDateTime(instant: number, locale: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
      instant,
    );
  } catch {
    return new Date(instant).toISOString();
  }
}

/**
 * An id from a name: `Berlin office hours` → `berlin-office-hours`.
 * @example slugOf('Åbningstider København') === 'abningstider-kobenhavn'
 */
export function slugOf(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      // Letters that Unicode does not decompose into a base letter and a mark.
      .replace(/[øæßœđł]/g, (c) => ({ ø: 'o', æ: 'ae', ß: 'ss', œ: 'oe', đ: 'd', ł: 'l' })[c] ?? '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
  );
}

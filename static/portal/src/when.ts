/**
 * An instant for a customer, spelled out in their own zone and language, with the zone named (a service desk
 * and its customers often sit in different zones, and "by 11:00" must not leave them guessing whose 11:00):
 * `Monday, March 2 at 11:00 AM EST`, `Montag, 2. März um 11:00 MEZ`, `mandag den 2. marts kl. 11.00 CET`.
 * The year only when it is not the current one.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, timeZone: string, withYear: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${String(withYear)}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      ...(withYear ? { year: 'numeric' } : {}),
      // `09:00` where the locale counts 0–23, as Jira shows times; `9:00 AM` where it counts 1–12.
      hour: usesTwelveHours(locale) ? 'numeric' : '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    formats.set(key, found);
  }
  return found;
}

function usesTwelveHours(locale: string): boolean {
  const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h11' || cycle === 'h12';
}

function yearOf(instant: number, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(instant));
}

/** @example customerInstant(Date.UTC(2026, 2, 2, 10), { locale: 'de-DE', timeZone: 'Europe/Berlin', now }) === 'Montag, 2. März um 11:00 MEZ' */
export function customerInstant(
  instant: number,
  viewer: { readonly locale: string; readonly timeZone: string; readonly now: number },
): string {
  const withYear = yearOf(instant, viewer.timeZone) !== yearOf(viewer.now, viewer.timeZone);
  return format(viewer.locale, viewer.timeZone, withYear).format(instant);
}

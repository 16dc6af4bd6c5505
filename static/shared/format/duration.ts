/**
 * Durations of working time for people, in their locale, through Intl's unit formats (so `h`/`Std.`/`t`
 * come from the browser's locale data, not from a translation file).
 */

const MINUS = '\u2212';

type Unit = 'hour' | 'minute' | 'second';
const formatters = new Map<string, Intl.NumberFormat>();

function unitFormat(
  locale: string,
  unit: Unit,
  display: 'narrow' | 'long',
  padded: boolean,
): Intl.NumberFormat {
  const key = `${locale}|${unit}|${display}|${String(padded)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit,
      unitDisplay: display,
      ...(padded ? { minimumIntegerDigits: 2 } : {}),
    });
    formatters.set(key, format);
  }
  return format;
}

/**
 * Splits a non-negative whole number of seconds into hours, minutes and seconds. Working time is shown in
 * hours, never days: a "day" of working time is ambiguous (8 h? 24 h?), an hour is not.
 */
function split(totalSeconds: number): { h: number; m: number; s: number } {
  return {
    h: Math.floor(totalSeconds / 3600),
    m: Math.floor((totalSeconds % 3600) / 60),
    s: totalSeconds % 60,
  };
}

/**
 * The ticking text of a countdown, to the second: `1h 05m 09s`, `5m 09s`, `9s`; negative once overdue
 * (`−12m 00s`). Rounds up, so the text reads `0s` during the very second the time runs out and `−1s` a second
 * later, and never shows `0s` while time is left.
 * @example formatCountdown(3_909_000, 'en') === '1h 05m 09s'
 */
export function formatCountdown(ms: number, locale: string): string {
  const seconds = Math.ceil(ms / 1000);
  const { h, m, s } = split(Math.abs(seconds));
  const parts: string[] = [];
  if (h > 0) parts.push(unitFormat(locale, 'hour', 'narrow', false).format(h));
  if (h > 0 || m > 0) parts.push(unitFormat(locale, 'minute', 'narrow', h > 0).format(m));
  parts.push(unitFormat(locale, 'second', 'narrow', h > 0 || m > 0).format(s));
  return (seconds < 0 ? MINUS : '') + parts.join(' ');
}

/**
 * A duration to the minute, in words, for screen readers and titles: `1 hour, 6 minutes`. Changes at most once
 * a minute, so a label built on it can be updated without flooding a screen reader. Rounds away from zero to
 * the whole minute like {@link formatCountdown} rounds to the second (1 h 5 min 9 s left is "1 hour, 6
 * minutes"); zero is `0 minutes`. With `round: 'down'` (time overdue) it counts whole minutes, at least one.
 * @example spokenDuration(3_909_000, 'en') === '1 hour, 6 minutes'
 * @example spokenDuration(-363_000, 'en', 'down') === '6 minutes'
 */
export function spokenDuration(ms: number, locale: string, round: 'away' | 'down' = 'away'): string {
  // Time overdue is said as the countdown shows it, in whole minutes past (−6m 03s is "6 minutes"), and at
  // least one minute, so that the words never say more than the digits beside them.
  const minutes =
    round === 'down' ? Math.max(1, Math.floor(Math.abs(ms) / 60_000)) : Math.ceil(Math.abs(ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts: string[] = [];
  if (h > 0) parts.push(unitFormat(locale, 'hour', 'long', false).format(h));
  if (m > 0 || h === 0) parts.push(unitFormat(locale, 'minute', 'long', false).format(m));
  return listFormat(locale).format(parts);
}

const listFormats = new Map<string, Intl.ListFormat>();

/** The locale's list of units (`1 hour, 6 minutes`), made once: every card asks for it every second. */
function listFormat(locale: string): Intl.ListFormat {
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { type: 'unit', style: 'long' });
    listFormats.set(locale, format);
  }
  return format;
}

/**
 * A target in words of the same locale: `4h`, `1h 30m`, `45m`.
 * @example formatTarget(90, 'en') === '1h 30m'
 */
export function formatTarget(minutes: number, locale: string): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  const parts: string[] = [];
  if (h > 0) parts.push(unitFormat(locale, 'hour', 'narrow', false).format(h));
  if (m > 0 || h === 0) parts.push(unitFormat(locale, 'minute', 'narrow', false).format(m));
  return parts.join(' ');
}

import { offsetAt } from '../../../src/engine/time/zone';
import type { IanaZone } from '../../../src/engine/time/units';
import { formatCountdown, formatTarget, spokenDuration } from '../../shared/format/duration';
import { formatInstant } from '../../shared/format/instant';

/**
 * Makes the `Intl` objects the panel's first countdowns need while its results are on their way, and shows
 * nothing: the viewer's zone (the browser's time zone data, read by the first formatter with a zone), the
 * locale's unit, list and date formats, and the default collation (the metrics' sort). Each first one loads
 * locale data, 20 to 70 ms for the zones in the sandbox's headless Chromium under load, which otherwise came
 * after the results, between them and the first countdown. The formatters keep what they make for the
 * render. Also the engine's table of the viewer's zone for this year (some 400 `Intl` calls, 10 to 30 ms
 * there): the zone most calendars an agent works on run in, though not always (then it is work done while
 * waiting, and kept).
 * @example warmUpFormats({ locale: 'de-DE', timeZone: 'Europe/Berlin' }, Date.now())
 */
export function warmUpFormats(
  viewer: { readonly locale: string; readonly timeZone: string },
  now: number,
): void {
  const { locale, timeZone } = viewer;
  // 1h 05m 09s, 5m 09s and 9s: each unit, padded and not.
  for (const ms of [3_909_000, 309_000, 9_000]) formatCountdown(ms, locale);
  spokenDuration(3_909_000, locale);
  formatTarget(90, locale);
  formatInstant(now, { locale, timeZone, now });
  'a'.localeCompare('b');
  offsetAt(timeZone as IanaZone, now);
}

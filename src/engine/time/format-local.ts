import { civilFromDays } from './local-date';
import { MS_PER_DAY, MS_PER_MINUTE, type EpochMs, type IanaZone } from './units';
import { offsetAt } from './zone';

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * An instant as a reader in `zone` writes it, to the minute, with the offset in force then, so that the text
 * is unambiguous wherever it is read: what `{deadline}` in an action's text shows (docs/engine-contract.md,
 * "Actions"). Seconds are cut, not rounded: a deadline at 10:59:30 reads 10:59, never a minute late.
 * @example formatLocalInstant(Date.UTC(2026, 11, 7, 10) as EpochMs, 'Europe/Berlin' as IanaZone) === '2026-12-07 11:00 +01:00'
 */
export function formatLocalInstant(instant: EpochMs, zone: IanaZone): string {
  const offset = offsetAt(zone, instant);
  const local = instant + offset;
  const day = Math.floor(local / MS_PER_DAY);
  const minutes = Math.floor((local - day * MS_PER_DAY) / MS_PER_MINUTE);
  const { year, month, day: dom } = civilFromDays(day);
  // ATTENTION: an offset with seconds (local mean time before 1900) is written to the minute, toward zero.
  const offsetMinutes = Math.trunc(Math.abs(offset) / MS_PER_MINUTE);
  const sign = offset < 0 ? '-' : '+';
  return (
    `${String(year).padStart(4, '0')}-${two(month)}-${two(dom)} ${two(Math.floor(minutes / 60))}:${two(minutes % 60)} ` +
    `${sign}${two(Math.floor(offsetMinutes / 60))}:${two(offsetMinutes % 60)}`
  );
}

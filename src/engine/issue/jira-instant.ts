/**
 * Jira's timestamps, read fast. An issue carries one per changelog entry and comment, and the command line reads
 * tens of thousands of issues a second, so the exact shapes Jira writes are read digit by digit; anything else
 * goes through the general {@link parseInstant}, which gives the same instant for these shapes.
 */
import { daysFromCivil, daysInMonth } from '../time/local-date';
import { parseInstant } from '../time/iso';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, type EpochMs } from '../time/units';

/** Two decimal digits at `i`, or -1. */
function digits2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Parses `2026-03-02T10:00:00.000+0100` (Jira's REST format) and `2026-03-02T09:00:00.000Z`; other ISO forms
 * are left to {@link parseInstant}. Returns undefined for anything that is not an instant.
 * @example parseJiraInstant('1970-01-01T01:00:00.000+0100') === 0
 */
export function parseJiraInstant(text: string): EpochMs | undefined {
  const length = text.length;
  const zone = text.charCodeAt(23);
  const shaped =
    (length === 28 ? zone === 43 /* + */ || zone === 45 /* - */ : length === 24 && zone === 90) /* Z */ &&
    text.charCodeAt(4) === 45 &&
    text.charCodeAt(7) === 45 &&
    text.charCodeAt(10) === 84 /* T */ &&
    text.charCodeAt(13) === 58 &&
    text.charCodeAt(16) === 58 &&
    text.charCodeAt(19) === 46;
  if (!shaped) return parseInstant(text);
  const century = digits2(text, 0);
  const yy = digits2(text, 2);
  const month = digits2(text, 5);
  const day = digits2(text, 8);
  const hour = digits2(text, 11);
  const minute = digits2(text, 14);
  const second = digits2(text, 17);
  const msHigh = digits2(text, 20);
  const msLow = text.charCodeAt(22) - 48;
  if (century < 0 || yy < 0 || day < 1 || month < 1 || month > 12 || msHigh < 0 || msLow < 0 || msLow > 9) {
    return undefined;
  }
  const year = century * 100 + yy;
  if (day > daysInMonth(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined;
  if (second < 0 || second > 59) return undefined;
  let offset = 0;
  if (length === 28) {
    const offsetHours = digits2(text, 24);
    const offsetMinutes = digits2(text, 26);
    if (offsetHours < 0 || offsetMinutes < 0) return undefined;
    offset = (zone === 45 ? -1 : 1) * (offsetHours * MS_PER_HOUR + offsetMinutes * MS_PER_MINUTE);
  }
  return (daysFromCivil(year, month, day) * MS_PER_DAY +
    hour * MS_PER_HOUR +
    minute * MS_PER_MINUTE +
    second * 1000 +
    msHigh * 10 +
    msLow -
    offset) as EpochMs;
}

import { daysFromCivil } from './local-date';
import { offsetAt } from './zone';
import { MS_PER_DAY, type IanaZone } from './units';

/**
 * The slow, obvious reading of a zone's offset, independent of the one under test: the wall-clock fields Intl
 * writes for the instant, minus the instant (to the second, as Intl writes no milliseconds).
 */
const fieldFormatters = new Map<string, Intl.DateTimeFormat>();
function referenceOffset(zone: string, instant: number): number {
  let f = fieldFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    fieldFormatters.set(zone, f);
  }
  const parts: Record<string, string> = {};
  for (const part of f.formatToParts(instant)) parts[part.type] = part.value;
  const year = (parts.era ?? '').startsWith('B') ? 1 - Number(parts.year) : Number(parts.year);
  const wall =
    daysFromCivil(year, Number(parts.month), Number(parts.day)) * MS_PER_DAY +
    ((Number(parts.hour) * 60 + Number(parts.minute)) * 60 + Number(parts.second)) * 1000;
  return wall - Math.floor(instant / 1000) * 1000;
}

/** Zones whose offsets are odd: LMT seconds, half and quarter hours, negative DST, two-hour DST, a skipped day. */
const TRICKY = [
  'Europe/Berlin',
  'America/New_York',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Pacific/Apia',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Africa/Casablanca',
  'Europe/Amsterdam',
  'America/Sao_Paulo',
  'Europe/Dublin',
  'Antarctica/Troll',
  'America/St_Johns',
  'Pacific/Chatham',
  'Australia/Eucla',
  'Asia/Gaza',
  'Pacific/Kiritimati',
  'America/Adak',
  'UTC',
];

describe('offsetAt', () => {
  it('agrees with the wall-clock reading to the second, at every transition, in years old and new', () => {
    let transitions = 0;
    for (const zone of TRICKY) {
      for (const year of [1890, 1937, 1970, 2011, 2026, 2037]) {
        const from = Date.UTC(year, 0, 1);
        const to = Date.UTC(year + 1, 0, 1);
        const step = 5 * MS_PER_DAY;
        for (let t = from; t < to; t += step) {
          expect([zone, t, offsetAt(zone as IanaZone, t)]).toEqual([zone, t, referenceOffset(zone, t)]);
          const next = Math.min(t + step, to - 1000);
          if (referenceOffset(zone, next) === referenceOffset(zone, t)) continue;
          // A change between two samples: find its second by bisection, and check both sides of it.
          let lo = t;
          let hi = next;
          while (hi - lo > 1000) {
            const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
            if (referenceOffset(zone, mid) === referenceOffset(zone, t)) lo = mid;
            else hi = mid;
          }
          for (const at of [lo, hi]) {
            expect([zone, at, offsetAt(zone as IanaZone, at)]).toEqual([zone, at, referenceOffset(zone, at)]);
          }
          transitions++;
        }
      }
    }
    expect(transitions).toBeGreaterThan(80);
  });

  it('agrees with the wall-clock reading in every zone the runtime knows, in winter and in summer', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    expect(zones.length).toBeGreaterThan(300);
    for (const zone of zones) {
      for (const t of [Date.UTC(2026, 0, 15, 12), Date.UTC(2026, 6, 15, 12)]) {
        expect([zone, t, offsetAt(zone as IanaZone, t)]).toEqual([zone, t, referenceOffset(zone, t)]);
      }
    }
  });
});

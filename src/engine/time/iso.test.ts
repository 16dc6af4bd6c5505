import fc from 'fast-check';
import { formatInstant, parseInstant } from './iso';
import type { EpochMs } from './units';

describe('ISO instants', () => {
  it('parses Jira’s offsets, with and without a colon, and refuses a time without one', () => {
    expect(parseInstant('2026-03-02T10:00:00.000+0100')).toBe(Date.UTC(2026, 2, 2, 9));
    expect(parseInstant('2026-03-02T10:00:00+05:30')).toBe(Date.UTC(2026, 2, 2, 4, 30));
    expect(parseInstant('2026-03-02T10:00Z')).toBe(Date.UTC(2026, 2, 2, 10));
    expect(parseInstant('2026-03-02')).toBe(Date.UTC(2026, 2, 2));
    expect(parseInstant('2026-03-02T10:00:00')).toBeUndefined();
    expect(parseInstant('2026-02-30T10:00:00Z')).toBeUndefined();
  });

  it('formats exactly as Date#toISOString does, over any instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_000_000_000_000, max: 253_402_300_799_999 }), (t) => {
        expect(formatInstant(t as EpochMs)).toBe(new Date(t).toISOString());
      }),
      { numRuns: 5000 },
    );
  });

  it('formats repeated instants, and instants that share their low bits, each as its own', () => {
    // Instants 16 ms or 2^32 ms apart share a slot of the recent-instants cache.
    const base = Date.UTC(2026, 5, 19, 7, 50, 53, 235);
    const instant = fc
      .tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 2 }))
      .map(([wraps, sixteens, ms]) => base + wraps * 2 ** 32 + sixteens * 16 + ms);
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 40 }), (instants) => {
        for (const t of instants) expect(formatInstant(t as EpochMs)).toBe(new Date(t).toISOString());
      }),
      { numRuns: 500 },
    );
  });
});

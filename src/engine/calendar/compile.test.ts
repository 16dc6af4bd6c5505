import fc from 'fast-check';
import { at, compileForTest, hours, iso } from './test-support';
import type { WorkingMs } from '../time/units';

const work = (h: number): WorkingMs => hours(h) as WorkingMs;

describe('a Berlin 9–17 calendar', () => {
  const berlin = compileForTest();

  it('counts eight hours a weekday and nothing at the weekend', () => {
    expect(berlin.elapsed(at('2026-03-02T00:00+01:00'), at('2026-03-09T00:00+01:00'))).toBe(hours(40));
    expect(berlin.elapsed(at('2026-03-07T00:00+01:00'), at('2026-03-09T00:00+01:00'))).toBe(0);
  });

  it('keeps 9–17 local across spring forward (2026-03-29) and fall back (2026-10-25)', () => {
    // Friday 16:00 CET + 2 working hours = Monday 10:00 CEST, which is 08:00Z, not 09:00Z.
    expect(iso(berlin.deadline(at('2026-03-27T16:00+01:00'), work(2)))).toBe('2026-03-30T08:00:00.000Z');
    expect(iso(berlin.deadline(at('2026-10-23T16:00+02:00'), work(2)))).toBe('2026-10-26T09:00:00.000Z');
    expect(berlin.elapsed(at('2026-03-23T00:00+01:00'), at('2026-04-06T00:00+02:00'))).toBe(hours(80));
  });

  it('puts a deadline that uses up a day exactly at 17:00, not at the next 09:00', () => {
    expect(iso(berlin.deadline(at('2026-03-02T09:00+01:00'), work(8)))).toBe('2026-03-02T16:00:00.000Z');
    expect(iso(berlin.deadline(at('2026-03-02T09:00+01:00'), (hours(8) + 1) as WorkingMs))).toBe(
      '2026-03-03T08:00:00.001Z',
    );
  });

  it('starts counting at the next opening when asked out of hours', () => {
    expect(iso(berlin.deadline(at('2026-03-02T20:00+01:00'), work(1)))).toBe('2026-03-03T09:00:00.000Z');
    expect(berlin.isWorking(at('2026-03-02T20:00+01:00'))).toBe(false);
    expect(iso(berlin.nextWorkingStart(at('2026-03-06T20:00+01:00')))).toBe('2026-03-09T08:00:00.000Z');
  });

  it('answers 0 work with the instant itself, and nothing for an empty or reversed interval', () => {
    const t = at('2026-03-07T12:00+01:00');
    expect(berlin.deadline(t, work(0))).toBe(t);
    expect(berlin.elapsed(t, t)).toBe(0);
    expect(berlin.elapsed(t, (t - 1) as typeof t)).toBe(0);
  });

  it('grows to cover instants years apart', () => {
    expect(berlin.elapsed(at('2020-01-06T09:00+01:00'), at('2020-01-06T10:00+01:00'))).toBe(hours(1));
    expect(iso(berlin.deadline(at('2035-01-08T09:00+01:00'), work(1)))).toBe('2035-01-08T09:00:00.000Z');
  });
});

describe('spans across DST transitions (compatible policy)', () => {
  const sundayNight = compileForTest({ week: { sun: [{ from: '01:00', to: '04:00' }] } });

  it('counts a span across the spring-forward gap by the clock: 01:00–04:00 lasts 2 h', () => {
    expect(sundayNight.elapsed(at('2026-03-28T00:00Z'), at('2026-03-30T00:00Z'))).toBe(hours(2));
  });

  it('counts a span across the fall-back overlap by the clock: 01:00–04:00 lasts 4 h', () => {
    expect(sundayNight.elapsed(at('2026-10-24T00:00Z'), at('2026-10-26T00:00Z'))).toBe(hours(4));
  });

  it('moves a span end that falls in the gap forward by the gap', () => {
    // 00:00–02:30 on 2026-03-29: 02:30 does not exist and reads as 03:30 CEST, so the span runs from 23:00Z
    // to 01:30Z. Compatible, not "clamped to the transition": the span ends 2.5 real hours after it starts.
    const c = compileForTest({ week: { sun: [{ from: '00:00', to: '02:30' }] } });
    expect(c.segments(at('2026-03-28T00:00Z'), at('2026-03-30T00:00Z'))).toEqual([
      { start: at('2026-03-28T23:00Z'), end: at('2026-03-29T01:30Z') },
    ]);
  });

  it('uses the earlier instant for an ambiguous start in the overlap', () => {
    // 02:30 on 2026-10-25 happens twice; the span starts at the first (00:30Z) and ends at 03:00 CET (02:00Z).
    const c = compileForTest({ week: { sun: [{ from: '02:30', to: '03:00' }] } });
    expect(c.segments(at('2026-10-24T00:00Z'), at('2026-10-26T00:00Z'))).toEqual([
      { start: at('2026-10-25T00:30Z'), end: at('2026-10-25T02:00Z') },
    ]);
  });

  it('keeps 9–17 local in America/New_York across 2026-03-08 and 2026-11-01', () => {
    const ny = compileForTest({ timeZone: 'America/New_York' });
    expect(iso(ny.deadline(at('2026-03-06T16:00-05:00'), work(2)))).toBe('2026-03-09T14:00:00.000Z');
    expect(iso(ny.deadline(at('2026-10-30T16:00-04:00'), work(2)))).toBe('2026-11-02T15:00:00.000Z');
  });
});

describe('zones with odd transitions', () => {
  it('America/Santiago: midnight does not exist on 2026-09-06, so a 00:00–08:00 Sunday lasts 7 h', () => {
    const c = compileForTest({
      timeZone: 'America/Santiago',
      week: { sun: [{ from: '00:00', to: '08:00' }] },
    });
    expect(c.elapsed(at('2026-09-05T00:00Z'), at('2026-09-07T00:00Z'))).toBe(hours(7));
    expect(c.segments(at('2026-09-05T00:00Z'), at('2026-09-07T00:00Z'))[0]?.start).toBe(
      at('2026-09-06T04:00Z'),
    );
  });

  it('Australia/Lord_Howe: a 30-minute shift makes 01:00–03:00 last 1.5 h on 2026-10-04 and 2.5 h on 2026-04-05', () => {
    const c = compileForTest({
      timeZone: 'Australia/Lord_Howe',
      week: { sun: [{ from: '01:00', to: '03:00' }] },
    });
    expect(c.elapsed(at('2026-10-03T00:00Z'), at('2026-10-05T00:00Z'))).toBe(hours(1.5));
    expect(c.elapsed(at('2026-04-04T00:00Z'), at('2026-04-06T00:00Z'))).toBe(hours(2.5));
  });

  it('Pacific/Apia: Friday 2011-12-30 did not exist, so it has no working time', () => {
    const apia = compileForTest({ timeZone: 'Pacific/Apia' });
    // Thursday 29th 9–17 (-10:00), then straight to Monday 2 January 2012 (+14:00).
    expect(apia.elapsed(at('2011-12-29T00:00-10:00'), at('2012-01-02T00:00+14:00'))).toBe(hours(8));
    expect(iso(apia.deadline(at('2011-12-29T16:00-10:00'), work(2)))).toBe('2012-01-01T20:00:00.000Z');
  });

  it('Asia/Kolkata: a half-hour offset with no DST', () => {
    const c = compileForTest({ timeZone: 'Asia/Kolkata' });
    expect(iso(c.deadline(at('2026-03-02T09:00+05:30'), work(1)))).toBe('2026-03-02T04:30:00.000Z');
  });
});

describe('days off and exception days', () => {
  it('skips one-off and annual holidays', () => {
    const c = compileForTest({
      holidays: [
        { date: '2026-03-03', name: 'Company day' },
        { date: '2020-03-04', name: 'Founders day', annual: true },
      ],
    });
    expect(c.elapsed(at('2026-03-02T00:00+01:00'), at('2026-03-07T00:00+01:00'))).toBe(hours(24));
    // The annual holiday comes back in 2027 (a Thursday), the one-off does not.
    expect(c.elapsed(at('2027-03-03T00:00+01:00'), at('2027-03-05T00:00+01:00'))).toBe(hours(8));
  });

  it('replaces a day with its exception: longer hours, or closed', () => {
    const c = compileForTest({
      exceptions: [
        { date: '2026-12-24', hours: [{ from: '09:00', to: '12:00' }] },
        { date: '2026-12-26', hours: [{ from: '10:00', to: '14:00' }] }, // a Saturday, open by exception
        { date: '2026-12-28', hours: [] },
      ],
    });
    expect(c.elapsed(at('2026-12-24T00:00+01:00'), at('2026-12-25T00:00+01:00'))).toBe(hours(3));
    expect(c.elapsed(at('2026-12-26T00:00+01:00'), at('2026-12-27T00:00+01:00'))).toBe(hours(4));
    expect(c.elapsed(at('2026-12-28T00:00+01:00'), at('2026-12-29T00:00+01:00'))).toBe(0);
  });

  it('takes public holidays of a region from the lookup it is given', () => {
    const lookup = (region: string, year: number): string[] =>
      region === 'DE' && year === 2026 ? ['2026-10-03', '2026-12-25'] : [];
    const c = compileForTest({ holidayRegion: 'DE' }, lookup);
    expect(c.elapsed(at('2026-12-21T00:00+01:00'), at('2026-12-28T00:00+01:00'))).toBe(hours(32));
  });

  it('merges 24:00 with the next day’s 00:00 into one segment (a 24/7 calendar is continuous)', () => {
    const all = [{ from: '00:00', to: '24:00' }];
    const c = compileForTest({
      week: { mon: all, tue: all, wed: all, thu: all, fri: all, sat: all, sun: all },
    });
    expect(c.segments(at('2026-03-28T00:00Z'), at('2026-04-02T00:00Z'))).toHaveLength(1);
    expect(c.elapsed(at('2026-03-28T00:00Z'), at('2026-03-30T00:00Z'))).toBe(hours(48));
    expect(iso(c.deadline(at('2026-12-31T23:00Z'), work(2)))).toBe('2027-01-01T01:00:00.000Z');
  });
});

describe('laws, over generated instants and durations', () => {
  const calendars = {
    berlin: compileForTest(),
    lordHowe: compileForTest({
      timeZone: 'Australia/Lord_Howe',
      week: {
        mon: [
          { from: '08:00', to: '12:00' },
          { from: '13:00', to: '17:30' },
        ],
        sun: [{ from: '01:00', to: '03:00' }],
      },
    }),
    santiago: compileForTest({
      timeZone: 'America/Santiago',
      week: { sat: [{ from: '20:00', to: '24:00' }], sun: [{ from: '00:00', to: '08:00' }] },
    }),
  };
  const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) });
  const duration = fc.integer({ min: 0, max: 90 * 86_400_000 });

  for (const [name, c] of Object.entries(calendars)) {
    it(`${name}: elapsed(a, deadline(a, t)) === t`, () => {
      fc.assert(
        fc.property(instant, fc.integer({ min: 0, max: hours(400) }), (a, t) => {
          const d = c.deadline(a as never, t as WorkingMs);
          expect(d).toBeDefined();
          expect(c.elapsed(a as never, d as never)).toBe(t);
        }),
        { numRuns: 500 },
      );
    });

    it(`${name}: elapsed is additive over adjacent intervals`, () => {
      fc.assert(
        fc.property(instant, duration, duration, (a, x, y) => {
          const b = a + x;
          const e = b + y;
          expect(c.elapsed(a as never, e as never)).toBe(
            c.elapsed(a as never, b as never) + c.elapsed(b as never, e as never),
          );
        }),
        { numRuns: 500 },
      );
    });

    it(`${name}: a deadline is the earliest such instant`, () => {
      fc.assert(
        fc.property(instant, fc.integer({ min: 1, max: hours(400) }), (a, t) => {
          const d = c.deadline(a as never, t as WorkingMs) as number;
          expect(c.elapsed(a as never, (d - 1) as never)).toBe(t - 1);
        }),
        { numRuns: 300 },
      );
    });
  }
});

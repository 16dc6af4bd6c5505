import fc from 'fast-check';
import { fromZonedTime, getTimezoneOffset } from 'date-fns-tz';

import { dayByDay, daysOf, instantOf } from '../bench/day-by-day';
import type { Calendar, Span, Weekday } from '../src/engine/calendar/types';

/**
 * The benchmark's oracle, checked on cases worked out by hand. Runs under TZ=Asia/Singapore, so nothing may
 * lean on the host's zone.
 */

const H = 3_600_000;
const at = (iso: string): number => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad instant in test: ${iso}`);
  return t;
};
const span = (from: string, to: string): Span => ({ from, to });
const nineToFive: Partial<Record<Weekday, Span[]>> = Object.fromEntries(
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [d, [span('09:00', '17:00')]]),
);
const allWeek: Partial<Record<Weekday, Span[]>> = Object.fromEntries(
  (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((d) => [d, [span('00:00', '24:00')]]),
);

function makeCalendar(overrides: Partial<Calendar> = {}): Calendar {
  return { id: 'test', name: 'Test', timeZone: 'Europe/Berlin', week: nineToFive, ...overrides };
}

/** Working time of one whole local day, from its first instant to the next day's. */
function workOnDay(calendar: Calendar, date: string): number {
  const day = daysOf(date);
  return dayByDay(calendar).elapsed(
    instantOf(calendar.timeZone, day, 0),
    instantOf(calendar.timeZone, day + 1, 0),
  );
}

describe('instantOf: wall clock → instant under the `compatible` policy', () => {
  it('moves a time in a spring-forward gap forward by the gap', () => {
    // Berlin 2026-03-29: 02:00 CET becomes 03:00 CEST. 02:30 does not exist; read with +01:00 it is 03:30 CEST.
    expect(instantOf('Europe/Berlin', daysOf('2026-03-29'), 150)).toBe(at('2026-03-29T01:30:00Z'));
    expect(instantOf('Europe/Berlin', daysOf('2026-03-29'), 120)).toBe(at('2026-03-29T01:00:00Z'));
    expect(instantOf('Europe/Berlin', daysOf('2026-03-29'), 180)).toBe(at('2026-03-29T01:00:00Z'));
    // Lord Howe 2026-10-04: 02:00 +10:30 becomes 02:30 +11:00, a 30-minute gap.
    expect(instantOf('Australia/Lord_Howe', daysOf('2026-10-04'), 135)).toBe(at('2026-10-03T15:45:00Z'));
  });

  it('takes the earlier instant of an ambiguous time', () => {
    // Berlin 2026-10-25: 03:00 CEST becomes 02:00 CET; 02:30 happens twice, first at 00:30Z.
    expect(instantOf('Europe/Berlin', daysOf('2026-10-25'), 150)).toBe(at('2026-10-25T00:30:00Z'));
    // Lord Howe 2026-04-05: 02:00 +11:00 becomes 01:30 +10:30; 01:45 happens first at +11:00.
    expect(instantOf('Australia/Lord_Howe', daysOf('2026-04-05'), 105)).toBe(at('2026-04-04T14:45:00Z'));
    // New York 2026-11-01: 01:30 happens first in EDT.
    expect(instantOf('America/New_York', daysOf('2026-11-01'), 90)).toBe(at('2026-11-01T05:30:00Z'));
  });

  it('maps every time of Apia’s missing 2011-12-30 to the first instant after the jump or later', () => {
    // Samoa went from -10:00 straight to +14:00 at the end of 2011-12-29: 2011-12-30 never happened.
    const day = daysOf('2011-12-30');
    expect(instantOf('Pacific/Apia', day, 0)).toBe(at('2011-12-30T10:00:00Z'));
    expect(instantOf('Pacific/Apia', day + 1, 0)).toBe(at('2011-12-30T10:00:00Z'));
    expect(instantOf('Pacific/Apia', day, 9 * 60)).toBe(at('2011-12-30T19:00:00Z'));
  });

  it('is why the oracle does not use date-fns-tz’s fromZonedTime or getTimezoneOffset', () => {
    // fromZonedTime resolves a gap backwards and an overlap to the later instant: the opposite of `compatible`.
    expect(fromZonedTime('2026-03-29 02:30:00', 'Europe/Berlin').getTime()).toBe(at('2026-03-29T00:30:00Z'));
    expect(fromZonedTime('2026-10-25 02:30:00', 'Europe/Berlin').getTime()).toBe(at('2026-10-25T01:30:00Z'));
    // getTimezoneOffset reads its argument as a wall-clock time, not an instant: at 01:30Z Berlin is on
    // +02:00 (CEST since 01:00Z), yet it answers +01:00, the offset of the wall time 01:30.
    expect(getTimezoneOffset('Europe/Berlin', at('2026-03-29T01:30:00Z'))).toBe(1 * H);
  });
});

describe('Europe/Berlin, 9–17 Monday to Friday', () => {
  const oracle = dayByDay(makeCalendar());

  it('counts 8 hours a day on both sides of spring forward', () => {
    // Fri 2026-03-27 is 08:00Z–16:00Z (CET), Mon 2026-03-30 is 07:00Z–15:00Z (CEST).
    expect(oracle.elapsed(at('2026-03-27T00:00:00Z'), at('2026-03-31T00:00:00Z'))).toBe(16 * H);
    expect(oracle.elapsed(at('2026-03-27T16:00:00Z'), at('2026-03-30T07:00:00Z'))).toBe(0);
    expect(oracle.deadline(at('2026-03-27T15:00:00Z'), 2 * H)).toBe(at('2026-03-30T08:00:00Z'));
  });

  it('counts 8 hours a day on both sides of fall back', () => {
    // Fri 2026-10-23 16:00 CEST is 14:00Z; Mon 2026-10-26 09:00 CET is 08:00Z.
    expect(oracle.deadline(at('2026-10-23T14:00:00Z'), 2 * H)).toBe(at('2026-10-26T09:00:00Z'));
    expect(oracle.elapsed(at('2026-10-23T14:00:00Z'), at('2026-10-26T09:00:00Z'))).toBe(2 * H);
  });

  it('ends a deadline that uses up a span exactly at the span’s end, not at the next start', () => {
    expect(oracle.deadline(at('2026-03-02T08:00:00Z'), 8 * H)).toBe(at('2026-03-02T16:00:00Z'));
    const split = dayByDay(makeCalendar({ week: { mon: [span('09:00', '12:00'), span('13:00', '17:00')] } }));
    expect(split.deadline(at('2026-03-02T08:00:00Z'), 3 * H)).toBe(at('2026-03-02T11:00:00Z'));
    expect(split.deadline(at('2026-03-02T08:00:00Z'), 3 * H + 1)).toBe(at('2026-03-02T12:00:00.001Z'));
  });

  it('gives the start itself for no work, even out of hours, and waits for the next span otherwise', () => {
    const sunday = at('2026-03-01T12:00:00Z');
    expect(oracle.deadline(sunday, 0)).toBe(sunday);
    expect(oracle.deadline(sunday, 1)).toBe(at('2026-03-02T08:00:00.001Z'));
    expect(oracle.elapsed(sunday, sunday)).toBe(0);
  });

  it('takes the union of overlapping spans', () => {
    const overlapping = makeCalendar({ week: { mon: [span('11:00', '14:00'), span('09:00', '12:00')] } });
    expect(workOnDay(overlapping, '2026-03-02')).toBe(5 * H);
  });
});

describe('a span 01:00–04:00 on Sundays, across the DST changes', () => {
  const sundays = makeCalendar({ week: { sun: [span('01:00', '04:00')] } });

  it('is 3 hours on an ordinary Sunday, 2 on spring-forward day and 4 on fall-back day', () => {
    expect(workOnDay(sundays, '2026-03-22')).toBe(3 * H);
    // 01:00 CET (00:00Z) to 04:00 CEST (02:00Z).
    expect(workOnDay(sundays, '2026-03-29')).toBe(2 * H);
    // 01:00 CEST (23:00Z the day before) to 04:00 CET (03:00Z).
    expect(workOnDay(sundays, '2026-10-25')).toBe(4 * H);
    expect(dayByDay(sundays).deadline(at('2026-10-24T22:00:00Z'), 4 * H)).toBe(at('2026-10-25T03:00:00Z'));
  });

  it('gives nothing for a span inside the gap and two hours for one across the overlap', () => {
    const twoToThree = makeCalendar({ week: { sun: [span('02:00', '03:00')] } });
    expect(workOnDay(twoToThree, '2026-03-22')).toBe(1 * H);
    expect(workOnDay(twoToThree, '2026-03-29')).toBe(0);
    expect(workOnDay(twoToThree, '2026-10-25')).toBe(2 * H);
    // Starting inside the gap: 02:30 is 03:30 CEST (01:30Z), to 05:00 CEST (03:00Z).
    const fromTheGap = makeCalendar({ week: { sun: [span('02:30', '05:00')] } });
    expect(workOnDay(fromTheGap, '2026-03-29')).toBe(1.5 * H);
  });
});

describe('America/New_York', () => {
  const zone = 'America/New_York';

  it('has a 23-hour and a 25-hour day on a 24/7 calendar, and elapsed is plain difference', () => {
    const always = makeCalendar({ timeZone: zone, week: allWeek });
    expect(workOnDay(always, '2026-03-08')).toBe(23 * H);
    expect(workOnDay(always, '2026-11-01')).toBe(25 * H);
    const oracle = dayByDay(always);
    const a = at('2026-03-07T12:34:56.789Z');
    const b = at('2026-11-02T01:02:03.004Z');
    expect(oracle.elapsed(a, b)).toBe(b - a);
    expect(oracle.deadline(a, b - a)).toBe(b);
  });

  it('moves a Friday-evening deadline over the spring-forward weekend', () => {
    // Fri 2026-03-06 16:00 EST is 21:00Z; Mon 2026-03-09 09:00 EDT is 13:00Z.
    const oracle = dayByDay(makeCalendar({ timeZone: zone }));
    expect(oracle.deadline(at('2026-03-06T21:00:00Z'), 2 * H)).toBe(at('2026-03-09T14:00:00Z'));
  });

  it('reads 01:00–03:00 on the DST Sundays as 1 hour and 3 hours', () => {
    const sundays = makeCalendar({ timeZone: zone, week: { sun: [span('01:00', '03:00')] } });
    expect(workOnDay(sundays, '2026-03-08')).toBe(1 * H);
    // 01:00 is ambiguous and taken in EDT (05:00Z); 03:00 EST is 08:00Z.
    expect(workOnDay(sundays, '2026-11-01')).toBe(3 * H);
  });
});

describe('America/Santiago, whose clocks change at midnight', () => {
  const zone = 'America/Santiago';

  it('ends a span at 24:00 where the next day really starts', () => {
    const saturdays = makeCalendar({ timeZone: zone, week: { sat: [span('22:00', '24:00')] } });
    // 2026-09-06 00:00 does not exist (clocks jump to 01:00 -03:00, 04:00Z): 22:00 -04:00 to 04:00Z.
    expect(workOnDay(saturdays, '2026-09-05')).toBe(2 * H);
    // 2026-04-05 00:00 -03:00 is turned back to 23:00 -04:00: 22:00 -03:00 (01:00Z) to 00:00 -04:00 (04:00Z).
    expect(workOnDay(saturdays, '2026-04-04')).toBe(3 * H);
  });
});

describe('Pacific/Apia, which skipped 2011-12-30', () => {
  const zone = 'Pacific/Apia';

  it('gets nothing from the Friday that never was', () => {
    const oracle = dayByDay(makeCalendar({ timeZone: zone }));
    // Thu 2011-12-29 09:00–17:00 -10:00 is 19:00Z–03:00Z; then the weekend, then 2012-01-01 is a Sunday.
    expect(oracle.elapsed(at('2011-12-29T10:00:00Z'), at('2012-01-01T10:00:00Z'))).toBe(8 * H);
    // Thu 16:00 -10:00 plus 2 h: 1 h on Thursday, then Mon 2012-01-02 09:00 +14:00 (2012-01-01T19:00Z).
    expect(oracle.deadline(at('2011-12-30T02:00:00Z'), 2 * H)).toBe(at('2012-01-01T20:00:00Z'));
    expect(workOnDay(makeCalendar({ timeZone: zone }), '2011-12-30')).toBe(0);
  });

  it('gets nothing from an exception on that day either, and 24/7 stays plain difference', () => {
    const withException = makeCalendar({
      timeZone: zone,
      exceptions: [{ date: '2011-12-30', hours: [span('00:00', '24:00')] }],
    });
    expect(workOnDay(withException, '2011-12-30')).toBe(0);
    const oracle = dayByDay(makeCalendar({ timeZone: zone, week: allWeek }));
    const a = at('2011-12-29T00:00:00Z');
    const b = at('2012-01-02T00:00:00Z');
    expect(oracle.elapsed(a, b)).toBe(b - a);
  });
});

describe('Australia/Lord_Howe, whose DST is 30 minutes', () => {
  const zone = 'Australia/Lord_Howe';

  it('has a 24.5-hour and a 23.5-hour day', () => {
    const always = makeCalendar({ timeZone: zone, week: allWeek });
    expect(workOnDay(always, '2026-04-05')).toBe(24.5 * H);
    expect(workOnDay(always, '2026-10-04')).toBe(23.5 * H);
  });

  it('reads 01:00–03:00 on the change days as 2.5 and 1.5 hours', () => {
    const sundays = makeCalendar({ timeZone: zone, week: { sun: [span('01:00', '03:00')] } });
    expect(workOnDay(sundays, '2026-03-29')).toBe(2 * H);
    expect(workOnDay(sundays, '2026-04-05')).toBe(2.5 * H);
    expect(workOnDay(sundays, '2026-10-04')).toBe(1.5 * H);
  });
});

describe('holidays and exceptions', () => {
  const calendar = makeCalendar({
    holidays: [
      { date: '2026-03-03', name: 'One-off' },
      { date: '2020-12-25', annual: true },
      { date: '2026-03-09' },
    ],
    exceptions: [
      { date: '2026-03-05', hours: [span('10:00', '12:00')] },
      { date: '2026-03-06', hours: [] },
      { date: '2026-03-07', hours: [span('09:00', '13:00')] },
      // An exception wins over a holiday on the same date.
      { date: '2026-03-09', hours: [span('09:00', '10:00')] },
    ],
  });
  const region = new Set(['2026-03-04']);

  it('closes holidays, applies exceptions and leaves other days to the week', () => {
    const oracle = dayByDay(calendar, region);
    const day = (date: string): number => {
      const d = daysOf(date);
      return oracle.elapsed(instantOf('Europe/Berlin', d, 0), instantOf('Europe/Berlin', d + 1, 0));
    };
    expect(day('2026-03-02')).toBe(8 * H); // an ordinary Monday
    expect(day('2026-03-03')).toBe(0); // one-off holiday
    expect(day('2026-03-04')).toBe(0); // region holiday
    expect(day('2026-03-05')).toBe(2 * H); // shortened by an exception
    expect(day('2026-03-06')).toBe(0); // closed by an exception
    expect(day('2026-03-07')).toBe(4 * H); // a Saturday opened by an exception
    expect(day('2026-03-09')).toBe(1 * H); // holiday and exception: the exception
    expect(day('2026-12-24')).toBe(8 * H);
    expect(day('2026-12-25')).toBe(0); // annual, from a 2020 date
    expect(oracle.elapsed(at('2026-03-01T23:00:00Z'), at('2026-03-08T23:00:00Z'))).toBe(14 * H);
  });

  it('counts region dates only when given', () => {
    expect(workOnDay(calendar, '2026-03-04')).toBe(8 * H);
  });
});

describe('laws', () => {
  const calendars = [
    makeCalendar(),
    makeCalendar({ timeZone: 'Australia/Lord_Howe', week: { ...nineToFive, sun: [span('01:00', '03:00')] } }),
    makeCalendar({
      timeZone: 'America/Santiago',
      week: { sat: [span('22:00', '24:00')], sun: [span('00:00', '02:00')] },
    }),
  ];
  const instant = fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2027-01-01T00:00:00Z') });
  const work = fc.integer({ min: 0, max: 60 * H });

  it('elapsed(a, deadline(a, t)) === t, and no earlier instant has used t up', () => {
    for (const calendar of calendars) {
      const oracle = dayByDay(calendar);
      fc.assert(
        fc.property(instant, work, (a, t) => {
          const due = oracle.deadline(a, t);
          expect(oracle.elapsed(a, due)).toBe(t);
          if (t > 0) expect(oracle.elapsed(a, due - 1)).toBeLessThan(t);
        }),
        { numRuns: 60 },
      );
    }
  });

  it('elapsed is additive: elapsed(a, c) === elapsed(a, b) + elapsed(b, c)', () => {
    for (const calendar of calendars) {
      const oracle = dayByDay(calendar);
      fc.assert(
        fc.property(instant, instant, instant, (x, y, z) => {
          const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
          expect(oracle.elapsed(a, c)).toBe(oracle.elapsed(a, b) + oracle.elapsed(b, c));
        }),
        { numRuns: 40 },
      );
    }
  });
});

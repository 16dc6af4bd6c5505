import { daysFromCivil } from '../time/local-date';
import { businessDayDeadline, endOfDueDate, type BusinessDayRule } from './business-days';
import { at, compileForTest, hours, iso } from './test-support';

// Hand-worked cases on Berlin, Mon–Fri 09:00–17:00 unless a test says otherwise. In 2026 Berlin moves to
// summer time on Sunday 29 March (02:00 → 03:00) and back on Sunday 25 October (03:00 → 02:00).
const berlin = compileForTest();
const all = [{ from: '00:00', to: '24:00' }];
const berlin247 = compileForTest({
  week: { mon: all, tue: all, wed: all, thu: all, fri: all, sat: all, sun: all },
});

const rule = (days: number, cutoff?: number, dueAt?: number): BusinessDayRule => ({ days, cutoff, dueAt });
const hhmm = (h: number, m = 0): number => h * 60 + m;
const deadline = (calendar: typeof berlin, start: string, r: BusinessDayRule): string | undefined =>
  iso(businessDayDeadline(calendar, at(start), r));

describe('business-day deadlines', () => {
  it('next business day is the end of the next working day', () => {
    // Wednesday 10:00 is before the end of Wednesday's hours: D is Wednesday, the deadline Thursday 17:00.
    expect(deadline(berlin, '2026-03-04T10:00+01:00', rule(1))).toBe('2026-03-05T16:00:00.000Z');
    // Friday: the next working day is Monday.
    expect(deadline(berlin, '2026-03-06T10:00+01:00', rule(1))).toBe('2026-03-09T16:00:00.000Z');
  });

  it('counts local dates across the spring DST change, not 24-hour steps', () => {
    // Friday 27 March 10:00 CET, one business day: Monday 30 March 17:00 CEST = 15:00Z (an hour earlier in
    // UTC than a Monday before the change).
    const start = at('2026-03-27T10:00+01:00');
    const end = businessDayDeadline(berlin, start, rule(1));
    expect(iso(end)).toBe('2026-03-30T15:00:00.000Z');
    expect(berlin.elapsed(start, end ?? start)).toBe(hours(7 + 8));
    // Round the clock, Saturday 12:00 CET to the end of Sunday: Sunday has 23 hours, so 12 + 23.
    const saturday = at('2026-03-28T12:00+01:00');
    const endOfSunday = businessDayDeadline(berlin247, saturday, rule(1));
    expect(iso(endOfSunday)).toBe('2026-03-29T22:00:00.000Z');
    expect(berlin247.elapsed(saturday, endOfSunday ?? saturday)).toBe(hours(35));
  });

  it('counts local dates across the autumn DST change', () => {
    // Sunday 25 October has 25 hours: Saturday 12:00 CEST to the end of Sunday is 12 + 25.
    const saturday = at('2026-10-24T12:00+02:00');
    const endOfSunday = businessDayDeadline(berlin247, saturday, rule(1));
    expect(iso(endOfSunday)).toBe('2026-10-25T23:00:00.000Z');
    expect(berlin247.elapsed(saturday, endOfSunday ?? saturday)).toBe(hours(37));
    // Friday 16:00 CEST, due at 12:00 the next working day: Monday 12:00 CET = 11:00Z; 1 h + 3 h of work.
    const friday = at('2026-10-23T16:00+02:00');
    const monday = businessDayDeadline(berlin, friday, rule(1, undefined, hhmm(12)));
    expect(iso(monday)).toBe('2026-10-26T11:00:00.000Z');
    expect(berlin.elapsed(friday, monday ?? friday)).toBe(hours(4));
  });

  it('skips holidays before the deadline, and ends a short exception day at its own hours', () => {
    const easter = compileForTest({
      holidays: [{ date: '2026-04-03' }, { date: '2026-04-06' }],
      exceptions: [{ date: '2026-04-08', hours: [{ from: '09:00', to: '12:00' }] }],
    });
    // Thursday 2 April: D; Good Friday, the weekend and Easter Monday are no working days; so +1 is
    // Tuesday 7 April and +2 Wednesday 8 April, whose hours end at 12:00 CEST.
    expect(deadline(easter, '2026-04-02T10:00+02:00', rule(1))).toBe('2026-04-07T15:00:00.000Z');
    expect(deadline(easter, '2026-04-02T10:00+02:00', rule(2))).toBe('2026-04-08T10:00:00.000Z');
    // A start on a holiday counts from the next working day.
    expect(deadline(easter, '2026-04-06T10:00+02:00', rule(0))).toBe('2026-04-07T15:00:00.000Z');
  });

  it('starts a Saturday request on Monday, cut-off or not', () => {
    const saturday = at('2026-03-07T11:00+01:00');
    const monday5pm = '2026-03-09T16:00:00.000Z';
    expect(iso(businessDayDeadline(berlin, saturday, rule(0)))).toBe(monday5pm);
    expect(iso(businessDayDeadline(berlin, saturday, rule(0, hhmm(12), hhmm(17))))).toBe(monday5pm);
    expect(berlin.elapsed(saturday, at('2026-03-09T17:00+01:00'))).toBe(hours(8));
  });

  it('treats a start at the cut-off exactly as after it', () => {
    const sameDay = rule(0, hhmm(12), hhmm(17));
    // 11:59:59.999 is before noon: today 17:00.
    expect(deadline(berlin, '2026-03-02T11:59:59.999+01:00', sameDay)).toBe('2026-03-02T16:00:00.000Z');
    // 12:00:00.000 is not before noon: the next working day 17:00.
    expect(deadline(berlin, '2026-03-02T12:00:00.000+01:00', sameDay)).toBe('2026-03-03T16:00:00.000Z');
  });

  it('counts a start before opening for that day, and one after the last span for the next', () => {
    expect(deadline(berlin, '2026-03-02T07:00+01:00', rule(0))).toBe('2026-03-02T16:00:00.000Z');
    expect(deadline(berlin, '2026-03-02T07:00+01:00', rule(1))).toBe('2026-03-03T16:00:00.000Z');
    // At 17:00 exactly the day's hours are over (half-open): Tuesday.
    expect(deadline(berlin, '2026-03-02T17:00+01:00', rule(0))).toBe('2026-03-03T16:00:00.000Z');
    expect(deadline(berlin, '2026-03-02T18:30+01:00', rule(0))).toBe('2026-03-03T16:00:00.000Z');
  });

  it('ends a day with a lunch break at its last span', () => {
    const split = [
      { from: '09:00', to: '12:00' },
      { from: '13:00', to: '17:30' },
    ];
    const calendar = compileForTest({ week: { mon: split, tue: split } });
    expect(deadline(calendar, '2026-03-02T12:30+01:00', rule(0))).toBe('2026-03-02T16:30:00.000Z');
    expect(deadline(calendar, '2026-03-02T12:30+01:00', rule(1))).toBe('2026-03-03T16:30:00.000Z');
  });
});

describe('due dates', () => {
  it('ends a working date at the end of its hours, and a date without hours at midnight', () => {
    expect(iso(endOfDueDate(berlin, daysFromCivil(2026, 3, 6)))).toBe('2026-03-06T16:00:00.000Z');
    // Saturday 7 March has no working time: the end of the date, Sunday 00:00 CET.
    expect(iso(endOfDueDate(berlin, daysFromCivil(2026, 3, 7)))).toBe('2026-03-07T23:00:00.000Z');
    // The night of the spring change: Sunday 29 March ends at Monday 00:00 CEST.
    expect(iso(endOfDueDate(berlin, daysFromCivil(2026, 3, 29)))).toBe('2026-03-29T22:00:00.000Z');
  });
});

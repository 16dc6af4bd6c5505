import { isKnownRegion } from './region-holidays';
import { validateCalendar } from './validate';
import { makeCalendar } from './test-support';

const problemsOf = (input: unknown): { code: string; path?: string | undefined; message: string }[] => {
  const r = validateCalendar(input, '$.calendars[0]', { isKnownRegion });
  return r.ok ? [] : r.problems.map((p) => ({ code: p.code, path: p.path, message: p.message }));
};

describe('validateCalendar', () => {
  it('accepts a plain 9–17 calendar and a 24:00 end', () => {
    expect(problemsOf(makeCalendar())).toEqual([]);
    expect(problemsOf(makeCalendar({ week: { sat: [{ from: '18:00', to: '24:00' }] } }))).toEqual([]);
  });

  it('names an unknown zone, and refuses fixed offsets', () => {
    expect(problemsOf(makeCalendar({ timeZone: 'Europe/Atlantis' }))).toEqual([
      expect.objectContaining({ code: 'calendar.zone.unknown', path: '$.calendars[0].timeZone' }),
    ]);
    expect(problemsOf(makeCalendar({ timeZone: '+01:00' }))[0]?.code).toBe('calendar.zone.unknown');
  });

  it('names a bad HH:mm, 24:00 as a start, and from >= to', () => {
    const problems = problemsOf(
      makeCalendar({
        week: {
          mon: [{ from: '9:00', to: '17:00' }],
          tue: [{ from: '24:00', to: '24:00' }],
          wed: [{ from: '17:00', to: '09:00' }],
          thu: [{ from: '09:00', to: '17:60' }],
        },
      }),
    );
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['calendar.time.invalid', '$.calendars[0].week.mon[0].from'],
      ['calendar.time.invalid', '$.calendars[0].week.tue[0].from'],
      ['calendar.span.empty', '$.calendars[0].week.wed[0]'],
      ['calendar.time.invalid', '$.calendars[0].week.thu[0].to'],
    ]);
  });

  it('names overlapping spans whatever their order', () => {
    const problems = problemsOf(
      makeCalendar({
        week: {
          mon: [
            { from: '12:00', to: '17:00' },
            { from: '09:00', to: '12:30' },
          ],
        },
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({ code: 'calendar.span.overlap', path: '$.calendars[0].week.mon[0]' }),
    ]);
  });

  it('names impossible dates in holidays and exceptions, and a repeated exception', () => {
    const problems = problemsOf(
      makeCalendar({
        holidays: [{ date: '2026-02-30' }],
        exceptions: [
          { date: '2026-13-01', hours: [] },
          { date: '2026-12-24', hours: [] },
          { date: '2026-12-24', hours: [] },
        ],
      }),
    );
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['calendar.date.invalid', '$.calendars[0].holidays[0].date'],
      ['calendar.date.invalid', '$.calendars[0].exceptions[0].date'],
      ['calendar.exception.duplicate', '$.calendars[0].exceptions[2].date'],
    ]);
  });

  it('refuses a week with no working time: a deadline would never come', () => {
    expect(problemsOf(makeCalendar({ week: {} }))).toEqual([
      expect.objectContaining({ code: 'calendar.week.empty', path: '$.calendars[0].week' }),
    ]);
  });

  it('checks only the form of a region when the holiday data is not loaded (a browser, a worker)', () => {
    const check = (holidayRegion: string) => validateCalendar(makeCalendar({ holidayRegion }), '$', {}).ok;
    expect(check('XX-YY')).toBe(true);
    expect(check('Germany')).toBe(false);
  });

  it('names an unknown holiday region', () => {
    expect(problemsOf(makeCalendar({ holidayRegion: 'XX-YY' }))[0]).toEqual(
      expect.objectContaining({ code: 'calendar.region.unknown', path: '$.calendars[0].holidayRegion' }),
    );
  });

  it('names wrong shapes and unknown keys (a typo must not be silently ignored)', () => {
    const input = { ...makeCalendar(), timezone: 'Europe/Berlin', week: { mon: 'all day' } };
    expect(problemsOf(input).map((p) => p.path)).toEqual(
      expect.arrayContaining(['$.calendars[0].week.mon', '$.calendars[0]']),
    );
  });
});

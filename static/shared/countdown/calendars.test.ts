import { at, hours, makeCalendar } from '../../../src/engine/calendar/test-support';
import { forCountdown } from '../testing/builders';
import { compileCalendars, regionLookupOf, type CountdownCalendar } from './calendars';

describe('regionLookupOf', () => {
  it('answers each year with the dates the backend resolved for it, and nothing beyond them', () => {
    const lookup = regionLookupOf(['2025-12-25', '2026-01-01', '2026-12-25']);
    expect(lookup('DE', 2026)).toEqual(['2026-01-01', '2026-12-25']);
    expect(lookup('DE', 2025)).toEqual(['2025-12-25']);
    expect(lookup('DE', 2030)).toEqual([]);
  });
});

describe('compileCalendars', () => {
  it('closes the region holidays the backend sent, without the holiday data in the browser', () => {
    // Good Friday 2026 (3 April) is a public holiday in Berlin, and only known from the region's data.
    const withRegion = forCountdown(makeCalendar({ id: 'berlin', holidayRegion: 'DE-BE' }));
    expect(withRegion.regionDates).toContain('2026-04-03');
    const calendar = compileCalendars([withRegion]).byId.get('berlin')!;
    expect(calendar.workingTime.elapsed(at('2026-04-03T00:00+02:00'), at('2026-04-04T00:00+02:00'))).toBe(0);
    expect(calendar.workingTime.elapsed(at('2026-04-02T00:00+02:00'), at('2026-04-03T00:00+02:00'))).toBe(
      hours(8),
    );
    expect(calendar).toEqual(expect.objectContaining({ name: 'Test', timeZone: 'Europe/Berlin' }));
  });

  it('checks each calendar as any payload, and leaves out one that fails, saying why', () => {
    const broken = { ...forCountdown(makeCalendar({ id: 'broken', timeZone: 'Mars/Olympus' })) };
    const good = forCountdown(makeCalendar({ id: 'good' }));
    const compiled = compileCalendars([broken, good]);
    expect([...compiled.byId.keys()]).toEqual(['good']);
    expect(compiled.problems).toEqual([
      { id: 'broken', message: expect.stringContaining('unknown IANA time zone "Mars/Olympus"') },
    ]);
  });

  it('reuses a compiled calendar while its version stays, and compiles a new version afresh', () => {
    const cache = new Map<string, CountdownCalendar>();
    const v1 = forCountdown(makeCalendar({ id: 'berlin' }), 2026, 1);
    const first = compileCalendars([v1], cache).byId.get('berlin');
    expect(compileCalendars([v1], cache).byId.get('berlin')).toBe(first);
    const v2 = forCountdown(makeCalendar({ id: 'berlin', timeZone: 'Europe/Copenhagen' }), 2026, 2);
    const second = compileCalendars([v2], cache).byId.get('berlin');
    expect(second).not.toBe(first);
    expect(second?.timeZone).toBe('Europe/Copenhagen');
  });
});

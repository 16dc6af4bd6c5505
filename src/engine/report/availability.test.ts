import { at, compileForTest, hours } from '../calendar/test-support';
import type { IanaZone } from '../time/units';
import { availabilityOf, type Outage } from './availability';
import { maintenanceIntervals, parseMaintenanceWindow, type ParsedWindow } from './maintenance';
import { periodContaining } from './periods';

const UTC = 'UTC' as IanaZone;
const BERLIN = 'Europe/Berlin' as IanaZone;
const allDay = [{ from: '00:00', to: '24:00' }];
const always = compileForTest({
  timeZone: 'UTC',
  week: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
});
const berlin9to17 = compileForTest();

const outage = (issueKey: string, start: string, end: string | null): Outage => ({
  issueKey,
  start: at(start),
  end: end === null ? null : at(end),
});

function windows(...raw: Parameters<typeof parseMaintenanceWindow>[0][]): ParsedWindow[] {
  return raw.map((w, i) => {
    const parsed = parseMaintenanceWindow(w, `$[${i}]`);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed.value;
  });
}

describe('availability of a 24/7 service over March 2026 (UTC)', () => {
  const march = periodContaining('month', UTC, at('2026-03-15T00:00Z'));
  // Every Sunday 02:00–04:00: 1, 8, 15, 22 and 29 March, ten hours.
  const sundays = maintenanceIntervals(windows({ weekly: 'sun', from: '02:00', to: '04:00' }), UTC, march);
  const result = availabilityOf({
    period: march,
    now: at('2026-04-10T00:00Z'),
    calendar: always,
    outages: [
      outage('IT-1', '2026-03-03T10:00Z', '2026-03-03T12:00Z'),
      // Overlaps IT-1 by an hour: 10:00–13:00 is down once, three hours, not four.
      outage('IT-2', '2026-03-03T11:00Z', '2026-03-03T13:00Z'),
      // Began in February: only its March hour counts.
      outage('IT-3', '2026-02-28T23:00Z', '2026-03-01T01:00Z'),
      // Still going on: counts to the end of the period.
      outage('IT-4', '2026-03-31T23:00Z', null),
      // Runs into Sunday's maintenance at 02:00: only 01:00–02:00 is downtime.
      outage('IT-5', '2026-03-08T01:00Z', '2026-03-08T03:00Z'),
      // Entirely in another month.
      outage('IT-6', '2026-04-02T01:00Z', '2026-04-02T03:00Z'),
    ],
    maintenance: sundays,
    objectivePercent: 99.5,
  });

  it('lays weekly maintenance on every Sunday of the month', () => {
    expect(sundays).toHaveLength(5);
    expect(result.maintenanceMs).toBe(hours(10));
  });

  it('counts overlapping incidents once, clips to the period and leaves maintenance out of both sides', () => {
    expect(result.downtimeMs).toBe(hours(3 + 1 + 1 + 1));
    expect(result.scheduledMs).toBe(hours(31 * 24 - 10));
    expect(result.availablePercent).toBeCloseTo((728 / 734) * 100, 10);
    expect(result.objectiveMet).toBe(false);
    // 0.5 % of 734 hours is 3.67 hours.
    expect(result.allowedDowntimeMs).toBe(hours(3.67));
    expect(result.remainingDowntimeMs).toBe(hours(3.67) - hours(6));
  });

  it('lists each incident with its own downtime in the period, longest first', () => {
    expect(result.incidents.map((i) => [i.issueKey, i.downtimeMs / hours(1)])).toEqual([
      ['IT-1', 2],
      ['IT-2', 2],
      ['IT-3', 1],
      ['IT-5', 1],
      ['IT-4', 1],
    ]);
  });
});

describe('availability of a service with office hours (Berlin 9–17)', () => {
  const march = periodContaining('month', BERLIN, at('2026-03-15T12:00+01:00'));
  const maintenance = maintenanceIntervals(
    windows({ from: '2026-03-04T12:00:00+01:00', to: '2026-03-04T14:00:00+01:00', name: 'Firewall upgrade' }),
    BERLIN,
    march,
  );

  it('counts only the service hours of an outage overnight', () => {
    const result = availabilityOf({
      period: march,
      now: at('2026-04-01T12:00+02:00'),
      calendar: berlin9to17,
      outages: [outage('IT-7', '2026-03-02T16:00+01:00', '2026-03-03T10:00+01:00')],
      maintenance,
      objectivePercent: 98.5,
    });
    // 22 weekdays of 8 hours, less two hours of maintenance; Monday 16–17 and Tuesday 9–10 down.
    expect([result.scheduledMs, result.downtimeMs]).toEqual([hours(174), hours(2)]);
    // 172 / 174 = 98.85 %.
    expect(result.objectiveMet).toBe(true);
  });

  it('measures a month not yet over up to now, an ongoing outage included', () => {
    const result = availabilityOf({
      period: march,
      now: at('2026-03-03T12:00+01:00'),
      calendar: berlin9to17,
      outages: [outage('IT-8', '2026-03-02T16:00+01:00', null)],
      maintenance,
      objectivePercent: 99,
    });
    // Monday 8 hours and Tuesday 9–12 so far; down Monday 16–17 and Tuesday 9–12.
    expect([result.scheduledMs, result.downtimeMs]).toEqual([hours(11), hours(4)]);
    expect(result.availablePercent).toBeCloseTo((7 / 11) * 100, 10);
  });

  it('has nothing to judge before the period begins', () => {
    const result = availabilityOf({
      period: march,
      now: at('2026-02-20T12:00+01:00'),
      calendar: berlin9to17,
      outages: [],
      maintenance,
      objectivePercent: 99,
    });
    expect([result.scheduledMs, result.availablePercent, result.objectiveMet]).toEqual([0, null, null]);
  });
});

describe('maintenance windows', () => {
  it('keep their local hours across DST: Sunday 02:00–04:00 in Berlin on the night clocks spring forward', () => {
    const march = periodContaining('month', BERLIN, at('2026-03-15T12:00+01:00'));
    const sundays = maintenanceIntervals(
      windows({ weekly: 'sun', from: '02:00', to: '04:00' }),
      BERLIN,
      march,
    );
    // 29 March: 02:00 does not exist; it is read as 03:00 CEST, so the window is one hour long.
    const last = sundays[sundays.length - 1];
    expect(last && [new Date(last.start).toISOString(), (last.end - last.start) / hours(1)]).toEqual([
      '2026-03-29T01:00:00.000Z',
      1,
    ]);
  });

  it('refuse what cannot be a window, naming the key', () => {
    expect(parseMaintenanceWindow({ weekly: 'sun', from: '04:00', to: '02:00' }, '$.w')).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'agreement.maintenance.invalid', path: '$.w.to' })],
    });
    expect(parseMaintenanceWindow({ from: '2026-03-14', to: '2026-03-15T02:00:00Z' }, '$.w')).toEqual({
      ok: false,
      problems: [expect.objectContaining({ path: '$.w.from' })],
    });
    expect(parseMaintenanceWindow({ weekly: 'sat', from: '9:00', to: '10:00' }, '$.w')).toEqual({
      ok: false,
      problems: [expect.objectContaining({ path: '$.w.from', message: expect.stringContaining('HH:mm') })],
    });
  });
});

import { at, iso } from '../calendar/test-support';
import { parseLocalDate } from '../time/local-date';
import type { EpochMs, IanaZone } from '../time/units';
import { boundsOf, bucketOf, periodContaining, periodsEnding, periodsFrom } from './periods';

const BERLIN = 'Europe/Berlin' as IanaZone;
const UTC = 'UTC' as IanaZone;

describe('reporting periods', () => {
  it('counts a month from local midnight to local midnight, an hour short across spring forward', () => {
    const march = periodContaining('month', BERLIN, at('2026-03-15T12:00+01:00'));
    expect([march.label, iso(march.start), iso(march.end)]).toEqual([
      '2026-03',
      '2026-02-28T23:00:00.000Z', // 1 March 00:00 CET
      '2026-03-31T22:00:00.000Z', // 1 April 00:00 CEST
    ]);
    expect((march.end - march.start) / 3_600_000).toBe(31 * 24 - 1);
    expect([march.firstDay, march.lastDay]).toEqual(['2026-03-01', '2026-03-31']);
  });

  it('puts 00:30 on 1 April in Berlin in April, although it is still 31 March in UTC', () => {
    expect(periodContaining('month', BERLIN, at('2026-03-31T22:30Z')).label).toBe('2026-04');
    expect(periodContaining('month', UTC, at('2026-03-31T22:30Z')).label).toBe('2026-03');
  });

  it('names ISO weeks by the year of their Thursday', () => {
    // 1 January 2026 is a Thursday: its week begins on Monday 29 December 2025 and is 2026's first.
    const first = periodContaining('week', UTC, at('2025-12-29T00:00Z'));
    expect([first.label, first.firstDay, first.lastDay]).toEqual(['2026-W01', '2025-12-29', '2026-01-04']);
    // 1 January 2027 is a Friday: it belongs to 2026's 53rd week.
    expect(periodContaining('week', UTC, at('2027-01-01T12:00Z')).label).toBe('2026-W53');
  });

  it('lists the last periods oldest first, across a year boundary', () => {
    expect(periodsEnding('quarter', UTC, at('2026-05-10T00:00Z'), 4).map((p) => p.label)).toEqual([
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
    ]);
    expect(periodsEnding('month', BERLIN, at('2026-02-01T00:30+01:00'), 3).map((p) => p.label)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });

  it('lists periods from a local date, each starting where the last ended', () => {
    const months = periodsFrom('month', BERLIN, parseLocalDate('2026-10-15') ?? 0, 3);
    expect(months.map((p) => p.label)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(months[1]?.start).toBe(months[0]?.end);
    // October has an extra hour: Berlin falls back on the 25th.
    expect(((months[0]?.end ?? 0) - (months[0]?.start ?? 0)) / 3_600_000).toBe(31 * 24 + 1);
  });

  it('buckets instants by half-open bounds', () => {
    const bounds = boundsOf(periodsFrom('week', UTC, parseLocalDate('2026-03-02') ?? 0, 2));
    expect(bounds.map(iso)).toEqual([
      '2026-03-02T00:00:00.000Z',
      '2026-03-09T00:00:00.000Z',
      '2026-03-16T00:00:00.000Z',
    ]);
    expect(bucketOf(bounds, at('2026-03-02T00:00Z'))).toBe(0);
    expect(bucketOf(bounds, at('2026-03-08T23:59Z'))).toBe(0);
    expect(bucketOf(bounds, at('2026-03-09T00:00Z'))).toBe(1);
    expect(bucketOf(bounds, at('2026-03-16T00:00Z'))).toBe(-1);
    expect(bucketOf(bounds, at('2026-03-01T23:59Z'))).toBe(-1);
    expect(bucketOf([] as EpochMs[], at('2026-03-01T23:59Z'))).toBe(-1);
  });
});

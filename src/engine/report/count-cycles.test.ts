import { at } from '../calendar/test-support';
import type { IanaZone } from '../time/units';
import { complianceOf } from './compliance';
import { countByPeriod } from './count-cycles';
import { boundsOf, periodsEnding } from './periods';

const BERLIN = 'Europe/Berlin' as IanaZone;
const cycle = (startedAt: string, stoppedAt: string | null, breached = false) => ({
  startedAt: at(startedAt),
  stoppedAt: stoppedAt === null ? null : at(stoppedAt),
  breached,
});

describe('counting cycles into periods', () => {
  const now = at('2026-04-10T12:00+02:00');
  // February, March and April 2026 in Berlin; April is the current month.
  const bounds = boundsOf(periodsEnding('month', BERLIN, now, 3));
  const counts = countByPeriod(
    [
      // Started in February, ended in March: a March cycle.
      cycle('2026-02-27T16:00+01:00', '2026-03-02T10:00+01:00'),
      // Ended at 00:30 on 1 April in Berlin (22:30 on 31 March in UTC): an April cycle.
      cycle('2026-03-31T15:00+02:00', '2026-04-01T00:30+02:00', true),
      cycle('2026-03-10T09:00+01:00', '2026-03-10T11:00+01:00', true),
      cycle('2026-03-11T09:00+01:00', '2026-03-11T10:00+01:00'),
      // Open: running now, one already past its target; they count where they will end.
      cycle('2026-03-20T09:00+01:00', null, true),
      cycle('2026-04-09T09:00+02:00', null),
      // Ended before the first period: outside the report.
      cycle('2026-01-20T09:00+01:00', '2026-01-20T10:00+01:00'),
    ],
    bounds,
    now,
  );

  it('has nothing in a period in which no cycle ended', () => {
    expect(counts[0]).toEqual({ met: 0, breached: 0, running: 0, runningBreached: 0 });
    expect(
      complianceOf(counts[0] ?? { met: 0, breached: 0, running: 0, runningBreached: 0 }, 95).metPercent,
    ).toBeNull();
  });

  it('counts a cycle that spans a period boundary in the period it ended', () => {
    expect(counts[1]).toEqual({ met: 2, breached: 1, running: 0, runningBreached: 0 });
  });

  it('counts open cycles as running in the current period only', () => {
    expect(counts[2]).toEqual({ met: 0, breached: 1, running: 2, runningBreached: 1 });
  });

  it('shows no running cycles when the report lies wholly in the past', () => {
    const past = countByPeriod([cycle('2026-03-20T09:00+01:00', null)], bounds.slice(0, 2), now);
    expect(past).toEqual([{ met: 0, breached: 0, running: 0, runningBreached: 0 }]);
  });
});

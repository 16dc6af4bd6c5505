import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayState } from '../../../src/app/evaluation/summary';
import { at, hours, makeCalendar } from '../../../src/engine/calendar/test-support';
import type { Calendar } from '../../../src/engine/calendar/types';
import { evaluate } from '../../../src/engine/evaluate';
import type { MetricResult } from '../../../src/engine/evaluate/result';
import { parseStatuses } from '../../../src/engine/issue';
import type { EpochMs } from '../../../src/engine/time/units';
import { forCountdown, makeCycle, makeMetric } from '../testing/builders';
import { compileCalendars } from './calendars';
import { liveMetric, type LiveState } from './live-metric';

const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());
const minutes = (m: number): number => m * 60_000;

// Berlin, Mon–Fri 09:00–17:00 (test-support's default calendar).
const berlin = compileCalendars([forCountdown(makeCalendar({ id: 'berlin' }))]).byId.get(
  'berlin',
)!.workingTime;

describe('the browser countdown agrees with the engine', () => {
  // The examples' IT-42 (README): raised Monday 2 March 2026 08:47 Berlin, answered 09:14, taken by the
  // second-level team 13:05, waiting for the customer from 15:11. Between two of its events nothing happens
  // to the issue, so the engine evaluated at any instant there must give what the browser counts on from an
  // earlier evaluation: to the millisecond, on the same calendar (Berlin, with Berlin's public holidays).
  const root = join(__dirname, '../../../examples');
  const read = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));
  const agreements = read('agreements.json') as unknown[];
  const calendars = read('calendars.json') as Calendar[];
  const issue = read('issues/IT-42.json');
  const statusList = parseStatuses(read('statuses.json'));
  if (!statusList.ok) throw new Error('examples/statuses.json');
  const compiled = compileCalendars(calendars.map((c) => forCountdown(c)));

  const metricsAt = (now: number): Map<string, MetricResult> => {
    const result = evaluate({ agreements, calendars, issue, now, statuses: statusList.value });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return new Map(result.value.agreements.flatMap((a) => a.metrics.map((m) => [`${a.id}/${m.id}`, m])));
  };
  const expectedState = (m: MetricResult): LiveState => {
    const shown = displayState(m);
    return shown === 'running' ? 'on-track' : shown;
  };

  const window = (label: string, from: string, to: string, keys: string[], edges: string[]) => {
    it(`counts on from ${label}`, () => {
      const t0 = at(from);
      const t1Max = at(to);
      const before = metricsAt(t0);
      fc.assert(
        fc.property(fc.integer({ min: t0, max: t1Max - 1 }), (t1) => {
          const after = metricsAt(t1);
          for (const key of keys) {
            const stored = before.get(key)!;
            const calendar = compiled.byId.get(stored.goal!.calendar)!.workingTime;
            const live = liveMetric(stored, displayState(stored), t0, t1 as EpochMs, calendar);
            const truth = after.get(key)!;
            const cycle = truth.cycles[truth.cycles.length - 1]!;
            expect({ key, remaining: live.remainingMs, elapsed: live.elapsedMs, state: live.state }).toEqual({
              key,
              remaining: cycle.remainingMs,
              elapsed: cycle.elapsedMs,
              state: expectedState(truth),
            });
            expect(iso(live.breachedAt)).toBe(cycle.breachedAt);
            expect(iso(live.resumesAt)).toBe(
              truth.state === 'out-of-hours' ? (truth.resumesAt ?? null) : null,
            );
          }
        }),
        // The instants where something changes, and a millisecond either side, besides random ones.
        { numRuns: 60, examples: edges.flatMap((e) => [[at(e) - 1], [at(e)], [at(e) + 1]]) },
      );
    });
  };

  // Before opening time, across 09:00: out of hours, then on track.
  window(
    '08:50, before opening, across 09:00',
    '2026-03-02T08:50+01:00',
    '2026-03-02T09:14+01:00',
    ['gold/first-response', 'gold/resolution'],
    ['2026-03-02T09:00+01:00'],
  );
  // The second-level OLA: at risk from 14:35, breached at 15:05, still running (negative) until 15:11.
  window(
    '14:00, through a warning and a breach',
    '2026-03-02T14:00+01:00',
    '2026-03-02T15:11+01:00',
    ['gold/resolution', 'second-level/handling'],
    ['2026-03-02T14:35:26.448+01:00', '2026-03-02T15:05:26.448+01:00'],
  );
});

describe('liveMetric', () => {
  const monday = (time: string): EpochMs => at(`2026-03-02T${time}+01:00`);
  const running = makeMetric({
    cycles: [
      makeCycle({ startedAt: iso(monday('09:00'))!, remainingMs: hours(4), deadline: iso(monday('13:00')) }),
    ],
  });

  it('counts working time since the evaluation, to the millisecond', () => {
    const live = liveMetric(running, 'running', monday('09:00'), (monday('10:15') + 250) as EpochMs, berlin);
    expect(live).toEqual(
      expect.objectContaining({ state: 'on-track', clock: 'counting', live: true, resumesAt: null }),
    );
    expect(live.remainingMs).toBe(hours(4) - minutes(75) - 250);
    expect(iso(live.deadline)).toBe(iso(monday('13:00')));
  });

  it('stops outside working hours and says when it resumes', () => {
    const evening = liveMetric(running, 'running', monday('16:00'), at('2026-03-02T21:30+01:00'), berlin);
    expect(evening).toEqual(expect.objectContaining({ state: 'out-of-hours', clock: 'out-of-hours' }));
    // Only 16:00–17:00 counted; nothing after.
    expect(evening.remainingMs).toBe(hours(3));
    expect(iso(evening.resumesAt)).toBe(iso(at('2026-03-03T09:00+01:00')));

    // Friday evening: resumes Monday, not Saturday.
    const friday = liveMetric(
      running,
      'running',
      at('2026-03-06T16:00+01:00'),
      at('2026-03-07T10:00+01:00'),
      berlin,
    );
    expect(iso(friday.resumesAt)).toBe(iso(at('2026-03-09T09:00+01:00')));
  });

  it('does not count while paused, and says which condition holds', () => {
    const paused = makeMetric({
      state: 'paused',
      pausedBy: 'status = "Waiting for customer"',
      cycles: [
        makeCycle({
          remainingMs: hours(2),
          deadline: null,
          pauses: [{ from: iso(monday('11:00'))!, to: null }],
        }),
      ],
    });
    const live = liveMetric(paused, 'paused', monday('11:00'), monday('15:00'), berlin);
    expect(live).toEqual(
      expect.objectContaining({
        state: 'paused',
        clock: 'paused',
        remainingMs: hours(2),
        deadline: null,
        pausedBy: 'status = "Waiting for customer"',
      }),
    );
  });

  it('breaches in the browser when the remaining time runs out, and knows the instant', () => {
    const live = liveMetric(running, 'running', monday('09:00'), (monday('13:00') + 1) as EpochMs, berlin);
    expect(live.state).toBe('breached');
    expect(live.remainingMs).toBe(-1);
    expect(iso(live.breachedAt)).toBe(iso(monday('13:00')));
    // Exactly at the deadline nothing is over yet: breached means the deadline has passed.
    expect(liveMetric(running, 'running', monday('09:00'), monday('13:00'), berlin).state).toBe('on-track');
  });

  it('breaches at closing time once the clock moves past it, though no working time passes', () => {
    // Due at 17:00 on a 9–17 calendar: "at risk, 0 s" all evening was the regression.
    const closing = makeMetric({
      cycles: [makeCycle({ remainingMs: hours(1), deadline: iso(monday('17:00')) })],
    });
    const atFive = liveMetric(closing, 'running', monday('16:00'), monday('17:00'), berlin);
    expect(atFive).toEqual(
      expect.objectContaining({ state: 'out-of-hours', remainingMs: 0, breachedAt: null }),
    );
    for (const later of [monday('17:00') + 1, monday('21:00')]) {
      const live = liveMetric(closing, 'running', monday('16:00'), later as EpochMs, berlin);
      expect(live).toEqual(expect.objectContaining({ state: 'breached', remainingMs: 0 }));
      expect(iso(live.breachedAt)).toBe(iso(monday('17:00')));
    }
  });

  it('is at risk once a threshold falls due, before the backend says so', () => {
    const warned = makeMetric({
      cycles: [
        makeCycle({
          remainingMs: hours(4),
          thresholds: [{ index: 0, crossings: 0, lastAt: null, nextAt: iso(monday('12:00')) }],
        }),
      ],
    });
    expect(
      liveMetric(warned, 'running', monday('09:00'), (monday('12:00') - 1) as EpochMs, berlin).state,
    ).toBe('on-track');
    expect(liveMetric(warned, 'running', monday('09:00'), monday('12:00'), berlin).state).toBe('at-risk');
  });

  it('keeps a stopped cycle as it was', () => {
    const met = makeMetric({
      state: 'met',
      cycles: [makeCycle({ stoppedAt: iso(monday('10:00')), elapsedMs: hours(1), remainingMs: hours(3) })],
    });
    const live = liveMetric(met, 'met', monday('10:00'), monday('16:00'), berlin);
    expect(live).toEqual(
      expect.objectContaining({ state: 'met', clock: 'stopped', remainingMs: hours(3), deadline: null }),
    );
    expect(iso(live.stoppedAt)).toBe(iso(monday('10:00')));
  });

  it('counts elapsed time up when the goal measures only (no target)', () => {
    const measured = makeMetric({
      goal: { index: 0, targetMinutes: null, calendar: 'berlin' },
      cycles: [makeCycle({ elapsedMs: minutes(10), remainingMs: null, deadline: null })],
    });
    const live = liveMetric(measured, 'running', monday('09:00'), monday('09:30'), berlin);
    expect(live).toEqual(
      expect.objectContaining({ state: 'on-track', remainingMs: null, elapsedMs: minutes(40) }),
    );
  });

  it('shows the evaluation as it was, not ticking, without the calendar', () => {
    const live = liveMetric(running, 'running', monday('09:00'), monday('11:00'), undefined);
    expect(live).toEqual(expect.objectContaining({ live: false, remainingMs: hours(4), clock: 'counting' }));
  });

  it('never counts backwards when the browser clock is behind the evaluation', () => {
    expect(liveMetric(running, 'running', monday('10:00'), monday('09:59'), berlin).remainingMs).toBe(
      hours(4),
    );
  });

  it('has nothing to count before a cycle starts', () => {
    const waiting = makeMetric({ state: 'not-started', cycles: [] });
    expect(liveMetric(waiting, 'not-started', monday('10:00'), monday('11:00'), berlin)).toEqual(
      expect.objectContaining({
        state: 'not-started',
        clock: 'not-started',
        remainingMs: null,
        deadline: null,
      }),
    );
  });
});

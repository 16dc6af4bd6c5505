import type { JobView as Job } from '../../../src/app/resolvers/job-routes';
import { regionHolidays } from '../../../src/engine/calendar/region-holidays';
import type { Calendar } from '../../../src/engine/calendar/types';
import type { CycleResult, MetricResult } from '../../../src/engine/evaluate/result';
import type { CalendarForCountdown, DisplayState, IssueMetricEntry } from '../api/issue-metrics';

/**
 * Test builders for the Custom UIs: results as the engine writes them, with defaults, so each test states only
 * the lines that matter. Instants are ISO text in UTC, as in stored results.
 */

export function makeCycle(overrides: Partial<CycleResult> = {}): CycleResult {
  return {
    startedAt: '2026-03-02T08:00:00.000Z',
    stoppedAt: null,
    elapsedMs: 0,
    pausedMs: 0,
    remainingMs: 4 * 3_600_000,
    deadline: '2026-03-02T12:00:00.000Z',
    breached: false,
    breachedAt: null,
    goalIndex: 0,
    pauses: [],
    thresholds: [],
    ...overrides,
  };
}

export function makeMetric(overrides: Partial<MetricResult> = {}): MetricResult {
  return {
    id: 'ttr',
    name: 'Time to resolution',
    state: 'running',
    breached: false,
    everBreached: false,
    goal: { index: 0, targetMinutes: 240, calendar: 'berlin' },
    cycles: [makeCycle()],
    next: null,
    ...overrides,
  };
}

export function makeEntry(
  metric: MetricResult = makeMetric(),
  overrides: Partial<Omit<IssueMetricEntry, 'metric'>> = {},
): IssueMetricEntry {
  const state = metric.state;
  const displayState: DisplayState = metric.breached ? 'breached' : state;
  const agreementId = overrides.agreementId ?? 'gold';
  return {
    agreementId,
    agreementVersion: 1,
    // The server names an agreement whose version it cannot read by its id.
    agreementName: agreementId,
    counterparty: null,
    evaluatedAt: 0,
    goalConditions: [],
    kind: 'SLA',
    displayState,
    metric,
    ...overrides,
  };
}

/** A recalculation job as the store keeps it and `jobs/*` answer it: running, 50 of 200 issues done. */
export function makeJob(overrides: Partial<Job> = {}): Job {
  return {
    id: 'job-1',
    spec: { scope: { kind: 'agreement', agreementId: 'gold' }, replaceCompleted: false },
    state: 'running',
    createdAt: Date.parse('2026-03-02T09:00:00Z'),
    createdBy: 'chris-admin',
    updatedAt: 0,
    cursor: null,
    total: 200,
    done: 50,
    failed: 0,
    cancelRequested: false,
    error: null,
    failure: null,
    ...overrides,
  };
}

/**
 * A calendar as `issue/metrics` sends it: its region's holidays resolved for the year before, of and after
 * `year`, as the backend does with its own clock.
 */
export function forCountdown(calendar: Calendar, year = 2026, version = 1): CalendarForCountdown {
  const region = calendar.holidayRegion;
  const dates = region === undefined ? undefined : regionHolidays(region, year - 1, year + 1);
  return { calendar, version, regionDates: dates?.ok ? dates.value.map((d) => d.date) : [] };
}

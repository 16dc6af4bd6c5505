/**
 * Hand-worked extensions and excused breaches (docs/engine-contract.md, "Extensions and excused breaches").
 * Berlin, Mon–Fri 09:00–17:00; Monday 2 March 2026 is winter time (UTC+1), so 14:00 Berlin is 13:00Z.
 * A resolution goal of 4 working hours, paused while waiting for the customer, acting at the breach.
 */
import type { Agreement, Goal, Metric } from '../agreement/types';
import { makeCalendar } from '../calendar/test-support';
import { parseStatuses } from '../issue';
import { JiraIssueBuilder, statusesReply } from '../../../test/support/jira-issue';
import type { AdjustmentJson } from './adjustments';
import { evaluate } from './index';
import type { MetricResult } from './result';
import { resultJson } from './result-json';

const calendars = [makeCalendar({ id: 'berlin' })];
const statuses = (() => {
  const r = parseStatuses(statusesReply);
  if (!r.ok) throw new Error('statuses');
  return r.value;
})();

const resolution = (goals: Goal[]): Metric => ({
  id: 'ttr',
  name: 'Time to resolution',
  start: [{ event: 'created' }],
  stop: [{ event: 'resolution', change: 'set' }],
  pauseWhile: 'status = "Waiting for customer"',
  goals,
  thresholds: [{ at: { minutesAfterBreach: 0 }, actions: [] }],
});
const fourHours = [resolution([{ targetMinutes: 240, calendar: 'berlin' }])];
const agreementsOf = (metrics: Metric[]): Agreement[] => [{ id: 'gold', name: 'Gold', kind: 'SLA', metrics }];
const fourHourAgreements = agreementsOf(fourHours);

const mon = (hhmm: string): string => `2026-03-02T${hhmm.length === 5 ? `${hhmm}:00.000` : hhmm}+0100`;
const tue = (hhmm: string): string => `2026-03-03T${hhmm}:00.000+0100`;
const wed = (hhmm: string): string => `2026-03-04T${hhmm}:00.000+0100`;
const min = (n: number): number => n * 60_000;

const extend = (at: string, minutes: number, cycleStartedAt = mon('10:00')): AdjustmentJson => ({
  kind: 'extension',
  agreement: 'gold',
  metric: 'ttr',
  cycleStartedAt,
  at,
  minutes,
});
const excuse = (at: string, cycleStartedAt = mon('10:00')): AdjustmentJson => ({
  kind: 'excuse',
  agreement: 'gold',
  metric: 'ttr',
  cycleStartedAt,
  at,
});

function metricOf(
  issue: JiraIssueBuilder,
  now: string,
  adjustments: AdjustmentJson[],
  agreements: Agreement[] = fourHourAgreements,
): MetricResult {
  const result = evaluate({ agreements, calendars, issue: issue.json(), now, statuses, adjustments });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  // The command line's fast writer gives exactly JSON.stringify's text for the markers too.
  expect(resultJson(result.value)).toBe(JSON.stringify(result.value));
  const metric = result.value.agreements[0]?.metrics[0];
  if (!metric) throw new Error('no metric');
  return metric;
}

const raised = (at = mon('10:00')): JiraIssueBuilder => new JiraIssueBuilder('IT-7', at);

describe('an extension moves the deadline of its cycle by working time', () => {
  it('adds an hour to a 14:00 deadline: 15:00, and says so', () => {
    const m = metricOf(raised(), mon('11:30'), [extend(mon('11:00'), 60)]);
    expect(m.cycles[0]).toEqual(
      expect.objectContaining({
        deadline: '2026-03-02T14:00:00.000Z',
        remainingMs: min(300 - 90),
        breached: false,
        extended: { minutes: 60, count: 1 },
      }),
    );
    expect(m.cycles[0]?.excused).toBeUndefined();
  });

  it('is not seen by an evaluation before it was made (the result at 10:30 stays what it was)', () => {
    const m = metricOf(raised(), mon('10:30'), [extend(mon('11:00'), 60)]);
    expect(m.cycles[0]?.deadline).toBe('2026-03-02T13:00:00.000Z');
    expect(m.cycles[0]?.extended).toBeUndefined();
  });

  it('adds several extensions up: 60 + 30 minutes → 15:30', () => {
    const m = metricOf(raised(), mon('12:30'), [extend(mon('11:00'), 60), extend(mon('12:00'), 30)]);
    expect(m.cycles[0]?.deadline).toBe('2026-03-02T14:30:00.000Z');
    expect(m.cycles[0]?.extended).toEqual({ minutes: 90, count: 2 });
  });

  it('counts working time across the night: raised Mon 14:00, 4 h + 2 h → Tue 12:00, not Mon 20:00', () => {
    const m = metricOf(raised(mon('14:00')), mon('15:00'), [extend(mon('14:30'), 120, mon('14:00'))]);
    expect(m.cycles[0]?.deadline).toBe('2026-03-03T11:00:00.000Z');
  });

  it('is pushed by a pause like the goal it extends: waiting 12:00–13:00 → 16:00', () => {
    const issue = raised().status(mon('12:00'), 'Waiting for customer').status(mon('13:00'), 'In Progress');
    const m = metricOf(issue, mon('13:30'), [extend(mon('11:00'), 60)]);
    expect(m.cycles[0]?.deadline).toBe('2026-03-02T15:00:00.000Z');
    expect(m.cycles[0]?.pausedMs).toBe(min(60));
  });

  it('moves a due date by working time: Tue (end 17:00) + 1 h → Wed 10:00', () => {
    const byDueDate = agreementsOf([
      resolution([
        { dueDateField: 'duedate', calendar: 'berlin' },
        { targetMinutes: 240, calendar: 'berlin' },
      ]),
    ]);
    const issue = raised().initialField('duedate', '2026-03-03');
    expect(metricOf(issue, mon('11:00'), [], byDueDate).cycles[0]?.deadline).toBe('2026-03-03T16:00:00.000Z');
    const m = metricOf(issue, mon('11:00'), [extend(mon('10:30'), 60)], byDueDate);
    expect(m.cycles[0]?.deadline).toBe('2026-03-04T09:00:00.000Z');
    expect(metricOf(issue, wed('09:30'), [extend(mon('10:30'), 60)], byDueDate).breached).toBe(false);
  });
});

describe('an extension made after the breach', () => {
  // Deadline 14:00; the clock passed it; at 15:00 someone extends by two hours.
  it('before it is made, the cycle is breached at 14:00', () => {
    const m = metricOf(raised(), mon('14:30'), [extend(mon('15:00'), 120)]);
    expect(m.cycles[0]).toEqual(
      expect.objectContaining({ breached: true, breachedAt: '2026-03-02T13:00:00.000Z' }),
    );
  });

  it('withdraws the breach while the new deadline (16:00) is ahead, and the breach threshold waits for it', () => {
    const m = metricOf(raised(), mon('15:30'), [extend(mon('15:00'), 120)]);
    expect(m).toEqual(expect.objectContaining({ state: 'running', breached: false, everBreached: false }));
    expect(m.cycles[0]).toEqual(
      expect.objectContaining({
        deadline: '2026-03-02T15:00:00.000Z',
        breachedAt: null,
        remainingMs: min(30),
      }),
    );
    expect(m.cycles[0]?.thresholds[0]).toEqual(
      expect.objectContaining({ crossings: 0, nextAt: '2026-03-02T15:00:00.000Z' }),
    );
    expect(m.next).toBe('2026-03-02T15:00:00.000Z');
  });

  it('breaches again at the new deadline once the clock passes it', () => {
    const m = metricOf(raised(), mon('16:00:00.001'), [extend(mon('15:00'), 120)]);
    expect(m.cycles[0]).toEqual(
      expect.objectContaining({ breached: true, breachedAt: '2026-03-02T15:00:00.000Z' }),
    );
  });

  it('too short to reach the present: breached at the extended deadline, 14:30', () => {
    const m = metricOf(raised(), mon('15:30'), [extend(mon('15:00'), 30)]);
    expect(m.cycles[0]).toEqual(
      expect.objectContaining({
        breached: true,
        breachedAt: '2026-03-02T13:30:00.000Z',
        extended: { minutes: 30, count: 1 },
      }),
    );
  });
});

describe('an extension counts only while its cycle runs', () => {
  it('is ignored when made after the stop, and at the stop itself', () => {
    const issue = raised().resolve(mon('15:00'));
    for (const at of [mon('15:00'), mon('15:30')]) {
      const m = metricOf(issue, mon('16:00'), [extend(at, 120)]);
      expect(m).toEqual(expect.objectContaining({ state: 'breached', breached: true }));
      expect(m.cycles[0]?.extended).toBeUndefined();
    }
  });

  it('counts when made 1 ms before the stop: resolved at 15:00 against 16:00 is met', () => {
    const m = metricOf(raised().resolve(mon('15:00')), mon('16:00'), [extend(mon('14:59:59.999'), 120)]);
    expect(m).toEqual(expect.objectContaining({ state: 'met', breached: false }));
    expect(m.cycles[0]?.extended).toEqual({ minutes: 120, count: 1 });
  });

  it('belongs to the cycle it names: one for a start no cycle has changes nothing', () => {
    const m = metricOf(raised(), mon('12:30'), [extend(mon('12:10'), 60, mon('10:00:00.001'))]);
    expect(m.cycles[0]?.deadline).toBe('2026-03-02T13:00:00.000Z');
    expect(m.cycles[0]?.extended).toBeUndefined();
  });
});

describe('an excuse marks a breach that had happened', () => {
  const late = (): JiraIssueBuilder => raised().resolve(mon('15:00'));

  it('marks a breached cycle excused; it stays breached', () => {
    const m = metricOf(late(), mon('16:30'), [excuse(mon('16:00'))]);
    expect(m).toEqual(expect.objectContaining({ state: 'breached', breached: true }));
    expect(m.cycles[0]).toEqual(expect.objectContaining({ breached: true, excused: true }));
  });

  it('is not seen before it is made', () => {
    expect(metricOf(late(), mon('15:30'), [excuse(mon('16:00'))]).cycles[0]?.excused).toBeUndefined();
  });

  it('made before the breach, it covers nothing', () => {
    expect(metricOf(late(), mon('16:30'), [excuse(mon('13:00'))]).cycles[0]?.excused).toBeUndefined();
  });

  it('at the very instant of the breach, it covers it', () => {
    expect(metricOf(late(), mon('16:30'), [excuse(mon('14:00'))]).cycles[0]?.excused).toBe(true);
  });

  it('covers a running cycle past its deadline', () => {
    const m = metricOf(raised(), mon('15:30'), [excuse(mon('15:00'))]);
    expect(m).toEqual(expect.objectContaining({ state: 'running', breached: true }));
    expect(m.cycles[0]?.excused).toBe(true);
  });

  it('has nothing to mark once an extension withdrew the breach', () => {
    const m = metricOf(raised(), mon('15:30'), [excuse(mon('15:00')), extend(mon('15:00'), 120)]);
    expect(m.cycles[0]).toEqual(
      expect.objectContaining({ breached: false, extended: { minutes: 120, count: 1 } }),
    );
    expect(m.cycles[0]?.excused).toBeUndefined();
  });
});

describe('invalid adjustments', () => {
  it('are refused with the path of the one that cannot be read', () => {
    const result = evaluate({
      agreements: fourHourAgreements,
      calendars,
      issue: raised().json(),
      now: tue('10:00'),
      statuses,
      adjustments: [excuse(mon('15:00')), extend(mon('11:00'), 0)],
    });
    expect(result).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'evaluate.adjustment.invalid', path: '$.adjustments[1]' })],
    });
  });
});

import { validateAgreements } from '../agreement/validate';
import type { Agreement, Goal, Metric } from '../agreement/types';
import { makeCalendar } from '../calendar/test-support';
import { loadConfig } from '../config/load';
import { historyOf, parseIssue, parseStatuses } from '../issue';
import { JiraIssueBuilder, statusesReply } from '../../../test/support/jira-issue';
import { fieldsUsed, unknownFields } from './evaluate';
import { evaluate } from './index';
import type { MetricResult } from './result';
import { resultJson } from './result-json';

// ── Builders ───────────────────────────────────────────────────────────────────────────────────────────

// Berlin, Mon–Fri 09:00–17:00. Monday 2 March 2026 is in winter time (UTC+1).
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
  thresholds: [{ at: { percent: 50 }, actions: [] }],
});
const agreementWith = (goals: Goal[]): Agreement[] => [
  { id: 'hw', name: 'Hardware', kind: 'UC', metrics: [resolution(goals)] },
];

function metricOf(goals: Goal[], issue: JiraIssueBuilder, now: string): MetricResult {
  const result = evaluate({
    agreements: agreementWith(goals),
    calendars,
    issue: issue.json(),
    now,
    statuses,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  // The command line's fast writer gives exactly JSON.stringify's text for the new fields too.
  expect(resultJson(result.value)).toBe(JSON.stringify(result.value));
  const metric = result.value.agreements[0]?.metrics[0];
  if (!metric) throw new Error('no metric');
  return metric;
}

const mon = (hhmm: string): string => `2026-03-02T${hhmm}:00.000+0100`;
const tue = (hhmm: string): string => `2026-03-03T${hhmm}:00.000+0100`;
const wed = (hhmm: string): string => `2026-03-04T${hhmm}:00.000+0100`;
const h = (n: number): number => n * 3_600_000;

// ── Business days ──────────────────────────────────────────────────────────────────────────────────────

describe('a business-day goal', () => {
  const nextBusinessDay: Goal[] = [{ businessDays: { days: 1 }, calendar: 'berlin' }];

  it('becomes the working time to the end of the next working day at the cycle start', () => {
    const m = metricOf(nextBusinessDay, new JiraIssueBuilder('HW-1', mon('10:00')), mon('12:00'));
    expect(m.goal).toEqual({ index: 0, targetMinutes: null, calendar: 'berlin', businessDays: { days: 1 } });
    // Monday 10:00 → Tuesday 17:00: 7 h + 8 h of work; 2 h used.
    expect(m.cycles[0]).toEqual(
      expect.objectContaining({
        elapsedMs: h(2),
        remainingMs: h(13),
        deadline: '2026-03-03T16:00:00.000Z',
        breached: false,
      }),
    );
    // The 50 % threshold is at 7.5 h of work: Tuesday 09:30.
    expect(m.cycles[0]?.thresholds[0]?.nextAt).toBe('2026-03-03T08:30:00.000Z');
  });

  it('is pushed by pauses, like a working-minutes goal', () => {
    const issue = new JiraIssueBuilder('HW-2', mon('10:00'))
      .status(mon('11:00'), 'Waiting for customer')
      .status(mon('13:00'), 'In Progress');
    const m = metricOf(nextBusinessDay, issue, mon('14:00'));
    // Two working hours paused: Tuesday 17:00 becomes Wednesday 11:00.
    expect(m.cycles[0]).toEqual(
      expect.objectContaining({ pausedMs: h(2), deadline: '2026-03-04T10:00:00.000Z' }),
    );
  });

  it('moves a request raised at the cut-off to the next day, and breaches at the due time', () => {
    const sameDay: Goal[] = [
      { businessDays: { days: 0, cutoff: '12:00', dueAt: '17:00' }, calendar: 'berlin' },
    ];
    const met = metricOf(
      sameDay,
      new JiraIssueBuilder('HW-3', mon('12:00')).resolve(tue('16:59')),
      tue('18:00'),
    );
    // Tuesday 16:59 is inside the target (Monday 12:00 → Tuesday 17:00: 13 h), one minute to spare.
    expect(met.state).toBe('met');
    expect(met.cycles[0]?.remainingMs).toBe(60_000);
    const late = metricOf(
      sameDay,
      new JiraIssueBuilder('HW-4', mon('12:00')).resolve(wed('09:30')),
      wed('10:00'),
    );
    expect(late).toEqual(expect.objectContaining({ state: 'breached', breached: true }));
    expect(late.cycles[0]?.breachedAt).toBe('2026-03-03T16:00:00.000Z');
    expect(late.goal?.businessDays).toEqual({ days: 0, cutoff: '12:00', dueAt: '17:00' });
    // Raised before noon: due the same day.
    const early = metricOf(sameDay, new JiraIssueBuilder('HW-5', mon('11:59')), mon('12:00'));
    expect(early.cycles[0]?.deadline).toBe('2026-03-02T16:00:00.000Z');
  });
});

// ── Date fields ────────────────────────────────────────────────────────────────────────────────────────

describe('a date-field goal', () => {
  // An agreed date-time (custom field 10090 "Agreed by"), with a fallback of 4 working hours.
  const agreedOrFourHours: Goal[] = [
    { dueDateField: 'cf[10090]', calendar: 'berlin' },
    { targetMinutes: 240, calendar: 'berlin' },
  ];

  it('does not match while the field is empty: the next goal applies', () => {
    const m = metricOf(agreedOrFourHours, new JiraIssueBuilder('HW-10', mon('10:00')), mon('11:00'));
    expect(m.goal).toEqual({ index: 1, targetMinutes: 240, calendar: 'berlin' });
    expect(m.cycles[0]).toEqual(
      expect.objectContaining({ goalIndex: 1, deadline: '2026-03-02T13:00:00.000Z' }),
    );
  });

  it('takes the field’s instant as the deadline; pauses do not move it; a change moves it', () => {
    const issue = new JiraIssueBuilder('HW-11', mon('10:00'))
      .dateField(mon('10:30'), 10090, 'Agreed by', '2026-03-04T15:00:00.000+0100')
      .status(mon('11:00'), 'Waiting for customer')
      .status(mon('13:00'), 'In Progress');
    const m = metricOf(agreedOrFourHours, issue, mon('14:00'));
    expect(m.goal).toEqual({ index: 0, targetMinutes: null, calendar: 'berlin', dueDateField: 'cf[10090]' });
    // Elapsed counts work minus the pause; the deadline stays Wednesday 15:00, 17 working hours away.
    expect(m.cycles[0]).toEqual(
      expect.objectContaining({
        elapsedMs: h(2),
        pausedMs: h(2),
        deadline: '2026-03-04T14:00:00.000Z',
        remainingMs: h(3 + 8 + 6),
        deadlineChanges: [{ at: '2026-03-02T09:30:00.000Z', deadline: '2026-03-04T14:00:00.000Z' }],
      }),
    );

    issue.dateField(tue('09:00'), 10090, 'Agreed by', '2026-03-05T12:00:00.000+0100');
    const moved = metricOf(agreedOrFourHours, issue, tue('10:00'));
    expect(moved.cycles[0]?.deadline).toBe('2026-03-05T11:00:00.000Z');
    expect(moved.cycles[0]?.deadlineChanges).toEqual([
      { at: '2026-03-02T09:30:00.000Z', deadline: '2026-03-04T14:00:00.000Z' },
      { at: '2026-03-03T08:00:00.000Z', deadline: '2026-03-05T11:00:00.000Z' },
    ]);
  });

  it('breaches once the clock passes the deadline, out of hours too', () => {
    // Agreed for Monday 20:00, after hours on a 9–17 calendar: not breached at 19:59, breached at 20:30.
    const issue = new JiraIssueBuilder('HW-12', mon('10:00')).dateField(
      mon('10:00'),
      10090,
      'Agreed by',
      '2026-03-02T20:00:00.000+0100',
    );
    expect(metricOf(agreedOrFourHours, issue, mon('19:59')).breached).toBe(false);
    const late = metricOf(agreedOrFourHours, issue, mon('20:30'));
    expect(late).toEqual(expect.objectContaining({ breached: true, everBreached: true }));
    expect(late.cycles[0]).toEqual(
      expect.objectContaining({ breachedAt: '2026-03-02T19:00:00.000Z', remainingMs: 0 }),
    );
    // The next working hour after the deadline counts as time over.
    expect(metricOf(agreedOrFourHours, issue, tue('10:00')).cycles[0]?.remainingMs).toBe(-h(1));
  });

  it('judges a finished cycle on the field’s value at its stop', () => {
    const issue = new JiraIssueBuilder('HW-13', mon('10:00'))
      .dateField(mon('10:00'), 10090, 'Agreed by', '2026-03-03T12:00:00.000+0100')
      .resolve(tue('11:00'))
      // Moved after the stop: the finished cycle keeps Tuesday 12:00.
      .dateField(tue('15:00'), 10090, 'Agreed by', '2026-03-02T12:00:00.000+0100');
    const m = metricOf(agreedOrFourHours, issue, wed('09:00'));
    expect(m.state).toBe('met');
    expect(m.cycles[0]?.deadline).toBe('2026-03-03T11:00:00.000Z');
  });

  it('reads a due date as the end of that date’s working hours, and by name', () => {
    const byDueDate: Goal[] = [
      { dueDateField: 'Due date', calendar: 'berlin' },
      { targetMinutes: 240, calendar: 'berlin' },
    ];
    const issue = new JiraIssueBuilder('HW-14', mon('10:00')).initialField('duedate', '2026-03-06');
    expect(metricOf(byDueDate, issue, mon('11:00')).cycles[0]?.deadline).toBe('2026-03-06T16:00:00.000Z');
    // Moved to a Saturday: the end of that date, Sunday 00:00 CET.
    issue.dateField(mon('12:00'), 'duedate', 'duedate', '2026-03-07');
    const moved = metricOf(byDueDate, issue, mon('13:00'));
    expect(moved.cycles[0]?.deadline).toBe('2026-03-07T23:00:00.000Z');
    expect(moved.cycles[0]?.deadlineChanges).toEqual([
      { at: '2026-03-02T11:00:00.000Z', deadline: '2026-03-07T23:00:00.000Z' },
    ]);
    // Cleared: the fallback applies.
    issue.dateField(mon('14:00'), 'duedate', 'duedate', null);
    expect(metricOf(byDueDate, issue, mon('15:00')).goal?.index).toBe(1);
  });

  it('is among the fields a stored history must know', () => {
    const config = loadConfig({ agreements: agreementWith(agreedOrFourHours), calendars });
    if (!config.ok) throw new Error(JSON.stringify(config.problems));
    expect(fieldsUsed(config.value)).toContain('customfield_10090');
    const data = parseIssue(new JiraIssueBuilder('HW-15', mon('10:00')).json(), { statuses });
    if (!data.ok) throw new Error('issue');
    // The builder's issue carries no field 10090 at all: it must be read again before it is judged.
    expect(unknownFields(data.value, fieldsUsed(config.value))).toEqual(['customfield_10090']);
    // Due dates are known from any issue read since they are followed.
    expect(
      unknownFields({ ...data.value, known: [...(data.value.known ?? []), 'duedate'] }, ['duedate']),
    ).toEqual([]);
    expect(
      historyOf(data.value)
        .at(0 as never)
        .get('duedate'),
    ).toEqual([]);
  });
});

// ── Validation ─────────────────────────────────────────────────────────────────────────────────────────

describe('goal targets are validated', () => {
  const problemsOf = (goal: Record<string, unknown>) => {
    const result = validateAgreements(agreementWith([goal as unknown as Goal]), new Set(['berlin']));
    return result.ok ? [] : result.problems.map((p) => ({ code: p.code, path: p.path }));
  };
  const at = '$[0].metrics[0].goals[0]';

  it('wants exactly one target', () => {
    expect(problemsOf({ calendar: 'berlin' })).toEqual([{ code: 'agreement.goal.target.missing', path: at }]);
    expect(problemsOf({ calendar: 'berlin', targetMinutes: 60, businessDays: { days: 1 } })).toEqual([
      { code: 'agreement.goal.target.ambiguous', path: `${at}.businessDays` },
    ]);
    expect(problemsOf({ calendar: 'berlin', businessDays: { days: 1 } })).toEqual([]);
    expect(problemsOf({ calendar: 'berlin', targetMinutes: null })).toEqual([]);
  });

  it('wants whole days in range and real local times', () => {
    expect(problemsOf({ calendar: 'berlin', businessDays: { days: 1.5 } })).toEqual([
      expect.objectContaining({ path: `${at}.businessDays.days` }),
    ]);
    expect(problemsOf({ calendar: 'berlin', businessDays: { days: -1 } })).toEqual([
      expect.objectContaining({ path: `${at}.businessDays.days` }),
    ]);
    expect(problemsOf({ calendar: 'berlin', businessDays: { days: 1, cutoff: '25:00' } })).toEqual([
      { code: 'agreement.goal.businessDays.time', path: `${at}.businessDays.cutoff` },
    ]);
    expect(problemsOf({ calendar: 'berlin', businessDays: { days: 1, dueAt: '5pm' } })).toEqual([
      expect.objectContaining({ path: `${at}.businessDays.dueAt` }),
    ]);
    expect(
      problemsOf({ calendar: 'berlin', businessDays: { days: 0, cutoff: '12:00', dueAt: '11:00' } }),
    ).toEqual([{ code: 'agreement.goal.businessDays.dueBeforeCutoff', path: `${at}.businessDays.dueAt` }]);
    expect(
      problemsOf({ calendar: 'berlin', businessDays: { days: 1, cutoff: '12:00', dueAt: '11:00' } }),
    ).toEqual([]);
  });

  it('wants a date field, not another system field', () => {
    expect(problemsOf({ calendar: 'berlin', dueDateField: 'priority' })).toEqual([
      { code: 'agreement.goal.dueDateField', path: `${at}.dueDateField` },
    ]);
    expect(problemsOf({ calendar: 'berlin', dueDateField: 'duedate' })).toEqual([]);
    expect(problemsOf({ calendar: 'berlin', dueDateField: 'Agreed by' })).toEqual([]);
  });
});

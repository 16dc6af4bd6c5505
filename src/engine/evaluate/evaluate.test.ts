import fc from 'fast-check';
import type { Agreement, Metric } from '../agreement/types';
import { makeCalendar } from '../calendar/test-support';
import type { Calendar } from '../calendar/types';
import { parseStatuses } from '../issue';
import { JiraIssueBuilder, statusesReply } from '../../../test/support/jira-issue';
import { evaluate } from './index';
import type { IssueResult, MetricResult } from './result';
import { resultJson } from './result-json';

// ── Builders ───────────────────────────────────────────────────────────────────────────────────────────

const all = [{ from: '00:00', to: '24:00' }];
const calendars: Calendar[] = [
  makeCalendar({ id: 'berlin' }),
  makeCalendar({
    id: 'always',
    timeZone: 'UTC',
    week: { mon: all, tue: all, wed: all, thu: all, fri: all, sat: all, sun: all },
  }),
];

const firstResponse: Metric = {
  id: 'ttfr',
  name: 'Time to first response',
  start: [{ event: 'created' }],
  stop: [{ event: 'comment', by: 'agent', public: true }],
  goals: [{ targetMinutes: 60, calendar: 'berlin' }],
};
const resolution: Metric = {
  id: 'ttr',
  name: 'Time to resolution',
  start: [{ event: 'created' }, { event: 'resolution', change: 'cleared' }],
  stop: [{ event: 'resolution', change: 'set' }],
  pauseWhile: 'status = "Waiting for customer"',
  goals: [
    { when: 'priority = High', targetMinutes: 120, calendar: 'berlin' },
    { targetMinutes: 180, calendar: 'berlin' },
  ],
};

function makeAgreement(metrics: Metric[], overrides: Partial<Agreement> = {}): Agreement {
  return { id: 'gold', name: 'Gold support', kind: 'SLA', metrics, ...overrides };
}

const statuses = (() => {
  const r = parseStatuses(statusesReply);
  if (!r.ok) throw new Error('statuses');
  return r.value;
})();

/** Evaluates and returns the result, failing loudly on problems. */
function run(agreements: Agreement[], issue: unknown, now: string): IssueResult {
  const json = issue instanceof JiraIssueBuilder ? issue.json() : issue;
  const result = evaluate({ agreements, calendars, issue: json, now, statuses });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  // Every result these tests make is also written as the command line writes it.
  expect(resultJson(result.value)).toBe(JSON.stringify(result.value));
  return result.value;
}

function metricOf(
  agreements: Agreement[],
  issue: JiraIssueBuilder,
  now: string,
  metricId?: string,
): MetricResult {
  const metric = run(agreements, issue, now).agreements[0]?.metrics.find(
    (m) => metricId === undefined || m.id === metricId,
  );
  if (!metric) throw new Error('no metric');
  return metric;
}

const monday = (hhmm: string): string => `2026-03-02T${hhmm}:00.000+0100`;
const tuesday = (hhmm: string): string => `2026-03-03T${hhmm}:00.000+0100`;
const min = (n: number): number => n * 60_000;

// ── Stories ────────────────────────────────────────────────────────────────────────────────────────────

describe('first response', () => {
  const gold = [makeAgreement([firstResponse])];

  it('runs from creation and is met by an agent’s public reply', () => {
    const issue = new JiraIssueBuilder('IT-1', monday('09:00')).comment(monday('09:40'), 'agent');
    const m = metricOf(gold, issue, monday('12:00'));
    expect(m.state).toBe('met');
    expect(m.cycles).toEqual([
      expect.objectContaining({
        startedAt: '2026-03-02T08:00:00.000Z',
        stoppedAt: '2026-03-02T08:40:00.000Z',
        elapsedMs: min(40),
        remainingMs: min(20),
        breached: false,
      }),
    ]);
  });

  it('is not stopped by the customer, the reporter, an app or an internal note', () => {
    const issue = new JiraIssueBuilder('IT-2', monday('09:00'))
      .comment(monday('09:10'), 'customer')
      .comment(monday('09:15'), 'other-customer')
      .comment(monday('09:20'), 'app')
      .comment(monday('09:30'), 'internal');
    const m = metricOf(gold, issue, monday('09:45'));
    expect(m.state).toBe('running');
    expect(m.cycles[0]).toEqual(
      expect.objectContaining({
        elapsedMs: min(45),
        remainingMs: min(15),
        deadline: '2026-03-02T09:00:00.000Z',
      }),
    );
  });

  it('breaches at the exact instant the target is used up, and shows negative time after', () => {
    const issue = new JiraIssueBuilder('IT-3', monday('16:30'));
    const m = metricOf(gold, issue, tuesday('09:45'));
    expect(m).toEqual(expect.objectContaining({ state: 'running', breached: true, everBreached: true }));
    // 30 minutes on Monday, 30 on Tuesday from 09:00: the deadline is Tuesday 09:30.
    expect(m.cycles[0]).toEqual(
      expect.objectContaining({
        elapsedMs: min(75),
        remainingMs: -min(15),
        deadline: '2026-03-03T08:30:00.000Z',
        breachedAt: '2026-03-03T08:30:00.000Z',
      }),
    );
  });

  it('is met, not breached, by a reply exactly at the deadline', () => {
    const issue = new JiraIssueBuilder('IT-4', monday('09:00')).comment(monday('10:00'), 'agent');
    expect(metricOf(gold, issue, monday('11:00'))).toEqual(
      expect.objectContaining({ state: 'met', breached: false }),
    );
  });

  it('is out of hours at night, and says when the clock resumes', () => {
    const issue = new JiraIssueBuilder('IT-5', monday('16:50'));
    const m = metricOf(gold, issue, monday('20:00'));
    expect(m).toEqual(
      expect.objectContaining({ state: 'out-of-hours', resumesAt: '2026-03-03T08:00:00.000Z' }),
    );
    expect(m.cycles[0]?.deadline).toBe('2026-03-03T08:50:00.000Z');
  });

  it('has not started when nothing starts it, and shows the goal that would apply', () => {
    const notYet = makeAgreement([{ ...firstResponse, start: [{ event: 'status', to: ['In Progress'] }] }]);
    const m = metricOf([notYet], new JiraIssueBuilder('IT-6', monday('09:00')), monday('10:00'));
    expect(m).toEqual(
      expect.objectContaining({
        state: 'not-started',
        cycles: [],
        goal: { index: 0, targetMinutes: 60, calendar: 'berlin' },
      }),
    );
  });
});

describe('pauses', () => {
  it('stops the clock while waiting for the customer, by status', () => {
    const issue = new JiraIssueBuilder('IT-10', monday('09:00'))
      .status(monday('10:00'), 'Waiting for customer')
      .status(monday('13:00'), 'In Progress');
    const paused = metricOf([makeAgreement([resolution])], issue, monday('12:00'), 'ttr');
    expect(paused).toEqual(
      expect.objectContaining({ state: 'paused', pausedBy: 'status = "Waiting for customer"' }),
    );
    expect(paused.cycles[0]).toEqual(
      expect.objectContaining({ elapsedMs: min(60), pausedMs: min(120), deadline: null }),
    );
    const resumed = metricOf([makeAgreement([resolution])], issue, monday('14:00'), 'ttr');
    expect(resumed.cycles[0]).toEqual(
      expect.objectContaining({
        elapsedMs: min(120),
        pausedMs: min(180),
        deadline: '2026-03-02T14:00:00.000Z',
      }),
    );
    expect(resumed.cycles[0]?.pauses).toEqual([
      { from: '2026-03-02T09:00:00.000Z', to: '2026-03-02T12:00:00.000Z' },
    ]);
  });

  it('stops the clock while a field holds a value, here a custom field', () => {
    const metric = { ...resolution, pauseWhile: 'cf[10060] = "Vendor" OR labels = on-hold' };
    const issue = new JiraIssueBuilder('IT-11', monday('09:00'))
      .customField(monday('09:30'), 10060, 'Waiting on', 'Vendor')
      .customField(monday('10:30'), 10060, 'Waiting on', null)
      .labels(monday('11:00'), ['on-hold'])
      .labels(monday('11:15'), []);
    const m = metricOf([makeAgreement([metric])], issue, monday('12:00'), 'ttr');
    expect(m.cycles[0]).toEqual(expect.objectContaining({ elapsedMs: min(105), pausedMs: min(75) }));
  });

  it('starts paused when the issue is created in a paused state', () => {
    const issue = new JiraIssueBuilder('IT-12', monday('09:00'), { status: 'Waiting for customer' });
    const m = metricOf([makeAgreement([resolution])], issue, monday('10:00'), 'ttr');
    expect(m.state).toBe('paused');
    expect(m.cycles[0]?.elapsedMs).toBe(0);
  });
});

describe('cycles', () => {
  it('opens a new cycle on reopening; breached describes the last cycle, everBreached any', () => {
    const issue = new JiraIssueBuilder('IT-20', monday('09:00'))
      .resolve(monday('13:00')) // 4 h > 3 h: breached
      .reopen(tuesday('09:00'))
      .resolve(tuesday('10:00'));
    const m = metricOf([makeAgreement([resolution])], issue, tuesday('12:00'), 'ttr');
    expect(m).toEqual(expect.objectContaining({ state: 'met', breached: false, everBreached: true }));
    expect(m.cycles.map((c) => [c.elapsedMs, c.breached, c.breachedAt])).toEqual([
      [min(240), true, '2026-03-02T11:00:00.000Z'],
      [min(60), false, null],
    ]);
  });

  it('gives a zero-length met cycle when one event both starts and stops', () => {
    const instant = makeAgreement([
      {
        ...firstResponse,
        start: [{ event: 'comment', by: 'agent' }],
        stop: [{ event: 'comment', by: 'agent' }],
      },
    ]);
    const issue = new JiraIssueBuilder('IT-21', monday('09:00')).comment(monday('09:30'), 'agent');
    const m = metricOf([instant], issue, monday('10:00'));
    expect(m.state).toBe('met');
    expect(m.cycles).toEqual([
      expect.objectContaining({
        startedAt: '2026-03-02T08:30:00.000Z',
        stoppedAt: '2026-03-02T08:30:00.000Z',
        elapsedMs: 0,
      }),
    ]);
  });

  it('applies changes in one changelog entry in the order start, pause, stop', () => {
    // One entry moves to Resolved and sets the resolution: the cycle stops at that instant, once.
    const issue = new JiraIssueBuilder('IT-22', monday('09:00')).resolve(monday('10:00'));
    const m = metricOf([makeAgreement([resolution])], issue, monday('11:00'), 'ttr');
    expect(m.cycles).toHaveLength(1);
    expect(m.cycles[0]?.elapsedMs).toBe(min(60));
  });

  it('resets: the running cycle’s time is discarded and counting starts again', () => {
    const everyUpdate = makeAgreement([
      {
        id: 'update',
        name: 'Next update',
        start: [{ event: 'created' }],
        stop: [{ event: 'resolution', change: 'set' }],
        reset: [{ event: 'comment', by: 'agent' }],
        goals: [{ targetMinutes: 60, calendar: 'berlin' }],
      },
    ]);
    const issue = new JiraIssueBuilder('IT-23', monday('09:00'))
      .comment(monday('09:50'), 'agent')
      .comment(monday('10:40'), 'agent');
    const m = metricOf([everyUpdate], issue, monday('11:00'));
    expect(m.cycles).toEqual([
      expect.objectContaining({ startedAt: '2026-03-02T09:40:00.000Z', elapsedMs: min(20), breached: false }),
    ]);
  });
});

describe('goals on a priority change', () => {
  // Medium 3 h at 10:00 → High 2 h at 11:00.
  const issue = (): JiraIssueBuilder =>
    new JiraIssueBuilder('IT-30', monday('10:00')).priority(monday('11:00'), 'High');

  it('retargets by default: elapsed time is kept, the deadline moves to 12:00', () => {
    const m = metricOf([makeAgreement([resolution])], issue(), monday('11:30'), 'ttr');
    expect(m.goal).toEqual({ index: 0, targetMinutes: 120, calendar: 'berlin' });
    expect(m.cycles[0]).toEqual(
      expect.objectContaining({ elapsedMs: min(90), deadline: '2026-03-02T11:00:00.000Z' }),
    );
  });

  it('keeps the goal chosen at the start with goalChange "keep"', () => {
    const m = metricOf(
      [makeAgreement([{ ...resolution, goalChange: 'keep' }])],
      issue(),
      monday('11:30'),
      'ttr',
    );
    expect(m.goal).toEqual({ index: 1, targetMinutes: 180, calendar: 'berlin' });
    expect(m.cycles[0]?.deadline).toBe('2026-03-02T12:00:00.000Z');
  });

  it('measures only, and never breaches, with a null target', () => {
    const measured = makeAgreement([
      { ...firstResponse, goals: [{ targetMinutes: null, calendar: 'berlin' }] },
    ]);
    const m = metricOf([measured], new JiraIssueBuilder('IT-31', monday('09:00')), tuesday('16:00'));
    expect(m).toEqual(expect.objectContaining({ state: 'running', breached: false, next: null }));
    expect(m.cycles[0]).toEqual(
      expect.objectContaining({ elapsedMs: min(15 * 60), remainingMs: null, deadline: null }),
    );
  });
});

describe('thresholds', () => {
  const warned = makeAgreement([
    {
      ...firstResponse,
      thresholds: [
        { at: { percent: 75 }, actions: [] },
        { at: { minutesAfterBreach: 0 }, repeatEveryMinutes: 30, actions: [] },
      ],
    },
  ]);

  it('projects when each threshold will be crossed while the clock runs', () => {
    const m = metricOf([warned], new JiraIssueBuilder('IT-40', monday('16:30')), monday('16:40'));
    expect(m.cycles[0]?.thresholds).toEqual([
      { index: 0, crossings: 0, lastAt: null, nextAt: '2026-03-03T08:15:00.000Z' },
      { index: 1, crossings: 0, lastAt: null, nextAt: '2026-03-03T08:30:00.000Z' },
    ]);
    expect(m.next).toBe('2026-03-03T08:15:00.000Z');
  });

  it('counts repeated crossings in working time', () => {
    const m = metricOf([warned], new JiraIssueBuilder('IT-41', monday('09:00')), monday('11:10'));
    expect(m.cycles[0]?.thresholds[1]).toEqual({
      index: 1,
      crossings: 3,
      lastAt: '2026-03-02T10:00:00.000Z',
      nextAt: '2026-03-02T10:30:00.000Z',
    });
  });
});

describe('which agreements apply', () => {
  it('leaves out agreements whose appliesTo or validity exclude the issue', () => {
    const agreements = [
      makeAgreement([firstResponse], { id: 'vip', appliesTo: 'labels = vip' }),
      makeAgreement([firstResponse], { id: 'old', validTo: '2025-12-31' }),
      makeAgreement([firstResponse], {
        id: 'current',
        validFrom: '2026-01-01',
        kind: 'OLA',
        counterparty: 'Second Level',
      }),
    ];
    const result = run(agreements, new JiraIssueBuilder('IT-50', monday('09:00')), monday('10:00'));
    expect(result.agreements.map((a) => [a.id, a.kind, a.counterparty])).toEqual([
      ['current', 'OLA', 'Second Level'],
    ]);
  });
});

describe('the result is a pure function of the history', () => {
  const busy = (): JiraIssueBuilder =>
    new JiraIssueBuilder('IT-60', monday('09:00'))
      .assign(monday('09:05'), 'alex-agent')
      .comment(monday('09:10'), 'customer')
      .status(monday('09:20'), 'In Progress')
      .comment(monday('09:30'), 'agent')
      .status(monday('10:00'), 'Waiting for customer')
      .comment(monday('11:00'), 'customer')
      .status(monday('11:00'), 'In Progress')
      .priority(monday('11:30'), 'High')
      .resolve(monday('13:00'))
      .reopen(tuesday('09:00'))
      .resolve(tuesday('12:00'));
  const agreements = [makeAgreement([firstResponse, resolution])];

  it('gives the same result for a shuffled or duplicated changelog and comments', () => {
    const clean = run(agreements, busy(), tuesday('15:00'));
    fc.assert(
      fc.property(fc.integer(), fc.boolean(), (seed, duplicate) => {
        const json = busy().json() as {
          changelog: { histories: unknown[] };
          fields: { comment: { comments: unknown[] } };
        };
        const shuffle = <T>(list: T[]): T[] => {
          let s = seed;
          const out = duplicate ? [...list, ...list.slice(0, 3)] : [...list];
          for (let i = out.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) & 0x7fffffff;
            const j = s % (i + 1);
            [out[i], out[j]] = [out[j] as T, out[i] as T];
          }
          return out;
        };
        json.changelog.histories = shuffle(json.changelog.histories);
        json.fields.comment.comments = shuffle(json.fields.comment.comments);
        expect(run(agreements, json, tuesday('15:00'))).toEqual(clean);
      }),
      { numRuns: 50 },
    );
  });
});

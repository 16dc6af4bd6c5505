/**
 * Hand-worked scenarios for the measurement semantics of docs/engine-contract.md ("Semantics"): breaches at the
 * deadline, goal changes that never rewrite the past, repeats in working time, and Accord's own actions fed
 * back. Times are Berlin wall-clock (+01:00 in March); the results are UTC.
 */
import fc from 'fast-check';
import type { Agreement, Metric, Threshold } from '../agreement/types';
import { makeCalendar } from '../calendar/test-support';
import type { Calendar } from '../calendar/types';
import { parseStatuses } from '../issue';
import { JiraIssueBuilder, statusesReply } from '../../../test/support/jira-issue';
import { evaluate } from './index';
import type { MetricResult } from './result';
import { resultJson } from './result-json';

const all = [{ from: '00:00', to: '24:00' }];
const calendars: Calendar[] = [
  makeCalendar({ id: 'berlin-9-17' }),
  makeCalendar({
    id: 'berlin-24-7',
    week: { mon: all, tue: all, wed: all, thu: all, fri: all, sat: all, sun: all },
  }),
];

const statuses = (() => {
  const r = parseStatuses(statusesReply);
  if (!r.ok) throw new Error('statuses');
  return r.value;
})();

// One array per metric: the engine compiles a configuration once per array it is given.
const agreementLists = new Map<Metric, Agreement[]>();
function agreementOf(metric: Metric): Agreement[] {
  let list = agreementLists.get(metric);
  if (!list) {
    list = [{ id: 'gold', name: 'Gold support', kind: 'SLA', metrics: [metric] }];
    agreementLists.set(metric, list);
  }
  return list;
}

function metricAt(metric: Metric, issue: unknown, now: string): MetricResult {
  const json = issue instanceof JiraIssueBuilder ? issue.json() : issue;
  const result = evaluate({ agreements: agreementOf(metric), calendars, issue: json, now, statuses });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  expect(resultJson(result.value)).toBe(JSON.stringify(result.value));
  const m = result.value.agreements[0]?.metrics[0];
  if (!m) throw new Error('no metric');
  return m;
}

/** Berlin wall-clock on a day of the week starting Friday 2026-02-27 (+01:00). */
const at =
  (date: string) =>
  (hhmm: string): string =>
    `${date}T${hhmm.length === 5 ? `${hhmm}:00.000` : hhmm}+0100`;
const friday = at('2026-02-27');
const monday = at('2026-03-02');
const tuesday = at('2026-03-03');
const min = (n: number): number => n * 60_000;

const firstResponse = (thresholds: Threshold[] = []): Metric => ({
  id: 'ttfr',
  name: 'Time to first response',
  start: [{ event: 'created' }],
  stop: [{ event: 'comment', by: 'agent', public: true }],
  goals: [{ targetMinutes: 60, calendar: 'berlin-9-17' }],
  thresholds,
});

/** The seeded shape: Highest on 24/7, the others on office hours. */
const byPriority = (overrides: Partial<Metric> = {}): Metric => ({
  id: 'ttr',
  name: 'Time to resolution',
  start: [{ event: 'created' }],
  stop: [{ event: 'resolution', change: 'set' }],
  goals: [
    { when: 'priority = Highest', targetMinutes: 240, calendar: 'berlin-24-7' },
    { when: 'priority = High', targetMinutes: 120, calendar: 'berlin-9-17' },
    { when: 'priority = Low', targetMinutes: 480, calendar: 'berlin-9-17' },
    { targetMinutes: 180, calendar: 'berlin-9-17' },
  ],
  ...overrides,
});
const [HIGHEST, HIGH, LOW, MEDIUM] = [0, 1, 2, 3];

describe('a breach happens when the deadline passes, out of hours included', () => {
  // Created at 16:00 with a 60-minute goal on a 9–17 calendar: the deadline is closing time, 17:00.
  const atClosing = firstResponse([{ at: { minutesAfterBreach: 0 }, actions: [] }]);
  const issue = (): JiraIssueBuilder => new JiraIssueBuilder('IT-1', monday('16:00'));

  it('is not breached at 17:00:00.000: the deadline is reached, not passed', () => {
    const m = metricAt(atClosing, issue(), monday('17:00'));
    expect(m).toEqual(expect.objectContaining({ state: 'out-of-hours', breached: false }));
    expect(m.cycles[0]).toEqual(
      expect.objectContaining({ remainingMs: 0, deadline: '2026-03-02T16:00:00.000Z', breachedAt: null }),
    );
    expect(m.cycles[0]?.thresholds[0]).toEqual({
      index: 0,
      crossings: 0,
      lastAt: null,
      nextAt: '2026-03-02T16:00:00.000Z',
    });
  });

  it('is breached at 17:00:00.001 though no working time has passed, with the breach at 17:00', () => {
    // The regression: elapsed time equals the target all evening, which read "AT RISK · 0s" until morning.
    const m = metricAt(atClosing, issue(), monday('17:00:00.001'));
    expect(m).toEqual(expect.objectContaining({ state: 'out-of-hours', breached: true, everBreached: true }));
    expect(m.cycles[0]).toEqual(
      expect.objectContaining({
        elapsedMs: min(60),
        remainingMs: 0,
        breached: true,
        deadline: '2026-03-02T16:00:00.000Z',
        breachedAt: '2026-03-02T16:00:00.000Z',
      }),
    );
    // The threshold "at breach" has crossed together with the breach, once.
    expect(m.cycles[0]?.thresholds[0]).toEqual({
      index: 0,
      crossings: 1,
      lastAt: '2026-03-02T16:00:00.000Z',
      nextAt: null,
    });
  });

  it('stays breached at 17:00 all evening and overnight', () => {
    for (const now of [monday('21:00'), tuesday('08:59')]) {
      const m = metricAt(atClosing, issue(), now);
      expect(m.breached).toBe(true);
      expect(m.cycles[0]?.breachedAt).toBe('2026-03-02T16:00:00.000Z');
      expect(m.cycles[0]?.thresholds[0]?.crossings).toBe(1);
    }
  });

  it('is met by a reply exactly at the deadline, breached by one 1 ms after it', () => {
    const met = metricAt(atClosing, issue().comment(monday('17:00'), 'agent'), tuesday('10:00'));
    expect(met).toEqual(expect.objectContaining({ state: 'met', breached: false }));
    expect(met.cycles[0]?.thresholds[0]?.crossings).toBe(0);
    const late = metricAt(atClosing, issue().comment(monday('17:00:00.001'), 'agent'), tuesday('10:00'));
    expect(late).toEqual(expect.objectContaining({ state: 'breached', breached: true }));
    expect(late.cycles[0]).toEqual(
      expect.objectContaining({ elapsedMs: min(60), breachedAt: '2026-03-02T16:00:00.000Z' }),
    );
  });

  it('decides in working hours on the exact millisecond too', () => {
    const created = (): JiraIssueBuilder => new JiraIssueBuilder('IT-2', monday('09:00'));
    const onTime = metricAt(firstResponse(), created().comment(monday('10:00'), 'agent'), monday('12:00'));
    expect(onTime.breached).toBe(false);
    const late = metricAt(
      firstResponse(),
      created().comment(monday('10:00:00.001'), 'agent'),
      monday('12:00'),
    );
    expect(late.cycles[0]).toEqual(
      expect.objectContaining({ breached: true, breachedAt: '2026-03-02T09:00:00.000Z', remainingMs: -1 }),
    );
  });
});

describe('a goal change never rewrites the past', () => {
  it('keeps a breach where it happened when the priority is raised to a stricter goal on 24/7', () => {
    // Medium (3 h, office hours) raised Friday 15:00: 2 h on Friday, 1 h on Monday, breached Monday 10:00.
    // Accord raises the priority to Highest (4 h on 24/7) at the breach. Counting Friday night on 24/7 would
    // put a breach at Friday 19:00, before the priority was ever Highest.
    const issue = new JiraIssueBuilder('IT-10', friday('15:00'))
      .as('accord', 'app')
      .priority(monday('10:01'), 'Highest');
    const m = metricAt(byPriority(), issue, tuesday('09:30'));
    expect(m).toEqual(expect.objectContaining({ state: 'running', breached: true }));
    expect(m.goal?.index).toBe(MEDIUM);
    expect(m.cycles[0]).toEqual(
      expect.objectContaining({
        breachedAt: '2026-03-02T09:00:00.000Z',
        deadline: '2026-03-02T09:00:00.000Z',
        goalIndex: MEDIUM,
        // After the breach the cycle counts on the calendar it breached under: Friday 2 h, Monday 8 h,
        // Tuesday 30 min.
        elapsedMs: min(630),
        remainingMs: min(180 - 630),
      }),
    );
  });

  it('breaches at the change when the elapsed time already exceeds the new goal', () => {
    // Medium 3 h from 10:00; High (2 h) from 12:30, when 2 h 30 min have elapsed: breached at 12:30, not 12:00.
    const issue = new JiraIssueBuilder('IT-11', monday('10:00')).priority(monday('12:30'), 'High');
    const atChange = metricAt(byPriority(), issue, monday('12:30'));
    expect(atChange.breached).toBe(false);
    expect(atChange.cycles[0]).toEqual(
      expect.objectContaining({ deadline: '2026-03-02T11:30:00.000Z', goalIndex: HIGH }),
    );
    const after = metricAt(byPriority(), issue, monday('12:30:00.001'));
    expect(after.cycles[0]).toEqual(
      expect.objectContaining({
        breached: true,
        breachedAt: '2026-03-02T11:30:00.000Z',
        goalIndex: HIGH,
        remainingMs: min(120 - 150) - 1,
      }),
    );
    // Resolved at 14:00, the cycle is filed under High, breached at 12:30.
    const resolved = metricAt(byPriority(), issue.resolve(monday('14:00')), tuesday('10:00'));
    expect(resolved).toEqual(expect.objectContaining({ state: 'breached', breached: true }));
    expect(resolved.cycles[0]).toEqual(
      expect.objectContaining({
        breachedAt: '2026-03-02T11:30:00.000Z',
        goalIndex: HIGH,
        elapsedMs: min(240),
      }),
    );
  });

  it('keeps the breach when the goal is lowered after it', () => {
    // High first response (1 h) from 09:30, breached 10:30; set to Low (4 h) at 11:00, answered at 11:30.
    const metric: Metric = {
      ...firstResponse(),
      goals: [
        { when: 'priority = High', targetMinutes: 60, calendar: 'berlin-9-17' },
        { targetMinutes: 240, calendar: 'berlin-9-17' },
      ],
    };
    const issue = new JiraIssueBuilder('IT-12', monday('09:30'), { priority: 'High' })
      .priority(monday('11:00'), 'Low')
      .comment(monday('11:30'), 'agent');
    const m = metricAt(metric, issue, monday('12:00'));
    expect(m).toEqual(expect.objectContaining({ state: 'breached', breached: true }));
    expect(m.goal).toEqual({ index: 0, targetMinutes: 60, calendar: 'berlin-9-17' });
    expect(m.cycles[0]).toEqual(
      expect.objectContaining({
        breachedAt: '2026-03-02T09:30:00.000Z',
        goalIndex: 0,
        remainingMs: -min(60),
      }),
    );
  });

  it('crosses thresholds and breaches at a change out of hours, not when the new level was passed', () => {
    // Medium from 15:00 has 2 h by closing time; set to High (2 h) at 20:00. High's 75 % (1 h 30 min) and its
    // target were passed at 16:30 and 17:00 under Medium, when neither applied: both happen at 20:00.
    const metric = byPriority({
      thresholds: [
        { at: { percent: 75 }, actions: [] },
        { at: { minutesAfterBreach: 0 }, repeatEveryMinutes: 60, actions: [] },
      ],
    });
    const issue = new JiraIssueBuilder('IT-16', monday('15:00')).priority(monday('20:00'), 'High');
    const m = metricAt(metric, issue, monday('21:00'));
    expect(m).toEqual(expect.objectContaining({ state: 'out-of-hours', breached: true }));
    expect(m.cycles[0]).toEqual(
      expect.objectContaining({ breachedAt: '2026-03-02T19:00:00.000Z', goalIndex: HIGH, remainingMs: 0 }),
    );
    expect(m.cycles[0]?.thresholds).toEqual([
      { index: 0, crossings: 1, lastAt: '2026-03-02T19:00:00.000Z', nextAt: null },
      { index: 1, crossings: 1, lastAt: '2026-03-02T19:00:00.000Z', nextAt: '2026-03-03T09:00:00.000Z' },
    ]);
  });

  it('files a met cycle under the goal in force at its stop', () => {
    // Low (8 h) lowered from Medium at 11:00, resolved at 14:00 after 4 h: met, under Low.
    const issue = new JiraIssueBuilder('IT-13', monday('10:00'))
      .priority(monday('11:00'), 'Low')
      .resolve(monday('14:00'));
    const m = metricAt(byPriority(), issue, monday('15:00'));
    expect(m).toEqual(expect.objectContaining({ state: 'met', breached: false }));
    expect(m.cycles[0]).toEqual(expect.objectContaining({ goalIndex: LOW, remainingMs: min(240) }));
  });

  it('with goalChange "keep", the goal at the start decides, before and after a change', () => {
    const issue = new JiraIssueBuilder('IT-14', monday('10:00')).priority(monday('12:30'), 'High');
    const m = metricAt(byPriority({ goalChange: 'keep' }), issue, monday('13:30'));
    expect(m.breached).toBe(true);
    expect(m.cycles[0]).toEqual(
      expect.objectContaining({ breachedAt: '2026-03-02T12:00:00.000Z', goalIndex: MEDIUM }),
    );
  });

  it('keeps the elapsed time across calendars: each part counts on the calendar of the goal in force', () => {
    // Medium from Friday 16:00 (1 h on Friday), Highest on 24/7 from Saturday 10:00: 1 h + 2 h by 12:00.
    const issue = new JiraIssueBuilder('IT-15', friday('16:00')).priority(
      at('2026-02-28')('10:00'),
      'Highest',
    );
    const m = metricAt(byPriority(), issue, at('2026-02-28')('12:00'));
    expect(m).toEqual(expect.objectContaining({ state: 'running', breached: false }));
    expect(m.cycles[0]).toEqual(
      expect.objectContaining({
        elapsedMs: min(180),
        goalIndex: HIGHEST,
        deadline: '2026-02-28T12:00:00.000Z',
      }),
    );
  });
});

describe('repeats count working time of the goal’s calendar', () => {
  const reminders = firstResponse([{ at: { minutesAfterBreach: 0 }, repeatEveryMinutes: 240, actions: [] }]);

  it('sends no reminder at night on a 9–17 calendar', () => {
    // Breached 10:00; reminders at 10:00, 14:00, then Tuesday 10:00 (4 working hours after 14:00).
    const issue = (): JiraIssueBuilder => new JiraIssueBuilder('IT-20', monday('09:00'));
    const expected = {
      index: 0,
      crossings: 2,
      lastAt: '2026-03-02T13:00:00.000Z',
      nextAt: '2026-03-03T09:00:00.000Z',
    };
    for (const now of [monday('17:00'), monday('22:30'), tuesday('02:30'), tuesday('09:59')]) {
      expect(metricAt(reminders, issue(), now).cycles[0]?.thresholds[0]).toEqual(expected);
    }
    expect(metricAt(reminders, issue(), tuesday('10:00')).cycles[0]?.thresholds[0]).toEqual({
      ...expected,
      crossings: 3,
      lastAt: '2026-03-03T09:00:00.000Z',
      nextAt: '2026-03-03T13:00:00.000Z',
    });
  });

  it('after a breach, on the calendar it breached under, though Accord’s escalation selects 24/7', () => {
    // Medium breached Monday 10:00 (see above); Accord sets Highest at 10:01. Every 4 working hours of the
    // office calendar: Monday 10:00 and 14:00, then Tuesday 10:00; none at 18:00, 22:00 or 02:00.
    const metric = byPriority({
      thresholds: [{ at: { minutesAfterBreach: 0 }, repeatEveryMinutes: 240, actions: [] }],
    });
    const issue = new JiraIssueBuilder('IT-21', friday('15:00'))
      .as('accord', 'app')
      .priority(monday('10:01'), 'Highest');
    for (const now of [monday('18:30'), tuesday('02:30'), tuesday('09:59')]) {
      expect(metricAt(metric, issue, now).cycles[0]?.thresholds[0]).toEqual({
        index: 0,
        crossings: 2,
        lastAt: '2026-03-02T13:00:00.000Z',
        nextAt: '2026-03-03T09:00:00.000Z',
      });
    }
  });
});

describe('Accord’s own actions fed back never move a breach or fire again', () => {
  it('a warning that raises the priority crosses once, and the breach is at the change it caused', () => {
    // Medium 3 h from 09:00: 75 % at 11:15, when Accord raises the priority to High (2 h). The elapsed 2 h 15 min
    // already exceed High's goal: breached at the change, 11:16, never earlier; the warning stays at 11:15.
    const metric = byPriority({
      thresholds: [
        { at: { percent: 75 }, actions: [{ type: 'priority', name: 'High' }] },
        { at: { minutesAfterBreach: 0 }, actions: [{ type: 'priority', name: 'Highest' }] },
      ],
    });
    const before = new JiraIssueBuilder('IT-30', monday('09:00'));
    const seen = metricAt(metric, before, monday('11:15:30'));
    expect(seen.cycles[0]?.thresholds.map((t) => [t.crossings, t.lastAt])).toEqual([
      [1, '2026-03-02T10:15:00.000Z'],
      [0, null],
    ]);

    const fedBack = new JiraIssueBuilder('IT-30', monday('09:00'))
      .as('accord', 'app')
      .priority(monday('11:16'), 'High')
      .priority(monday('11:17'), 'Highest');
    const m = metricAt(metric, fedBack, monday('16:00'));
    expect(m.cycles[0]).toEqual(
      expect.objectContaining({ breached: true, breachedAt: '2026-03-02T10:16:00.000Z', goalIndex: HIGH }),
    );
    expect(m.cycles[0]?.thresholds.map((t) => [t.crossings, t.lastAt])).toEqual([
      [1, '2026-03-02T10:15:00.000Z'],
      [1, '2026-03-02T10:16:00.000Z'],
    ]);
  });
});

// ── Properties ─────────────────────────────────────────────────────────────────────────────────────────

describe('the live loop: more history never moves the past', () => {
  const PRIORITIES = ['Highest', 'High', 'Medium', 'Low'] as const;
  const metric = byPriority({
    thresholds: [
      { at: { percent: 50 }, actions: [] },
      { at: { minutesAfterBreach: 0 }, repeatEveryMinutes: 120, actions: [] },
    ],
  });
  const start = Date.parse('2026-02-27T13:00:00.000Z'); // Friday 14:00 Berlin
  const iso = (t: number): string => new Date(t).toISOString();

  /** The issue as Jira shows it at `now`: only the changes made by then. */
  function issueAt(changes: readonly (readonly [number, string])[], now: number): JiraIssueBuilder {
    const issue = new JiraIssueBuilder('IT-40', iso(start));
    for (const [t, to] of changes) if (t <= now) issue.priority(iso(t), to);
    return issue;
  }

  it('a breach instant never moves, nor lands before an earlier evaluation that saw none', () => {
    const changes = fc
      .array(fc.tuple(fc.integer({ min: 1, max: 4 * 24 * 60 }), fc.constantFrom(...PRIORITIES)), {
        maxLength: 8,
      })
      .map((list) =>
        list
          .map(([minute, to]) => [start + minute * 60_000, to] as const)
          .sort((a, b) => a[0] - b[0])
          .filter((c, i, sorted) => i === 0 || c[0] !== sorted[i - 1]?.[0]),
      );
    const nows = fc
      .array(fc.integer({ min: 0, max: 5 * 24 * 60 * 60_000 }), { minLength: 2, maxLength: 8 })
      .map((list) => [...new Set(list)].sort((a, b) => a - b).map((ms) => start + ms));
    fc.assert(
      fc.property(changes, nows, (list, evaluations) => {
        let breachedAt: string | null = null;
        let clearAt = -Infinity; // the last evaluation that saw no breach
        const firsts: (string | null)[] = [null, null];
        let crossings = [0, 0];
        for (const now of evaluations) {
          const cycle = metricAt(metric, issueAt(list, now), iso(now)).cycles[0];
          if (!cycle) throw new Error('no cycle');
          if (breachedAt !== null) expect(cycle.breachedAt).toBe(breachedAt);
          else if (cycle.breachedAt === null) clearAt = now;
          else {
            expect(Date.parse(cycle.breachedAt)).toBeGreaterThanOrEqual(clearAt);
            breachedAt = cycle.breachedAt;
          }
          // Crossings only grow, and a crossing once seen keeps its instant.
          cycle.thresholds.forEach((t, i) => {
            expect(t.crossings).toBeGreaterThanOrEqual(crossings[i] ?? 0);
            if (t.crossings === 1) expect(t.lastAt).toBe(firsts[i] ?? t.lastAt);
            if (t.crossings >= 1 && firsts[i] === null) firsts[i] = t.lastAt;
          });
          crossings = cycle.thresholds.map((t) => t.crossings);
          // A repeat is never at night on the office calendar the cycle breached under.
          const repeat = cycle.thresholds[1];
          if (repeat?.lastAt && cycle.goalIndex !== HIGHEST && repeat.crossings > 1) {
            const hour = (new Date(repeat.lastAt).getUTCHours() + 1) % 24;
            expect(hour >= 9 && hour <= 17).toBe(true);
          }
        }
      }),
      { numRuns: 150, seed: 13 },
    );
  });

  it('gives the same result for the changelog in any order, duplicated or not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 3 * 24 * 60 }), fc.constantFrom(...PRIORITIES)), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.integer(),
        (raw, seed) => {
          const list = raw
            .map(([minute, to]) => [start + minute * 60_000, to] as const)
            .sort((a, b) => a[0] - b[0]);
          const now = start + 4 * 24 * 60 * 60_000;
          const clean = metricAt(metric, issueAt(list, now), iso(now));
          const json = issueAt(list, now).json() as { changelog: { histories: unknown[] } };
          const histories = [...json.changelog.histories, ...json.changelog.histories.slice(0, 2)];
          let s = seed;
          for (let i = histories.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) & 0x7fffffff;
            const j = s % (i + 1);
            [histories[i], histories[j]] = [histories[j], histories[i]];
          }
          json.changelog.histories = histories;
          expect(metricAt(metric, json, iso(now))).toEqual(clean);
        },
      ),
      { numRuns: 50, seed: 13 },
    );
  });
});

/**
 * The JSM comparison on the sandbox: the simulated site answers JSM's SLAs in JSM's documented shape (its "Time to
 * first response": 4 h for a Medium request on JSM's 24/7 calendar), Accord measures Gold support's first
 * response (2 h of Berlin's 9–17), and `jsm/compare` says, request by request, where they differ and why.
 */
import type { JsmComparison } from '../../src/app/jsm/compare';
import { compareCycles } from '../../src/app/jsm/compare';
import { dispatch } from '../../src/app/resolvers/dispatch';
import type { JsmSla } from '../../src/app/ports';
import type { MetricResult } from '../../src/engine/evaluate/result';
import { acme, makeWorld, MINUTE } from './sandbox-world';

const admin = { accountId: 'chris-admin', accountType: 'licensed' as const, module: 'admin' as const };
const agent = { accountId: 'erik-agent', accountType: 'licensed' as const, module: 'admin' as const };
const berlin = (iso: string): number => Date.parse(`${iso}+01:00`);

describe('jsm/compare on the sandbox', () => {
  it('shows, request by request, where JSM and Accord differ, and why', async () => {
    const world = await makeWorld({ now: berlin('2026-02-27T16:00') });
    try {
      // Friday 16:00, answered Monday 09:30: Accord counts 90 minutes of office hours (met); JSM's 24/7 clock
      // counts 65 h 30 min against its 4 h (breached).
      const answered = world.site.create({ reporter: 'carla-customer', priority: 'Medium', fields: acme });
      await world.advance(berlin('2026-03-02T09:30') - world.clock.now());
      world.site.comment(answered.id, 'alex-agent', 'Looking into it');
      // Monday 10:00, still waiting at 10:30: one ongoing cycle on each side, JSM's under its own goal.
      await world.advance(30 * MINUTE);
      const waiting = world.site.create({ reporter: 'dan-customer', priority: 'Medium', fields: acme });
      await world.advance(30 * MINUTE);

      const reply = await dispatch(
        world.deps,
        'jsm/compare',
        {
          projectKey: 'IT',
          jsmMetric: 'time to first response',
          agreementId: 'gold',
          metricId: 'first-response',
        },
        admin,
      );
      if (!reply.ok) throw new Error(reply.error.message);
      const report = reply.data as JsmComparison;
      expect(report.jsmMetrics).toEqual(['Time to first response', 'Time to resolution']);
      // Newest first.
      expect(report.issues.map((i) => [i.issueId, i.status])).toEqual([
        [waiting.id, 'compared'],
        [answered.id, 'compared'],
      ]);
      expect(report.compared).toBe(2);
      expect(report.differing).toBe(2);

      const [running, done] = report.issues;
      expect(done?.cycles).toEqual([
        {
          index: 0,
          jsm: {
            startedAt: '2026-02-27T15:00:00.000Z',
            stoppedAt: '2026-03-02T08:30:00.000Z',
            elapsedMs: (65 * 60 + 30) * MINUTE,
            goalMs: 240 * MINUTE,
            breached: true,
            paused: false,
          },
          accord: {
            startedAt: '2026-02-27T15:00:00.000Z',
            stoppedAt: '2026-03-02T08:30:00.000Z',
            elapsedMs: 90 * MINUTE,
            goalMs: 120 * MINUTE,
            breached: false,
            paused: false,
          },
          differences: ['goal', 'elapsed', 'breach'],
          reasons: ['goal', 'calendar'],
        },
      ]);
      // Ongoing on both sides, 30 minutes in: the same span and time, only the goal differs.
      expect(
        running?.cycles.map((c) => [c.jsm?.stoppedAt, c.accord?.stoppedAt, c.differences, c.reasons]),
      ).toEqual([[null, null, ['goal'], ['goal']]]);
    } finally {
      await world.close();
    }
  });

  it('says which requests have no such JSM metric, and is for Jira admins only', async () => {
    const world = await makeWorld({ now: berlin('2026-03-02T10:00') });
    try {
      world.site.create({ reporter: 'carla-customer', priority: 'Medium', fields: acme });
      await world.advance(5 * MINUTE);
      const payload = {
        projectKey: 'IT',
        jsmMetric: 'Time to close',
        agreementId: 'gold',
        metricId: 'resolution',
      };
      const reply = await dispatch(world.deps, 'jsm/compare', payload, admin);
      expect(reply.ok && (reply.data as JsmComparison).issues.map((i) => i.status)).toEqual([
        'no-jsm-metric',
      ]);
      const refused = await dispatch(world.deps, 'jsm/compare', payload, agent);
      expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    } finally {
      await world.close();
    }
  });
});

describe('why a cycle differs', () => {
  const minutes = (n: number) => n * MINUTE;
  const accord = (
    overrides: Partial<MetricResult['cycles'][number]>,
    state: MetricResult['state'] = 'met',
  ): MetricResult => ({
    id: 'resolution',
    name: 'Time to resolution',
    state,
    breached: false,
    everBreached: false,
    goal: { index: 0, targetMinutes: 480, calendar: 'always' },
    next: null,
    cycles: [
      {
        startedAt: '2026-03-02T08:00:00.000Z',
        stoppedAt: '2026-03-02T16:00:00.000Z',
        elapsedMs: minutes(300),
        pausedMs: minutes(180),
        remainingMs: minutes(180),
        deadline: null,
        breached: false,
        breachedAt: null,
        goalIndex: 0,
        pauses: [],
        thresholds: [],
        ...overrides,
      },
    ],
  });
  const jsm = (cycle: Partial<JsmSla['cycles'][number]>): JsmSla => ({
    id: '2',
    name: 'Time to resolution',
    cycles: [
      {
        startedAt: Date.parse('2026-03-02T08:00:00.000Z'),
        stoppedAt: Date.parse('2026-03-02T16:00:00.000Z'),
        breached: false,
        breachAt: null,
        goalMs: minutes(480),
        elapsedMs: minutes(480),
        remainingMs: 0,
        ...cycle,
      },
    ],
  });

  it('a pause: JSM counted the 3 hours Accord paused', () => {
    expect(compareCycles(jsm({}), accord({}))[0]).toEqual(
      expect.objectContaining({ differences: ['elapsed'], reasons: ['pause'] }),
    );
  });

  it('a paused ongoing cycle on one side only is a pause, not a calendar', () => {
    const running = accord(
      { stoppedAt: null, elapsedMs: minutes(100), pausedMs: 0, remainingMs: minutes(380) },
      'paused',
    );
    const ongoing = jsm({
      stoppedAt: null,
      elapsedMs: minutes(200),
      paused: false,
      withinCalendarHours: false,
    });
    expect(compareCycles(ongoing, running)[0]).toEqual(
      expect.objectContaining({ differences: ['elapsed'], reasons: ['pause'] }),
    );
  });

  it('another stop condition, and a cycle only JSM has', () => {
    const two = jsm({ stoppedAt: Date.parse('2026-03-02T15:00:00.000Z'), elapsedMs: minutes(300) });
    const extra = {
      ...two,
      cycles: [...two.cycles, { ...two.cycles[0]!, startedAt: Date.parse('2026-03-03T08:00:00.000Z') }],
    };
    const out = compareCycles(extra, accord({}));
    expect(out.map((c) => [c.differences, c.reasons])).toEqual([
      [['stop'], ['stop']],
      [['missing'], ['start']],
    ]);
  });
});

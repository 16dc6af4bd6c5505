/**
 * The report routes on the sandbox: a few requests worked through the simulated site over a month boundary,
 * and the figures each route gives for them, worked out by hand.
 */
import { evaluateStored } from '../../src/app/evaluation/evaluate-issue';
import { JiraError } from '../../src/app/ports';
import { dispatch } from '../../src/app/resolvers/dispatch';
import type {
  ComplianceReport,
  CsvPage,
  GadgetReport,
  MonthlyReport,
} from '../../src/app/resolvers/report-types';
import { acme, makeWorld, MINUTE } from './sandbox-world';

type World = Awaited<ReturnType<typeof makeWorld>>;

const admin = { accountId: 'chris-admin', accountType: 'licensed' as const, module: 'admin' as const };
const agent = { accountId: 'erik-agent', accountType: 'licensed' as const, module: 'gadget' as const };
const customer = { accountId: 'carla-customer', accountType: 'customer' as const, module: 'gadget' as const };

/** Friday 27 February 2026, 15:00 in Berlin. */
const FRIDAY_15 = Date.UTC(2026, 1, 27, 14, 0);

async function advanceTo(world: World, instant: number): Promise<void> {
  await world.advance(instant - world.clock.now());
}

const berlin = (iso: string): number => Date.parse(`${iso}+01:00`);

/**
 * IT-1 (Medium) raised Friday 16:00, answered Monday 09:30: 90 working minutes across the month boundary, met;
 * resolved 11:30, rated 2.
 * IT-2 (Medium) raised Friday 16:30, with the second level from Monday 09:15, answered 11:00: 150 working
 * minutes against 120, breached at 10:30; resolved 12:00, rated 5.
 * IT-3, Globex's (no Gold SLA), raised Monday 10:00: the VPN down from 09:40 to 10:35.
 * IT-4 (High) raised Monday 12:00, unanswered at 12:25: past 75 % of its 30 minutes, at risk.
 * IT-5 (Medium) raised Monday 12:05: running, on track.
 */
async function world(): Promise<{ w: World; ids: Record<string, string> }> {
  const w = await makeWorld({ now: FRIDAY_15 });
  const ids: Record<string, string> = {};
  const raise = (key: string, priority: string, extra: object = {}) => {
    ids[key] = w.site.create({ reporter: 'carla-customer', priority, fields: acme, ...extra }).id;
  };
  await advanceTo(w, berlin('2026-02-27T16:00'));
  raise('IT-1', 'Medium');
  await advanceTo(w, berlin('2026-02-27T16:30'));
  raise('IT-2', 'Medium');
  await advanceTo(w, berlin('2026-03-02T09:15'));
  w.site.setTeam(ids['IT-2'] ?? '', 'alex-agent', 'Second Level');
  await advanceTo(w, berlin('2026-03-02T09:30'));
  w.site.comment(ids['IT-1'] ?? '', 'alex-agent', 'Looking into it');
  await advanceTo(w, berlin('2026-03-02T10:00'));
  ids['IT-3'] = w.site.create({
    reporter: 'gina-customer',
    priority: 'High',
    components: ['VPN'],
    fields: { customfield_10080: '2026-03-02T09:40:00.000+0100' },
  }).id;
  await advanceTo(w, berlin('2026-03-02T10:40'));
  w.site.setOutage(ids['IT-3'] ?? '', 'alex-agent', 'end', berlin('2026-03-02T10:35'));
  await advanceTo(w, berlin('2026-03-02T11:00'));
  w.site.comment(ids['IT-2'] ?? '', 'bea-second', 'Found it');
  await advanceTo(w, berlin('2026-03-02T11:30'));
  w.site.transition(ids['IT-1'] ?? '', 'alex-agent', 'Resolved');
  await advanceTo(w, berlin('2026-03-02T12:00'));
  w.site.transition(ids['IT-2'] ?? '', 'bea-second', 'Resolved');
  raise('IT-4', 'High');
  await advanceTo(w, berlin('2026-03-02T12:05'));
  raise('IT-5', 'Medium');
  w.site.rate(ids['IT-1'] ?? '', 'carla-customer', 2);
  w.site.rate(ids['IT-2'] ?? '', 'carla-customer', 5);
  await advanceTo(w, berlin('2026-03-02T12:25'));
  return { w, ids };
}

let w: World;
let ids: Record<string, string>;
beforeAll(async () => {
  ({ w, ids } = await world());
}, 60_000);
afterAll(async () => {
  await w.close();
});

async function call<T>(
  key: string,
  payload: unknown,
  ctx: Parameters<typeof dispatch>[3] = admin,
): Promise<T> {
  const reply = await dispatch(w.deps, key, payload, ctx);
  if (!reply.ok) throw new Error(`${key}: ${reply.error.code}: ${reply.error.message}`);
  return reply.data as T;
}

describe('reports/compliance', () => {
  it('counts each cycle in the month it ended, running ones in the current month, against the goal’s objective', async () => {
    const report = await call<ComplianceReport>('reports/compliance', { agreementId: 'gold', count: 2 });
    expect(report.timeZone).toBe('Europe/Berlin');
    expect(report.periods.map((p) => [p.label, p.current])).toEqual([
      ['2026-02', false],
      ['2026-03', true],
    ]);
    const medium = report.rows.find((r) => r.metricId === 'first-response' && r.goalIndex === 1);
    expect(medium?.goalLabel).toEqual({ kind: 'condition', when: 'priority = Medium' });
    // February: IT-1 and IT-2 began there but ended in March; nothing to judge.
    expect(medium?.periods[0]).toEqual(
      expect.objectContaining({ met: 0, breached: 0, completed: 0, metPercent: null, objectiveMet: null }),
    );
    expect(medium?.periods[1]).toEqual({
      met: 1,
      breached: 1,
      running: 1, // IT-5
      runningBreached: 0,
      completed: 2,
      metPercent: 50,
      objectivePercent: 95,
      objectiveMet: false,
      errorBudget: { allowed: 0, used: 1, pending: 0, remaining: -1 },
      // IT-1 rated 2, IT-2 rated 5: 3.5, not low; and the objective is missed anyway.
      satisfaction: { count: 2, average: 3.5, watermelon: false },
    });
    const high = report.rows.find((r) => r.metricId === 'first-response' && r.goalIndex === 0);
    expect(high?.periods[1]).toEqual(expect.objectContaining({ running: 1, completed: 0, metPercent: null }));
    // Every goal of both metrics has a row, cycles or not.
    expect(report.rows.map((r) => `${r.metricId}/${r.goalIndex}`)).toEqual([
      'first-response/0',
      'first-response/1',
      'first-response/2',
      'resolution/0',
      'resolution/1',
      'resolution/2',
    ]);
  });

  it('pools a metric’s goals, with no single objective when they differ', async () => {
    const report = await call<ComplianceReport>('reports/compliance', {
      agreementId: 'gold',
      metricId: 'resolution',
      count: 1,
      groupBy: 'metric',
    });
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]?.periods[0]).toEqual(
      expect.objectContaining({
        met: 2,
        breached: 0,
        running: 2,
        objectivePercent: null,
        objectiveMet: null,
      }),
    );
  });

  it('reads periods from a given date, and weeks in the zone asked for', async () => {
    const report = await call<ComplianceReport>('reports/compliance', {
      agreementId: 'gold',
      period: 'week',
      from: '2026-02-23',
      count: 2,
      timeZone: 'America/Santiago',
    });
    expect(report.periods.map((p) => [p.label, p.start])).toEqual([
      ['2026-W09', '2026-02-23T03:00:00.000Z'],
      ['2026-W10', '2026-03-02T03:00:00.000Z'],
    ]);
    const medium = report.rows.find((r) => r.metricId === 'first-response' && r.goalIndex === 1);
    expect(medium?.periods.map((p) => p.completed)).toEqual([0, 2]);
  });
});

describe('reports/gadget', () => {
  it('gives the trend, the issues at risk now and the breaches of the month in one call', async () => {
    const gadget = await call<GadgetReport>('reports/gadget', { agreementId: 'gold', trendCount: 3 });
    expect(gadget.agreement).toEqual({
      id: 'gold',
      name: 'Gold support',
      kind: 'SLA',
      counterparty: 'Acme Corp',
    });
    expect(gadget.periods.map((p) => p.label)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(gadget.atRisk.map((a) => [a.issueKey, a.metricId, a.state])).toEqual([
      ['IT-4', 'first-response', 'at-risk'],
    ]);
    expect(gadget.atRisk[0]?.deadline).toBe('2026-03-02T11:30:00.000Z');
    expect(gadget.breaches).toEqual([
      expect.objectContaining({
        issueKey: 'IT-2',
        metricId: 'first-response',
        goalLabel: { kind: 'condition', when: 'priority = Medium' },
        breachedAt: '2026-03-02T09:30:00.000Z',
        stoppedAt: '2026-03-02T10:00:00.000Z',
        elapsedMs: 150 * MINUTE,
      }),
    ]);
  });
});

describe('reports/monthly', () => {
  it('reports the month per counterparty: compliance, availability, credits and who held the breached time', async () => {
    const report = await call<MonthlyReport>('reports/monthly', { month: '2026-03' });
    expect(report.counterparties.map((c) => c.counterparty)).toEqual(['Acme Corp', 'NetCo', 'Second Level']);
    const acmeSection = report.counterparties[0];
    const gold = acmeSection?.agreements[0];
    expect(gold?.agreementId).toBe('gold');

    // The VPN: down 09:40–10:35 on Monday (55 minutes) of the month so far (1 March 00:00 to 2 March 12:25
    // Berlin, 2,185 minutes) less Sunday's maintenance 02:00–04:00 UTC (120 minutes).
    const vpn = gold?.availability[0];
    expect(
      vpn && [vpn.service, vpn.downtimeMs / MINUTE, vpn.scheduledMs / MINUTE, vpn.maintenanceMs / MINUTE],
    ).toEqual(['VPN', 55, 2065, 120]);
    expect(vpn?.objectiveMet).toBe(false);
    expect(vpn?.incidents.map((i) => i.issueKey)).toEqual(['IT-3']);

    // Medium first responses 50 % against 95 % (3 %), the VPN below 99.5 % (10 %): 13 % of 12,000 EUR.
    expect(gold?.credits?.lines.filter((l) => l.owed).map((l) => [l.measure, l.creditPercent])).toEqual([
      [
        {
          kind: 'metric',
          metricName: 'Time to first response',
          goal: { kind: 'condition', when: 'priority = Medium' },
        },
        3,
      ],
      [{ kind: 'availability', service: 'VPN' }, 10],
    ]);
    expect([gold?.credits?.creditPercent, gold?.credits?.amount]).toEqual([13, 1560]);
    expect(acmeSection?.creditsOwed).toEqual([{ currency: 'EUR', amount: 1560 }]);
    // March ends the first quarter: its quarterly clause is judged over January to March, and not missed.
    expect(gold?.quarterCredits).toEqual(
      expect.objectContaining({ period: 'quarter', fee: 36_000, creditPercent: 0, amount: 0 }),
    );
    expect(gold?.quarterCredits?.lines.map((l) => [l.measure, l.measuredPercent, l.missed])).toEqual([
      [{ kind: 'metric', metricName: 'Time to resolution', goal: { kind: 'all-goals' } }, 100, false],
    ]);

    // IT-2's first response ran 150 working minutes; the second level held it from 09:15 to 11:00.
    expect(gold?.attribution).toEqual(
      expect.objectContaining({ cycles: 1, runningMs: 150 * MINUTE, unattributedMs: 45 * MINUTE }),
    );
    expect(gold?.attribution?.holders.map((h) => [h.agreementId, h.heldMs / MINUTE, h.percent])).toEqual([
      ['second-level', 105, 70],
    ]);
    const first = gold?.metrics.find((m) => m.metricId === 'first-response');
    expect(first?.overall).toEqual(expect.objectContaining({ met: 1, breached: 1, running: 2 }));
    expect(report.counterparties[1]?.agreements[0]?.attribution).toBeNull(); // a UC
  });

  it('says why a service could not be measured as a code the report words, not as English', async () => {
    const deps = w.deps;
    const failing = {
      ...deps,
      // The sandbox's Jira with its search failing: its methods live on its prototype.
      jira: Object.assign(Object.create(deps.jira) as typeof deps.jira, {
        searchIssueIds: () => Promise.reject(new JiraError('Jira refused the JQL', 400, false)),
      }),
    } as typeof deps;
    const reply = await dispatch(
      failing,
      'reports/monthly',
      { month: '2026-03', agreementId: 'gold' },
      admin,
    );
    const vpn = reply.ok
      ? (reply.data as MonthlyReport).counterparties[0]?.agreements[0]?.availability[0]
      : null;
    expect(reply.ok || reply.error).toBe(true);
    expect(vpn?.error).toEqual({ code: 'incidents-unreadable', params: { detail: 'Jira refused the JQL' } });
    const report = await call<MonthlyReport>('reports/monthly', { month: '2026-03', agreementId: 'gold' });
    expect(report.counterparties[0]?.agreements[0]?.availability[0]?.error).toBeNull();
  });

  it('judges quarterly clauses in the month that ends the quarter', async () => {
    const report = await call<MonthlyReport>('reports/monthly', { month: '2026-02', agreementId: 'gold' });
    expect(report.counterparties[0]?.agreements[0]?.quarterCredits).toBeNull();
    const march = await call<MonthlyReport>('reports/monthly', { month: '2026-03', agreementId: 'gold' });
    expect(march.counterparties[0]?.agreements[0]?.quarterCredits?.period).toBe('quarter');
  });
});

/** The fields of one RFC 4180 line (quoted fields may hold commas and doubled quotes). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  for (const m of line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g))
    fields.push(m[1] === undefined ? (m[2] ?? '') : m[1].replace(/""/g, '"'));
  return fields;
}

describe('reports/csv', () => {
  it('lists the cycles the compliance report counts, page by page, with outcomes that add up to its figures', async () => {
    const first = await call<CsvPage>('reports/csv', { agreementId: 'gold', limit: 3 });
    expect(first.filename).toBe('accord-gold-2026-03.csv');
    const lines = first.csv.split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toBe(first.columns.join(','));
    let csv = first.csv;
    for (let page = first; page.nextCursor !== null;) {
      page = await call<CsvPage>('reports/csv', { agreementId: 'gold', limit: 3, cursor: page.nextCursor });
      expect(page.csv.startsWith('issue_key')).toBe(false);
      csv += page.csv;
    }
    const rows = csv
      .split('\r\n')
      .filter((l) => l !== '')
      .slice(1)
      .map((l) => Object.fromEntries(csvFields(l).map((v, i) => [first.columns[i] ?? '', v])));
    const compliance = await call<ComplianceReport>('reports/compliance', { agreementId: 'gold', count: 1 });
    for (const row of compliance.rows) {
      const mine = rows.filter((r) => r.metric_id === row.metricId && r.goal_index === String(row.goalIndex));
      const count = (...outcomes: string[]) => mine.filter((r) => outcomes.includes(r.outcome ?? '')).length;
      const figures = row.periods[0];
      expect([
        row.metricId,
        row.goalIndex,
        count('met'),
        count('breached'),
        count('running', 'running-breached'),
      ]).toEqual([row.metricId, row.goalIndex, figures?.met, figures?.breached, figures?.running]);
    }
    const it2 = rows.find((r) => r.issue_key === 'IT-2' && r.metric_id === 'first-response');
    expect(it2).toEqual(
      expect.objectContaining({
        agreement_version: '1',
        goal: 'priority = Medium',
        target_minutes: '120',
        goal_terms: '',
        started_at: '2026-02-27T15:30:00.000Z',
        stopped_at: '2026-03-02T10:00:00.000Z',
        elapsed_ms: String(150 * MINUTE),
        outcome: 'breached',
        period: '2026-03',
      }),
    );
  });
});

describe('report permissions and payloads', () => {
  it('lets an agent see the projects they can browse, admins everything, customers nothing', async () => {
    const routes: [string, object][] = [
      ['reports/compliance', {}],
      ['reports/gadget', { agreementId: 'gold' }],
      ['reports/monthly', {}],
      ['reports/csv', {}],
    ];
    for (const [key, payload] of routes) {
      expect([key, (await dispatch(w.deps, key, { ...payload, projectKey: 'IT' }, agent)).ok]).toEqual([
        key,
        true,
      ]);
      for (const [ctx, extra] of [
        [agent, {}],
        [agent, { projectKey: 'HR' }],
        [customer, { projectKey: 'IT' }],
      ] as const) {
        expect([key, await dispatch(w.deps, key, { ...payload, ...extra }, ctx)]).toEqual([
          key,
          { ok: false, error: expect.objectContaining({ code: 'forbidden' }) },
        ]);
      }
    }
    // A project settings page reports on its own project.
    const onPage = await dispatch(
      w.deps,
      'reports/compliance',
      {},
      { ...agent, module: 'project-settings', projectKey: 'IT' },
    );
    expect(onPage.ok).toBe(true);
  });

  it('names what is wrong with a payload and where', async () => {
    const problem = async (key: string, payload: object) => {
      const reply = await dispatch(w.deps, key, payload, admin);
      return reply.ok ? undefined : [reply.error.code, reply.error.problems?.map((p) => p.path) ?? []];
    };
    expect(await problem('reports/compliance', { period: 'year' })).toEqual([
      'invalid-payload',
      ['$.period'],
    ]);
    expect(await problem('reports/compliance', { from: '2026-02-30' })).toEqual([
      'invalid-payload',
      ['$.from'],
    ]);
    expect(await problem('reports/compliance', { timeZone: 'Mars/Base' })).toEqual([
      'invalid-payload',
      ['$.timeZone'],
    ]);
    expect(await problem('reports/compliance', { count: 0 })).toEqual(['invalid-payload', ['$.count']]);
    expect(await problem('reports/monthly', { month: '2026-13' })).toEqual(['invalid-payload', ['$.month']]);
    expect(await problem('reports/csv', { cursor: 'nope' })).toEqual(['invalid-payload', ['$.cursor']]);
    expect(await problem('reports/gadget', {})).toEqual(['invalid-payload', ['$.agreementId']]);
    expect(await problem('reports/gadget', { agreementId: 'platinum' })).toEqual(['not-found', []]);
    expect(await problem('reports/gadget', { agreementId: 'gold', metricId: 'nope' })).toEqual([
      'not-found',
      [],
    ]);
  });

  it('keeps the rating an issue had when it is re-evaluated from its stored history', async () => {
    const history = await w.store.histories.get(ids['IT-1'] ?? '');
    expect(history?.data.satisfaction).toBe(2);
    if (history) await evaluateStored(w.deps, history, w.clock.now());
    const ratings = await w.store.reports.ratingCounts(
      { agreementIds: ['gold'], metricId: 'first-response' },
      [Date.parse('2026-03-01T00:00:00+01:00'), Date.parse('2026-04-01T00:00:00+02:00')],
    );
    expect(ratings.map((r) => [r.goalIndex, r.count, r.sum])).toEqual([[1, 2, 7]]);
  });
});

/**
 * Extensions and excused breaches through the resolver routes on the sandbox: who may decide, what is audited,
 * that a decision survives re-measurement, and how reports count excused breaches under each setting of the
 * agreement's `countExcusedBreaches`. Monday 2 March 2026 from 09:00 Berlin (08:00Z); a Medium first response is
 * due within 120 working minutes, at 11:00 (10:00Z).
 */
import { evaluateStored } from '../../src/app/evaluation/evaluate-issue';
import type { CallContext } from '../../src/app/resolvers/context';
import { dispatch } from '../../src/app/resolvers/dispatch';
import type { ComplianceReport, MonthlyReport } from '../../src/app/resolvers/report-types';
import type { MetricResult } from '../../src/engine/evaluate/result';
import type { Agreement } from '../../src/engine/agreement/types';
import { acme, exampleAgreements, makeWorld, MINUTE } from './sandbox-world';

type World = Awaited<ReturnType<typeof makeWorld>>;

const panel = (accountId: string, accountType: CallContext['accountType'] = 'licensed'): CallContext => ({
  accountId,
  accountType,
  module: 'issue-panel',
});
const admin = panel('chris-admin');
const member = panel('bea-second'); // in it-second-level
const agent = panel('erik-agent'); // in no group
const customer = panel('carla-customer', 'customer');

/** The examples, with Gold naming the second-level group and counting excused breaches as given. */
const agreementsWith = (gold: Partial<Agreement>): Agreement[] =>
  exampleAgreements.map((a) =>
    a.id === 'gold' ? { ...a, extensionGroups: ['it-second-level'], ...gold } : a,
  );

let world: World;
afterEach(async () => {
  await world.close();
});

async function raise(): Promise<string> {
  const issue = world.site.create({ reporter: 'carla-customer', priority: 'Medium', fields: acme });
  await world.drain();
  return issue.id;
}

const firstResponse = (issueId: string, extra: object = {}) => ({
  issueId,
  agreementId: 'gold',
  metricId: 'first-response',
  ...extra,
});

async function decide(key: string, payload: object, ctx: CallContext) {
  return dispatch(world.deps, key, payload, ctx);
}

async function stored(issueId: string): Promise<MetricResult | undefined> {
  return (await world.store.results.forIssue(issueId)).find((r) => r.metricId === 'first-response')?.result;
}

describe('who may extend a deadline or excuse a breach', () => {
  it('refuses an agent outside the agreement’s groups and a customer; allows a member and a Jira admin', async () => {
    world = await makeWorld({ agreements: agreementsWith({}) });
    const issueId = await raise();
    const payload = firstResponse(issueId, { minutes: 30, reason: 'Customer asked to wait for the vendor' });
    expect(await decide('issue/extend', payload, agent)).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'forbidden',
        message: expect.stringContaining('it-second-level'),
      }),
    });
    expect(await decide('issue/extend', payload, customer)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'forbidden' }),
    });
    expect(await world.store.adjustments.forIssue(issueId)).toEqual([]);

    const byMember = await decide('issue/extend', payload, member);
    expect(byMember).toEqual({
      ok: true,
      data: expect.objectContaining({
        adjustment: expect.objectContaining({ kind: 'extension', minutes: 30 }),
      }),
    });
    const byAdmin = await decide('issue/extend', payload, admin);
    expect(byAdmin.ok).toBe(true);
    // 11:00 + 30 + 30 working minutes.
    expect((await stored(issueId))?.cycles[0]).toEqual(
      expect.objectContaining({ deadline: '2026-03-02T11:00:00.000Z', extended: { minutes: 60, count: 2 } }),
    );
  });

  it('refuses a member on an agreement that names no group, and tells the panel where each may decide', async () => {
    world = await makeWorld({ agreements: agreementsWith({}) });
    const issueId = await raise();
    world.site.setTeam(issueId, 'alex-agent', 'Second Level');
    await world.drain();
    const ola = {
      issueId,
      agreementId: 'second-level',
      metricId: 'handling',
      minutes: 30,
      reason: 'Waiting on parts',
    };
    expect(await decide('issue/extend', ola, member)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'forbidden' }),
    });
    const list = async (ctx: CallContext) => {
      const reply = await decide('issue/adjustments', { issueId }, ctx);
      return reply.ok ? (reply.data as { canAdjust: string[] }).canAdjust.sort() : reply.error.code;
    };
    expect(await list(member)).toEqual(['gold']);
    expect(await list(admin)).toEqual(['gold', 'second-level']);
    expect(await list(agent)).toEqual([]);
    expect(await list(customer)).toBe('forbidden');
  });
});

describe('what the routes accept', () => {
  it('bounds the payload: a reason, either minutes or an instant, minutes within a year', async () => {
    world = await makeWorld({ agreements: agreementsWith({}) });
    const issueId = await raise();
    const bad = [
      [firstResponse(issueId, { minutes: 30, reason: '   ' }), '$.reason'],
      [firstResponse(issueId, { minutes: 30 }), '$.reason'],
      [firstResponse(issueId, { reason: 'x' }), '$.minutes'],
      [firstResponse(issueId, { minutes: 30, until: '2026-03-02T12:00:00Z', reason: 'x' }), '$.minutes'],
      [firstResponse(issueId, { minutes: 0, reason: 'x' }), '$.minutes'],
      [firstResponse(issueId, { minutes: 600_000, reason: 'x' }), '$.minutes'],
      [firstResponse(issueId, { until: 'tomorrow', reason: 'x' }), '$.until'],
      [firstResponse(issueId, { minutes: 30, reason: 'x'.repeat(1001) }), '$.reason'],
    ] as const;
    for (const [payload, path] of bad) {
      expect(await decide('issue/extend', payload, admin)).toEqual({
        ok: false,
        error: expect.objectContaining({
          code: 'invalid-payload',
          problems: expect.arrayContaining([expect.objectContaining({ path })]),
        }),
      });
    }
    expect(await world.store.adjustments.forIssue(issueId)).toEqual([]);
  });

  it('extends to an instant in working time, and refuses an extension once the cycle has stopped', async () => {
    world = await makeWorld({ agreements: agreementsWith({}) });
    const issueId = await raise();
    const reply = await decide(
      'issue/extend',
      firstResponse(issueId, { until: '2026-03-02T14:00:00+01:00', reason: 'Agreed on the phone' }),
      member,
    );
    expect(reply).toEqual({
      ok: true,
      data: expect.objectContaining({
        adjustment: expect.objectContaining({ minutes: 180, until: '2026-03-02T13:00:00.000Z' }),
      }),
    });
    expect((await stored(issueId))?.cycles[0]?.deadline).toBe('2026-03-02T13:00:00.000Z');

    await world.advance(10 * MINUTE);
    world.site.comment(issueId, 'alex-agent', 'On it');
    await world.drain();
    expect(
      await decide('issue/extend', firstResponse(issueId, { minutes: 30, reason: 'late' }), member),
    ).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'conflict' }),
    });
  });
});

describe('a decision is audited and kept', () => {
  it('writes who, what and why to the audit log, and survives re-measurement and new history', async () => {
    world = await makeWorld({ agreements: agreementsWith({}) });
    const issueId = await raise();
    await decide('issue/extend', firstResponse(issueId, { minutes: 45, reason: 'Vendor delay' }), member);
    const audit = await world.store.audit.list({ limit: 10, entityId: issueId });
    expect(audit).toEqual([
      expect.objectContaining({
        actor: 'bea-second',
        action: 'issue.extend',
        entity: 'issue',
        changes: [
          expect.objectContaining({
            path: '$.agreements.gold.metrics.first-response.cycles[2026-03-02T08:00:00.000Z]',
            after: { issueKey: 'IT-1', minutes: 45, reason: 'Vendor delay' },
          }),
        ],
      }),
    ]);

    // A recalculation measures from the stored history; a new event re-reads Jira: both keep the extension.
    const history = await world.store.histories.get(issueId);
    if (!history) throw new Error('no history');
    await evaluateStored(world.deps, history, world.clock.now());
    expect((await stored(issueId))?.cycles[0]?.deadline).toBe('2026-03-02T10:45:00.000Z');
    world.site.comment(issueId, 'carla-customer', 'Any news?');
    await world.drain();
    expect((await stored(issueId))?.cycles[0]?.deadline).toBe('2026-03-02T10:45:00.000Z');
  });
});

describe('reports count excused breaches as the agreement says', () => {
  /**
   * Three Medium requests raised at 09:00: A answered at 09:30 (met); B extended by an hour at 10:00 and
   * answered at 11:30 (met, extended); C answered at 11:30, past its 11:00 deadline, and its breach excused at
   * 11:40 (breached, excused).
   */
  async function scenario(countExcusedBreaches: boolean) {
    world = await makeWorld({ agreements: agreementsWith({ countExcusedBreaches }) });
    const [a, b, c] = [await raise(), await raise(), await raise()];
    await world.advance(30 * MINUTE);
    world.site.comment(a, 'alex-agent', 'Done');
    await world.advance(30 * MINUTE);
    expect(
      (await decide('issue/extend', firstResponse(b, { minutes: 60, reason: 'Waiting on Acme' }), member)).ok,
    ).toBe(true);
    await world.advance(90 * MINUTE);
    world.site.comment(b, 'alex-agent', 'Done');
    world.site.comment(c, 'alex-agent', 'Sorry for the wait');
    await world.advance(10 * MINUTE);
    const excused = await decide('issue/excuse', firstResponse(c, { reason: 'Acme’s outage' }), member);
    expect(excused).toEqual({
      ok: true,
      data: expect.objectContaining({
        metric: expect.objectContaining({ state: 'breached', breached: true }),
      }),
    });
    expect((await stored(c))?.cycles[0]?.excused).toBe(true);

    const report = await dispatch(world.deps, 'reports/compliance', { agreementId: 'gold', count: 1 }, admin);
    if (!report.ok) throw new Error(report.error.message);
    const medium = (report.data as ComplianceReport).rows.find(
      (r) => r.metricId === 'first-response' && r.goalIndex === 1,
    );
    const monthly = await dispatch(
      world.deps,
      'reports/monthly',
      { month: '2026-03', agreementId: 'gold' },
      admin,
    );
    if (!monthly.ok) throw new Error(monthly.error.message);
    const credits = (monthly.data as MonthlyReport).counterparties[0]?.agreements[0]?.credits;
    return { figures: medium?.periods[0], clause: credits?.lines.find((l) => l.clause === 0) };
  }

  it('by default leaves an excused breach out of compliance and credits, and shows it apart', async () => {
    const { figures, clause } = await scenario(false);
    expect(figures).toEqual(
      expect.objectContaining({
        met: 2,
        breached: 0,
        completed: 2,
        metPercent: 100,
        extended: 1,
        excused: 1,
      }),
    );
    expect(clause).toEqual(expect.objectContaining({ measuredPercent: 100, missed: false, owed: false }));
  });

  it('counts it as a breach when the agreement says so', async () => {
    const { figures, clause } = await scenario(true);
    expect(figures).toEqual(
      expect.objectContaining({ met: 2, breached: 1, completed: 3, extended: 1, excused: 1 }),
    );
    expect(clause).toEqual(expect.objectContaining({ missed: true, owed: true }));
  });

  it('refuses to excuse a cycle that is not breached, and to excuse one twice', async () => {
    world = await makeWorld({ agreements: agreementsWith({}) });
    const issueId = await raise();
    const payload = firstResponse(issueId, { reason: 'x' });
    expect(await decide('issue/excuse', payload, admin)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'not-found' }),
    });
    await world.advance(150 * MINUTE);
    expect((await decide('issue/excuse', payload, admin)).ok).toBe(true);
    expect(await decide('issue/excuse', payload, admin)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'conflict' }),
    });
  });
});

/**
 * A version saved or restored without a metric: the metric leaves the issue panel and the reports at once,
 * and a recalculation takes its results out of the store and the "SLA state" and "next deadline" fields, for
 * completed issues too, whose other results it keeps.
 */
import { dispatch } from '../../src/app/resolvers/dispatch';
import type { ComplianceReport, CsvPage, GadgetReport } from '../../src/app/resolvers/report-types';
import { runJobStep, startJob } from '../../src/app/jobs/recalculate';
import type { Agreement } from '../../src/engine/agreement/types';
import { acme, exampleAgreements, makeWorld, MINUTE } from './sandbox-world';

type World = Awaited<ReturnType<typeof makeWorld>>;

const admin = { accountId: 'chris-admin', accountType: 'licensed' as const, module: 'admin' as const };
const gold = exampleAgreements.find((a) => a.id === 'gold')!;

let world: World;
afterEach(async () => {
  await world.close();
});

async function call<T>(key: string, payload: unknown): Promise<T> {
  const reply = await dispatch(world.deps, key, payload, admin);
  if (!reply.ok) throw new Error(`${key}: ${reply.error.code}: ${reply.error.message}`);
  return reply.data as T;
}

const fieldsOf = (issueId: string) => Object.fromEntries(world.site.customFieldValues.get(issueId) ?? []);

describe('a metric that a saved or restored version no longer has', () => {
  it('leaves the issue panel and the reports at once, and the stored results and fields on recalculation', async () => {
    world = await makeWorld({ agreements: [gold] });
    // Monday 09:00 Berlin, Medium: first response within 120 working minutes, resolution within 1,440.
    const open = world.site.create({ reporter: 'carla-customer', fields: acme });
    const done = world.site.create({ reporter: 'carla-customer', fields: acme });
    await world.advance(125 * MINUTE); // both first responses breached at 11:00
    world.site.comment(done.id, 'alex-agent', 'Fixed');
    world.site.transition(done.id, 'alex-agent', 'Resolved');
    await world.advance(5 * MINUTE);
    expect(fieldsOf(open.id)['sla-state']).toBe('breached');
    expect(fieldsOf(done.id)['sla-state']).toBe('breached');
    const doneBefore = await world.store.results.forIssue(done.id);
    expect(doneBefore.map((r) => [r.metricId, r.state])).toEqual([
      ['first-response', 'breached'],
      ['resolution', 'met'],
    ]);

    // Version 2 without the first response, as a restore of an older version would save it.
    const withoutFirstResponse: Agreement = {
      ...gold,
      metrics: gold.metrics.filter((m) => m.id !== 'first-response'),
      penalties: (gold.penalties ?? []).filter((p) => p.metric !== 'first-response'),
    };
    await call('agreements/save', { agreement: withoutFirstResponse, expectedVersion: 1 });

    // At once: the panel and the reports show only the metrics the agreement has now.
    for (const issue of [open, done]) {
      const panel = await call<{ results: { metric: { id: string } }[] }>('issue/metrics', {
        issueId: issue.id,
      });
      expect(panel.results.map((r) => r.metric.id)).toEqual(['resolution']);
    }
    const compliance = await call<ComplianceReport>('reports/compliance', { agreementId: 'gold', count: 1 });
    expect(new Set(compliance.rows.map((r) => r.metricId))).toEqual(new Set(['resolution']));
    expect(compliance.rows.every((r) => r.metricName === 'Time to resolution')).toBe(true);
    const gadget = await call<GadgetReport>('reports/gadget', { agreementId: 'gold', trendCount: 2 });
    expect(gadget.breaches).toEqual([]);
    expect(gadget.rows.map((r) => r.metricId)).not.toContain('first-response');
    // A gadget configured for the removed metric says the metric no longer exists (in its own words).
    expect(
      await dispatch(
        world.deps,
        'reports/gadget',
        { agreementId: 'gold', metricId: 'first-response' },
        admin,
      ),
    ).toEqual({ ok: false, error: expect.objectContaining({ code: 'not-found' }) });
    const csv = await call<CsvPage>('reports/csv', { agreementId: 'gold', limit: 100 });
    expect(csv.csv).not.toContain('first-response');
    expect(csv.rows).toBe(2); // the two resolutions: one met, one running

    // The recalculation the admin page offers: the agreement's issues, completed results kept.
    const job = await startJob(
      world.deps,
      { scope: { kind: 'agreement', agreementId: 'gold' }, replaceCompleted: false },
      'chris-admin',
    );
    expect(await runJobStep(world.deps, job.id)).toEqual(
      expect.objectContaining({ state: 'done', done: 2, failed: 0 }),
    );
    const openAfter = await world.store.results.forIssue(open.id);
    expect(openAfter.map((r) => [r.metricId, r.state, r.agreementVersion])).toEqual([
      ['resolution', 'running', 2],
    ]);
    expect(fieldsOf(open.id)).toEqual({
      'sla-state': 'running',
      'next-deadline': openAfter[0]?.result.cycles[0]?.deadline,
    });
    // The completed issue keeps its resolution as it was measured (version 1), without the first response.
    expect(await world.store.results.forIssue(done.id)).toEqual(
      doneBefore.filter((r) => r.metricId === 'resolution'),
    );
    expect(fieldsOf(done.id)).toEqual({ 'sla-state': 'met', 'next-deadline': null });
    const cycles = await world.store.reports.cyclesOfIssues([open.id, done.id]);
    expect(cycles.map((c) => c.metricId)).toEqual(['resolution', 'resolution']);
  });

  it('writes no field a recalculation leaves as it was', async () => {
    world = await makeWorld({ agreements: [gold] });
    world.site.create({ reporter: 'carla-customer', fields: acme });
    await world.advance(10 * MINUTE);
    const calls = world.jira.totalCalls();
    const job = await startJob(
      world.deps,
      { scope: { kind: 'agreement', agreementId: 'gold' }, replaceCompleted: true },
      'chris-admin',
    );
    await runJobStep(world.deps, job.id);
    expect(world.jira.totalCalls()).toBe(calls);
  });
});

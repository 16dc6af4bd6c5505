/**
 * Retention on the sandbox: histories of issues closed long ago dropped (and read again in bulk when a
 * recalculation replaces completed results), old cycles folded into monthly aggregates that give reports and
 * credits exactly the figures the raw cycles gave, the policy seen and set by an admin only.
 */
import type { Deps } from '../../src/app/evaluation/deps';
import { runJobStep, startJob } from '../../src/app/jobs/recalculate';
import type { MonthlyReport, ComplianceReport } from '../../src/app/resolvers/report-types';
import { dispatch } from '../../src/app/resolvers/dispatch';
import {
  applyRetention,
  automaticRetention,
  DEFAULT_RETENTION,
  projectedBytes,
  STORAGE_BUDGET_BYTES,
} from '../../src/app/retention/retention';
import type { EpochMs } from '../../src/engine/time/units';
import { acme, makeWorld } from './sandbox-world';

type World = Awaited<ReturnType<typeof makeWorld>>;

const admin = { accountId: 'chris-admin', accountType: 'licensed' as const, module: 'admin' as const };
const agent = { accountId: 'erik-agent', accountType: 'licensed' as const, module: 'admin' as const };
const agentView = {
  accountId: 'alex-agent',
  accountType: 'licensed' as const,
  module: 'issue-panel' as const,
};
const berlin = (iso: string): number => Date.parse(`${iso}+01:00`);
const DAY = 24 * 3_600_000;

/**
 * Twelve requests from Monday 26 January to Friday 6 February 2026 (Berlin), answered, some late, most resolved
 * and rated; the last one stays open. Their cycles end in January and February.
 */
async function world(): Promise<World> {
  const w = await makeWorld({ now: berlin('2026-01-26T08:00') });
  const priorities = ['High', 'Medium', 'Low'];
  for (let n = 0; n < 12; n++) {
    const day = Math.floor(n / 2) + (n >= 10 ? 2 : 0);
    await w.advance(berlin('2026-01-26T09:00') + day * DAY + (n % 2) * 3_600_000 - w.clock.now());
    const issue = w.site.create({
      reporter: 'carla-customer',
      priority: priorities[n % 3] ?? 'Low',
      fields: acme,
    });
    await w.advance((n % 4) * 40 * 60_000 + 10 * 60_000);
    w.site.comment(issue.id, 'alex-agent', 'Looking into it');
    if (n === 11) continue;
    await w.advance((n % 3) * 3 * 3_600_000 + 30 * 60_000);
    w.site.transition(issue.id, 'alex-agent', 'Resolved');
    if (n % 3 !== 2) w.site.rate(issue.id, 'carla-customer', 1 + (n % 5));
  }
  await w.advance(3_600_000);
  return w;
}

async function call<T>(
  w: World,
  key: string,
  payload: unknown,
  ctx: Parameters<typeof dispatch>[3] = admin,
): Promise<T> {
  const reply = await dispatch(w.deps, key, payload, ctx);
  if (!reply.ok) throw new Error(`${key}: ${reply.error.code}: ${reply.error.message}`);
  return reply.data as T;
}

/** The app's dependencies with the clock at `now`: retention judges ages by it. */
const at = (w: World, now: number): Deps => ({ ...w.deps, clock: { now: () => now as EpochMs } });

async function figures(w: World) {
  return {
    january: await call<MonthlyReport>(w, 'reports/monthly', { month: '2026-01', agreementId: 'gold' }),
    february: await call<MonthlyReport>(w, 'reports/monthly', { month: '2026-02', agreementId: 'gold' }),
    compliance: await call<ComplianceReport>(w, 'reports/compliance', { agreementId: 'gold', count: 3 }),
  };
}

/**
 * What a report's figures say, apart from when it was made. Attribution (which team held a breached cycle's time)
 * lists single cycles, like the CSV rows and the breach list: it covers raw months only (README, "Retention").
 */
const stable = (report: object): unknown =>
  JSON.parse(
    JSON.stringify(report, (key, value: unknown) =>
      key === 'generatedAt' || key === 'attribution' ? undefined : value,
    ),
  );

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  await w.close();
});

describe('folding old cycles into monthly aggregates', () => {
  it('gives monthly reports, credits and compliance the same figures as the raw cycles', async () => {
    const raw = await figures(w);
    // There is something to compare: cycles ended in both months, some breached, credits computed.
    expect(JSON.stringify(raw.january)).toContain('breached');
    const store = w.deps.store;
    const cyclesBefore = (await store.results.cycles({ agreementId: 'gold' })).length;
    expect(cyclesBefore).toBeGreaterThan(10);

    await w.deps.store.retention.setPolicy({ historyDays: 30, rawCycleMonths: 1 });
    // In June, January to April are older than the last whole month: folded, then their raw rows deleted.
    let rounds = 0;
    for (;;) {
      const round = await applyRetention(at(w, Date.UTC(2026, 5, 10)), 40);
      if (round.monthsFolded + round.cyclesDeleted + round.historiesDropped + round.issuesForgotten === 0)
        break;
      expect(round.statements).toBeLessThanOrEqual(40);
      rounds++;
    }
    expect(rounds).toBeGreaterThan(0);
    // Up to the last month with ended cycles (nothing ended after February).
    expect(await w.deps.store.retention.foldedBefore('gold')).toBe(berlin('2026-03-01T00:00'));
    // Only the open issue's running cycles are left raw.
    const left = await store.results.cycles({ agreementId: 'gold' });
    expect(left.every((c) => c.stoppedAt === null)).toBe(true);
    // The eleven resolved issues are forgotten entirely (history rows, pointers, ratings): only the open one
    // is left, and the figures below come from the aggregates.
    const kept = await store.histories.page({ limit: 100 });
    expect(kept.map((e) => e.data !== null)).toEqual([true]);

    expect(stable(await figures(w))).toEqual(stable(raw));
  });

  it('keeps the figures of a folded month when an old issue is evaluated again', async () => {
    // Running figures as of now, as the recalculation below computes them.
    const job0 = await startJob(
      w.deps,
      { scope: { kind: 'project', projectKey: 'IT' }, replaceCompleted: true },
      'x',
    );
    expect((await runJobStep(w.deps, job0.id))?.state).toBe('done');
    const raw = await figures(w);
    await w.deps.store.retention.setPolicy({ historyDays: 3650, rawCycleMonths: 1 });
    while ((await applyRetention(at(w, Date.UTC(2026, 5, 10)))).monthsFolded > 0);
    // A recalculation writes the old issues' cycles again, raw: reports must not count them twice.
    const job = await startJob(
      w.deps,
      { scope: { kind: 'project', projectKey: 'IT' }, replaceCompleted: true },
      'x',
    );
    expect((await runJobStep(w.deps, job.id))?.state).toBe('done');
    expect(stable(await figures(w))).toEqual(stable(raw));
  });
});

describe('dropping histories of issues closed long ago', () => {
  it('drops only closed issues past the policy, and a recalculation reads them again in bulk', async () => {
    const store = w.deps.store;
    const entries = await store.histories.page({ limit: 100 });
    expect(entries).toHaveLength(12);
    const round = await applyRetention(at(w, berlin('2026-02-06T12:00') + 40 * DAY));
    // Eleven were resolved by 6 February, 40 days before; the twelfth is open.
    expect(round.historiesDropped).toBe(11);
    const after = await store.histories.page({ limit: 100 });
    expect(after.filter((e) => e.data === null)).toHaveLength(11);
    const open = after.find((e) => e.data !== null);
    expect(open && (await store.histories.get(open.issueId))).toBeDefined();
    const dropped = after.find((e) => e.data === null);
    expect(dropped && (await store.histories.get(dropped.issueId))).toBeUndefined();
    // Its results went with it; opening it in the issue panel reads it from Jira again, once.
    const droppedId = dropped?.issueId ?? '';
    expect(await store.results.forIssue(droppedId)).toEqual([]);
    const viewed = await call<{ results: unknown[] }>(w, 'issue/metrics', { issueId: droppedId }, agentView);
    expect(viewed.results.length).toBeGreaterThan(0);
    expect(await store.histories.get(droppedId)).toBeDefined();

    // Later reads of the issues stamp their histories later than the sandbox's last drain did.
    await w.advance(2 * 3_600_000);
    // Running and future figures only: closed issues are left alone, with no Jira call.
    const calls = w.jira.totalCalls();
    const keep = await startJob(
      w.deps,
      { scope: { kind: 'project', projectKey: 'IT' }, replaceCompleted: false },
      'x',
    );
    expect(await runJobStep(w.deps, keep.id)).toEqual(
      expect.objectContaining({ state: 'done', done: 12, failed: 0 }),
    );
    expect(w.jira.totalCalls() - calls).toBe(0);
    // Replacing completed results reads the ten still dropped from Jira, in bulk (issues and changelogs: two
    // calls), and rewrites the fields that changed (one call).
    const replace = await startJob(
      w.deps,
      { scope: { kind: 'project', projectKey: 'IT' }, replaceCompleted: true },
      'x',
    );
    expect(await runJobStep(w.deps, replace.id)).toEqual(
      expect.objectContaining({ state: 'done', done: 12, failed: 0 }),
    );
    expect(w.jira.totalCalls() - calls).toBeLessThanOrEqual(4);
    expect((await store.histories.page({ limit: 100 })).every((e) => e.data !== null)).toBe(true);
  });
});

describe('retention routes', () => {
  it('shows the defaults, saves a policy with an audit entry, and refuses non-admins and bad values', async () => {
    // A small site: the longest automatic policy, and the pace it read (the resolved requests of the world).
    const closed = (await w.deps.store.histories.page({ limit: 100 })).length - 1;
    expect(await call(w, 'retention/get', {})).toEqual(
      expect.objectContaining({
        policy: DEFAULT_RETENTION,
        defaults: DEFAULT_RETENTION,
        automatic: { closedLast30Days: closed },
      }),
    );
    await call(w, 'retention/set', { historyDays: 60, rawCycleMonths: 6 });
    expect(await call(w, 'retention/get', {})).toEqual(
      expect.objectContaining({ policy: { historyDays: 60, rawCycleMonths: 6 }, automatic: null }),
    );
    const audit = await w.deps.store.audit.list({ limit: 1 });
    expect(audit[0]).toEqual(expect.objectContaining({ action: 'retention.save', actor: 'chris-admin' }));
    // Back to Accord's own choice.
    await call(w, 'retention/set', { automatic: true });
    expect(await call(w, 'retention/get', {})).toEqual(
      expect.objectContaining({ policy: DEFAULT_RETENTION, automatic: { closedLast30Days: closed } }),
    );
    const refused = await dispatch(w.deps, 'retention/set', { historyDays: 60, rawCycleMonths: 6 }, agent);
    expect(refused.ok).toBe(false);
    const invalid = await dispatch(w.deps, 'retention/set', { historyDays: 1, rawCycleMonths: 6 }, admin);
    expect(invalid).toEqual(expect.objectContaining({ ok: false }));
  });
});

describe('the automatic policy', () => {
  it('keeps the longest windows whose year fits in the budget, shorter ones as the site gets busier', () => {
    expect(automaticRetention(0)).toEqual(DEFAULT_RETENTION);
    expect(automaticRetention(20_000)).toEqual(DEFAULT_RETENTION);
    const busy = automaticRetention(200_000);
    expect(busy).toEqual({ historyDays: 7, rawCycleMonths: 1 });
    expect(projectedBytes(200_000, busy)).toBeLessThanOrEqual(STORAGE_BUDGET_BYTES);
    expect(projectedBytes(200_000, DEFAULT_RETENTION)).toBeGreaterThan(STORAGE_BUDGET_BYTES);
    // Every pace gets a policy that fits, or the tightest there is; never a longer one as the pace grows.
    let last = automaticRetention(1_000);
    for (let monthly = 2_000; monthly <= 400_000; monthly += 2_000) {
      const policy = automaticRetention(monthly);
      const fits = projectedBytes(monthly, policy) <= STORAGE_BUDGET_BYTES;
      expect(fits || (policy.historyDays === 7 && policy.rawCycleMonths === 1)).toBe(true);
      expect(projectedBytes(monthly, policy)).toBeLessThanOrEqual(projectedBytes(monthly, last));
      last = policy;
    }
  });
});

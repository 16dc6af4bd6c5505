/**
 * A recalculation alone on the Forge emulator (issue 17): `issues` requests raised and measured, then a calendar
 * change and a project recalculation through the real resolver and queue consumers, with the Forge SQL
 * statements it sends counted by kind (see `sql-tally.ts`). Prints statements per issue, the virtual time the
 * job took and that time per 100,000 issues, taken linearly (said so; the site simulation prints the same).
 *
 * `npm run bench -- --recalc [issues]` (default 1,000; needs ACCORD_MYSQL_URL).
 */

import type { Calendar } from '../src/engine/calendar/types';
import { openForgeStore } from '../src/forge/sql-store';
import { ForgeEmulator } from '../test/emulator/emulator';
import { pick, seeded } from './prng';
import { heading, int, ms, table } from './report';
import { ISSUES_PER_LANE, JOB_LANES } from '../src/app/jobs/recalculate';
import { startEmulatedSite } from './emulated-site';
import { SqlTally } from './sql-tally';

const MINUTE = 60_000;
const FIELD_WRITES = 'POST /rest/api/3/app/field/value';

/** Runs the recalculation benchmark and prints its report. */
export async function benchRecalculation(issues: number): Promise<void> {
  heading(`Recalculation of ${int(issues)} issues on the Forge emulator`);
  const url = process.env.ACCORD_MYSQL_URL;
  if (url === undefined) {
    console.log('  skipped: ACCORD_MYSQL_URL is not set (e.g. mysql://root@127.0.0.1:3306/test)');
    return;
  }
  const { emulator, calendars, stop } = await startEmulatedSite(url, {
    now: Date.UTC(2026, 2, 2, 9),
    scheduled: false,
  });
  const tally = new SqlTally(emulator);
  try {
    const random = seeded(23);
    const acme = { customfield_10002: [{ id: '1', name: 'Acme Corp' }] };
    for (let i = 0; i < issues; i++) {
      const issue = emulator.site.create({
        reporter: pick(random, ['carla-customer', 'dave-customer']),
        priority: pick(random, ['High', 'Medium', 'Medium', 'Low']),
        fields: acme,
      });
      // A third of them worked on, a few resolved: open, paused and completed results alike.
      const r = random();
      if (r < 0.2) emulator.site.transition(issue.id, 'alex-agent', 'In Progress');
      else if (r < 0.3) emulator.site.transition(issue.id, 'alex-agent', 'Waiting for customer');
      else if (r < 0.35) emulator.site.comment(issue.id, 'alex-agent', 'Looking');
      // Raised at a pace the event path absorbs (this measures the recalculation, not a burst).
      if (i % 4 === 3) await emulator.advance(1000);
    }
    await emulator.drain();
    await emulator.advance(30 * MINUTE);

    await shortenBerlinDays(emulator, calendars);
    await emulator.advance(MINUTE);
    const fieldsBefore = emulator.jira.counters.byEndpoint[FIELD_WRITES] ?? 0;
    const refusedBefore = emulator.metrics().sql.refused.dmlRate;
    const real = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    tally.active = true;
    const start = emulator.now();
    const admin = { accountId: 'chris-admin', moduleKey: 'accord-admin' };
    const job = (await emulator.invokeResolver(
      'jobs/start',
      { scope: { kind: 'project', projectKey: 'IT' }, replaceCompleted: false },
      admin,
    )) as { data?: { id: string } };
    await emulator.drain();
    const took = emulator.now() - start;
    const cpuUsed = process.cpuUsage(cpu);
    tally.active = false;
    const status = (await emulator.invokeResolver('jobs/status', { jobId: job.data?.id ?? '' }, admin)) as {
      data?: { state: string; done: number; failed: number; total: number };
    };
    const done = status.data?.done ?? 0;
    const end = emulator.metrics();
    const errors = [...new Set(end.errors)];
    if (errors.length > 0) console.log(`  handlers threw (first kinds): ${errors.slice(0, 3).join(' | ')}`);
    console.log(
      `  job ${status.data?.state ?? '?'}: ${int(done)} of ${int(status.data?.total ?? 0)} done, ` +
        `${int(status.data?.failed ?? 0)} failed; ${ms(Number(process.hrtime.bigint() - real) / 1e6)} real time`,
    );
    tally.print(done, (emulator.jira.counters.byEndpoint[FIELD_WRITES] ?? 0) - fieldsBefore);
    const estimate = estimate100k({
      issues: done,
      virtualMs: took,
      cpuMs: (cpuUsed.user + cpuUsed.system) / 1000,
      statements: tally.total,
    });
    table([
      ['figure (emulator, virtual time unless said)', 'measured'],
      [`recalculation of ${int(done)} issues`, ms(took)],
      ['  issues a second', (done / (took / 1000)).toFixed(1)],
      ['  DML requests a second (mean)', (tally.total / (took / 1000)).toFixed(1)],
      ['  per 100,000 issues (linear from the above)', ms((took / Math.max(1, done)) * 100_000)],
      ['DML refusals waited out during the job', int(end.sql.refused.dmlRate - refusedBefore)],
      ['peak DML requests a second (whole run)', int(end.sql.peakDmlPerSecond)],
    ]);
    printEstimate(estimate);
  } finally {
    await stop({ firstLines: true });
  }
}

/** The parts of a 100,000-issue recalculation's time, each from a measured run of `issues`. */
export interface Estimate100k {
  readonly lanes: number;
  /** Every DML request of 100,000 issues at Forge SQL's 150 a second: no lane count makes it shorter. */
  readonly dmlFloorMs: number;
  /** The machine's CPU time of the run (every part of this process: an upper bound of the app's), per issue. */
  readonly cpuMsPerIssue: number;
  /** Virtual time (requests' latency, waits) per issue in one lane. */
  readonly virtualMsPerIssue: number;
  /** A lane does its 100,000 / lanes issues one after another: latency and CPU add up; at least the floor. */
  readonly totalMs: number;
}

/**
 * 100,000 issues from a measured run, honestly: the emulator's virtual time counts requests' latency but not
 * the handlers' own computation, which on Forge takes real time in each lane's invocation, so the CPU time
 * this process used is added (an upper bound: it includes the emulator and the MariaDB client). A run smaller
 * than {@link ISSUES_PER_LANE} × lanes ran fewer lanes than a 100,000-issue job, so its virtual time per issue
 * is taken per lane.
 */
export function estimate100k(run: {
  readonly issues: number;
  readonly virtualMs: number;
  readonly cpuMs: number;
  readonly statements: number;
}): Estimate100k {
  const issues = Math.max(1, run.issues);
  const lanesRun = Math.max(1, Math.min(JOB_LANES, Math.ceil(issues / ISSUES_PER_LANE)));
  const virtualMsPerIssue = (run.virtualMs * lanesRun) / issues;
  const cpuMsPerIssue = run.cpuMs / issues;
  const dmlFloorMs = (run.statements / issues) * 100_000 * (1000 / 150);
  const laneMs = (100_000 / JOB_LANES) * (virtualMsPerIssue + cpuMsPerIssue);
  return {
    lanes: JOB_LANES,
    dmlFloorMs,
    cpuMsPerIssue,
    virtualMsPerIssue,
    totalMs: Math.max(dmlFloorMs, laneMs),
  };
}

/** Prints an {@link Estimate100k}. */
export function printEstimate(e: Estimate100k): void {
  table([
    ['100,000 issues, estimated (not linear)', 'figure', 'goal', 'result'],
    ['  virtual ms an issue in one lane (SQL, Jira latency)', e.virtualMsPerIssue.toFixed(2), '', 'info'],
    ['  CPU ms an issue (this machine, whole process)', e.cpuMsPerIssue.toFixed(2), '', 'info'],
    ['  DML floor: every request at 150 a second', ms(e.dmlFloorMs), '', 'info'],
    [
      `  ${e.lanes} lanes, each (virtual + CPU) × ${int(100_000 / e.lanes)}, at least the floor`,
      ms(e.totalMs),
      '≤ 30 min',
      e.totalMs <= 30 * MINUTE ? 'PASS' : 'MISS',
    ],
  ]);
}

/**
 * The calendar change both benches recalculate after: the Berlin calendar's working days end at 16:00 instead of
 * 17:00, saved as its second version by the app's store inside a job consumer.
 */
export async function shortenBerlinDays(
  emulator: ForgeEmulator,
  calendars: readonly Calendar[],
): Promise<void> {
  const berlin = calendars.find((c) => c.id === 'berlin-9-17');
  if (berlin === undefined) throw new Error('The bench calendars have no berlin-9-17.');
  const short = [{ from: '09:00', to: '16:00' }];
  await emulator.within('consume-jobs', async () => {
    await openForgeStore().config.put(
      'calendar',
      'berlin-9-17',
      { ...berlin, week: { mon: short, tue: short, wed: short, thu: short, fri: short } },
      { expectedVersion: 1, savedAt: emulator.now(), savedBy: 'bench' },
    );
  });
}

/**
 * A recalculation alone on the Forge emulator (issue 17): `issues` requests raised and measured, then a calendar
 * change and a project recalculation through the real resolver and queue consumers, with the Forge SQL
 * statements it sends counted by kind (see `sql-tally.ts`). Prints statements per issue, the virtual time the
 * job took and that time per 100,000 issues, taken linearly (said so; the site simulation prints the same).
 *
 * `npm run bench -- --recalc [issues]` (default 1,000; needs ACCORD_MYSQL_URL).
 */
import { join } from 'node:path';

import type { Agreement } from '../src/engine/agreement/types';
import type { Calendar } from '../src/engine/calendar/types';
import { openForgeStore } from '../src/forge/sql-store';
import { ForgeEmulator } from '../test/emulator/emulator';
import { migrateDirectly, seedConfig } from '../test/emulator/seed';
import { pick, seeded } from './prng';
import { heading, int, ms, table } from './report';
import { freshHandlers } from './site-simulation';
import { SqlTally } from './sql-tally';

const MINUTE = 60_000;
const ROOT = process.cwd();
const FIELD_WRITES = 'POST /rest/api/3/app/field/value';

/** Runs the recalculation benchmark and prints its report. */
export async function benchRecalculation(issues: number): Promise<void> {
  heading(`Recalculation of ${int(issues)} issues on the Forge emulator`);
  const url = process.env.ACCORD_MYSQL_URL;
  if (url === undefined) {
    console.log('  skipped: ACCORD_MYSQL_URL is not set (e.g. mysql://root@127.0.0.1:3306/test)');
    return;
  }
  const { readFileSync } = await import('node:fs');
  const calendars = JSON.parse(readFileSync(join(ROOT, 'examples', 'calendars.json'), 'utf8')) as Calendar[];
  const agreements = JSON.parse(
    readFileSync(join(ROOT, 'examples', 'agreements.json'), 'utf8'),
  ) as Agreement[];
  const emulator = await ForgeEmulator.start({
    mysqlUrl: url,
    loader: freshHandlers,
    manifestPath: join(ROOT, 'manifest.yml'),
    now: Date.UTC(2026, 2, 2, 9),
    seed: 17,
    coldStartRate: 0.02,
    scheduled: false,
  });
  const tally = new SqlTally(emulator);
  const quiet = { error: console.error, warn: console.warn, info: console.info };
  const silent = (): void => undefined;
  Object.assign(console, { error: silent, warn: silent, info: silent });
  try {
    await migrateDirectly(emulator);
    await seedConfig(emulator, { calendars, agreements, projects: { IT: agreements.map((a) => a.id) } });
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
      if (i % 100 === 99) await emulator.drain();
    }
    await emulator.drain();
    await emulator.advance(30 * MINUTE);

    const berlin = calendars.find((c) => c.id === 'berlin-9-17');
    const short = [{ from: '09:00', to: '16:00' }];
    await emulator.within('consume-jobs', async () => {
      await openForgeStore().config.put(
        'calendar',
        'berlin-9-17',
        { ...berlin!, week: { mon: short, tue: short, wed: short, thu: short, fri: short } },
        { expectedVersion: 1, savedAt: emulator.now(), savedBy: 'bench' },
      );
    });
    await emulator.advance(MINUTE);
    const fieldsBefore = emulator.jira.counters.byEndpoint[FIELD_WRITES] ?? 0;
    const refusedBefore = emulator.metrics().sql.refused.dmlRate;
    const real = process.hrtime.bigint();
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
    tally.active = false;
    const status = (await emulator.invokeResolver('jobs/status', { jobId: job.data?.id ?? '' }, admin)) as {
      data?: { state: string; done: number; failed: number; total: number };
    };
    const done = status.data?.done ?? 0;
    const end = emulator.metrics();
    console.log(
      `  job ${status.data?.state ?? '?'}: ${int(done)} of ${int(status.data?.total ?? 0)} done, ` +
        `${int(status.data?.failed ?? 0)} failed; ${ms(Number(process.hrtime.bigint() - real) / 1e6)} real time`,
    );
    tally.print(done, (emulator.jira.counters.byEndpoint[FIELD_WRITES] ?? 0) - fieldsBefore);
    const per100k = (took / Math.max(1, done)) * 100_000;
    table([
      ['figure (emulator, virtual time)', 'measured'],
      [`recalculation of ${int(done)} issues`, ms(took)],
      ['  issues a second', (done / (took / 1000)).toFixed(1)],
      ['  DML requests a second (mean)', (tally.total / (took / 1000)).toFixed(1)],
      ['  per 100,000 issues (linear from the above)', ms(per100k)],
      ['DML refusals waited out during the job', int(end.sql.refused.dmlRate - refusedBefore)],
      ['peak DML requests a second (whole run)', int(end.sql.peakDmlPerSecond)],
    ]);
  } finally {
    Object.assign(console, quiet);
    await emulator.stop();
  }
}

/**
 * Schema migrations on the Forge emulator: they run from the lifecycle events (`avi:forge:installed:app`,
 * `avi:forge:upgraded:app`), within Forge SQL's 25 DDL requests a minute, and never on a cold start; work that
 * arrives while an install is still migrating is delivered again and measured once the schema is ready.
 */
import { DDL_PER_RUN, isDml } from '../../src/forge/sql-migrations';
import { migrationStatements } from '../../src/store/migrations';
import type { ForgeEmulator } from './emulator';
import { seedConfig } from './seed';
import { acme, describeOnMysql, exampleAgreements, exampleCalendars, MINUTE, startEmulator } from './support';

describeOnMysql('Forge emulator: migrations from the lifecycle events', (url) => {
  jest.setTimeout(60_000);
  let emulator: ForgeEmulator | undefined;
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
  });

  it('installs within 25 DDL a minute, measures an issue raised meanwhile, and sends no DDL on cold starts', async () => {
    emulator = await startEmulator(url, { migrated: false, coldStartRate: 1 });
    const e = emulator;
    // Migrations that move rows go through the DML endpoint; the others are one DDL request each.
    const migrations = migrationStatements('mysql').filter(
      (m) => m.batches === undefined && !isDml(m.sql),
    ).length;
    // At most DDL_PER_RUN DDL requests a run, runs a minute apart: two runs up to 39 migrations, then three.
    const runs = Math.ceil((migrations + 1) / DDL_PER_RUN);

    // The app is installed and a request is raised at once, before any table exists.
    e.install();
    const early = e.site.create({ reporter: 'carla-customer', fields: acme });
    await e.advance((runs - 1) * MINUTE + 30_000);
    // The bookkeeping table and every migration, in runs a minute apart, none refused.
    expect(e.sql.counters.ddl).toBe(migrations + 1);
    expect(e.sql.counters.refused.ddlRate).toBe(0);
    expect(e.metrics().invocations.byFunction['on-lifecycle']).toBe(runs);
    // The trigger asked to be delivered again; nothing measured yet, nothing lost.
    expect(e.site.customFieldValues.get(early.id)).toBeUndefined();

    await seedConfig(e, {
      calendars: exampleCalendars,
      agreements: exampleAgreements,
      projects: { IT: exampleAgreements.map((a) => a.id) },
    });
    expect(await e.drain()).toBe(true);
    expect(e.site.customFieldValues.get(early.id)?.get('sla-state')).toBe('running');
    const ddlAfterInstall = e.sql.counters.ddl;

    // Every invocation from here on is a cold start: not one more DDL request.
    const coldBefore = e.metrics().invocations.cold;
    for (let i = 0; i < 5; i++) {
      e.site.create({ reporter: 'carla-customer', fields: acme });
      await e.advance(MINUTE);
    }
    expect(await e.drain()).toBe(true);
    const metrics = e.metrics();
    expect(metrics.invocations.cold - coldBefore).toBeGreaterThanOrEqual(10);
    expect(e.sql.counters.ddl).toBe(ddlAfterInstall);
    expect(metrics.delivery.productEventsLost).toBe(0);
    expect(metrics.errors).toEqual([]);

    // An upgrade with nothing new to migrate costs one SELECT and no DDL.
    e.upgrade();
    expect(await e.drain()).toBe(true);
    expect(e.sql.counters.ddl).toBe(ddlAfterInstall);
  });
});

/**
 * A storm of issue events: Forge runs each trigger on an instance of its own, so every one is a cold start whose
 * first statement (the schema check) meets Forge SQL's 150 DML requests a second together with the marks of all
 * the others. No event may be lost to that limit: a refused statement waits its turn (sql-pacing.ts), and a
 * trigger that still cannot store its mark is delivered again later, at a random delay.
 *
 * Counted in virtual time and requests, not the machine's speed: the emulator admits 150 requests per virtual
 * second whatever the machine takes to run them.
 */
import { DRAIN_LEASE_MS } from '../../src/app/evaluation/drain';
import { openForgeStore } from '../../src/forge/sql-store';
import type { ForgeEmulator } from './emulator';
import { acme, describeOnMysql, startEmulator } from './support';

/** Issues raised at once: about ten statements each on a cold instance, some 10 s of the DML budget in all. */
const STORM = 150;
/** Issues raised at once against a DML budget of 6 a second: some 100 s of it. */
const SLOW_STORM = 60;

describeOnMysql('Forge emulator: a storm of issue events under the DML rate limit', (url) => {
  jest.setTimeout(300_000);
  let emulator: ForgeEmulator | undefined;
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
  });

  it('marks every issue of a storm on cold instances, the triggers waiting their turn instead of failing', async () => {
    emulator = await startEmulator(url, { seeded: true, coldStartRate: 1 });
    const e = emulator;
    const ids = Array.from(
      { length: STORM },
      () => e.site.create({ reporter: 'carla-customer', fields: acme }).id,
    );
    expect(await e.drain()).toBe(true);
    const metrics = e.metrics();
    // The storm did meet the limit, and the triggers absorbed it.
    expect(metrics.sql.refused.dmlRate).toBeGreaterThan(0);
    expect(metrics.sql.peakDmlPerSecond).toBeLessThanOrEqual(150);
    expect(metrics.delivery.productEventsLost).toBe(0);
    // Within the budget of a trigger's patience: (almost) none had to ask Forge for a retry.
    expect(metrics.invocations.retryRequested).toBeLessThanOrEqual(STORM / 20);
    // Every issue was measured: its fields written, no mark left.
    const written = ids.filter((id) => e.site.customFieldValues.get(id)?.get('sla-state') !== undefined);
    expect(written).toHaveLength(STORM);
    expect(await e.within('resolver', () => openForgeStore().pending.count())).toBe(0);
  });

  it("measures every issue of a storm that outlasts the drains' patience, leases lapsing, not held", async () => {
    // A twenty-fifth of the DML budget: the triggers' retries keep it spent for minutes, so drains meet refusals past
    // paced()'s patience, are interrupted and give their shards back for a continuation, instead of holding
    // them for a consumer's 900 s (which left a quick site simulation with 469 of 1,000 issues measured).
    emulator = await startEmulator(url, {
      seeded: true,
      scheduled: true,
      coldStartRate: 1,
      limits: { dmlPerSecond: 6 },
    });
    const e = emulator;
    const ids = Array.from(
      { length: SLOW_STORM },
      () => e.site.create({ reporter: 'carla-customer', fields: acme }).id,
    );
    // Read straight from MariaDB: the test's own look must not spend the budget it watches.
    const rows = async (query: string) => (await e.sql.direct(query)) as Record<string, unknown>[];
    let longestHold = 0;
    for (let minute = 0; minute < 90; minute++) {
      await e.advance(60_000);
      const leases = await rows("SELECT expires_at FROM accord_budgets WHERE budget_key LIKE 'drain:%'");
      for (const { expires_at } of leases) longestHold = Math.max(longestHold, Number(expires_at) - e.now());
      if (Number((await rows('SELECT COUNT(*) AS n FROM accord_pending'))[0]?.n) === 0) break;
    }
    expect(await e.drain()).toBe(true);
    const metrics = e.metrics();
    expect(metrics.sql.refused.dmlRate).toBeGreaterThan(0);
    expect(metrics.delivery.productEventsLost).toBe(0);
    expect(longestHold).toBeLessThanOrEqual(DRAIN_LEASE_MS);
    const written = ids.filter((id) => e.site.customFieldValues.get(id)?.get('sla-state') !== undefined);
    expect(written).toHaveLength(SLOW_STORM);
    expect(Number((await rows('SELECT COUNT(*) AS n FROM accord_pending'))[0]?.n)).toBe(0);
    // The handlers' clock gives whole milliseconds, as on Forge, though virtual time runs in fractions (a
    // statement's latency is 12 ms and the server's real work): half a millisecond past a whole one here.
    await e.advance(Math.floor(e.now()) + 1.5 - e.now());
    const [virtual, seen] = await e.within('resolver', () => Promise.resolve([e.now(), Date.now()]));
    expect(virtual % 1).toBe(0.5);
    expect(seen).toBe(Math.floor(virtual));
  });
});

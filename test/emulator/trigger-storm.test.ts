/**
 * A storm of issue events: Forge runs each trigger on an instance of its own, so every one is a cold start whose
 * first statement (the schema check) meets Forge SQL's 150 DML requests a second together with the marks of all
 * the others. No event may be lost to that limit: a refused statement waits its turn (sql-pacing.ts), and a
 * trigger that still cannot store its mark is delivered again later, at a random delay.
 *
 * Counted in virtual time and requests, not the machine's speed: the emulator admits 150 requests per virtual
 * second whatever the machine takes to run them.
 */
import { openForgeStore } from '../../src/forge/sql-store';
import type { ForgeEmulator } from './emulator';
import { acme, describeOnMysql, startEmulator } from './support';

/** Issues raised at once: about ten statements each on a cold instance, some 10 s of the DML budget in all. */
const STORM = 150;

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
});

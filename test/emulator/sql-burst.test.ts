/**
 * Forge SQL refuses more than 150 requests a second with a 429, before running the statement: the app's store
 * waits and sends it again, so a burst of instances loses no work to the DML rate limit.
 */
import { openForgeStore } from '../../src/forge/sql-store';
import type { ForgeEmulator } from './emulator';
import { describeOnMysql, startEmulator } from './support';

describeOnMysql('Forge emulator: the store under the DML rate limit', (url) => {
  jest.setTimeout(60_000);
  let emulator: ForgeEmulator | undefined;
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
  });

  it('absorbs 429s of a burst of 400 statements in one second', async () => {
    emulator = await startEmulator(url, { migrated: true });
    const e = emulator;
    const outcomes = await e.within('consume-issues', () => {
      const store = openForgeStore();
      return Promise.allSettled(
        Array.from({ length: 400 }, (_, i) =>
          store.pending.mark(String(20_000 + i), i % 4, `t${i}`, e.now()),
        ),
      );
    });
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect(e.sql.counters.refused.dmlRate).toBeGreaterThan(0);
    expect(e.sql.dmlPeak.peak).toBeLessThanOrEqual(150);
    const count = await e.within('resolver', () => openForgeStore().pending.count());
    expect(count).toBe(400);
  });
});

/**
 * Setting up an emulated installation for a test or the benchmark: the schema as Forge's migration runner
 * leaves it (without spending the DDL budget the test is about), and calendars and agreements written through
 * the app's own Forge store, over the emulated SDK.
 */
import type { Agreement } from '../../src/engine/agreement/types';
import type { Calendar } from '../../src/engine/calendar/types';
import { openForgeStore } from '../../src/forge/sql-store';
import { migrationStatements, runBatches } from '../../src/store/migrations';
import type { ForgeEmulator } from './emulator';

/**
 * Applies every migration and records it in `__migrations` as `@forge/sql`'s runner would, directly on the
 * server: an installation whose schema is up to date, as after its first install.
 */
export async function migrateDirectly(emulator: ForgeEmulator): Promise<void> {
  await emulator.sql.direct(
    'CREATE TABLE IF NOT EXISTS __migrations (id BIGINT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(255) NOT NULL, migratedAt TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)',
  );
  for (const m of migrationStatements('mysql')) {
    if (m.batches === undefined) await emulator.sql.direct(m.sql);
    else
      await runBatches(m.batches, async (statement) => {
        const result = (await emulator.sql.direct(statement)) as { affectedRows: number };
        return result.affectedRows;
      });
    await emulator.sql.direct('INSERT INTO __migrations (name) VALUES (?)', [m.name]);
  }
}

/** Saves calendars and agreements and assigns them to projects, through the Forge store inside an invocation. */
export async function seedConfig(
  emulator: ForgeEmulator,
  config: {
    readonly calendars: readonly Calendar[];
    readonly agreements: readonly Agreement[];
    readonly projects: Readonly<Record<string, readonly string[]>>;
  },
): Promise<void> {
  await emulator.within('consume-jobs', async () => {
    const store = openForgeStore();
    const meta = { expectedVersion: 0, savedAt: emulator.now(), savedBy: 'seed' };
    for (const calendar of config.calendars) await store.config.put('calendar', calendar.id, calendar, meta);
    for (const agreement of config.agreements)
      await store.config.put('agreement', agreement.id, agreement, meta);
    for (const [project, ids] of Object.entries(config.projects))
      await store.config.setProjectAgreements(project, ids);
  });
}

/**
 * Forge SQL's schema: the store's MySQL migrations (the same ones MariaDB runs in CI), applied once per install
 * or upgrade from Forge's lifecycle events, never on a cold start.
 *
 * Forge SQL allows 25 DDL requests a minute per installation. `@forge/sql`'s own runner spends two of them on
 * every run (it creates `__migrations` and lists it through the DDL endpoint), so running it on each cold start
 * of six functions spent the budget a burst needs, and a first install (two plus one per migration) could not
 * finish within one minute at all. This runner keeps the runner's bookkeeping (`__migrations`, one row per
 * migration name, so installations migrated by `@forge/sql`'s runner go on from where they are), reads it
 * through the DML endpoint, and spends at most {@link DDL_PER_RUN} DDL requests per run: a first install takes
 * two runs a minute apart (the lifecycle trigger asks Forge to deliver its event again).
 */
import { ForgeSQLAPIError, sql, type UpdateQueryResponse } from '@forge/sql';

import { migrationStatements, runBatches } from '../store/migrations';
import { paced } from './sql-pacing';

/** The part of `@forge/sql` used here. */
export type MigrationSql = Pick<typeof sql, 'executeRaw' | 'executeDDL' | 'prepare'>;

/** DDL requests one run may send: under the 25 a minute, leaving room for a run that overlaps it. */
export const DDL_PER_RUN = 20;

const CREATE_BOOKKEEPING =
  'CREATE TABLE IF NOT EXISTS __migrations (id BIGINT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(255) NOT NULL, migratedAt TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)';

/** The schema is not (yet) what this version of the app needs: the install or upgrade is still migrating. */
export class SchemaNotReadyError extends Error {
  constructor(readonly pending: number) {
    super(`Forge SQL's schema lacks ${pending} migration(s); the install or upgrade is still applying them`);
    this.name = 'SchemaNotReadyError';
  }
}

/**
 * Names of the migrations this version needs that the installation has not run, in order (all of them when
 * `__migrations` does not exist yet). One DML request, no DDL.
 *
 * @example await pendingMigrations(); // [] when the schema is up to date
 */
export async function pendingMigrations(client: MigrationSql = sql): Promise<string[]> {
  const done = await appliedMigrations(client);
  return migrationStatements('mysql')
    .map((m) => m.name)
    .filter((name) => !done?.has(name));
}

/**
 * Runs the migrations this installation has not run yet, in order, at most `ddlBudget` DDL requests; resolves
 * to what ran and how many are left for the next run.
 *
 * @example
 * const { ran, remaining } = await runForgeMigrations(); // remaining > 0: run again in a minute
 */
export async function runForgeMigrations(
  client: MigrationSql = sql,
  ddlBudget = DDL_PER_RUN,
): Promise<{ ran: string[]; remaining: number }> {
  let budget = ddlBudget;
  const done = await appliedMigrations(client);
  if (done === undefined) {
    await client.executeDDL(CREATE_BOOKKEEPING);
    budget--;
  }
  const todo = migrationStatements('mysql').filter((m) => !done?.has(m.name));
  const ran: string[] = [];
  for (const migration of todo) {
    if (migration.batches !== undefined) {
      // Rows moved a batch at a time, each statement well within Forge SQL's 10 s for DML; no DDL budget.
      await runBatches(migration.batches, async (statement) => {
        const { rows } = await paced(() => client.executeRaw<UpdateQueryResponse>(statement));
        return rows.affectedRows;
      });
    } else if (isDml(migration.sql)) {
      // A migration that moves rows (insert-if-absent, so it repeats harmlessly) is DML: Forge SQL's DML
      // endpoint takes it, and it costs none of the DDL budget.
      await paced(() => client.executeRaw(migration.sql));
    } else {
      if (budget <= 0) break;
      // Every statement is `IF NOT EXISTS`-safe, so a run that dies between these two lines repeats harmlessly.
      await client.executeDDL(migration.sql);
      budget--;
    }
    await paced(() =>
      client.prepare('INSERT INTO __migrations (name) VALUES (?)').bindParams(migration.name).execute(),
    );
    ran.push(migration.name);
  }
  return { ran, remaining: todo.length - ran.length };
}

/** Whether a migration's statement is DML (Forge SQL's DML endpoint takes SELECT, INSERT, UPDATE, DELETE). */
export function isDml(statement: string): boolean {
  return /^\s*(insert|update|delete)\b/i.test(statement);
}

/** The names recorded in `__migrations`, or undefined when the table does not exist (a fresh installation). */
async function appliedMigrations(client: MigrationSql): Promise<Set<string> | undefined> {
  try {
    // Every cold start of every function asks this first: in a burst of triggers (each on a fresh instance) it
    // meets Forge SQL's DML rate limit like any other statement, and waits its turn as they do (sql-pacing.ts).
    const { rows } = await paced(() => client.executeRaw<{ name: string }>('SELECT name FROM __migrations'));
    return new Set(rows.map((r) => r.name));
  } catch (error) {
    if (isMissingTable(error)) return undefined;
    throw error;
  }
}

/** Forge SQL (TiDB) and MariaDB both answer a missing table with MySQL's error 1146 text. */
function isMissingTable(error: unknown): boolean {
  return (
    error instanceof ForgeSQLAPIError &&
    error.code === 'SQL_EXECUTION_ERROR' &&
    /doesn't exist|does not exist|1146/i.test(error.message)
  );
}

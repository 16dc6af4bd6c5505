/**
 * Forge SQL's schema, through `@forge/sql`'s own migration runner (it records what ran in `__migrations`). The
 * statements are the store's MySQL migrations, the same ones MariaDB runs in CI.
 */
import { migrationRunner } from '@forge/sql';
import { migrationStatements } from '../store/migrations';

/** The part of `@forge/sql`'s migration runner used here. */
export type ForgeMigrationRunner = Pick<typeof migrationRunner, 'enqueue' | 'run'>;

/**
 * Runs the migrations this installation has not run yet; resolves to their names. Call it before the store is
 * used (an `avi:forge:installed:app` or upgrade trigger, or a scheduled trigger); running it again is cheap.
 *
 * @example
 * const ran = await runForgeMigrations(); // [] when up to date
 */
export async function runForgeMigrations(runner: ForgeMigrationRunner = migrationRunner): Promise<string[]> {
  for (const { name, sql } of migrationStatements('mysql')) runner.enqueue(name, sql);
  return runner.run();
}

/**
 * A fresh, uniquely named database on the MySQL/MariaDB server of `ACCORD_MYSQL_URL` for each opened store, so
 * that tests, runs and parallel jest workers never see each other's rows. Dropped again on close.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { createConnection } from 'mysql2/promise';
import type { AccordDb } from '../../src/store/schema';

/** The server to run MySQL tests against, if any (e.g. `mysql://root@127.0.0.1:3306/test`). */
export const mysqlUrl = process.env.ACCORD_MYSQL_URL;

/** The note shown in place of MySQL tests when no server is configured. */
export const MYSQL_SKIP_NOTE =
  'skipped: set ACCORD_MYSQL_URL (e.g. mysql://root@127.0.0.1:3306/test) to run it against MySQL/MariaDB';

/** Registers a skipped test named by the note, and prints the note, so a run without a server says so. */
export function skipWithoutMysql(suite: string): void {
  describe(suite, () => {
    it.skip(MYSQL_SKIP_NOTE, () => undefined);
  });
  process.stderr.write(`${suite}: ${MYSQL_SKIP_NOTE}\n`);
}

/** Creates an empty database on the server; resolves to its URL and how to drop it. */
export async function scratchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `accord_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await createConnection({ uri: serverUrl });
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const connection = await createConnection({ uri: serverUrl });
      try {
        await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await connection.end();
      }
    },
  };
}

/** Deletes every row of Accord's tables (not the migration records), so a test starts from an empty store. */
export async function emptyTables(db: Kysely<AccordDb>): Promise<void> {
  const tables = [
    'accord_config',
    'accord_project_agreements',
    'accord_result_sets',
    'accord_results',
    'accord_open_results',
    'accord_result_writes',
    'accord_cycles',
    'accord_ratings',
    'accord_histories',
    'accord_action_log',
    'accord_jobs',
    'accord_audit',
    'accord_pending',
    'accord_budgets',
  ] as const satisfies readonly (keyof AccordDb)[];
  for (const table of tables) await db.deleteFrom(table).execute();
}

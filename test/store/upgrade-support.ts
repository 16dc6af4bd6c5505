/**
 * What the upgrade tests share: an empty database in each dialect (SQLite always, MariaDB when ACCORD_MYSQL_URL
 * is set), and the migrations applied up to a name, as an installation of that version had them.
 */
import Database from 'better-sqlite3';
import { CompiledQuery, Kysely, MysqlDialect, SqliteDialect } from 'kysely';
import { createPool } from 'mysql2';
import { migrationStatements, runBatches, type MigrationStatement } from '../../src/store/migrations';
import type { AccordDb, SqlDialect } from '../../src/store/schema';
import { mysqlUrl, scratchDatabase } from './mysql-support';

export interface Opened {
  readonly db: Kysely<AccordDb>;
  readonly dialect: SqlDialect;
  close(): Promise<void>;
}

/** Each dialect by name, with how to open an empty database of it (for `describe.each`). */
export const databases: [string, () => Promise<Opened>][] = [
  [
    'SQLite',
    () => {
      const db = new Kysely<AccordDb>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
      return Promise.resolve({ db, dialect: 'sqlite', close: () => db.destroy() });
    },
  ],
];
if (mysqlUrl !== undefined) {
  const url = mysqlUrl;
  databases.push([
    'MariaDB',
    async () => {
      const scratch = await scratchDatabase(url);
      const pool = createPool({ uri: scratch.url, connectionLimit: 2, charset: 'utf8mb4_bin' });
      const db = new Kysely<AccordDb>({ dialect: new MysqlDialect({ pool }) });
      return {
        db,
        dialect: 'mysql',
        close: async () => {
          await db.destroy();
          await scratch.drop();
        },
      };
    },
  ]);
}

/** Runs the migrations up to and including `last`, as an installation of that version did. */
export async function migrateUpTo(db: Kysely<AccordDb>, dialect: SqlDialect, last: string): Promise<void> {
  await db.executeQuery(
    CompiledQuery.raw(
      'create table accord_migrations (name varchar(255) not null primary key, applied_at bigint not null)',
    ),
  );
  for (const migration of migrationStatements(dialect)) {
    if (migration.name > last) break;
    await runMigration(db, migration);
    await db.insertInto('accord_migrations').values({ name: migration.name, applied_at: 0 }).execute();
  }
}

/** Runs one migration's statement, or its batches until they move nothing more; resolves to the rounds. */
export async function runMigration(db: Kysely<AccordDb>, migration: MigrationStatement): Promise<number> {
  if (migration.batches === undefined) {
    await db.executeQuery(CompiledQuery.raw(migration.sql));
    return 1;
  }
  return runBatches(migration.batches, async (statement) =>
    Number((await db.executeQuery(CompiledQuery.raw(statement))).numAffectedRows ?? 0),
  );
}

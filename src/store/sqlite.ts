/**
 * The sandbox's database: an embedded SQLite file through better-sqlite3.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { KyselyStore } from './kysely-store';
import { migrate } from './migrations';
import type { AccordDb } from './schema';

/**
 * Opens (creating if needed) a SQLite database file, or `':memory:'`, migrates it and returns the store.
 * Files use write-ahead logging, so a reader (a second sandbox process, a CLI) never blocks the writer.
 *
 * @example
 * const store = await openSqliteStore('.data/accord.sqlite');
 * try { … } finally { await store.close(); }
 */
export async function openSqliteStore(file: string): Promise<KyselyStore> {
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  // Another process holding the write lock briefly is waited for, not reported as SQLITE_BUSY.
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<AccordDb>({ dialect: new SqliteDialect({ database }) });
  try {
    await migrate(db, 'sqlite');
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new KyselyStore(db, { dialect: 'sqlite' });
}

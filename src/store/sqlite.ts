/**
 * The sandbox's database: an embedded SQLite file through better-sqlite3.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
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
  // In WAL mode NORMAL syncs at checkpoints rather than at every commit: the database cannot be corrupted, and
  // the sandbox's writes (one statement each, no transactions, as on Forge SQL) stop waiting on the disk.
  database.pragma('synchronous = NORMAL');
  // Another process holding the write lock briefly is waited for, not reported as SQLITE_BUSY.
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<AccordDb>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  try {
    await migrate(db, 'sqlite');
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new KyselyStore(db, { dialect: 'sqlite', group: commitsTogether(database) });
}

/**
 * Kysely prepares every query anew; the store sends the same few dozen statements over and over, so prepared
 * statements are kept by their SQL text (better-sqlite3 statements are reusable and hold no state between runs).
 */
function withStatementCache(database: Database.Database): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        // Queries with an IN list vary in length; don't let their variants grow the cache without bound.
        if (statements.size > 500) statements.clear();
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/**
 * Groups the writes of `work` into one SQLite transaction, for speed only: committing once instead of once per
 * statement makes a recalculation several times faster. It is always committed, even when `work` fails, because
 * each write is already safe on its own (the store never relies on a transaction, as Forge SQL has none), and
 * nested groups join the outer one.
 */
function commitsTogether(database: Database.Database): <T>(work: () => Promise<T>) => Promise<T> {
  let depth = 0;
  return async (work) => {
    if (depth === 0) database.exec('BEGIN');
    depth++;
    try {
      return await work();
    } finally {
      depth--;
      // SQLite may have ended the transaction itself after some errors; commit only what is still open.
      if (depth === 0 && database.inTransaction) database.exec('COMMIT');
    }
  };
}

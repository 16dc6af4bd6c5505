/**
 * A MySQL or MariaDB server through mysql2: the contract suite's run of the MySQL-dialect SQL outside Forge.
 * mysql2 is a development dependency; the Forge bundle reaches Forge SQL through `src/forge/sql-dialect.ts`.
 */
import { Kysely, MysqlDialect } from 'kysely';
import { createPool } from 'mysql2';
import { KyselyStore } from './kysely-store';
import { migrate } from './migrations';
import type { AccordDb } from './schema';

/**
 * Connects to `mysql://user[:password]@host[:port]/database`, migrates that database and returns the store.
 *
 * @example
 * const store = await openMysqlStore('mysql://root@127.0.0.1:3306/test');
 */
export async function openMysqlStore(url: string): Promise<KyselyStore> {
  const pool = createPool({ uri: url, connectionLimit: 5, charset: 'utf8mb4_bin' });
  const db = new Kysely<AccordDb>({ dialect: new MysqlDialect({ pool }) });
  try {
    await migrate(db, 'mysql');
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new KyselyStore(db, { dialect: 'mysql' });
}

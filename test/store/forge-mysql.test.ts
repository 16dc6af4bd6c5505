/**
 * The store contract through the Forge SQL path: our dialect and the real `@forge/sql` client (migrations through
 * its own runner too), with Forge's transport faked to hand each request to a MySQL-dialect server, the way
 * Forge SQL hands it to TiDB. 64-bit integers come back as strings here, to hold the store to reading them.
 * Runs only when `ACCORD_MYSQL_URL` is set.
 */
import { createPool, type Pool } from 'mysql2/promise';
import { openForgeStore } from '../../src/forge/sql-store';
import { runForgeMigrations } from '../../src/forge/sql-migrations';
import { describeStoreContract } from './contract';
import { fakeForgeSql, okPacket, rowsReply } from './forge-transport';
import { emptyTables, mysqlUrl, scratchDatabase, skipWithoutMysql } from './mysql-support';

if (mysqlUrl === undefined) {
  skipWithoutMysql('Store contract: Forge SQL transport');
} else {
  const server = mysqlUrl;
  let pool: Pool;
  let drop: () => Promise<void>;
  let restore: () => void;

  beforeAll(async () => {
    const database = await scratchDatabase(server);
    drop = () => database.drop();
    pool = createPool({
      uri: database.url,
      connectionLimit: 5,
      supportBigNumbers: true,
      bigNumberStrings: true,
    });
    restore = fakeForgeSql(async ({ query, params }) => {
      try {
        const [result] = await pool.query(query, [...params]);
        if (Array.isArray(result)) return rowsReply(result as Record<string, unknown>[]);
        return okPacket(result.affectedRows, result.insertId);
      } catch (error) {
        return { status: 400, body: { code: 'SQL_EXECUTION_ERROR', message: String(error) } };
      }
    });
    await runForgeMigrations(undefined, Number.POSITIVE_INFINITY);
  });

  afterAll(async () => {
    restore();
    await pool.end();
    await drop();
  });

  describeStoreContract('Forge SQL transport to MySQL', async () => {
    const store = openForgeStore();
    await emptyTables(store.db);
    return { store, close: () => store.close() };
  });
}

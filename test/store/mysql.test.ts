/**
 * The store contract on a real MySQL-dialect server (MariaDB in CI, see `.ci/run`), through mysql2. Runs only
 * when `ACCORD_MYSQL_URL` is set; otherwise it shows as skipped with a note.
 */
import { openMysqlStore } from '../../src/store/mysql';
import { describeStoreContract } from './contract';
import { emptyTables, mysqlUrl, scratchDatabase, skipWithoutMysql } from './mysql-support';

if (mysqlUrl === undefined) {
  skipWithoutMysql('Store contract: MySQL');
} else {
  // One scratch database for the file (creating 16 tables per test would take most of the run), emptied
  // before each test.
  const database = scratchDatabase(mysqlUrl);
  afterAll(async () => (await database).drop());

  describeStoreContract('MySQL (mysql2)', async () => {
    const store = await openMysqlStore((await database).url);
    await emptyTables(store.db);
    return { store, close: () => store.close() };
  });
}

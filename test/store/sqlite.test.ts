/**
 * The store contract on embedded SQLite, what the sandbox runs on: in memory and in a file (write-ahead log).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite';
import { describeStoreContract } from './contract';

describeStoreContract('SQLite in memory', async () => {
  const store = await openSqliteStore(':memory:');
  return { store, close: () => store.close() };
});

describeStoreContract('SQLite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'accord-store-'));
  const store = await openSqliteStore(join(dir, 'accord.sqlite'));
  return {
    store,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

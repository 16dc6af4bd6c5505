/**
 * Bytes per issue in a MySQL-dialect database with its indexes: `count` generated issues (about ten changelog
 * entries each, the bench agreements) stored and evaluated as the app stores them, then measured per table
 * from `information_schema` after `ANALYZE TABLE` (InnoDB's sizes are estimates until then).
 *
 * `npx tsx bench/storage-sample.ts [count]` with ACCORD_MYSQL_URL set prints the table; the site simulation
 * (`site-simulation.ts`) uses it to extrapolate twelve months of storage.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

import { evaluateStored, toStoredHistory } from '../src/app/evaluation/evaluate-issue';
import type { Agreement } from '../src/engine/agreement/types';
import type { Calendar } from '../src/engine/calendar/types';
import type { EpochMs } from '../src/engine/time/units';
import { SandboxApp } from '../src/sandbox/app';
import type { KyselyStore } from '../src/store/kysely-store';
import { openMysqlStore } from '../src/store/mysql';
import { BENCH_AGREEMENTS } from './issue-agreements';
import { generateIssue } from './issue-generator';
import { seeded } from './prng';

/** Run from the repository's root (`npm run bench`, `npx tsx bench/…`). */
const EXAMPLE_CALENDARS = join(process.cwd(), 'examples', 'calendars.json');

export interface StorageSample {
  readonly issues: number;
  /** Data and index bytes per table, divided by the number of issues. */
  readonly perIssue: Readonly<Record<string, number>>;
  readonly totalPerIssue: number;
  /** What the history column alone holds per issue (its text as stored). */
  readonly historyTextPerIssue: number;
  readonly resultTextPerIssue: number;
}

async function seed(store: KyselyStore): Promise<void> {
  const calendars = JSON.parse(readFileSync(EXAMPLE_CALENDARS, 'utf8')) as Calendar[];
  for (const c of calendars)
    await store.config.put('calendar', c.id, c, { expectedVersion: 0, savedAt: 0, savedBy: 'bench' });
  const agreements = BENCH_AGREEMENTS as unknown as Agreement[];
  for (const a of agreements)
    await store.config.put('agreement', a.id, a, { expectedVersion: 0, savedAt: 0, savedBy: 'bench' });
  await store.config.setProjectAgreements(
    'IT',
    agreements.map((a) => a.id),
  );
}

/** Stores and evaluates `count` issues in a scratch database on `serverUrl`, measures, drops it. */
export async function sampleStorage(serverUrl: string, count: number): Promise<StorageSample> {
  const name = `accord_storage_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = await createConnection({ uri: serverUrl });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const store = await openMysqlStore(url.toString());
  try {
    await seed(store);
    const now = Date.UTC(2026, 9, 1) as EpochMs;
    const app = new SandboxApp(store, { now });
    const random = seeded(5);
    const window = {
      createdFrom: Date.UTC(2026, 0, 5),
      createdTo: Date.UTC(2026, 7, 31),
      latest: Date.UTC(2026, 8, 30),
    };
    for (let n = 1; n <= count; n++) {
      const history = await toStoredHistory(app.deps, generateIssue(random, n, window), now);
      if ('message' in history) throw new Error(history.message);
      await store.histories.put(history);
      await evaluateStored(app.deps, history, now);
    }
    const [tables] = await admin.query(
      'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ?',
      [name],
    );
    for (const { name: table } of tables as { name: string }[])
      await admin.query(`ANALYZE TABLE \`${name}\`.\`${table}\``);
    const [rows] = await admin.query(
      'SELECT table_name AS name, data_length + index_length AS bytes FROM information_schema.tables WHERE table_schema = ?',
      [name],
    );
    const perIssue: Record<string, number> = {};
    let total = 0;
    for (const row of rows as { name: string; bytes: string | number }[]) {
      if (!row.name.startsWith('accord_') || row.name === 'accord_config') continue;
      perIssue[row.name] = Number(row.bytes) / count;
      total += Number(row.bytes);
    }
    const [text] = await admin.query(
      `SELECT (SELECT SUM(LENGTH(data)) FROM \`${name}\`.accord_histories) AS h, (SELECT SUM(LENGTH(result)) FROM \`${name}\`.accord_results) AS r`,
    );
    const lengths = (text as { h: string; r: string }[])[0];
    return {
      issues: count,
      perIssue,
      totalPerIssue: total / count,
      historyTextPerIssue: Number(lengths?.h ?? 0) / count,
      resultTextPerIssue: Number(lengths?.r ?? 0) / count,
    };
  } finally {
    await store.close();
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}

if (require.main === module) {
  const url = process.env.ACCORD_MYSQL_URL;
  if (url === undefined) {
    console.log('storage sample: skipped, ACCORD_MYSQL_URL is not set');
  } else {
    const count = Number(process.argv[2] ?? 3000);
    sampleStorage(url, count).then(
      (s) => {
        console.log(`${s.issues} issues on MariaDB, bytes per issue (data + indexes):`);
        for (const [table, bytes] of Object.entries(s.perIssue))
          console.log(`  ${table}: ${bytes.toFixed(0)}`);
        console.log(`  total: ${s.totalPerIssue.toFixed(0)}`);
        console.log(
          `  history text ${s.historyTextPerIssue.toFixed(0)}, result text ${s.resultTextPerIssue.toFixed(0)}`,
        );
      },
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
  }
}

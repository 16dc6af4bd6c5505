/**
 * Bytes per issue in a MySQL-dialect database with its indexes, in each state retention moves an issue through:
 * `count` generated issues (about ten changelog entries each, all resolved, one in five rated, the bench
 * agreements) are stored and evaluated as the app stores them, with an action log row for every threshold action
 * their cycles crossed; then measured per table from `information_schema` after `ANALYZE TABLE` (InnoDB's sizes
 * are estimates until then)
 *
 * 1. kept: everything (an open issue, or one closed within the policy's `historyDays`);
 * 2. dropped: after retention dropped their histories and results (the cycles still raw);
 * 3. forgotten: after their cycles were folded into monthly aggregates and retention forgot them.
 *
 * Each figure is the table's growth over its size when empty (measured first), divided by the issues: a table
 * that is empty again does not count its first pages as if every issue took them. Tables are rebuilt
 * (`OPTIMIZE TABLE`) before each measurement, because InnoDB frees the pages of deleted rows lazily and a busy
 * table reuses them for new rows; the kept state is also measured as the inserts left it (`keptAsWritten`),
 * which says how much fuller a rebuild packs the pages.
 *
 * `npx tsx bench/storage-sample.ts [count]` with ACCORD_MYSQL_URL set prints the table; the site simulation
 * (`site-simulation.ts`) uses it to work out twelve months of storage.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection, type Connection } from 'mysql2/promise';

import { evaluateStored, toStoredHistory } from '../src/app/evaluation/evaluate-issue';
import { applyRetention } from '../src/app/retention/retention';
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
const DAY = 24 * 3_600_000;

/** Bytes per issue by table (data and indexes). */
export type TableBytes = Readonly<Record<string, number>>;

export interface StorageSample {
  readonly issues: number;
  /** Everything stored: an issue closed within the policy's `historyDays`, or open. */
  readonly kept: TableBytes;
  /** The same as the inserts left the pages, before a rebuild. */
  readonly keptAsWritten: TableBytes;
  /** History and results dropped, cycles still raw. */
  readonly dropped: TableBytes;
  /** Cycles folded and the issue forgotten: what is left of it (about nothing). */
  readonly forgotten: TableBytes;
  /** Rows per issue while kept, by table. */
  readonly rowsPerIssue: TableBytes;
  /** The monthly aggregates of the sample's months (bytes, not per issue), and how many months they hold. */
  readonly aggregates: { readonly bytes: number; readonly months: number };
  /** Every table's size when empty, added once (bytes). */
  readonly emptyBytes: number;
  /** What the history and result columns hold per kept issue (their text as stored). */
  readonly historyTextPerIssue: number;
  readonly resultTextPerIssue: number;
}

async function seed(store: KyselyStore): Promise<readonly Agreement[]> {
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
  return agreements;
}

/** Data and index bytes and rows of every table, after ANALYZE TABLE. */
async function measure(
  admin: Connection,
  schema: string,
  rebuild: boolean,
): Promise<Map<string, { bytes: number; rows: number }>> {
  const [tables] = await admin.query(
    'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ?',
    [schema],
  );
  const out = new Map<string, { bytes: number; rows: number }>();
  for (const { name } of tables as { name: string }[]) {
    // A rebuild counts the live rows only: InnoDB frees the pages of deleted rows lazily, and a busy table
    // reuses them for new rows anyway.
    if (rebuild) await admin.query(`OPTIMIZE TABLE \`${schema}\`.\`${name}\``);
    await admin.query(`ANALYZE TABLE \`${schema}\`.\`${name}\``);
    const [count] = await admin.query(`SELECT COUNT(*) AS n FROM \`${schema}\`.\`${name}\``);
    const [size] = await admin.query(
      'SELECT data_length + index_length AS bytes FROM information_schema.tables WHERE table_schema = ? AND table_name = ?',
      [schema, name],
    );
    out.set(name, {
      bytes: Number((size as { bytes: string }[])[0]?.bytes ?? 0),
      rows: Number((count as { n: string }[])[0]?.n ?? 0),
    });
  }
  return out;
}

/** Growth per issue over the empty tables, of the tables that grow with issues. */
function perIssue(
  now: Map<string, { bytes: number; rows: number }>,
  empty: Map<string, { bytes: number; rows: number }>,
  count: number,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const table of PER_ISSUE_TABLES)
    out[table] = Math.max(0, (now.get(table)?.bytes ?? 0) - (empty.get(table)?.bytes ?? 0)) / count;
  return out;
}

/** The tables that hold rows per issue; the others hold configuration, bookkeeping or aggregates. */
export const PER_ISSUE_TABLES = [
  'accord_histories',
  'accord_results',
  'accord_result_sets',
  'accord_open_results',
  'accord_result_writes',
  'accord_cycles',
  'accord_ratings',
  'accord_action_log',
  'accord_adjustments',
] as const;

/** Stores and evaluates `count` issues in a scratch database on `serverUrl`, measures, drops it. */
export async function sampleStorage(serverUrl: string, count: number): Promise<StorageSample> {
  const name = `accord_storage_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = await createConnection({ uri: serverUrl });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const store = await openMysqlStore(url.toString());
  try {
    const agreements = await seed(store);
    const empty = await measure(admin, name, true);
    const now = Date.UTC(2026, 9, 1) as EpochMs;
    const app = new SandboxApp(store, { now });
    const random = seeded(5);
    const window = {
      createdFrom: Date.UTC(2026, 0, 5),
      createdTo: Date.UTC(2026, 7, 31),
      latest: Date.UTC(2026, 8, 30),
      resolveAll: true,
    };
    for (let n = 1; n <= count; n++) {
      const read = await toStoredHistory(app.deps, generateIssue(random, n, window), now);
      if ('message' in read) throw new Error(read.message);
      // One request in five rated by its customer (the generator rates none).
      const history = n % 5 === 0 ? { ...read, data: { ...read.data, satisfaction: 1 + (n % 5) } } : read;
      await store.histories.put(history);
      await evaluateStored(app.deps, history, now);
      await logActions(store, agreements, history.issueId, now);
    }
    const asWritten = await measure(admin, name, false);
    const kept = await measure(admin, name, true);
    const [text] = await admin.query(
      `SELECT (SELECT SUM(LENGTH(data)) FROM \`${name}\`.accord_histories) AS h, (SELECT COALESCE(SUM(LENGTH(result)), 0) FROM \`${name}\`.accord_results) + (SELECT COALESCE(SUM(LENGTH(results)), 0) FROM \`${name}\`.accord_result_sets) AS r`,
    );
    const lengths = (text as { h: string; r: string }[])[0];

    while ((await store.histories.dropClosed(now + 1, 500)) > 0);
    const dropped = await measure(admin, name, true);

    // Half a year on, retention has folded every month of the sample and forgotten its issues.
    const later = { ...app.deps, clock: { now: () => (now + 200 * DAY) as EpochMs } };
    for (;;) {
      const round = await applyRetention(later, 10_000);
      if (round.monthsFolded + round.cyclesDeleted + round.historiesDropped + round.issuesForgotten === 0)
        break;
    }
    const forgotten = await measure(admin, name, true);
    const left = forgotten.get('accord_histories')?.rows ?? 0;
    if (left > 0) throw new Error(`storage sample: ${left} issues were not forgotten`);
    const months = await store.retention.months(
      agreements.map((a) => a.id),
      0,
      now + 200 * DAY,
    );

    const rowsPerIssue: Record<string, number> = {};
    for (const table of PER_ISSUE_TABLES) rowsPerIssue[table] = (kept.get(table)?.rows ?? 0) / count;
    const aggregateBytes =
      (forgotten.get('accord_cycle_months')?.bytes ?? 0) - (empty.get('accord_cycle_months')?.bytes ?? 0);
    return {
      issues: count,
      kept: perIssue(kept, empty, count),
      keptAsWritten: perIssue(asWritten, empty, count),
      dropped: perIssue(dropped, empty, count),
      forgotten: perIssue(forgotten, empty, count),
      rowsPerIssue,
      aggregates: { bytes: aggregateBytes, months: new Set(months.map((m) => m.monthStart)).size },
      emptyBytes: [...empty.values()].reduce((sum, t) => sum + t.bytes, 0),
      historyTextPerIssue: Number(lengths?.h ?? 0) / count,
      resultTextPerIssue: Number(lengths?.r ?? 0) / count,
    };
  } finally {
    await store.close();
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}

/**
 * The action log rows the sweep would have left: one per action of every threshold crossing of the issue's
 * cycles, keyed as `evaluation/actions.ts` keys them, each done.
 */
async function logActions(
  store: KyselyStore,
  agreements: readonly Agreement[],
  issueId: string,
  now: number,
): Promise<void> {
  const keys: string[] = [];
  for (const result of await store.results.forIssue(issueId)) {
    const metric = agreements
      .find((a) => a.id === result.agreementId)
      ?.metrics.find((m) => m.id === result.metricId);
    for (const cycle of result.result.cycles) {
      for (const crossed of cycle.thresholds) {
        const actions = metric?.thresholds?.[crossed.index]?.actions ?? [];
        for (let crossing = 1; crossing <= crossed.crossings; crossing++) {
          for (const index of actions.keys()) {
            // The key as `evaluation/actions.ts` builds it, less its leading issue id, as the log stores it.
            const key = [
              result.agreementId,
              result.metricId,
              Date.parse(cycle.startedAt),
              crossed.index,
              crossing,
              index,
            ].join('/');
            keys.push(key);
          }
        }
      }
    }
  }
  // The row a claim and its completion leave, written in one statement (claiming each costs minutes).
  if (keys.length > 0)
    await store.db
      .insertInto('accord_action_log')
      .values(
        keys.map((key) => ({
          action_key: key,
          issue_id: issueId,
          status: 'done',
          attempts: 1,
          updated_at: now,
          error: null,
        })),
      )
      .execute();
}

if (require.main === module) {
  const url = process.env.ACCORD_MYSQL_URL;
  if (url === undefined) {
    console.log('storage sample: skipped, ACCORD_MYSQL_URL is not set');
  } else {
    const count = Number(process.argv[2] ?? 3000);
    sampleStorage(url, count).then(
      (s) => {
        console.log(`${s.issues} issues on MariaDB, bytes per issue (data + indexes) over the empty tables:`);
        console.log('  table                 kept  as written  dropped  forgotten  rows/issue (kept)');
        for (const table of PER_ISSUE_TABLES) {
          const cell = (state: TableBytes) => (state[table] ?? 0).toFixed(0).padStart(8);
          console.log(
            `  ${table.padEnd(20)} ${cell(s.kept)}    ${cell(s.keptAsWritten)} ${cell(s.dropped)} ${cell(s.forgotten)}   ${(s.rowsPerIssue[table] ?? 0).toFixed(2)}`,
          );
        }
        const total = (state: TableBytes) =>
          Object.values(state)
            .reduce((a, b) => a + b, 0)
            .toFixed(0)
            .padStart(8);
        console.log(
          `  ${'total'.padEnd(20)} ${total(s.kept)}    ${total(s.keptAsWritten)} ${total(s.dropped)} ${total(s.forgotten)}`,
        );
        console.log(
          `  history text ${s.historyTextPerIssue.toFixed(0)}, result text ${s.resultTextPerIssue.toFixed(0)}; ` +
            `monthly aggregates ${s.aggregates.bytes} bytes for ${s.aggregates.months} months; empty tables ${s.emptyBytes} bytes`,
        );
      },
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
  }
}

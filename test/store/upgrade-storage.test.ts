/**
 * Upgrading an installation to the compact storage of issue 17 keeps its data (SQLite always, MariaDB when
 * ACCORD_MYSQL_URL is set): a database migrated up to 0035 with results, cycles and ratings written under
 * write ids of the older, longer form runs the new migrations, then answers as before, and a new write of the
 * same stamp (the shorter write id) still replaces the old one.
 */
import Database from 'better-sqlite3';
import { CompiledQuery, Kysely, MysqlDialect, SqliteDialect } from 'kysely';
import { createPool } from 'mysql2';
import { KyselyStore } from '../../src/store/kysely-store';
import { migrate, migrationStatements } from '../../src/store/migrations';
import { SqlResultStore } from '../../src/store/result-store';
import type { AccordDb, SqlDialect } from '../../src/store/schema';
import { makeCycle, makeResult, stamp } from './builders';
import { mysqlUrl, scratchDatabase } from './mysql-support';

const BEFORE = '0035_cycle_months';
const DAY = 24 * 3_600_000;
const MARCH = Date.UTC(2026, 2, 1);

interface Opened {
  readonly db: Kysely<AccordDb>;
  readonly dialect: SqlDialect;
  close(): Promise<void>;
}

const databases: [string, () => Promise<Opened>][] = [
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
async function migrateUpTo(db: Kysely<AccordDb>, dialect: SqlDialect, last: string): Promise<void> {
  await db.executeQuery(
    CompiledQuery.raw(
      'create table accord_migrations (name varchar(255) not null primary key, applied_at bigint not null)',
    ),
  );
  for (const { name, sql } of migrationStatements(dialect)) {
    if (name > last) break;
    await db.executeQuery(CompiledQuery.raw(sql));
    await db.insertInto('accord_migrations').values({ name, applied_at: 0 }).execute();
  }
}

/** Write ids of the older form: an 18-digit microsecond tick, '-', 16 hex digits. */
function olderWriteIds(): () => string {
  let tick = Date.UTC(2026, 3, 1) * 1000;
  return () => `${(tick++).toString().padStart(18, '0')}-318810f50edad936`;
}

describe.each(databases)('upgrading to compact storage on %s', (_, open) => {
  let opened: Opened;
  beforeEach(async () => {
    opened = await open();
  });
  afterEach(async () => {
    await opened.close();
  });

  it('keeps results, cycles and ratings, and a new write of the same stamp still replaces them', async () => {
    const { db, dialect } = opened;
    await migrateUpTo(db, dialect, BEFORE);
    const old = new SqlResultStore({ db, dialect }, olderWriteIds());
    for (let n = 0; n < 6; n++) {
      const issueId = String(100 + n);
      const cycles = [0, 1].map((cycle) =>
        makeCycle({
          issueId,
          projectKey: n % 2 === 0 ? 'IT' : 'SD',
          metricId: cycle === 0 ? 'frt' : 'ttr',
          breached: (n + cycle) % 3 === 0,
          stoppedAt: MARCH + (n * 2 + cycle) * DAY,
        }),
      );
      await old.replaceIssue(issueId, stamp(1), [makeResult({ issueId })], cycles, { satisfaction: 1 + n });
    }
    const store = new KyselyStore(db, { dialect });
    const scope = { agreementIds: ['gold'], byProject: true };
    const bounds = [MARCH, MARCH + 31 * DAY];
    const figures = async () => ({
      ended: await store.reports.endedCounts(scope, bounds),
      ratings: await store.reports.ratingCounts(scope, bounds),
      breaches: await store.reports.breaches(
        scope,
        { from: bounds[0] ?? 0, to: bounds[1] ?? 0, includeOpen: true },
        10,
      ),
      results: await store.results.forIssue('103'),
      cycles: await store.reports.cyclesOfIssues(['100', '105']),
    });
    const before = await figures();
    expect(before.breaches.length).toBeGreaterThan(0);

    expect(await migrate(db, dialect)).toEqual(
      migrationStatements(dialect)
        .map((m) => m.name)
        .filter((name) => name > BEFORE),
    );
    expect(await figures()).toEqual(before);

    // The same stamp again, as a recalculation writes it: the shorter write id sorts after the older one.
    const again = makeResult({ issueId: '103', state: 'breached', breached: true });
    expect(await store.results.replaceIssue('103', stamp(1), [again], [])).toBe('written');
    expect(await store.results.forIssue('103')).toEqual([again]);
    expect(await store.reports.cyclesOfIssues(['103'])).toEqual([]);
  });
});

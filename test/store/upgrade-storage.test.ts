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
import type { StoredCycle, StoredResult } from '../../src/app/ports/store';
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

/**
 * Writes an issue as an Accord before 0040 did: its cycle rows repeat the write's stamp (the result rows,
 * ratings and pointer are as the store still writes them).
 */
async function writeOldShape(
  db: Kysely<AccordDb>,
  old: SqlResultStore,
  write: { issueId: string; stamp: string; results: StoredResult[]; cycles: StoredCycle[]; rating: number },
): Promise<void> {
  await old.replaceIssue(write.issueId, write.stamp, write.results, [], { satisfaction: write.rating });
  const { write_id } = await db
    .selectFrom('accord_result_sets')
    .select('write_id')
    .where('issue_id', '=', write.issueId)
    .executeTakeFirstOrThrow();
  for (const c of write.cycles) {
    await db
      .insertInto('accord_cycles')
      .values({
        issue_id: c.issueId,
        write_id,
        agreement_id: c.agreementId,
        metric_id: c.metricId,
        cycle: c.cycle,
        issue_key: c.issueKey,
        project_key: c.projectKey,
        agreement_version: c.agreementVersion,
        kind: c.kind,
        counterparty: c.counterparty,
        goal_index: c.goalIndex,
        target_minutes: c.targetMinutes,
        objective_percent: c.objectivePercent,
        started_at: c.startedAt,
        stopped_at: c.stoppedAt,
        elapsed_ms: c.elapsedMs,
        paused_ms: c.pausedMs,
        breached: c.breached ? 1 : 0,
        breached_at: c.breachedAt,
        stamp: write.stamp,
        extended: c.extended === true ? 1 : 0,
        excused: c.excused === true ? 1 : 0,
      } as never)
      .execute();
  }
}

/** Write ids of the older form: an 18-digit microsecond tick, '-', 16 hex digits. */
const GOLD = { agreementIds: ['gold'], byProject: true };
const MARCH_SPAN = { from: MARCH, to: MARCH + 31 * DAY, includeOpen: true };

/** What March's reports say over the stored cycles and ratings: the same before and after a migration. */
async function monthFigures(store: KyselyStore) {
  return {
    ended: await store.reports.endedCounts(GOLD, [MARCH_SPAN.from, MARCH_SPAN.to]),
    ratings: await store.reports.ratingCounts(GOLD, [MARCH_SPAN.from, MARCH_SPAN.to]),
    breaches: await store.reports.breaches(GOLD, MARCH_SPAN, 10),
  };
}

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
      await writeOldShape(db, old, {
        issueId,
        stamp: stamp(1),
        results: [makeResult({ issueId })],
        cycles,
        rating: 1 + n,
      });
    }
    const store = new KyselyStore(db, { dialect });
    const figures = async () => ({
      ...(await monthFigures(store)),
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

  it('drops the stamp of cycle rows (0040): same figures, and older writes are still cleaned up', async () => {
    const { db, dialect } = opened;
    await migrateUpTo(db, dialect, '0039_pending_changes');
    const old = new SqlResultStore({ db, dialect }, olderWriteIds());
    const cyclesOf = (issueId: string, n: number) =>
      [0, 1].map((cycle) =>
        makeCycle({
          issueId,
          projectKey: n % 2 === 0 ? 'IT' : 'SD',
          metricId: cycle === 0 ? 'frt' : 'ttr',
          breached: (n + cycle) % 3 === 0,
          stoppedAt: MARCH + (n * 2 + cycle) * DAY,
        }),
      );
    for (let n = 0; n < 6; n++) {
      const issueId = String(100 + n);
      await writeOldShape(db, old, {
        issueId,
        stamp: stamp(2),
        results: [makeResult({ issueId, stamp: stamp(2) })],
        cycles: cyclesOf(issueId, n),
        rating: 1 + n,
      });
    }
    // What an interrupted write of an older history left of issue 100: rows under a write id that never
    // became current, cycles with their stamp.
    const leftover = makeCycle({ issueId: '100', metricId: 'old', stoppedAt: MARCH });
    await db
      .insertInto('accord_results')
      .values({
        ...(await db
          .selectFrom('accord_results')
          .selectAll()
          .where('issue_id', '=', '100')
          .executeTakeFirstOrThrow()),
        write_id: '000000000000000001-318810f50edad936',
        stamp: stamp(1),
      } as never)
      .execute();
    await db
      .insertInto('accord_cycles')
      .values({
        ...(await db
          .selectFrom('accord_cycles')
          .selectAll()
          .where('issue_id', '=', '100')
          .executeTakeFirstOrThrow()),
        metric_id: leftover.metricId,
        write_id: '000000000000000001-318810f50edad936',
        stamp: stamp(1),
      } as never)
      .execute();
    const store = new KyselyStore(db, { dialect });
    const figures = async () => ({
      ...(await monthFigures(store)),
      listing: await store.reports.cycleListing(GOLD, MARCH_SPAN, { limit: 100 }),
      results: await store.results.forIssue('103'),
      cycles: await store.reports.cyclesOfIssues(['100', '101', '102', '103', '104', '105']),
    });
    const before = await figures();
    expect(before.cycles).toHaveLength(12);

    expect(await migrate(db, dialect)).toEqual(
      migrationStatements(dialect)
        .map((m) => m.name)
        .filter((name) => name > '0039_pending_changes'),
    );
    const columns = async () =>
      (await db.introspection.getTables())
        .find((t) => t.name === 'accord_cycles')
        ?.columns.map((c) => c.name);
    expect(await columns()).not.toContain('stamp');
    expect(await figures()).toEqual(before);
    const count = async (table: 'accord_results' | 'accord_cycles') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .where('issue_id', '=', '100')
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect([await count('accord_results'), await count('accord_cycles')]).toEqual([2, 3]);

    // Issue 100 measured again: its old rows and the interrupted write's are gone, the new ones in force.
    const again = cyclesOf('100', 0).map((c) => ({ ...c, breached: false }));
    expect(
      await store.results.replaceIssue(
        '100',
        stamp(3),
        [makeResult({ issueId: '100', stamp: stamp(3) })],
        again,
      ),
    ).toBe('written');
    expect([await count('accord_results'), await count('accord_cycles')]).toEqual([1, 2]);
    expect(await store.reports.cyclesOfIssues(['100'])).toEqual(again);
  });
});

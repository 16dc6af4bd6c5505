/**
 * Upgrading an installation to the compact storage of issue 17 keeps its data (SQLite always, MariaDB when
 * ACCORD_MYSQL_URL is set): a database migrated up to 0035 with results, cycles and ratings written under
 * write ids of the older, longer form runs the new migrations, then answers as before, and a new write of the
 * same stamp (the shorter write id) still replaces the old one.
 */
import { Kysely, sql } from 'kysely';
import { KyselyStore } from '../../src/store/kysely-store';
import { compactJson } from '../../src/store/compact-json';
import { migrate, migrationStatements } from '../../src/store/migrations';
import { SqlResultStore } from '../../src/store/result-store';
import type { AccordDb } from '../../src/store/schema';
import type { StoredCycle, StoredResult } from '../../src/app/ports/store';
import { makeCycle, makeResult, stamp, storeCycleAgreements } from './builders';
import { databases, migrateUpTo, type Opened } from './upgrade-support';

const BEFORE = '0035_cycle_months';
const TERMS_DROPPED = '0042_cycles_terms_dropped';
const DAY = 24 * 3_600_000;
const MARCH = Date.UTC(2026, 2, 1);

/**
 * Writes an issue as an Accord before 0043 did: a result row per metric, the pointer without packed results,
 * cycle rows with their agreement version's terms (before 0042) and, before 0040 (`cycleStamps`), the write's
 * stamp.
 */
async function writeOldShape(
  db: Kysely<AccordDb>,
  nextWriteId: () => string,
  write: { issueId: string; stamp: string; results: StoredResult[]; cycles: StoredCycle[]; rating?: number },
  cycleStamps = true,
): Promise<void> {
  const writeId = nextWriteId();
  for (const r of write.results) {
    await db
      .insertInto('accord_results')
      .values({
        issue_id: r.issueId,
        write_id: writeId,
        agreement_id: r.agreementId,
        metric_id: r.metricId,
        issue_key: r.issueKey,
        project_key: r.projectKey,
        agreement_version: r.agreementVersion,
        calendar_versions: JSON.stringify(r.calendarVersions),
        kind: r.kind,
        state: r.state,
        breached: r.breached ? 1 : 0,
        ever_breached: r.everBreached ? 1 : 0,
        deadline: r.deadline,
        next_due: r.nextDue,
        evaluated_at: r.evaluatedAt,
        stamp: r.stamp,
        result: compactJson(r.result),
      })
      .execute();
  }
  for (const c of write.cycles) {
    await db
      .insertInto('accord_cycles')
      .values({
        issue_id: c.issueId,
        write_id: writeId,
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
        ...(cycleStamps ? { stamp: write.stamp } : {}),
        extended: c.extended === true ? 1 : 0,
        excused: c.excused === true ? 1 : 0,
        // The columns as they were before 0042 (and before 0040 with `cycleStamps`): no longer in the schema.
      } as never)
      .execute();
  }
  if (write.rating !== undefined) {
    await db
      .insertInto('accord_ratings')
      .values({ issue_id: write.issueId, write_id: writeId, rating: write.rating, stamp: write.stamp })
      .execute();
  }
  await db
    .insertInto('accord_result_sets')
    .values({ issue_id: write.issueId, stamp: write.stamp, write_id: writeId })
    .execute();
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
    await storeCycleAgreements(new KyselyStore(db, { dialect }).config);
    const old = olderWriteIds();
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
    expect(await store.results.forIssue('103')).toEqual([makeResult({ issueId: '103' })]);

    // The same stamp again, as a recalculation writes it: the shorter write id sorts after the older one.
    const again = makeResult({ issueId: '103', state: 'breached', breached: true });
    expect(await store.results.replaceIssue('103', stamp(1), [again], [])).toBe('written');
    expect(await store.results.forIssue('103')).toEqual([again]);
    expect(await store.reports.cyclesOfIssues(['103'])).toEqual([]);
  });

  it('drops the stamp of cycle rows (0040): same figures, and older writes are still cleaned up', async () => {
    const { db, dialect } = opened;
    await migrateUpTo(db, dialect, '0039_pending_changes');
    await storeCycleAgreements(new KyselyStore(db, { dialect }).config);
    const old = olderWriteIds();
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
    expect(await store.results.forIssue('103')).toEqual([makeResult({ issueId: '103', stamp: stamp(2) })]);
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
    // Since 0043 the results are packed in the pointer: no per-metric row left.
    expect([await count('accord_results'), await count('accord_cycles')]).toEqual([0, 2]);
    expect(await store.reports.cyclesOfIssues(['100'])).toEqual(again);
  });
  it('drops what the agreement version decides from cycle rows (0042): same cycles and figures', async () => {
    const { db, dialect } = opened;
    const names = migrationStatements(dialect).map((m) => m.name);
    const last = names.filter((name) => name < TERMS_DROPPED).pop() ?? BEFORE;
    await migrateUpTo(db, dialect, last);
    const store = new KyselyStore(db, { dialect });
    await storeCycleAgreements(store.config);
    const old = olderWriteIds();
    // Every kind of terms: goals 0 and 1, no goal matched, another version, an OLA with its own counterparty.
    const written = new Map<string, StoredCycle[]>();
    for (let n = 0; n < 6; n++) {
      const issueId = String(100 + n);
      const cycles = [0, 1].map((cycle) =>
        makeCycle({
          issueId,
          projectKey: n % 2 === 0 ? 'IT' : 'SD',
          metricId: cycle === 0 ? 'frt' : 'ttr',
          cycle,
          breached: (n + cycle) % 3 === 0,
          breachedAt: (n + cycle) % 3 === 0 ? MARCH + (n * 2 + cycle) * DAY - 1 : null,
          stoppedAt: n === 5 && cycle === 1 ? null : MARCH + (n * 2 + cycle) * DAY,
          ...(n === 1 ? { goalIndex: 1, targetMinutes: 480, objectivePercent: 90 } : {}),
          ...(n === 2 && cycle === 1 ? { goalIndex: null, targetMinutes: null, objectivePercent: null } : {}),
          ...(n === 3 ? { agreementVersion: 2 } : {}),
        }),
      );
      if (n === 4)
        cycles.push(
          makeCycle({ issueId, agreementId: 'ola-l2', kind: 'OLA', counterparty: 'L2', stoppedAt: MARCH }),
        );
      written.set(issueId, cycles);
      await writeOldShape(
        db,
        old,
        { issueId, stamp: stamp(1), results: [makeResult({ issueId })], cycles, rating: 1 + n },
        false,
      );
    }
    const issues = [...written.keys()];
    const figures = async () => ({
      ...(await monthFigures(store)),
      listing: await store.reports.cycleListing({ agreementIds: ['gold', 'ola-l2'] }, MARCH_SPAN, {
        limit: 100,
      }),
      cycles: await store.reports.cyclesOfIssues(issues),
      olas: await store.reports.cyclesOfIssues(issues, ['OLA']),
      stored: await store.results.cycles({}),
    });
    const before = await figures();
    // What the dropped columns held is what the versions give (the store reads them there already).
    const byKey = (c: StoredCycle) => JSON.stringify([c.issueId, c.agreementId, c.metricId, c.cycle]);
    const sortedCycles = (cycles: StoredCycle[]) =>
      [...cycles].sort((a, b) => byKey(a).localeCompare(byKey(b)));
    expect(sortedCycles(before.cycles)).toEqual(sortedCycles([...written.values()].flat()));
    expect(before.olas.map((c) => [c.issueId, c.counterparty])).toEqual([['104', 'L2']]);
    expect(before.breaches.length).toBeGreaterThan(0);
    const held = (await db
      .selectFrom('accord_cycles')
      .select(['issue_id', 'agreement_id', 'metric_id', 'cycle'])
      .select(sql<string>`kind`.as('kind'))
      .select(sql<string | null>`counterparty`.as('counterparty'))
      .select(sql<number | null>`target_minutes`.as('target'))
      .select(sql<number | null>`objective_percent`.as('objective'))
      .execute()) as unknown as Record<string, string | number | null>[];
    const num = (v: string | number | null | undefined) => (v === null || v === undefined ? null : Number(v));
    expect(
      held
        .map((r) => [
          r.issue_id,
          r.agreement_id,
          r.metric_id,
          num(r.cycle),
          r.kind,
          r.counterparty,
          num(r.target),
          num(r.objective),
        ])
        .sort(),
    ).toEqual(
      before.cycles
        .map((c) => [
          c.issueId,
          c.agreementId,
          c.metricId,
          c.cycle,
          c.kind,
          c.counterparty,
          c.targetMinutes,
          c.objectivePercent,
        ])
        .sort(),
    );
    expect(held).toHaveLength(13);

    expect(await migrate(db, dialect)).toEqual(names.filter((name) => name > last));
    const columns = (await db.introspection.getTables())
      .find((t) => t.name === 'accord_cycles')
      ?.columns.map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['agreement_version', 'goal_index']));
    for (const dropped of ['kind', 'counterparty', 'target_minutes', 'objective_percent'])
      expect(columns).not.toContain(dropped);
    expect(await figures()).toEqual(before);

    // Written after the upgrade: the same cycles back.
    const again = (written.get('104') ?? []).map((c) => ({ ...c, elapsedMs: c.elapsedMs + 1 }));
    expect(
      await store.results.replaceIssue(
        '104',
        stamp(2),
        [makeResult({ issueId: '104', stamp: stamp(2) })],
        again,
      ),
    ).toBe('written');
    expect(sortedCycles(await store.reports.cyclesOfIssues(['104']))).toEqual(sortedCycles(again));
  });

  it('reads per-metric rows written before 0043 until the issue is written again (0043)', async () => {
    const { db, dialect } = opened;
    await migrateUpTo(db, dialect, '0040_cycles_stamp_dropped_storage');
    const old = olderWriteIds();
    // Issue 200 is open in two metrics (one breached), 201 due later, 202 done; all written the old way.
    const legacy = {
      '200': [
        makeResult({ issueId: '200', metricId: 'frt', breached: true, deadline: 5, nextDue: 50 }),
        makeResult({ issueId: '200', metricId: 'ttr', deadline: 30, nextDue: 30 }),
      ],
      '201': [makeResult({ issueId: '201', metricId: 'frt', deadline: 20, nextDue: 20 })],
      '202': [makeResult({ issueId: '202', metricId: 'frt', state: 'met', deadline: null, nextDue: null })],
    };
    for (const [issueId, results] of Object.entries(legacy)) {
      await writeOldShape(db, old, { issueId, stamp: stamp(1), results, cycles: [] }, false);
    }
    await migrate(db, dialect);
    const store = new KyselyStore(db, { dialect });
    // Issue 203 written since, packed: due between the old ones, and open.
    const packed = makeResult({ issueId: '203', metricId: 'frt', deadline: 25, nextDue: 25 });
    expect(await store.results.replaceIssue('203', stamp(1), [packed], [])).toBe('written');

    expect(await store.results.forIssue('200')).toEqual(legacy['200']);
    expect((await store.results.due(40, 10)).map((r) => [r.issueId, r.nextDue])).toEqual([
      ['201', 20],
      ['203', 25],
      ['200', 30],
    ]);
    expect((await store.results.due(40, 2)).map((r) => r.issueId)).toEqual(['201', '203']);
    const open = await store.reports.openResults({ agreementIds: ['gold'] }, 10);
    expect(open.map((r) => `${r.issueId}/${r.metricId}`)).toEqual([
      '200/frt',
      '201/frt',
      '203/frt',
      '200/ttr',
    ]);
    expect(await store.reports.resultsOfIssues(['203', '202', '200'])).toEqual([
      ...legacy['200'],
      ...legacy['202'],
      packed,
    ]);

    // Issue 200 written again: packed now, its per-metric rows gone.
    const again = makeResult({
      issueId: '200',
      metricId: 'frt',
      state: 'met',
      deadline: null,
      nextDue: null,
    });
    expect(await store.results.replaceIssue('200', stamp(2), [{ ...again, stamp: stamp(2) }], [])).toBe(
      'written',
    );
    expect(await store.results.forIssue('200')).toEqual([{ ...again, stamp: stamp(2) }]);
    const rows = await db.selectFrom('accord_results').select('issue_id').orderBy('issue_id').execute();
    expect(rows.map((r) => r.issue_id)).toEqual(['201', '202']);
    expect((await store.reports.openResults({ agreementIds: ['gold'] }, 10)).map((r) => r.issueId)).toEqual([
      '201',
      '203',
    ]);
  });

  it('moves a pointer to a newer stamp under a smaller write id in a batch, results and cycles together', async () => {
    // Another process's clock may be behind: its write id sorts first, but its newer stamp wins. The upsert
    // must take the write id while its guard still sees the old stamp (MySQL assigns left to right).
    const { db, dialect } = opened;
    await migrate(db, dialect);
    await storeCycleAgreements(new KyselyStore(db, { dialect }).config);
    const ahead = new SqlResultStore({ db, dialect }, () => 'z00000000000000000');
    const behind = new SqlResultStore({ db, dialect }, () => '000000000000000001');
    await ahead.replaceIssue(
      '300',
      stamp(1),
      [makeResult({ issueId: '300' })],
      [makeCycle({ issueId: '300' })],
    );
    const newer = makeResult({ issueId: '300', stamp: stamp(2), state: 'met', deadline: null });
    const cycle = makeCycle({ issueId: '300', breached: true });
    expect(
      await behind.replaceIssues([{ issueId: '300', stamp: stamp(2), results: [newer], cycles: [cycle] }]),
    ).toEqual(['written']);
    const store = new KyselyStore(db, { dialect });
    expect(await store.results.forIssue('300')).toEqual([newer]);
    expect(await store.reports.cyclesOfIssues(['300'])).toEqual([cycle]);
  });
});

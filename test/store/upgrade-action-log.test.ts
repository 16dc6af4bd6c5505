/**
 * Upgrading an installation's action log to the table keyed by issue (0041) keeps every row (SQLite always,
 * MariaDB when ACCORD_MYSQL_URL is set): a database migrated up to 0040 with action log rows in every status
 * runs the new migrations, then answers as before, and claims go on where they were.
 */
import { CompiledQuery } from 'kysely';
import type { ActionRecord } from '../../src/app/ports/store';
import { KyselyStore } from '../../src/store/kysely-store';
import { migrate, migrationStatements, MOVE_BATCH, runBatches } from '../../src/store/migrations';
import { databases, migrateUpTo, runMigration, type Opened } from './upgrade-support';

const BEFORE = '0040_cycles_stamp_dropped_storage';
const COPY = '0041_actions_by_issue_moved';
const T0 = Date.UTC(2026, 2, 2, 9);
const STALE = 15 * 60_000;

/** Action log rows as Accord before 0041 stored them: the whole key, issue id in front. */
const OLD_ROWS: ActionRecord[] = [
  {
    key: '1/gold/ttr/1772442000000/0/1/0',
    issueId: '1',
    status: 'done',
    attempts: 1,
    updatedAt: T0,
    error: null,
  },
  {
    key: '1/gold/ttr/1772442000000/0/1/1',
    issueId: '1',
    status: 'failed',
    attempts: 2,
    updatedAt: T0,
    error: '503',
  },
  {
    key: '10/gold/commitments/0',
    issueId: '10',
    status: 'unknown',
    attempts: 3,
    updatedAt: T0 + 1,
    error: 'may have gone out',
  },
  {
    key: '10/gold/commitments/0/said/0=1772449200000',
    issueId: '10',
    status: 'done',
    attempts: 1,
    updatedAt: T0,
    error: null,
  },
  // An issue id that is the start of another's: only the own id and its slash come off.
  {
    key: '10/gold/frt/1772442000000/1/1/0',
    issueId: '10',
    status: 'claimed',
    attempts: 1,
    updatedAt: T0,
    error: null,
  },
];

describe.each(databases)('upgrading the action log (0041) on %s', (_, open) => {
  let opened: Opened;
  beforeEach(async () => {
    opened = await open();
  });
  afterEach(async () => {
    await opened.close();
  });

  it('keeps every row, with its key, status, attempts and error, and claims go on where they were', async () => {
    const { db, dialect } = opened;
    await migrateUpTo(db, dialect, BEFORE);
    for (const r of OLD_ROWS)
      await db
        .insertInto('accord_actions')
        .values({
          action_key: r.key,
          issue_id: r.issueId,
          status: r.status,
          attempts: r.attempts,
          updated_at: r.updatedAt,
          error: r.error,
        })
        .execute();
    // A key without its issue id in front (the app never wrote one) is kept too, as it is.
    await db
      .insertInto('accord_actions')
      .values({
        action_key: 'legacy',
        issue_id: '7',
        status: 'done',
        attempts: 1,
        updated_at: T0,
        error: null,
      })
      .execute();

    expect(await migrate(db, dialect)).toEqual(
      migrationStatements(dialect)
        .map((m) => m.name)
        .filter((name) => name > BEFORE),
    );
    const store = new KyselyStore(db, { dialect });
    expect(await store.actions.forIssue('1')).toEqual(OLD_ROWS.filter((r) => r.issueId === '1'));
    expect(await store.actions.forIssue('10')).toEqual(OLD_ROWS.filter((r) => r.issueId === '10'));
    expect(await store.actions.forIssue('7')).toEqual([
      expect.objectContaining({ key: '7/legacy', status: 'done' }),
    ]);
    // Stored once: the issue id in its column, the rest of the key in the other.
    expect(
      await db.selectFrom('accord_action_log').select('action_key').where('issue_id', '=', '10').execute(),
    ).toEqual(
      expect.arrayContaining([
        { action_key: 'gold/frt/1772442000000/1/1/0' },
        { action_key: 'gold/commitments/0' },
      ]),
    );
    // The old table is gone.
    await expect(db.selectFrom('accord_actions').selectAll().execute()).rejects.toMatchObject({
      message: expect.stringMatching(/accord_actions/),
    });

    const later = T0 + 2 * STALE;
    // done: final, the record comes back.
    expect(await store.actions.claim(OLD_ROWS[0]!.key, '1', later, STALE)).toMatchObject({ status: 'done' });
    // failed: re-claimed once.
    expect(await store.actions.claim(OLD_ROWS[1]!.key, '1', later, STALE)).toBe('reclaimed-failed');
    expect(await store.actions.claim(OLD_ROWS[1]!.key, '1', later, STALE)).toMatchObject({ attempts: 3 });
    // claimed long ago: the claimant died.
    expect(await store.actions.claim(OLD_ROWS[4]!.key, '10', later, STALE)).toBe('reclaimed-stale');
    // unknown: final.
    expect(await store.actions.claim(OLD_ROWS[2]!.key, '10', later, STALE)).toMatchObject({
      status: 'unknown',
    });
  });

  it('moves the rows once when the copy runs again (its bookkeeping row lost)', async () => {
    const { db, dialect } = opened;
    await migrateUpTo(db, dialect, COPY);
    await db
      .insertInto('accord_actions')
      .values({ action_key: '5/a', issue_id: '5', status: 'done', attempts: 1, updated_at: T0, error: null })
      .execute();
    const copy = migrationStatements(dialect).find((m) => m.name === COPY)!;
    await runMigration(db, copy);
    await runMigration(db, copy);
    expect((await migrate(db, dialect))[0]).toBe('0041_actions_by_issue_old_dropped');
    const store = new KyselyStore(db, { dialect });
    expect(await store.actions.forIssue('5')).toEqual([
      { key: '5/a', issueId: '5', status: 'done', attempts: 1, updatedAt: T0, error: null },
    ]);
  });

  it('moves more rows than a batch holds, no statement over a batch, and goes on after a stop', async () => {
    const { db, dialect } = opened;
    await migrateUpTo(db, dialect, BEFORE);
    const count = 2 * MOVE_BATCH + 1;
    const rows = Array.from({ length: count }, (_, i) => ({
      action_key: `${String(i % 97)}/gold/ttr/${String(i)}`,
      issue_id: String(i % 97),
      status: 'done',
      attempts: 1,
      updated_at: T0,
      error: null,
    }));
    for (let i = 0; i < count; i += 1000)
      await db
        .insertInto('accord_actions')
        .values(rows.slice(i, i + 1000))
        .execute();
    const [created, copy] = migrationStatements(dialect).filter((m) => m.name > BEFORE && m.name <= COPY);
    await runMigration(db, created!);
    await db.insertInto('accord_migrations').values({ name: created!.name, applied_at: 0 }).execute();
    if (dialect === 'sqlite') {
      // The sandbox's embedded database has no time limit for a statement: one copy.
      expect(copy!.batches).toBeUndefined();
    } else {
      // Forge SQL stops a DML statement after 10 s: MySQL dialects move a batch at a time. One round, then the
      // run stops (its function timed out, say); the migration runs again from the start.
      const batches = copy!.batches!;
      const changed: number[] = [];
      const run = async (statement: string) => {
        const n = Number((await db.executeQuery(CompiledQuery.raw(statement))).numAffectedRows ?? 0);
        changed.push(n);
        return n;
      };
      for (const statement of batches) await run(statement);
      const rounds = await runBatches(batches, run);
      expect(rounds).toBe(3);
      expect(Math.max(...changed)).toBe(MOVE_BATCH);
      await db.insertInto('accord_migrations').values({ name: COPY, applied_at: 0 }).execute();
    }
    await migrate(db, dialect);
    const moved = await db
      .selectFrom('accord_action_log')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(moved.n)).toBe(count);
    const store = new KyselyStore(db, { dialect });
    expect(await store.actions.forIssue('3')).toHaveLength(rows.filter((r) => r.issue_id === '3').length);
    expect((await store.actions.forIssue('3'))[0]).toMatchObject({
      key: expect.stringMatching(/^3\/gold\/ttr\//),
    });
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCalendar } from '../../test/store/builders';
import {
  migrate,
  migrationStatements,
  MOVE_BATCH,
  SQLITE_STATEMENTS,
  type MigrationStatement,
} from './migrations';
import { openSqliteStore } from './sqlite';

describe('migrationStatements', () => {
  it('gives both dialects the same migrations, in order, one statement each on MySQL', () => {
    const mysql = migrationStatements('mysql');
    const sqlite = migrationStatements('sqlite');
    const names = mysql.map((m) => m.name);

    expect(sqlite.map((m) => m.name)).toEqual(names);
    expect([...names].sort()).toEqual(names);
    expect(new Set(names).size).toBe(names.length);
    // Forge SQL runs one statement per call.
    for (const m of mysql) for (const statement of statementsOf(m)) expect(statement).not.toContain(';');
    // SQLite runs a migration's statements in turn (it drops one column per statement).
    for (const m of sqlite)
      for (const statement of statementsOf(m).flatMap((s) => s.split(SQLITE_STATEMENTS)))
        expect(statement).not.toContain(';');
  });

  it('writes MySQL that TiDB runs: binary utf8mb4 tables, no JSON type or functions, re-runnable', () => {
    for (const { name, sql } of migrationStatements('mysql').flatMap((m) =>
      statementsOf(m).map((sql) => ({ name: m.name, sql })),
    )) {
      expect(sql).toMatch(
        /^(create (table|index) if not exists|drop (index|table) if exists|insert ignore into \w+|delete from \w+ where|alter table \w+ (add column if not exists|drop column if exists)) /,
      );
      expect(sql).not.toMatch(/\bjson\b/i);
      if (sql.startsWith('create table'))
        expect(sql).toMatch(/default charset = utf8mb4 collate = utf8mb4_bin$/);
      expect(name).toMatch(/^\d{4}_[a-z_]+$/);
    }
  });

  it('moves rows on MySQL a bounded batch at a time (Forge SQL allows a DML statement 10 s)', () => {
    const moves = migrationStatements('mysql').filter(
      (m) => m.batches !== undefined || /^(insert|update|delete)\b/.test(m.sql),
    );
    expect(moves.map((m) => m.name)).toEqual(['0041_actions_by_issue_moved']);
    for (const { batches } of moves) {
      expect(batches).toHaveLength(2);
      for (const statement of batches ?? [])
        expect(statement).toMatch(new RegExp(`^(insert ignore into|delete from) .* limit ${MOVE_BATCH}$`));
    }
  });
});

describe('migrate', () => {
  it('runs each migration once, and nothing when re-run on a reopened file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'accord-migrate-'));
    const file = join(dir, 'accord.sqlite');
    try {
      const first = await openSqliteStore(file);
      await first.config.put('calendar', 'berlin', makeCalendar(), {
        expectedVersion: 0,
        savedAt: 1,
        savedBy: 'a',
      });
      expect(await migrate(first.db, 'sqlite')).toEqual([]);
      await first.close();

      const reopened = await openSqliteStore(file);
      expect(await migrate(reopened.db, 'sqlite')).toEqual([]);
      expect((await reopened.config.get('calendar', 'berlin'))?.body).toEqual(makeCalendar());
      const applied = await reopened.db
        .selectFrom('accord_migrations')
        .select('name')
        .orderBy('name')
        .execute();
      expect(applied.map((row) => row.name)).toEqual(migrationStatements('sqlite').map((m) => m.name));

      // A column drop whose bookkeeping row was lost runs again: SQLite says "no such column", taken as done.
      await reopened.db
        .deleteFrom('accord_migrations')
        .where('name', '=', '0040_cycles_stamp_dropped_storage')
        .execute();
      expect(await migrate(reopened.db, 'sqlite')).toEqual(['0040_cycles_stamp_dropped_storage']);
      // The same for a migration of several drops (0042), whichever of them a lost run got to.
      await reopened.db
        .deleteFrom('accord_migrations')
        .where('name', '=', '0042_cycles_terms_dropped')
        .execute();
      expect(await migrate(reopened.db, 'sqlite')).toEqual(['0042_cycles_terms_dropped']);
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The statements a migration runs (one round of a batched move). */
function statementsOf(m: MigrationStatement): readonly string[] {
  return m.batches ?? [m.sql];
}

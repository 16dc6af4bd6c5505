import { fakeForgeSql, okPacket, rowsReply, type ForgeSqlRequest } from '../../test/store/forge-transport';
import { migrationStatements } from '../store/migrations';
import { runForgeMigrations } from './sql-migrations';

/**
 * Forge SQL migrations through `@forge/sql`'s own runner, over a faked Forge transport that keeps the runner's
 * `__migrations` bookkeeping the way Forge SQL would.
 */
describe('runForgeMigrations', () => {
  let requests: ForgeSqlRequest[];
  let recorded: string[];
  let restore: () => void;

  beforeEach(() => {
    requests = [];
    recorded = [];
    restore = fakeForgeSql((request) => {
      requests.push(request);
      if (request.query.startsWith('SELECT id, name, migratedAt FROM __migrations')) {
        return rowsReply(recorded.map((name, i) => ({ id: i + 1, name, migratedAt: '2026-03-02 09:00:00' })));
      }
      if (request.query.startsWith('INSERT INTO __migrations')) {
        recorded.push(String(request.params[0]));
        return okPacket(1, recorded.length);
      }
      return okPacket(0);
    });
  });

  afterEach(() => {
    restore();
  });

  it('runs every MySQL migration once, in order, as DDL', async () => {
    const expected = migrationStatements('mysql');

    expect(await runForgeMigrations()).toEqual(expected.map((m) => m.name));
    const ddl = requests.filter((r) => r.path === '/api/v1/execute/ddl' && !r.query.includes('__migrations'));
    expect(ddl.map((r) => r.query)).toEqual(expected.map((m) => m.sql));
    expect(recorded).toEqual(expected.map((m) => m.name));

    requests.length = 0;
    expect(await runForgeMigrations()).toEqual([]);
    expect(requests.every((r) => r.query.includes('__migrations'))).toBe(true);
  });
});

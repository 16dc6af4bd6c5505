import { fakeForgeSql, okPacket, rowsReply, type ForgeSqlRequest } from '../../test/store/forge-transport';
import { migrationStatements } from '../store/migrations';
import { isDml, pendingMigrations, runForgeMigrations } from './sql-migrations';

/**
 * Forge SQL migrations over a faked Forge transport that keeps the `__migrations` bookkeeping the way Forge SQL
 * would (a missing table answers MySQL's "doesn't exist").
 */
describe('runForgeMigrations', () => {
  let requests: ForgeSqlRequest[];
  let recorded: string[] | undefined;
  /** The rows each batched delete of 0041's move reports, in turn (0 once used up). */
  let moved: number[];
  let restore: () => void;

  beforeEach(() => {
    requests = [];
    recorded = undefined;
    moved = [];
    restore = fakeForgeSql((request) => {
      requests.push(request);
      if (request.query.startsWith('SELECT name FROM __migrations')) {
        if (recorded === undefined)
          return {
            status: 400,
            body: { code: 'SQL_EXECUTION_ERROR', message: "Table 'app.__migrations' doesn't exist" },
          };
        return rowsReply(recorded.map((name) => ({ name })));
      }
      if (request.query.startsWith('CREATE TABLE IF NOT EXISTS __migrations')) {
        recorded ??= [];
        return okPacket(0);
      }
      if (request.query.startsWith('INSERT INTO __migrations')) {
        recorded?.push(String(request.params[0]));
        return okPacket(1, recorded?.length ?? 0);
      }
      if (request.query.startsWith('delete from accord_actions')) return okPacket(moved.shift() ?? 0);
      return okPacket(0);
    });
  });

  afterEach(() => {
    restore();
  });

  const ddl = () => requests.filter((r) => r.path === '/api/v1/execute/ddl');

  it('runs every migration once, in order, a limited number of DDL requests per run', async () => {
    const expected = migrationStatements('mysql');
    expect(await pendingMigrations()).toEqual(expected.map((m) => m.name));

    const first = await runForgeMigrations(undefined, 10);
    // The bookkeeping table and nine migrations: ten DDL requests.
    expect(first).toEqual({ ran: expected.slice(0, 9).map((m) => m.name), remaining: expected.length - 9 });
    expect(ddl()).toHaveLength(10);

    requests.length = 0;
    moved = [5000, 5000, 1];
    const rest = await runForgeMigrations(undefined, 100);
    expect(rest).toEqual({ ran: expected.slice(9).map((m) => m.name), remaining: 0 });
    // Every migration as DDL but the one that moves rows, which goes through the DML endpoint.
    const moves = expected.slice(9).filter((m) => m.batches !== undefined || isDml(m.sql));
    expect(moves.map((m) => m.name)).toEqual(['0041_actions_by_issue_moved']);
    expect(ddl().map((r) => r.query)).toEqual(
      expected.slice(9).flatMap((m) => (m.batches === undefined && !isDml(m.sql) ? [m.sql] : [])),
    );
    // The action log moves a batch at a time until a round moves nothing: three batches of rows, then an empty
    // round, each an insert and a delete through the DML endpoint.
    const batches = moves[0]?.batches ?? [];
    expect(batches).toHaveLength(2);
    expect(
      requests
        .filter((r) => r.path === '/api/v1/execute' && /^(insert|delete) /.test(r.query))
        .map((r) => r.query),
    ).toEqual([...batches, ...batches, ...batches, ...batches]);
    expect(recorded).toEqual(expected.map((m) => m.name));

    // Up to date: one SELECT through the DML endpoint, no DDL at all.
    requests.length = 0;
    expect(await pendingMigrations()).toEqual([]);
    expect(await runForgeMigrations()).toEqual({ ran: [], remaining: 0 });
    expect(ddl()).toEqual([]);
    expect(requests.map((r) => r.path)).toEqual(['/api/v1/execute', '/api/v1/execute']);
  });
});

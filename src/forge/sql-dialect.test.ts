import { ForgeSQLAPIError } from '@forge/sql';
import { makeCalendar, T0 } from '../../test/store/builders';
import { fakeForgeSql, okPacket, rowsReply, type ForgeSqlRequest } from '../../test/store/forge-transport';
import { openForgeStore } from './sql-store';

/**
 * The Forge SQL dialect, with the real `@forge/sql` client over a faked Forge transport: what is sent (MySQL
 * text, bound parameters) and how Forge SQL's replies are read.
 */
describe('Kysely over Forge SQL', () => {
  let requests: ForgeSqlRequest[];
  let restore: () => void;
  const replies: Parameters<typeof fakeForgeSql>[0][] = [];

  beforeEach(() => {
    requests = [];
    replies.length = 0;
    restore = fakeForgeSql((request) => {
      requests.push(request);
      const next = replies.shift();
      if (!next) throw new Error(`no reply scripted for ${request.query}`);
      return next(request);
    });
  });

  afterEach(() => {
    restore();
  });

  it('sends each statement as MySQL with bound parameters to the app’s SQL endpoint', async () => {
    replies.push(() => okPacket(1));
    const store = openForgeStore();

    const saved = await store.config.put('calendar', 'berlin', makeCalendar(), {
      expectedVersion: 0,
      savedAt: T0,
      savedBy: 'admin-1',
    });

    expect(saved).toMatchObject({ id: 'berlin', version: 1 });
    expect(requests).toEqual([
      {
        target: { type: 'sql', provider: 'app', remote: 'sql' },
        path: '/api/v1/execute',
        method: 'all',
        query:
          'insert ignore into `accord_config` (`kind`, `id`, `version`, `body`, `saved_at`, `saved_by`) values (?, ?, ?, ?, ?, ?)',
        params: ['calendar', 'berlin', 1, JSON.stringify(makeCalendar()), T0, 'admin-1'],
      },
    ]);
  });

  it('reads zero affected rows as a lost insert', async () => {
    replies.push(() => okPacket(0));
    const store = openForgeStore();
    expect(
      await store.config.put('calendar', 'berlin', makeCalendar(), {
        expectedVersion: 0,
        savedAt: T0,
        savedBy: 'a',
      }),
    ).toBe('conflict');
  });

  it('decodes rows whose 64-bit integers arrive as strings', async () => {
    replies.push(({ query, params }) => {
      expect(query).toBe(
        'select * from `accord_config` where `kind` = ? and `id` = ? order by `version` desc limit ?',
      );
      expect(params).toEqual(['calendar', 'berlin', 1]);
      return rowsReply([
        {
          kind: 'calendar',
          id: 'berlin',
          version: 2,
          body: JSON.stringify(makeCalendar()),
          saved_at: String(T0),
          saved_by: 'admin-1',
        },
      ]);
    });
    const store = openForgeStore();

    expect(await store.config.get('calendar', 'berlin')).toEqual({
      id: 'berlin',
      version: 2,
      body: makeCalendar(),
      savedAt: T0,
      savedBy: 'admin-1',
    });
  });

  it('counts with COUNT(*) read back from a string', async () => {
    replies.push(() => rowsReply([{ n: '42' }]));
    expect(await openForgeStore().histories.count('SD')).toBe(42);
    expect(requests[0]?.query).toBe('select count(*) as `n` from `accord_histories` where `project_key` = ?');
  });

  it('passes Forge SQL’s errors on', async () => {
    replies.push(() => ({
      status: 400,
      body: { code: 'SQL_EXECUTION_ERROR', message: 'Table does not exist' },
    }));
    await expect(openForgeStore().jobs.get('job-1')).rejects.toThrow(ForgeSQLAPIError);
  });

  it('refuses transactions, which Forge SQL does not have', async () => {
    const store = openForgeStore();
    await expect(store.db.transaction().execute(() => Promise.resolve())).rejects.toThrow(/no transactions/);
    expect(requests).toEqual([]);
  });
});

/**
 * One test per Forge limit the emulator enforces, each seen through the real SDK: a refusal must reach the app
 * exactly as `@forge/events`, `@forge/sql`, `@forge/realtime` and `@forge/api` surface the platform's reply.
 */
import api, { route } from '@forge/api';
import { Queue, RateLimitError } from '@forge/events';
import { publish, publishGlobal } from '@forge/realtime';
import { ForgeSQLAPIError, sql } from '@forge/sql';
import type { ForgeEmulator } from './emulator';
import { describeOnMysql, startEmulator } from './support';

describeOnMysql('Forge emulator: limits as the SDKs surface them', (url) => {
  jest.setTimeout(60_000);
  let emulator: ForgeEmulator | undefined;
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
  });

  const issueEvents = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ body: { type: 'issue', issueId: String(90_000 + i) } }));

  it('refuses a push over 500 events a minute with the SDK RateLimitError, and admits again a minute later', async () => {
    emulator = await startEmulator(url, { migrated: false, deliverQueues: false });
    const e = emulator;
    const queue = new Queue({ key: 'accord-issues' });
    await e.within('on-issue-event', async () => {
      for (let i = 0; i < 10; i++) await queue.push(issueEvents(50));
      await expect(queue.push(issueEvents(1))).rejects.toThrow(RateLimitError);
      await expect(queue.push(issueEvents(1))).rejects.toThrow('Too many requests.');
    });
    expect(e.events.counters).toEqual(expect.objectContaining({ pushed: 500, refusedRate: 2 }));
    await e.advance(60_000);
    await e.within('on-issue-event', () => queue.push(issueEvents(50)));
    expect(e.events.counters.pushed).toBe(550);
  });

  it('refuses the 26th DDL request of a minute as a ForgeSQLAPIError with status 429', async () => {
    emulator = await startEmulator(url, { migrated: false });
    const failure = await emulator.within('consume-jobs', async () => {
      for (let i = 0; i < 25; i++)
        await sql.executeDDL(`CREATE TABLE IF NOT EXISTS t${i} (id INT PRIMARY KEY)`);
      return sql.executeDDL('CREATE TABLE t25 (id INT PRIMARY KEY)').then(
        () => undefined,
        (error: unknown) => error,
      );
    });
    expect(failure).toBeInstanceOf(ForgeSQLAPIError);
    expect((failure as ForgeSQLAPIError).responseDetails.status).toBe(429);
    expect(emulator.sql.counters).toEqual(
      expect.objectContaining({ ddl: 25, refused: expect.objectContaining({ ddlRate: 1 }) }),
    );
  });

  it('admits 150 DML requests in a second and refuses the rest with status 429', async () => {
    emulator = await startEmulator(url, { migrated: false });
    const outcomes = await emulator.within('consume-issues', () =>
      Promise.allSettled(Array.from({ length: 180 }, () => sql.executeRaw('SELECT 1 AS one'))),
    );
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused).toHaveLength(30);
    const reason = refused[0]!.reason as ForgeSQLAPIError;
    expect(reason).toBeInstanceOf(ForgeSQLAPIError);
    expect(reason.responseDetails.status).toBe(429);
    expect(emulator.sql.dmlPeak.peak).toBe(150);
  });

  it('stops a SELECT at its time limit with QUERY_TIMED_OUT', async () => {
    // The limit is lowered so the test waits half a second of the server's time, not five.
    emulator = await startEmulator(url, { migrated: false, limits: { selectMs: 300 } });
    const failure = await emulator.within('resolver', () =>
      sql.executeRaw('SELECT SLEEP(2)').catch((e: unknown) => e),
    );
    expect(failure).toBeInstanceOf(ForgeSQLAPIError);
    expect((failure as ForgeSQLAPIError).code).toBe('QUERY_TIMED_OUT');
  });

  it('stops a write at its time limit with QUERY_TIMED_OUT and keeps nothing of it', async () => {
    // Forge SQL allows a DML statement 10 s; lowered here so the test waits half a second, not ten.
    emulator = await startEmulator(url, { migrated: false, limits: { dmlMs: 300 } });
    await emulator.within('consume-jobs', async () => {
      await sql.executeDDL('CREATE TABLE slow_writes (n INT)');
      await sql.executeRaw('INSERT INTO slow_writes (n) VALUES (1)');
    });
    const failure = await emulator.within('consume-jobs', () =>
      sql.executeRaw('UPDATE slow_writes SET n = n + 1 + SLEEP(2)').catch((e: unknown) => e),
    );
    expect(failure).toBeInstanceOf(ForgeSQLAPIError);
    expect((failure as ForgeSQLAPIError).code).toBe('QUERY_TIMED_OUT');
    expect((failure as ForgeSQLAPIError).message).toMatch(/0\.3 seconds/);
    await expect(
      emulator.within('consume-jobs', () => sql.executeRaw('SELECT n FROM slow_writes')),
    ).resolves.toEqual({ rows: [{ n: 1 }] });
  });

  it('refuses a response over the size limit', async () => {
    emulator = await startEmulator(url, { migrated: false, limits: { responseBytes: 1000 } });
    const failure = await emulator.within('resolver', () =>
      sql.executeRaw("SELECT REPEAT('x', 2000) AS big").catch((e: unknown) => e),
    );
    expect(failure).toBeInstanceOf(ForgeSQLAPIError);
    expect((failure as ForgeSQLAPIError).responseDetails.status).toBe(413);
  });

  it('refuses writes once the database holds more than its quota, measured from information_schema', async () => {
    emulator = await startEmulator(url, { migrated: true });
    const stored = await emulator.sql.storedBytes();
    expect(stored).toBeGreaterThan(0);
    await emulator.stop();
    emulator = await startEmulator(url, { migrated: true, limits: { storedBytes: stored - 1 } });
    const failure = await emulator.within('consume-jobs', () =>
      sql
        .prepare('INSERT INTO accord_audit (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)')
        .bindParams(0, 'a', 'b', 'c', '{}')
        .execute()
        .catch((e: unknown) => e),
    );
    expect(failure).toBeInstanceOf(ForgeSQLAPIError);
    expect((failure as ForgeSQLAPIError).code).toBe('STORAGE_LIMIT_EXCEEDED');
    // Reads go on: a full database still answers.
    await expect(
      emulator.within('resolver', () => sql.executeRaw('SELECT COUNT(*) AS n FROM accord_audit')),
    ).resolves.toEqual({ rows: [{ n: '0' }] });
  });

  it('scopes realtime: a panel hears publishes for its own module and issue only; global reaches global', async () => {
    emulator = await startEmulator(url, { migrated: false });
    const mine = emulator.realtime.subscribe('accord:issue:10001', {
      moduleKey: 'accord-issue-context',
      issueId: '10001',
    });
    const otherIssue = emulator.realtime.subscribe('accord:issue:10001', {
      moduleKey: 'accord-issue-context',
      issueId: '10002',
    });
    const global = emulator.realtime.subscribe(
      'accord:issue:10001',
      { moduleKey: 'accord-issue-context', issueId: '10001' },
      { global: true },
    );
    // From the panel's own context (a resolver behind it): context-scoped.
    await emulator.within('resolver', () => publish('accord:issue:10001', { n: 1 }), {
      moduleKey: 'accord-issue-context',
      issueId: '10001',
    });
    // From a consumer, which has no issue context: nobody in the panel's scope hears it.
    await emulator.within('consume-issues', () => publish('accord:issue:10001', { n: 2 }), {
      moduleKey: 'accord-issues-consumer',
    });
    await emulator.within('consume-issues', () => publishGlobal('accord:issue:10001', { n: 3 }), {
      moduleKey: 'accord-issues-consumer',
    });
    expect(mine.heard.map((h) => h.payload)).toEqual([{ n: 1 }]);
    expect(otherIssue.heard).toEqual([]);
    expect(global.heard.map((h) => h.payload)).toEqual([{ n: 3 }]);
  });

  it('refuses the 51st realtime publish of a second as the SDK reports it: RATE_LIMIT_EXCEEDED, not thrown', async () => {
    emulator = await startEmulator(url, { migrated: false });
    const results = await emulator.within('consume-issues', () =>
      Promise.all(Array.from({ length: 51 }, (_, i) => publishGlobal('accord:changed', { i }))),
    );
    expect(results.filter((r) => r.eventId !== null)).toHaveLength(50);
    expect(results[50]).toEqual({
      eventId: null,
      eventTimestamp: null,
      errors: [{ message: 'RATE_LIMIT_EXCEEDED', status: 429 }],
    });
  });

  it('answers a Jira burst with a 429 that may lack Retry-After but names X-RateLimit-Reset', async () => {
    emulator = await startEmulator(url, {
      migrated: false,
      limits: { jiraBurstPerSecond: 2 },
      omitRetryAfter: 1,
    });
    const e = emulator;
    const statuses = await e.within('consume-issues', () =>
      Promise.all([1, 2, 3].map(() => api.asApp().requestJira(route`/rest/api/3/status`))),
    );
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 429]);
    const refused = statuses[2] as Response;
    expect(refused.headers.get('Retry-After')).toBeNull();
    expect(new Date(refused.headers.get('X-RateLimit-Reset') ?? '').getTime()).toBe(
      Math.floor((e.now() - 120) / 1000) * 1000 + 1000,
    );
    expect(e.jira.counters).toEqual(expect.objectContaining({ burst429: 1, withoutRetryAfter: 1 }));
  });

  it('locks Jira out when the hourly points quota is spent, until the next hour', async () => {
    // Reads cost 1 point plus 1 per object: the status list (9 statuses) costs 10.
    emulator = await startEmulator(url, {
      migrated: false,
      limits: { jiraPointsPerHour: 25 },
      omitRetryAfter: 0,
    });
    const e = emulator;
    const read = () => e.within('consume-issues', () => api.asApp().requestJira(route`/rest/api/3/status`));
    expect((await read()).status).toBe(200);
    expect((await read()).status).toBe(200);
    expect((await read()).status).toBe(200); // 20 spent, 25 allowed: admitted, now over
    const locked = await read();
    expect(locked.status).toBe(429);
    const hourEnd = Math.floor(e.now() / 3_600_000) * 3_600_000 + 3_600_000;
    expect(Number(locked.headers.get('Retry-After'))).toBe(Math.ceil((hourEnd - e.now() + 120) / 1000));
    expect(locked.headers.get('X-RateLimit-Reset')).toBe(new Date(hourEnd).toISOString());
    await e.advance(hourEnd - e.now());
    expect((await read()).status).toBe(200);
    expect(e.jira.counters.quota429).toBe(1);
  });
});

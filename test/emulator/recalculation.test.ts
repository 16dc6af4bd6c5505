/**
 * Recalculation on the emulator, through the real resolver, queue consumers and SDKs on MariaDB: a calendar
 * change recalculated rewrites the JQL fields of every issue whose state changed, and a job that stalls or
 * keeps failing ends as failed with its reason instead of "running" forever.
 */
import type { Job } from '../../src/app/ports';
import { ForgeQueue } from '../../src/forge/queue';
import { openForgeStore } from '../../src/forge/sql-store';
import type { ForgeEmulator } from './emulator';
import { acme, describeOnMysql, exampleCalendars, MINUTE, startEmulator } from './support';

const admin = { accountId: 'chris-admin', moduleKey: 'accord-admin' };

describeOnMysql('Forge emulator: recalculation', (url) => {
  jest.setTimeout(120_000);
  let emulator: ForgeEmulator | undefined;
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
  });

  const route = async <T>(e: ForgeEmulator, key: string, payload: unknown): Promise<T> => {
    const reply = (await e.invokeResolver(key, payload, admin)) as
      { ok: true; data: T } | { ok: false; error: { message: string } };
    if (!reply.ok) throw new Error(`${key}: ${reply.error.message}`);
    return reply.data;
  };

  it('rewrites "Next SLA deadline" of every open issue after a calendar change', async () => {
    const e = (emulator = await startEmulator(url, { seeded: true }));
    // Twelve Medium requests at 09:00 Monday (Berlin): first response due 11:00.
    const issues = Array.from({ length: 12 }, () =>
      e.site.create({ reporter: 'carla-customer', fields: acme }),
    );
    expect(await e.drain()).toBe(true);
    const field = (id: string) => e.site.customFieldValues.get(id)?.get('next-deadline');
    const at = (i: (typeof issues)[number], hours: number) =>
      new Date(
        Date.parse(String(i.field('created')).replace('+0000', 'Z')) + hours * 3_600_000,
      ).toISOString();
    expect(issues.map((i) => field(i.id))).toEqual(issues.map((i) => at(i, 2)));

    // Berlin opens only 09:00–10:00 from now on: a request raised a moment after 09:00 Monday has not quite
    // 60 minutes Monday, 60 Tuesday, and the moment's rest at 09:00 Wednesday: 48 hours after it was raised.
    const berlin = exampleCalendars.find((c) => c.id === 'berlin-9-17');
    const hour = [{ from: '09:00', to: '10:00' }];
    await e.within('consume-jobs', async () => {
      const store = openForgeStore();
      await store.config.put(
        'calendar',
        'berlin-9-17',
        { ...berlin!, week: { mon: hour, tue: hour, wed: hour, thu: hour, fri: hour } },
        { expectedVersion: 1, savedAt: e.now(), savedBy: 'chris-admin' },
      );
    });
    await e.advance(MINUTE); // the instances' configuration caches expire
    const writesBefore = e.jira.counters.byEndpoint['POST /rest/api/3/app/field/value'] ?? 0;
    const job = await route<Job>(e, 'jobs/start', {
      scope: { kind: 'project', projectKey: 'IT' },
      replaceCompleted: false,
    });
    expect(await e.drain()).toBe(true);
    expect(await route<Job>(e, 'jobs/status', { jobId: job.id })).toEqual(
      expect.objectContaining({ state: 'done', done: 12, failed: 0, total: 12 }),
    );
    expect(issues.map((i) => field(i.id))).toEqual(issues.map((i) => at(i, 48)));
    // One batched write for the page, not one per issue.
    expect((e.jira.counters.byEndpoint['POST /rest/api/3/app/field/value'] ?? 0) - writesBefore).toBe(1);
    // Cold instances still run the migration runner (2 DDL each; migrations move to the lifecycle events in
    // issue 17's other part): those refusals are not the recalculation's.
    expect(e.metrics().errors.filter((m) => !m.includes('DDL rate limit'))).toEqual([]);
  });

  it('ends a job that made no progress for 30 minutes as failed: stalled', async () => {
    const e = (emulator = await startEmulator(url, { seeded: true, scheduled: true }));
    // A job whose step died and whose continuation was lost: nothing will move it again.
    await e.within('consume-jobs', async () => {
      await openForgeStore().jobs.create({
        id: 'job-lost',
        spec: { scope: { kind: 'project', projectKey: 'IT' }, replaceCompleted: false },
        state: 'running',
        createdAt: e.now(),
        createdBy: 'chris-admin',
        updatedAt: e.now(),
        cursor: null,
        total: 10,
        done: 3,
        failed: 0,
        cancelRequested: false,
        error: null,
      });
    });
    await e.advance(25 * MINUTE);
    expect(await route<Job>(e, 'jobs/status', { jobId: 'job-lost' })).toEqual(
      expect.objectContaining({ state: 'running' }),
    );
    await e.advance(15 * MINUTE);
    const job = await route<Job>(e, 'jobs/status', { jobId: 'job-lost' });
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/^stalled: no progress for 3\d minutes$/);
  });

  it('ends a job whose steps keep failing as failed, with the reason, after three tries', async () => {
    const e = (emulator = await startEmulator(url, { seeded: true }));
    // A job of a project whose configuration cannot even be read: every step throws.
    await e.within('consume-jobs', async () => {
      await openForgeStore().jobs.create({
        id: 'job-broken',
        spec: { scope: { kind: 'project', projectKey: 'IT' }, replaceCompleted: true },
        state: 'queued',
        createdAt: e.now(),
        createdBy: 'chris-admin',
        updatedAt: e.now(),
        cursor: null,
        total: null,
        done: 0,
        failed: 0,
        cancelRequested: false,
        error: null,
      });
      await new ForgeQueue().push([{ type: 'job', jobId: 'job-broken' }]);
    });
    await e.sql.direct('DROP TABLE accord_histories');
    expect(await e.drain()).toBe(true);
    const job = await route<Job>(e, 'jobs/status', { jobId: 'job-broken' });
    expect(job.state).toBe('failed');
    expect(job.error).toBe('step-failed: ForgeSQLError (3 times)');
  });
});

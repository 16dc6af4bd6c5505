import { drainPending } from '../../src/app/evaluation/drain';
import { sweep } from '../../src/app/evaluation/sweep';
import { DRAIN_SHARDS, QUEUE_EVENTS_PER_MINUTE } from '../../src/app/evaluation/work-queue';
import { JiraError } from '../../src/app/ports';
import { acme, makeWorld, MINUTE } from './sandbox-world';

type World = Awaited<ReturnType<typeof makeWorld>>;

let world: World;
afterEach(async () => {
  await world.close();
});

/** Issues whose every event has been measured: stored, and nothing pending. */
async function measured(ids: readonly string[]): Promise<number> {
  let n = 0;
  for (const id of ids) if ((await world.store.results.forIssue(id)).length > 0) n++;
  return n;
}

describe('no change lost under a burst', () => {
  it('measures a bulk change of 1,000 issues in a minute with a queue that refuses beyond 500 events a minute', async () => {
    // Before, each change was a queue event of its own: 1,000 pushes in a minute, half of them refused and lost.
    world = await makeWorld({ queueEventsPerMinute: 500, patient: true });
    const ids: string[] = [];
    for (let i = 0; i < 1000; i++) {
      ids.push(world.site.create({ reporter: 'carla-customer', fields: acme }).id);
      if (i % 20 === 19) world.clock.advance(1000); // 1,000 issues in 50 s
    }
    await world.advance(10 * MINUTE);
    expect(await measured(ids)).toBe(1000);
    expect(await world.store.pending.count()).toBe(0);
    expect(world.queue.refused).toBe(0);
    // Two kicks per shard and ten-second window at most, whatever the number of changes.
    expect(world.queue.accepted).toBeLessThanOrEqual(2 * DRAIN_SHARDS * 6 + 20);
  });

  it('loses nothing when the platform refuses most pushes: the marks wait in the store for the sweep', async () => {
    world = await makeWorld({ queueEventsPerMinute: 3, patient: true });
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) {
      const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
      world.site.comment(issue.id, 'alex-agent', 'On it');
      ids.push(issue.id);
    }
    await world.settleTriggers();
    expect(world.queue.refused).toBeGreaterThan(0);
    expect(world.logger.withCode('queue.refused').length).toBeGreaterThan(0);
    await world.advance(30 * MINUTE);
    expect(await measured(ids)).toBe(200);
    expect(await world.store.pending.count()).toBe(0);
    // Every comment was measured too: the first response is met on every issue.
    for (const id of ids.slice(0, 20)) {
      const first = (await world.store.results.forIssue(id)).find((r) => r.metricId === 'first-response');
      expect(first?.state).toBe('met');
    }
  });

  it('keeps the app within its own budget of queue events a minute', async () => {
    world = await makeWorld({ patient: true });
    const pushed: number[] = [];
    const push = world.deps.queue.push.bind(world.deps.queue);
    // Every sweep and drain pushes through the same budget; count what reaches the queue in one minute.
    for (let i = 0; i < QUEUE_EVENTS_PER_MINUTE + 50; i++) {
      try {
        await push([{ type: 'job', jobId: `job-${i}` }]);
        pushed.push(i);
      } catch (error) {
        expect(error).toEqual(expect.objectContaining({ name: 'QueueRefusedError', reason: 'budget' }));
      }
    }
    expect(pushed).toHaveLength(QUEUE_EVENTS_PER_MINUTE);
    world.clock.advance(MINUTE);
    await push([{ type: 'job', jobId: 'next-minute' }]);
  });
});

describe('drains', () => {
  it('measures again an issue that changed while it was being measured', async () => {
    world = await makeWorld({ patient: true });
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await world.settleTriggers();
    const getIssue = world.jira.getIssue.bind(world.jira);
    let changed = false;
    world.jira.getIssue = async (id) => {
      const json = await getIssue(id); // what Jira said before the comment...
      if (!changed) {
        changed = true;
        world.site.comment(issue.id, 'alex-agent', 'Answered'); // ...which lands meanwhile
        await world.settleTriggers();
      }
      return json;
    };
    await drainPending(world.deps, 0);
    await drainPending(world.deps, 1);
    await drainPending(world.deps, 2);
    await drainPending(world.deps, 3);
    const first = (await world.store.results.forIssue(issue.id)).find((r) => r.metricId === 'first-response');
    expect(first?.state).toBe('met');
    expect(await world.store.pending.count()).toBe(0);
  });

  it('waits out an hour of Jira quota lock-out without dropping an issue or calling Jira meanwhile', async () => {
    world = await makeWorld({ patient: true });
    const ids = Array.from(
      { length: 30 },
      () => world.site.create({ reporter: 'carla-customer', fields: acme }).id,
    );
    await world.settleTriggers();
    const getIssue = world.jira.getIssue.bind(world.jira);
    const lockedUntil = world.clock.now() + 60 * MINUTE;
    let refusedCalls = 0;
    world.jira.getIssue = (id) => {
      if (world.clock.now() < lockedUntil) {
        refusedCalls++;
        return Promise.reject(new JiraError('Jira answered 429', 429, true, lockedUntil - world.clock.now()));
      }
      return getIssue(id);
    };
    await world.advance(30 * MINUTE);
    expect(await measured(ids)).toBe(0);
    expect(await world.store.pending.count()).toBe(30);
    // One refused call tells every drain to wait: no hammering of a locked-out quota.
    expect(refusedCalls).toBe(1);
    expect(world.logger.withCode('jira.throttled')).toHaveLength(1);
    await world.advance(35 * MINUTE);
    expect(await measured(ids)).toBe(30);
    expect(world.logger.withCode('issue.failed')).toEqual([]);
  });

  it('gives a failing issue up only after its attempts, logged, and leaves the rest measured', async () => {
    world = await makeWorld({ patient: true });
    const bad = world.site.create({ reporter: 'carla-customer', fields: acme });
    const good = world.site.create({ reporter: 'carla-customer', fields: acme });
    await world.settleTriggers();
    const getIssue = world.jira.getIssue.bind(world.jira);
    world.jira.getIssue = (id) =>
      id === bad.id ? Promise.reject(new JiraError('Jira answered 502', 502, true)) : getIssue(id);
    await world.advance(24 * 60 * MINUTE);
    expect(await measured([good.id])).toBe(1);
    expect(world.logger.withCode('issue.retry').filter((e) => e.issueId === bad.id)).toHaveLength(9);
    expect(world.logger.withCode('issue.failed')).toEqual([
      expect.objectContaining({ issueId: bad.id, attempt: 10, status: 502 }),
    ]);
    expect(await world.store.pending.count()).toBe(0);
  });

  it('goes on before the sweep after the store interrupts a drain and refuses its release', async () => {
    // Forge SQL refusing past the app's patience, mid-drain and again when the drain gives its lease up: the
    // drain used to throw and hold its shard for 15 minutes, while every kick found the shard busy.
    world = await makeWorld({ patient: true });
    const ids = Array.from(
      { length: 40 },
      () => world.site.create({ reporter: 'carla-customer', fields: acme }).id,
    );
    const refused = () => Promise.reject(new Error('Forge SQL: too many requests'));
    const clear = world.store.pending.clear.bind(world.store.pending);
    let clears = 0;
    world.store.pending.clear = (issueId, token) => (++clears === 5 ? refused() : clear(issueId, token));
    const release = world.store.budgets.release.bind(world.store.budgets);
    let releases = 0;
    world.store.budgets.release = (key, until) => (++releases === 1 ? refused() : release(key, until));
    await world.settleTriggers();
    await world.advance(4 * MINUTE); // within the lease of the release refused, before the sweep
    expect(await measured(ids)).toBe(40);
    expect(await world.store.pending.count()).toBe(0);
    expect(world.logger.withCode('drain.interrupted')).toEqual([
      expect.objectContaining({ level: 'warn', reason: 'Error', retryInSeconds: 30 }),
    ]);
    expect(world.logger.withCode('lease.failed')).toEqual([
      expect.objectContaining({ operation: 'release', lease: expect.stringMatching(/^drain:\d$/) }),
    ]);
  });

  it('has the sweep kick a drain for pending issues whose kick was refused', async () => {
    world = await makeWorld({ patient: true });
    await world.store.pending.mark('10001', 1, 'lost-kick', world.clock.now());
    const report = await sweep(world.deps);
    expect(report.drains).toBe(1);
    expect(world.queue.take()).toEqual([{ type: 'drain', shard: 1 }]);
  });
});

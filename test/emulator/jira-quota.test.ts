/**
 * Jira's rate limits on the Forge emulator, met by the real handlers: a burst 429 that names no `Retry-After`
 * (only `X-RateLimit-Reset`), and the hourly points quota spent, which locks the app out until the hour turns.
 * Nothing is dropped: every change is measured once Jira lets the app in again. Also prints the Jira points an
 * event costs in a steady flow.
 */
import type { ForgeEmulator } from './emulator';
import { acme, describeOnMysql, MINUTE, startEmulator } from './support';

const HOUR = 60 * MINUTE;

// What is asserted is the work: every issue measured, no product event lost, no error. A consumer invocation may
// still time out on a loaded machine (the server's real query time counts as virtual latency); its marks stay in
// the store and a later drain or the sweep measures them, so queue invocations lost are not asserted.

describeOnMysql('Forge emulator: Jira rate limits and quota', (url) => {
  // Hours of virtual time on MariaDB: some 20 s a test here, more on a loaded machine.
  jest.setTimeout(180_000);
  let emulator: ForgeEmulator | undefined;
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
  });

  const unmeasured = (e: ForgeEmulator, ids: readonly string[]) =>
    ids.filter((id) => e.site.customFieldValues.get(id)?.get('sla-state') === undefined);

  it('absorbs burst 429s without Retry-After by waiting until X-RateLimit-Reset', async () => {
    emulator = await startEmulator(url, {
      seeded: true,
      limits: { jiraBurstPerSecond: 2 },
      omitRetryAfter: 1,
      coldStartRate: 0.3,
    });
    const e = emulator;
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push(e.site.create({ reporter: 'carla-customer', fields: acme }).id);
    expect(await e.drain()).toBe(true);

    const metrics = e.metrics();
    expect(metrics.jira.burst429).toBeGreaterThan(0);
    expect(metrics.jira.withoutRetryAfter).toBe(metrics.jira.burst429);
    expect(unmeasured(e, ids)).toEqual([]);
    expect(metrics.delivery.productEventsLost).toBe(0);
    expect(metrics.errors).toEqual([]);
  });

  it('waits out an hourly quota lock-out without dropping work, probing Jira only when it said', async () => {
    // 80 points an hour: a few issues' reads spend it, and the rest wait for the next hours. The sweep runs, as on
    // Forge: it kicks a drain for marks a failed drain left behind.
    emulator = await startEmulator(url, {
      seeded: true,
      scheduled: true,
      limits: { jiraPointsPerHour: 80 },
      omitRetryAfter: 0.5,
    });
    const e = emulator;
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(e.site.create({ reporter: 'carla-customer', fields: acme }).id);
    // Marks wait in the store through the lock-out, so play whole hours rather than until nothing is queued.
    await e.advance(6 * HOUR);

    const metrics = e.metrics();
    // The quota locked the app out for hours (the work needed three of them), far longer than the 15 minutes an
    // issue used to survive.
    const hours = [...e.jira.pointsByHour.keys()].length;
    expect(metrics.jira.quota429).toBeGreaterThan(0);
    expect(hours).toBeGreaterThanOrEqual(3);
    expect(unmeasured(e, ids)).toEqual([]);
    expect(metrics.errors).toEqual([]);
    expect(metrics.delivery.productEventsLost).toBe(0);
    // Each drain waits until the hour Jira named: a handful of refused probes an hour, not one a minute per shard.
    expect(metrics.jira.quota429).toBeLessThanOrEqual(10 * hours);
  });

  it('measures the Jira points an event costs in a steady flow', async () => {
    emulator = await startEmulator(url, { seeded: true, coldStartRate: 0.2 });
    const e = emulator;
    // Requests raised over a morning, each answered, escalated and resolved: about a dozen events an issue.
    for (let i = 0; i < 20; i++) {
      const issue = e.site.create({ reporter: 'carla-customer', fields: acme });
      await e.advance(2 * MINUTE);
      e.site.comment(issue.id, 'carla-customer', 'Any news?');
      e.site.comment(issue.id, 'alex-agent', 'Looking into it.');
      await e.advance(3 * MINUTE);
      e.site.setPriority(issue.id, 'alex-agent', 'High');
      e.site.transition(issue.id, 'alex-agent', 'In Progress');
      e.site.assign(issue.id, 'alex-agent', 'alex-agent');
      await e.advance(5 * MINUTE);
    }
    expect(await e.drain()).toBe(true);
    const metrics = e.metrics();
    const perEvent = metrics.jira.points / metrics.delivery.productEvents;
    process.stdout.write(
      `bench: Jira points per product event ${perEvent.toFixed(2)} (${metrics.jira.points} points, ` +
        `${metrics.delivery.productEvents} events, ${metrics.jira.calls} calls: ${JSON.stringify(metrics.jira.byEndpoint)})\n`,
    );
    // No read of the site's whole status list (a point per status): only the statuses issues left, each once.
    expect(metrics.jira.byEndpoint['GET /rest/api/3/status'] ?? 0).toBe(0);
    // ATTENTION: the goal is 1; an issue read (2 points) per measurement is what is left (see README).
    expect(perEvent).toBeLessThanOrEqual(2.5);
    expect(metrics.jira.fieldWritesWakingApps).toBe(0);
    expect(metrics.errors).toEqual([]);
  });
});

/**
 * Function instances on the emulator: an idle one is recycled after ten minutes (a cold start follows), and
 * with `maxInstances` a burst waits for free instances instead of starting one per delivery, and is still
 * measured in full.
 */
import type { ForgeEmulator } from './emulator';
import { acme, describeOnMysql, startEmulator } from './support';

describeOnMysql('Forge emulator: function instances', (url) => {
  jest.setTimeout(120_000);
  let emulator: ForgeEmulator | undefined;
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
  });

  it('recycles an instance idle for ten minutes: the next delivery is a cold start', async () => {
    emulator = await startEmulator(url, { seeded: true, coldStartRate: 0 });
    const issue = emulator.site.create({ reporter: 'carla-customer', fields: acme });
    expect(await emulator.drain()).toBe(true);
    const cold = () => emulator!.metrics().invocations.cold;
    const afterCreate = cold();
    // A minute later the instances are warm: no cold start.
    await emulator.advance(60_000);
    emulator.site.comment(issue.id, 'alex-agent', 'Looking');
    expect(await emulator.drain()).toBe(true);
    expect(cold()).toBe(afterCreate);
    // Eleven idle minutes later they have been recycled.
    await emulator.advance(11 * 60_000);
    const beforeIdle = emulator.metrics().invocations.instances;
    emulator.site.comment(issue.id, 'alex-agent', 'Still looking');
    expect(await emulator.drain()).toBe(true);
    expect(cold()).toBeGreaterThan(afterCreate);
    expect(emulator.metrics().invocations.instances).toBeLessThanOrEqual(beforeIdle);
  });

  it('with maxInstances, a burst waits for free instances and every change is measured', async () => {
    emulator = await startEmulator(url, { seeded: true, coldStartRate: 0, maxInstances: 2 });
    const issues = Array.from({ length: 12 }, () =>
      emulator!.site.create({ reporter: 'carla-customer', fields: acme }),
    );
    expect(await emulator.drain()).toBe(true);
    const { invocations, errors } = emulator.metrics();
    expect(invocations.waitedForInstance).toBeGreaterThan(0);
    // At most two of each function at once (triggers, consumers of issues): never one per delivery.
    expect(invocations.peakInstances).toBeLessThanOrEqual(2 * Object.keys(invocations.byFunction).length);
    expect(invocations.cold).toBeLessThanOrEqual(2 * Object.keys(invocations.byFunction).length);
    for (const issue of issues)
      expect(emulator.site.customFieldValues.get(issue.id)?.get('sla-state')).toBe('running');
    expect(errors).toEqual([]);
  });
});

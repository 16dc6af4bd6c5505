/**
 * The app's flows end to end on the Forge emulator: the real handlers of src/index.ts, the real @forge SDKs,
 * SQL on MariaDB, Jira on the simulated site, Forge's delivery and limits.
 */
import type { ForgeEmulator } from './emulator';
import { acme, describeOnMysql, startEmulator } from './support';

describeOnMysql('Forge emulator: flows with the real handlers', (url) => {
  jest.setTimeout(60_000);
  let emulator: ForgeEmulator | undefined;
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
  });

  it('an issue event reaches the trigger, the consumer and the custom fields', async () => {
    emulator = await startEmulator(url, { seeded: true });
    const issue = emulator.site.create({ reporter: 'carla-customer', fields: acme });
    expect(await emulator.drain()).toBe(true);
    // Medium priority: first response within 120 working minutes of the request being raised.
    const created = Date.parse(String(issue.field('created')).replace('+0000', 'Z'));
    expect(Object.fromEntries(emulator.site.customFieldValues.get(issue.id) ?? [])).toEqual({
      'next-deadline': new Date(created + 120 * 60_000).toISOString(),
      'sla-state': 'running',
    });
    const metrics = emulator.metrics();
    // One trigger; its shard's drain kicked at once and again at the end of the kick window (WorkQueue).
    expect(metrics.invocations.byFunction).toEqual(
      expect.objectContaining({ 'on-issue-event': 1, 'consume-issues': 2 }),
    );
    expect(metrics.errors).toEqual([]);
  });
});

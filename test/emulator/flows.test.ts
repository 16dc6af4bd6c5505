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

describeOnMysql('Forge emulator: an update measured from its event', (url) => {
  jest.setTimeout(60_000);
  let emulator: ForgeEmulator | undefined;
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
  });

  it('applies a transition carried by the event: no GET issue, fields written in one call', async () => {
    emulator = await startEmulator(url, { seeded: true });
    const issue = emulator.site.create({ reporter: 'carla-customer', fields: acme });
    expect(await emulator.drain()).toBe(true);
    const before = emulator.metrics().jira.byEndpoint;
    await emulator.advance(60_000);
    emulator.site.transition(issue.id, 'alex-agent', 'Resolved');
    expect(await emulator.drain()).toBe(true);
    const after = emulator.metrics();
    const calls = (shape: string): number => (after.jira.byEndpoint[shape] ?? 0) - (before[shape] ?? 0);
    // Forge's payload carried the changelog entry: the stored history took it without reading the issue.
    expect(calls('GET /rest/api/3/issue/{id}')).toBe(0);
    expect(calls('POST /rest/api/3/app/field/value')).toBe(1);
    expect(emulator.site.customFieldValues.get(issue.id)?.get('sla-state')).not.toBe('running');
    expect(after.errors).toEqual([]);
  });

  it('applies a comment carried by the event, and reads the issue in full for an assignment', async () => {
    emulator = await startEmulator(url, { seeded: true });
    const issue = emulator.site.create({ reporter: 'carla-customer', fields: acme });
    expect(await emulator.drain()).toBe(true);
    const calls = (shape: string): number => emulator?.metrics().jira.byEndpoint[shape] ?? 0;
    const reads = calls('GET /rest/api/3/issue/{id}');
    await emulator.advance(60_000);
    emulator.site.comment(issue.id, 'alex-agent', 'On it');
    expect(await emulator.drain()).toBe(true);
    // The comment came with its event; only its author's kind of account was asked of Jira.
    expect(calls('GET /rest/api/3/issue/{id}') - reads).toBe(0);
    expect(calls('GET /rest/api/3/user/bulk')).toBe(1);
    expect(emulator.site.customFieldValues.get(issue.id)?.get('next-deadline')).not.toBe(
      new Date(Date.parse(String(issue.field('created')).replace('+0000', 'Z')) + 120 * 60_000).toISOString(),
    );
    await emulator.advance(60_000);
    emulator.site.assign(issue.id, 'alex-agent', 'alex-agent');
    expect(await emulator.drain()).toBe(true);
    expect(calls('GET /rest/api/3/issue/{id}') - reads).toBe(1);
    expect(emulator.metrics().errors).toEqual([]);
  });
});

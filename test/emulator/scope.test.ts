/**
 * An issue in a project no agreement covers costs what the trigger must spend to find that out (a few reads of
 * the configuration, cached per function instance) and nothing else: no SQL write, no queue event, no Jira call.
 */
import type { ForgeEmulator } from './emulator';
import { acme, describeOnMysql, MINUTE, startEmulator } from './support';

describeOnMysql('Forge emulator: projects without agreements', (url) => {
  jest.setTimeout(60_000);
  let emulator: ForgeEmulator | undefined;
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
  });

  it('changes in a project without agreements cost no SQL write, no queue event and no Jira call', async () => {
    // Project IT lists the examples' agreements; every appliesTo names project IT; HR has none.
    emulator = await startEmulator(url, { seeded: true });
    const e = emulator;
    const before = e.metrics();

    for (let i = 0; i < 5; i++) {
      const issue = e.site.create({ project: 'HR', reporter: 'carla-customer' });
      await e.advance(MINUTE);
      e.site.comment(issue.id, 'alex-agent', 'We have your request.');
      e.site.setPriority(issue.id, 'alex-agent', 'High');
      e.site.transition(issue.id, 'alex-agent', 'In Progress');
      await e.advance(MINUTE);
    }
    expect(await e.drain()).toBe(true);
    const hr = e.metrics();
    expect(hr.invocations.byFunction['on-issue-event']).toBe(20);
    expect(hr.sql.writes - before.sql.writes).toBe(0);
    expect(hr.events.pushed - before.events.pushed).toBe(0);
    expect(hr.jira.calls - before.jira.calls).toBe(0);
    expect(hr.delivery.productEventsLost).toBe(0);
    expect(hr.errors).toEqual([]);

    // The same in a covered project is measured: the counters above do see work.
    const it = e.site.create({ reporter: 'carla-customer', fields: acme });
    expect(await e.drain()).toBe(true);
    const after = e.metrics();
    expect(after.sql.writes - hr.sql.writes).toBeGreaterThan(0);
    expect(after.jira.calls - hr.jira.calls).toBeGreaterThan(0);
    expect(e.site.customFieldValues.get(it.id)?.get('sla-state')).toBe('running');
  });
});

/**
 * Jira Automation's actions through the real handlers of src/index.ts and the real @forge SDKs on the
 * emulator: the rule actor's rights are read from Jira (permissions, groups) as that actor, the decision is
 * stored in Forge SQL, and the reply is Automation's outputs or its errors.
 */
import type { ForgeEmulator } from './emulator';
import { acme, describeOnMysql, exampleAgreements, exampleCalendars, startEmulator } from './support';
import { seedConfig } from './seed';

describeOnMysql('Forge emulator: Jira Automation actions', (url) => {
  jest.setTimeout(60_000);
  let emulator: ForgeEmulator | undefined;
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
  });

  it('extends as a rule actor in a named group, refuses one outside it, and reads the metric', async () => {
    emulator = await startEmulator(url);
    const agreements = exampleAgreements.map((a) =>
      a.id === 'gold' ? { ...a, extensionGroups: ['it-second-level'] } : a,
    );
    await seedConfig(emulator, {
      calendars: exampleCalendars,
      agreements,
      projects: { IT: agreements.map((a) => a.id) },
    });
    const issue = emulator.site.create({ reporter: 'carla-customer', fields: acme });
    expect(await emulator.drain()).toBe(true);
    const inputs = { issueId: issue.id, agreementId: 'gold', metricId: 'first-response' };

    expect(
      await emulator.invokeAction(
        'automation-extend',
        { ...inputs, minutes: 60, reason: 'Vendor' },
        'erik-agent',
      ),
    ).toEqual({ errors: [{ message: expect.stringContaining('it-second-level') }] });
    const extended = await emulator.invokeAction(
      'automation-extend',
      { ...inputs, minutes: 60, reason: 'Vendor' },
      'bea-second',
    );
    expect(extended).toEqual(
      expect.objectContaining({ state: 'running', extendedMinutes: 60, excused: false }),
    );
    expect(await emulator.invokeAction('automation-metric', inputs, 'erik-agent')).toEqual(
      expect.objectContaining({ extendedMinutes: 60, deadline: (extended as { deadline: string }).deadline }),
    );
    expect(emulator.metrics().errors).toEqual([]);
  });
});

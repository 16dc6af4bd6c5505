/**
 * Jira Automation's actions on the sandbox: what a rule's actor may do, the outputs later steps read, and the
 * error reply Automation shows in the rule's audit log. Monday 2 March 2026 from 09:00 Berlin; a Medium first
 * response is due at 11:00 (10:00Z).
 */
import { runAutomationAction } from '../../src/app/adjustments/automation';
import { actorOf, inputsOf } from '../../src/forge/automation';
import type { Agreement } from '../../src/engine/agreement/types';
import { acme, exampleAgreements, makeWorld, MINUTE } from './sandbox-world';

type World = Awaited<ReturnType<typeof makeWorld>>;

const agreements: Agreement[] = exampleAgreements.map((a) =>
  a.id === 'gold' ? { ...a, extensionGroups: ['it-second-level'] } : a,
);

let world: World;
afterEach(async () => {
  await world.close();
});

async function raise(): Promise<string> {
  const issue = world.site.create({ reporter: 'carla-customer', priority: 'Medium', fields: acme });
  await world.drain();
  return issue.id;
}

const inputs = (issueId: string, extra: object = {}) => ({
  issueId,
  agreementId: 'gold',
  metricId: 'first-response',
  ...extra,
});

describe('the Automation actions', () => {
  it('extend as a rule actor in a named group, with the outputs a later step reads', async () => {
    world = await makeWorld({ agreements });
    const issueId = await raise();
    // Automation passes what the rule configured as text: a smart value's issue id, "90" minutes.
    const reply = await runAutomationAction(
      world.deps,
      'extend',
      inputs(issueId, { minutes: '90', reason: 'Vendor delay (rule)' }),
      'bea-second',
    );
    expect(reply).toEqual({
      state: 'running',
      breached: false,
      deadline: '2026-03-02T11:30:00.000Z',
      deadlineEpochMs: Date.parse('2026-03-02T11:30:00.000Z'),
      remainingMinutes: 210,
      extendedMinutes: 90,
      excused: false,
    });
    expect(await world.store.audit.list({ limit: 5, entityId: issueId })).toEqual([
      expect.objectContaining({ actor: 'bea-second', action: 'issue.extend' }),
    ]);
  });

  it('refuse a rule actor without the right, and no actor at all, as Automation errors', async () => {
    world = await makeWorld({ agreements });
    const issueId = await raise();
    const extend = inputs(issueId, { minutes: 30, reason: 'x' });
    expect(await runAutomationAction(world.deps, 'extend', extend, 'erik-agent')).toEqual({
      errors: [{ message: expect.stringContaining('it-second-level') }],
    });
    expect(await runAutomationAction(world.deps, 'extend', extend, 'carla-customer')).toEqual({
      errors: [{ message: expect.stringContaining('permission') }],
    });
    expect(await runAutomationAction(world.deps, 'extend', extend, undefined)).toEqual({
      errors: [{ message: expect.stringContaining('which account') }],
    });
    expect(await world.store.adjustments.forIssue(issueId)).toEqual([]);
  });

  it('say which input is wrong', async () => {
    world = await makeWorld({ agreements });
    const issueId = await raise();
    const reply = await runAutomationAction(
      world.deps,
      'extend',
      { ...inputs('IT-1'), minutes: 'soon', reason: '' },
      'chris-admin',
    );
    expect(reply).toEqual({
      errors: expect.arrayContaining([
        { message: expect.stringMatching(/^issueId: /) },
        { message: expect.stringMatching(/^minutes: /) },
        { message: expect.stringMatching(/^reason: /) },
      ]),
    });
    expect(await world.store.adjustments.forIssue(issueId)).toEqual([]);
  });

  it('excuse a breach, and read the metric for anyone who can browse the issue', async () => {
    world = await makeWorld({ agreements });
    const issueId = await raise();
    await world.advance(150 * MINUTE);
    expect(await runAutomationAction(world.deps, 'metric', inputs(issueId), 'erik-agent')).toEqual(
      expect.objectContaining({ breached: true, excused: false, remainingMinutes: -30 }),
    );
    expect(
      await runAutomationAction(
        world.deps,
        'excuse',
        inputs(issueId, { reason: 'Outage at Acme' }),
        'bea-second',
      ),
    ).toEqual(expect.objectContaining({ breached: true, excused: true }));
    expect(await runAutomationAction(world.deps, 'metric', inputs(issueId), 'erik-agent')).toEqual(
      expect.objectContaining({ excused: true }),
    );
    expect(await runAutomationAction(world.deps, 'metric', inputs(issueId), 'carla-customer')).toEqual({
      errors: [expect.anything()],
    });
  });
});

describe('the Forge action functions read', () => {
  it('the inputs from the payload, wrapped or not, and the actor from the context', () => {
    expect(inputsOf({ issueId: '1' })).toEqual({ issueId: '1' });
    expect(inputsOf({ inputs: { issueId: '1' }, context: { cloudId: 'c' } })).toEqual({ issueId: '1' });
    expect(actorOf({ principal: { accountId: 'acc-1' }, installContext: 'ari' })).toBe('acc-1');
    expect(actorOf({ installContext: 'ari' })).toBeUndefined();
    expect(actorOf(null)).toBeUndefined();
  });
});

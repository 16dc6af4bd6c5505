import type { Agreement } from '../../src/engine/agreement/types';
import { makeWorld, MINUTE } from './sandbox-world';

type World = Awaited<ReturnType<typeof makeWorld>>;

let world: World;
afterEach(async () => {
  await world.close();
});

/** Resolution, paused while waiting for the customer: High 2 h, the rest 3 h of Berlin office hours. */
const agreement: Agreement = {
  id: 'watch',
  name: 'Watch',
  kind: 'SLA',
  appliesTo: 'project = IT',
  metrics: [
    {
      id: 'resolve',
      name: 'Time to resolution',
      start: [{ event: 'created' }],
      stop: [{ event: 'resolution', change: 'set' }],
      pauseWhile: 'status = "Waiting for customer"',
      goals: [
        { when: 'priority = High', targetMinutes: 120, calendar: 'berlin-9-17' },
        { targetMinutes: 180, calendar: 'berlin-9-17' },
      ],
      thresholds: [
        {
          at: { minutesAfterBreach: 0 },
          actions: [{ type: 'comment', body: '{metric} breached on {issue}.' }],
        },
      ],
    },
  ],
};

// Found by the live loop's property (test/app/live-loop.property.test.ts; bench seed 619832015, shrunk): the
// breach at a goal change while the request waits for the customer was stored as "paused, not breached" with
// nothing due, so no one evaluated it again: no breach comment, "SLA state" wrong until the next change.
it('acts on a breach at a priority change while the request waits for the customer', async () => {
  world = await makeWorld({ agreements: [agreement] }); // Monday 09:00 in Berlin
  const issue = world.site.create({ reporter: 'carla-customer', priority: 'Medium' });
  await world.advance(135 * MINUTE); // 11:15: 2 h 15 min of Medium's 3 h
  world.site.transition(issue.id, 'alex-agent', 'Waiting for customer');
  await world.advance(45 * MINUTE);
  world.site.setPriority(issue.id, 'alex-agent', 'High'); // 12:00: High's 2 h already passed, breached now
  await world.advance(10 * MINUTE);
  const [result] = await world.store.results.forIssue(issue.id);
  expect(result).toEqual(expect.objectContaining({ state: 'paused', breached: true }));
  expect(result?.result.cycles[0]?.breachedAt).toBe('2026-03-02T11:00:00.000Z');
  expect(world.site.find(issue.id)?.commentMarkers()).toHaveLength(1);
});

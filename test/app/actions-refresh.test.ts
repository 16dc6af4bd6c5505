import type { Agreement } from '../../src/engine/agreement/types';
import { CLAIM_STALE_MS } from '../../src/app/evaluation/actions';
import { makeWorld, MINUTE } from './sandbox-world';

type World = Awaited<ReturnType<typeof makeWorld>>;

let world: World;
afterEach(async () => {
  await world.close();
});

/** 60 minutes around the clock, 120 once Highest; at half-time Accord raises the priority to Highest. */
const escalating: Agreement = {
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
      goals: [
        { when: 'priority = Highest', targetMinutes: 120, calendar: 'always' },
        { targetMinutes: 60, calendar: 'always' },
      ],
      thresholds: [{ at: { percent: 50 }, actions: [{ type: 'priority', name: 'Highest' }] }],
    },
  ],
};

// Found by the live loop's property (test/app/live-loop.property.test.ts; bench seed 1254182469, shrunk): a
// consumer that changed the issue and died before recording it queued no re-read, so the stored history lacked
// Accord's own change until the claim was re-taken (here 15 minutes on, which the due consumer's retry schedules)
// or, when the consumer's redelivered event found nothing left to do (a duplicate drain of an issue another drain
// had measured), until someone next evaluated the issue: results that disagreed with Jira meanwhile.
it('re-reads an issue Accord changed even when the consumer dies before recording the action', async () => {
  world = await makeWorld({ agreements: [escalating] }); // Monday 09:00 in Berlin
  const issue = world.site.create({ reporter: 'carla-customer', priority: 'Medium' });
  const actions = world.store.actions as unknown as { complete: (...args: unknown[]) => Promise<void> };
  const complete = actions.complete.bind(world.store.actions);
  let dead = false;
  actions.complete = (...args: unknown[]) => {
    if (dead) return complete(...args);
    dead = true;
    return Promise.reject(new Error('the consumer died'));
  };
  await world.advance(35 * MINUTE); // the half-time action at 08:30 UTC, its consumer dead before recording it
  expect((world.site.find(issue.id)?.field('priority') as { name: string }).name).toBe('Highest');
  const [result] = await world.store.results.forIssue(issue.id);
  // Measured on the history with Accord's own change, not the one before it: Highest's 120 minutes.
  expect(result?.result.goal?.index).toBe(0);
  expect(result?.result.cycles[0]?.deadline).toBe('2026-03-02T10:00:00.000Z');
  await world.advance(CLAIM_STALE_MS + 2 * MINUTE);
  expect(await world.store.actions.forIssue(issue.id)).toEqual([expect.objectContaining({ status: 'done' })]);
});

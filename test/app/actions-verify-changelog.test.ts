import type { Agreement } from '../../src/engine/agreement/types';
import { CLAIM_STALE_MS } from '../../src/app/evaluation/actions';
import { makeWorld, MINUTE } from './sandbox-world';

type World = Awaited<ReturnType<typeof makeWorld>>;

let world: World;
afterEach(async () => {
  await world.close();
});

/** 60 minutes around the clock; at half-time Accord sets the priority to High. */
const lowering: Agreement = {
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
      goals: [{ targetMinutes: 60, calendar: 'always' }],
      thresholds: [{ at: { percent: 50 }, actions: [{ type: 'priority', name: 'High' }] }],
    },
  ],
};

/** The app's priority changes on the issue, as Jira's changelog shows them. */
function appPriorityChanges(issueId: string): string[] {
  const histories = world.site.find(issueId)?.histories() as {
    author: { accountId: string };
    items: { field: string; toString: string | null }[];
  }[];
  return histories
    .filter((h) => h.author.accountId === 'accord-app')
    .flatMap((h) => h.items.filter((i) => i.field === 'priority').map((i) => String(i.toString)));
}

// Found by the live loop's property (test/app/live-loop.property.test.ts; bench seed 22247305, shrunk): the
// consumer that set the priority died before recording it, an agent set the priority back, and the claim re-taken
// 15 minutes later asked Jira only for the current value, found it different and set it again: two changes by
// Accord for one firing, overriding the agent's choice.
it('does not perform a field action again that Jira shows Accord made, though a person changed it since', async () => {
  world = await makeWorld({ agreements: [lowering] }); // Monday 09:00 in Berlin
  const issue = world.site.create({ reporter: 'carla-customer', priority: 'Highest' });
  const actions = world.store.actions as unknown as { complete: (...args: unknown[]) => Promise<void> };
  const complete = actions.complete.bind(world.store.actions);
  let dead = false;
  actions.complete = (...args: unknown[]) => {
    if (dead) return complete(...args);
    dead = true;
    return Promise.reject(new Error('the consumer died'));
  };
  await world.advance(32 * MINUTE); // 09:30: High set, the consumer dead before recording it
  expect(appPriorityChanges(issue.id)).toEqual(['High']);
  world.site.setPriority(issue.id, 'alex-agent', 'Highest');
  await world.advance(CLAIM_STALE_MS + 5 * MINUTE);
  expect(appPriorityChanges(issue.id)).toEqual(['High']);
  expect((world.site.find(issue.id)?.field('priority') as { name: string }).name).toBe('Highest');
  expect(await world.store.actions.forIssue(issue.id)).toEqual([expect.objectContaining({ status: 'done' })]);
});

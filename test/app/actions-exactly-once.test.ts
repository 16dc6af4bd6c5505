import type { Action, Agreement } from '../../src/engine/agreement/types';
import { CLAIM_STALE_MS } from '../../src/app/evaluation/actions';
import { processDue } from '../../src/app/evaluation/process-due';
import { JiraError } from '../../src/app/ports';
import { makeWorld, MINUTE } from './sandbox-world';

type World = Awaited<ReturnType<typeof makeWorld>>;

let world: World;
afterEach(async () => {
  await world.close();
});

/** One metric, 60 minutes around the clock from creation, one action at half-time (09:30). */
function acting(action: Action): Agreement {
  return {
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
        thresholds: [{ at: { percent: 50 }, actions: [action] }],
      },
    ],
  };
}

const ACTIONS: readonly [string, Action][] = [
  ['comment', { type: 'comment', internal: true, body: '{metric} on {issue} is half gone.' }],
  ['priority', { type: 'priority', name: 'Highest' }],
  ['assign', { type: 'assign', accountId: 'erik-agent' }],
  ['transition', { type: 'transition', to: 'Escalated' }],
  ['label', { type: 'label', add: 'half-gone' }],
];

/** What the app did to the issue, as Jira shows it: its comments, and its changelog entries by field. */
function appTraces(issueId: string): string[] {
  const json = world.site.find(issueId)!.json() as {
    fields: { comment: { comments: { author: { accountId: string } }[] } };
    changelog: { histories: { author: { accountId: string }; items: { field: string }[] }[] };
  };
  return [
    ...json.fields.comment.comments.filter((c) => c.author.accountId === 'accord-app').map(() => 'comment'),
    ...json.changelog.histories
      .filter((h) => h.author.accountId === 'accord-app')
      .flatMap((h) => h.items.map((i) => i.field)),
  ];
}

/** Makes `method` of `target` throw once, after (`after`) or instead of doing its work; later calls work. */
function failOnce(
  target: object,
  method: string,
  options: { readonly after: boolean; readonly error?: Error },
): void {
  const methods = target as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const real = methods[method]!.bind(target);
  let armed = true;
  methods[method] = async (...args: unknown[]) => {
    if (!armed) return real(...args);
    armed = false;
    if (options.after) await real(...args);
    throw options.error ?? new Error(`${method}: injected fault`);
  };
}

/** Forge delivers an event again when its consumer failed: here, the due event at 09:30. */
const redeliver = async (issueId: string) =>
  processDue(world.deps, { type: 'due', issueId, at: Date.UTC(2026, 2, 2, 8, 30) });

describe('threshold actions exactly once as seen in Jira', () => {
  it.each(ACTIONS)(
    '%s: performed, then the consumer dies before recording it; the stale claim re-taken checks Jira first',
    async (_, action) => {
      world = await makeWorld({ agreements: [acting(action)] });
      const issue = world.site.create({ reporter: 'carla-customer' });
      failOnce(world.store.actions, 'complete', { after: false });
      await world.advance(35 * MINUTE);
      expect(appTraces(issue.id)).toHaveLength(1);
      // The consumer logged the failure and queued the issue again (60 s later). The claim is still fresh then,
      // so that try only asks to come back once the claim is stale (15 minutes); the action is then found done
      // in Jira and recorded. The platform delivering the failed event once more changes nothing.
      expect(world.logger.withCode('issue.retry')).toEqual([
        expect.objectContaining({ issueId: issue.id, level: 'warn' }),
      ]);
      await redeliver(issue.id);
      await world.advance(CLAIM_STALE_MS + 2 * MINUTE);
      expect(appTraces(issue.id)).toHaveLength(1);
      expect(await world.store.actions.forIssue(issue.id)).toEqual([
        expect.objectContaining({ status: 'done', attempts: 2 }),
      ]);
    },
  );

  it.each(ACTIONS)(
    '%s: Jira did it but the call failed (a lost reply); the retry checks Jira first',
    async (_, action) => {
      world = await makeWorld({ agreements: [acting(action)] });
      const issue = world.site.create({ reporter: 'carla-customer' });
      const method = { comment: 'addComment', priority: 'setPriority', assign: 'assign' } as const;
      const name =
        action.type === 'transition' || action.type === 'label'
          ? action.type === 'label'
            ? 'addLabel'
            : 'transition'
          : method[action.type as keyof typeof method];
      failOnce(world.jira, name, { after: true, error: new JiraError('Jira timed out', 0, true) });
      await world.advance(35 * MINUTE); // the retry is queued 60 s after the failure
      expect(appTraces(issue.id)).toHaveLength(1);
      expect(await world.store.actions.forIssue(issue.id)).toEqual([
        expect.objectContaining({ status: 'done', attempts: 2 }),
      ]);
    },
  );

  it('comment: performs again when the first attempt never reached Jira', async () => {
    world = await makeWorld({ agreements: [acting(ACTIONS[0]![1])] });
    const issue = world.site.create({ reporter: 'carla-customer' });
    failOnce(world.jira, 'addComment', {
      after: false,
      error: new JiraError('Jira answered 503', 503, true),
    });
    await world.advance(45 * MINUTE);
    expect(appTraces(issue.id)).toEqual(['comment']);
  });

  describe('a notification, which leaves nothing in Jira to check', () => {
    const notify: Action = { type: 'notify', to: ['assignee'], subject: '{issue}', body: 'Half gone.' };

    it('is recorded unknown and never sent again when the consumer died after sending it', async () => {
      world = await makeWorld({ agreements: [acting(notify)] });
      const issue = world.site.create({ reporter: 'carla-customer' });
      failOnce(world.store.actions, 'complete', { after: false });
      await world.advance(35 * MINUTE);
      expect(world.logger.withCode('issue.retry')).toHaveLength(1);
      await redeliver(issue.id);
      await world.advance(CLAIM_STALE_MS + 2 * MINUTE);
      expect(world.site.notifications).toHaveLength(1);
      expect(await world.store.actions.forIssue(issue.id)).toEqual([
        expect.objectContaining({ status: 'unknown' }),
      ]);
    });

    it('is recorded unknown when the call failed in a way that may have sent it (a 503)', async () => {
      world = await makeWorld({ agreements: [acting(notify)] });
      const issue = world.site.create({ reporter: 'carla-customer' });
      failOnce(world.jira, 'notify', { after: true, error: new JiraError('Jira answered 503', 503, true) });
      await world.advance(60 * MINUTE);
      expect(world.site.notifications).toHaveLength(1);
      expect((await world.store.actions.forIssue(issue.id))[0]?.status).toBe('unknown');
    });

    it('is sent again when Jira refused it outright (a 429), once', async () => {
      world = await makeWorld({ agreements: [acting(notify)] });
      const issue = world.site.create({ reporter: 'carla-customer' });
      failOnce(world.jira, 'notify', { after: false, error: new JiraError('Jira answered 429', 429, true) });
      await world.advance(60 * MINUTE);
      expect(world.site.notifications).toHaveLength(1);
      expect((await world.store.actions.forIssue(issue.id))[0]?.status).toBe('done');
    });
  });
});

/**
 * Jira work per event (issue 17): an update whose event carries its changelog entry is applied to the stored
 * history with no read of the issue, when that is sound; anything that may hide a gap reads the issue in full;
 * and whatever the order and repetition of deliveries, the stored history ends as a full read gives it.
 */
import fc from 'fast-check';
import { toStoredHistory } from '../../src/app/evaluation/evaluate-issue';
import { onIssueChanged } from '../../src/app/evaluation/trigger';
import type { IssueHistoryData } from '../../src/engine/issue';
import { parseTriggerEvent } from '../../src/forge/payloads';
import type { SiteEvent } from '../../src/sandbox/jira/site';
import { acme, makeWorld, MINUTE } from './sandbox-world';

type World = Awaited<ReturnType<typeof makeWorld>>;

let world: World;
afterEach(async () => {
  await world.close();
});

/** A world whose product events the test delivers itself, each as Forge's payload. */
async function manualWorld(): Promise<{ payloads: Record<string, unknown>[] }> {
  world = await makeWorld({ deliverEvents: false });
  const payloads: Record<string, unknown>[] = [];
  world.site.onEvent((event: SiteEvent) => payloads.push(world.site.triggerPayload(event)));
  return { payloads };
}

/** The trigger receiving one payload (then a drain, unless told otherwise). */
async function deliver(payload: Record<string, unknown>, drain = true): Promise<void> {
  const change = parseTriggerEvent(payload);
  if (change === undefined) throw new Error('payload did not parse');
  await onIssueChanged(world.deps, change);
  if (drain) await world.drain();
}

function withoutApplied(data: IssueHistoryData | undefined): unknown {
  if (data === undefined) return undefined;
  const copy: Record<string, unknown> = { ...data };
  delete copy.applied;
  return copy;
}

/** The stored history's data, and what a full read of the issue gives now. */
async function storedAndRead(issueId: string): Promise<{ stored: unknown; read: unknown }> {
  const stored = await world.store.histories.get(issueId);
  const json = await world.jira.getIssue(issueId);
  if (json === undefined) throw new Error(`no issue ${issueId}`);
  const read = await toStoredHistory(world.deps, json, world.clock.now());
  if ('message' in read) throw new Error(read.message);
  return { stored: withoutApplied(stored?.data), read: withoutApplied(read.data) };
}

describe('an update applied from its event', () => {
  it('reads nothing from Jira, and stores what a full read gives', async () => {
    const { payloads } = await manualWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await deliver(payloads[0]!); // a new issue: read in full
    const reads = jest.spyOn(world.jira, 'getIssue');
    world.clock.advance(MINUTE);
    world.site.transition(issue.id, 'alex-agent', 'In Progress');
    world.clock.advance(MINUTE);
    world.site.setPriority(issue.id, 'alex-agent', 'High');
    world.clock.advance(MINUTE);
    world.site.transition(issue.id, 'alex-agent', 'Resolved');
    for (const payload of payloads.slice(1)) await deliver(payload);
    expect(reads).not.toHaveBeenCalled();
    expect(world.logger.withCode('issue.read-in-full')).toEqual([]);
    const { stored, read } = await storedAndRead(issue.id);
    expect(stored).toEqual(read);
    // The custom fields were written from the applied history: resolved, nothing running.
    expect(world.site.customFieldValues.get(issue.id)?.get('sla-state')).not.toBe('running');
  });
});

describe('a duplicate delivery', () => {
  it('costs no read: the entry is known as applied', async () => {
    const { payloads } = await manualWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await deliver(payloads[0]!);
    world.clock.advance(MINUTE);
    world.site.transition(issue.id, 'alex-agent', 'In Progress');
    world.clock.advance(MINUTE);
    world.site.setPriority(issue.id, 'alex-agent', 'High');
    const reads = jest.spyOn(world.jira, 'getIssue');
    await deliver(payloads[1]!);
    await deliver(payloads[2]!);
    await deliver(payloads[1]!); // Forge delivered it again, after a later change was applied
    await deliver(payloads[2]!);
    expect(reads).not.toHaveBeenCalled();
    const { stored, read } = await storedAndRead(issue.id);
    expect(stored).toEqual(read);
  });

  it('costs no read when the history was read in full after the change', async () => {
    const { payloads } = await manualWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    world.clock.advance(MINUTE);
    world.site.transition(issue.id, 'alex-agent', 'In Progress');
    world.clock.advance(MINUTE);
    await deliver(payloads[0]!); // the creation: a full read, which sees the transition too
    const reads = jest.spyOn(world.jira, 'getIssue');
    await deliver(payloads[1]!);
    expect(reads).not.toHaveBeenCalled();
  });
});

describe('a full read where the history may have a gap', () => {
  it('reads the issue when a change before the event was never delivered', async () => {
    const { payloads } = await manualWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await deliver(payloads[0]!);
    world.clock.advance(MINUTE);
    world.site.setPriority(issue.id, 'alex-agent', 'Low'); // its event is lost
    world.clock.advance(MINUTE);
    world.site.setPriority(issue.id, 'alex-agent', 'High');
    const reads = jest.spyOn(world.jira, 'getIssue');
    await deliver(payloads[2]!);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(world.logger.withCode('issue.read-in-full')).toEqual([
      expect.objectContaining({ reason: 'gap', issueId: issue.id }),
    ]);
    const { stored, read } = await storedAndRead(issue.id);
    expect(stored).toEqual(read);
  });

  it('reads the issue when a change arrives after a later one was applied', async () => {
    const { payloads } = await manualWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await deliver(payloads[0]!);
    world.clock.advance(MINUTE);
    world.site.transition(issue.id, 'alex-agent', 'In Progress');
    world.clock.advance(MINUTE);
    world.site.setPriority(issue.id, 'alex-agent', 'High');
    const reads = jest.spyOn(world.jira, 'getIssue');
    await deliver(payloads[2]!); // the priority first: on another field, so it applies (the status is missed)
    expect(reads).not.toHaveBeenCalled();
    await deliver(payloads[1]!); // then the status change, older than what was applied
    expect(reads).toHaveBeenCalledTimes(1);
    expect(world.logger.withCode('issue.read-in-full')).toEqual([
      expect.objectContaining({ reason: 'late' }),
    ]);
    const { stored, read } = await storedAndRead(issue.id);
    expect(stored).toEqual(read);
  });

  it('reads the issue when retention dropped its history', async () => {
    const { payloads } = await manualWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await deliver(payloads[0]!);
    world.clock.advance(MINUTE);
    world.site.transition(issue.id, 'alex-agent', 'Resolved');
    await deliver(payloads[1]!);
    expect(await world.store.histories.dropClosed(world.clock.now() + 1, 10)).toBe(1);
    world.clock.advance(MINUTE);
    world.site.transition(issue.id, 'carla-customer', 'Open');
    const reads = jest.spyOn(world.jira, 'getIssue');
    await deliver(payloads[2]!);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(world.logger.withCode('issue.read-in-full')).toEqual([
      expect.objectContaining({ reason: 'no-history' }),
    ]);
  });

  it('reads the issue when the event carries no change it can apply (a comment)', async () => {
    const { payloads } = await manualWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await deliver(payloads[0]!);
    world.clock.advance(MINUTE);
    world.site.comment(issue.id, 'alex-agent', 'On it');
    const reads = jest.spyOn(world.jira, 'getIssue');
    await deliver(payloads[1]!);
    expect(reads).toHaveBeenCalledTimes(1);
  });
});

describe('duplicates and reordering', () => {
  jest.setTimeout(120_000);

  it('end with the history a full read gives, whatever the order and repetition of deliveries', async () => {
    const ops = [
      'In Progress',
      'Waiting for customer',
      'Resolved',
      'Open',
      'High',
      'Low',
      'Medium',
      'comment',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...ops), fc.constantFrom(0, 0, 1, 2)), {
          minLength: 1,
          maxLength: 10,
        }),
        fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
        async (changes, draws) => {
          const { payloads } = await manualWorld();
          try {
            const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
            await deliver(payloads[0]!);
            for (const [op, minutes] of changes) {
              // Zero minutes: two changes at one instant, the hardest case for ordering by `updated`.
              world.clock.advance(minutes * MINUTE);
              if (op === 'comment') world.site.comment(issue.id, 'alex-agent', 'Update');
              else if (['High', 'Low', 'Medium'].includes(op))
                world.site.setPriority(issue.id, 'alex-agent', op);
              else world.site.transition(issue.id, 'alex-agent', op);
            }
            // Every event at least once, some twice, in a shuffled order, with drains at random points.
            const draw = (i: number): number => draws[i % draws.length] ?? 0;
            const schedule = payloads.slice(1).flatMap((p, i) => (draw(i) % 3 === 0 ? [p, p] : [p]));
            for (let i = schedule.length - 1; i > 0; i--) {
              const j = draw(i + 7) % (i + 1);
              [schedule[i], schedule[j]] = [schedule[j]!, schedule[i]!];
            }
            for (const [i, payload] of schedule.entries()) await deliver(payload, draw(i + 13) % 2 === 0);
            await world.drain();
            const { stored, read } = await storedAndRead(issue.id);
            expect(stored).toEqual(read);
          } finally {
            await world.close();
          }
        },
      ),
      { numRuns: 40 },
    );
    world = await makeWorld(); // for afterEach
  });
});

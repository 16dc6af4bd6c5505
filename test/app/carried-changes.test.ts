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

/** The history without what the app keeps beside it: the entries applied, and the accounts' kinds. */
function withoutApplied(data: IssueHistoryData | undefined): unknown {
  if (data === undefined) return undefined;
  const copy: Record<string, unknown> = { ...data };
  delete copy.applied;
  delete copy.accounts;
  return copy;
}

/** Every account kind the history keeps is the site's. */
function expectAccountsTrue(data: IssueHistoryData | undefined): void {
  for (const [accountId, kind] of Object.entries(data?.accounts ?? {}))
    expect([accountId, kind]).toEqual([accountId, world.site.user(accountId)?.accountType]);
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

describe('a comment applied from its event', () => {
  it('reads no issue, types each author once, and stores what a full read gives', async () => {
    const { payloads } = await manualWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await deliver(payloads[0]!); // a new issue: read in full (it names Carla, a customer)
    const reads = jest.spyOn(world.jira, 'getIssue');
    const users = jest.spyOn(world.jira, 'getUsers');
    world.clock.advance(MINUTE);
    world.site.comment(issue.id, 'carla-customer', 'Any news?');
    world.clock.advance(MINUTE);
    world.site.comment(issue.id, 'alex-agent', 'Looking into it.');
    world.clock.advance(MINUTE);
    world.site.comment(issue.id, 'alex-agent', 'Asked the network team.', { internal: true });
    world.clock.advance(MINUTE);
    world.site.comment(issue.id, 'gina-customer', 'Same here.'); // a customer, not the reporter
    world.clock.advance(MINUTE);
    world.site.comment(issue.id, 'alex-agent', 'Fixed, please check.');
    for (const payload of payloads.slice(1)) await deliver(payload);
    expect(reads).not.toHaveBeenCalled();
    expect(world.logger.withCode('issue.read-in-full')).toEqual([]);
    // Carla was known from the read, Alex and Gina were asked for once each.
    expect(users.mock.calls).toEqual([[['alex-agent']], [['gina-customer']]]);
    const stored = await world.store.histories.get(issue.id);
    expect(stored?.data.events.flatMap((e) => (e.kind === 'comment' ? [e.by] : []))).toEqual([
      'customer',
      'agent',
      'agent',
      'customer',
      'agent',
    ]);
    expectAccountsTrue(stored?.data);
    const { stored: applied, read } = await storedAndRead(issue.id);
    expect(applied).toEqual(read);
  });

  it('asks Jira for an author once per instance, whatever the issue', async () => {
    const { payloads } = await manualWorld();
    const first = world.site.create({ reporter: 'carla-customer', fields: acme });
    const second = world.site.create({ reporter: 'dan-customer', fields: acme });
    await deliver(payloads[0]!);
    await deliver(payloads[1]!);
    const users = jest.spyOn(world.jira, 'getUsers');
    world.clock.advance(MINUTE);
    world.site.comment(first.id, 'alex-agent', 'On it');
    world.site.comment(second.id, 'alex-agent', 'On it');
    for (const payload of payloads.slice(2)) await deliver(payload);
    expect(users).toHaveBeenCalledTimes(1);
    expect(world.logger.withCode('issue.read-in-full')).toEqual([]);
  });

  it('costs no read when the history was read in full after the comment', async () => {
    const { payloads } = await manualWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    world.clock.advance(MINUTE);
    world.site.comment(issue.id, 'alex-agent', 'On it');
    world.clock.advance(MINUTE);
    await deliver(payloads[0]!); // the creation: a full read, which sees the comment too
    const reads = jest.spyOn(world.jira, 'getIssue');
    await deliver(payloads[1]!);
    expect(reads).not.toHaveBeenCalled();
    const { stored, read } = await storedAndRead(issue.id);
    expect(stored).toEqual(read);
  });

  it('reads the issue when Jira cannot type the author', async () => {
    const { payloads } = await manualWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await deliver(payloads[0]!);
    world.clock.advance(MINUTE);
    world.site.comment(issue.id, 'ghost-agent', 'Who am I?'); // no such account on the site
    const reads = jest.spyOn(world.jira, 'getIssue');
    await deliver(payloads[1]!);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(world.logger.withCode('issue.read-in-full')).toEqual([
      expect.objectContaining({ reason: 'author-type', issueId: issue.id }),
    ]);
    const { stored, read } = await storedAndRead(issue.id);
    expect(stored).toEqual(read);
  });

  it('reads the issue when the comment was edited (Jira sends the same event)', async () => {
    const { payloads } = await manualWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await deliver(payloads[0]!);
    world.clock.advance(MINUTE);
    world.site.comment(issue.id, 'alex-agent', 'On it');
    const edited = structuredClone(payloads[1]!) as { comment: { updated: string } };
    edited.comment.updated = edited.comment.updated.replace(/:00\.000/, ':30.000');
    expect(parseTriggerEvent(edited)?.change).toBeUndefined();
    expect(parseTriggerEvent(payloads[1]!)?.change).toMatchObject({ kind: 'comment' });
    const reads = jest.spyOn(world.jira, 'getIssue');
    await deliver(edited);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('reads the issue when a comment was deleted', async () => {
    const { payloads } = await manualWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await deliver(payloads[0]!);
    world.clock.advance(MINUTE);
    world.site.comment(issue.id, 'alex-agent', 'On it');
    await deliver(payloads[1]!);
    world.clock.advance(MINUTE);
    world.site.deleteComment(issue.id, 'alex-agent', world.site.find(issue.id)!.commentIds()[0]!);
    const reads = jest.spyOn(world.jira, 'getIssue');
    await deliver(payloads[2]!);
    expect(reads).toHaveBeenCalledTimes(1);
    const { stored, read } = await storedAndRead(issue.id);
    expect(stored).toEqual(read);
  });

  it('applies a second comment at the very instant of the first, and reads when they come reversed', async () => {
    const { payloads } = await manualWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await deliver(payloads[0]!);
    world.clock.advance(MINUTE);
    world.site.comment(issue.id, 'carla-customer', 'Any news?');
    world.site.comment(issue.id, 'alex-agent', 'Looking into it.');
    const reads = jest.spyOn(world.jira, 'getIssue');
    await deliver(payloads[1]!);
    await deliver(payloads[2]!);
    const first = await storedAndRead(issue.id);
    expect(reads).toHaveBeenCalledTimes(1); // storedAndRead's own
    expect(first.stored).toEqual(first.read);
    world.clock.advance(MINUTE);
    world.site.comment(issue.id, 'carla-customer', 'Thanks!');
    world.site.comment(issue.id, 'alex-agent', 'You are welcome.');
    await deliver(payloads[4]!); // the later of the second pair first: the other sorts before it
    await deliver(payloads[3]!);
    expect(reads).toHaveBeenCalledTimes(2);
    expect(world.logger.withCode('issue.read-in-full')).toEqual([
      expect.objectContaining({ reason: 'order' }),
    ]);
    const { stored, read } = await storedAndRead(issue.id);
    expect(stored).toEqual(read);
  });
});

describe('changes at one instant', () => {
  it('are applied in the order of their entries, and read in full when they come reversed', async () => {
    const { payloads } = await manualWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await deliver(payloads[0]!);
    world.clock.advance(MINUTE);
    world.site.setPriority(issue.id, 'alex-agent', 'High');
    world.site.transition(issue.id, 'alex-agent', 'In Progress');
    const reads = jest.spyOn(world.jira, 'getIssue');
    await deliver(payloads[1]!);
    await deliver(payloads[2]!);
    const first = await storedAndRead(issue.id);
    expect(reads).toHaveBeenCalledTimes(1); // storedAndRead's own
    expect(first.stored).toEqual(first.read);
    world.clock.advance(MINUTE);
    world.site.setPriority(issue.id, 'alex-agent', 'Low');
    world.site.transition(issue.id, 'alex-agent', 'Waiting for customer');
    await deliver(payloads[4]!); // the transition before the priority change its entry follows
    await deliver(payloads[3]!);
    expect(reads).toHaveBeenCalledTimes(2);
    expect(world.logger.withCode('issue.read-in-full')).toEqual([
      expect.objectContaining({ reason: 'late' }),
    ]);
    const { stored, read } = await storedAndRead(issue.id);
    expect(stored).toEqual(read);
  });

  it('a comment at the instant of the stored history makes a full read that began before it older', async () => {
    const { payloads } = await manualWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await deliver(payloads[0]!);
    world.clock.advance(MINUTE);
    world.site.comment(issue.id, 'carla-customer', 'Any news?');
    await deliver(payloads[1]!);
    // A panel refresh reads the issue now, and stalls; meanwhile Alex answers in the same millisecond.
    const readAt = world.clock.now();
    const stalled = await world.jira.getIssue(issue.id);
    world.site.comment(issue.id, 'alex-agent', 'Looking into it.');
    world.clock.advance(1000); // the event's delivery
    await deliver(payloads[2]!);
    const late = await toStoredHistory(world.deps, stalled!, readAt);
    if ('message' in late) throw new Error(late.message);
    expect(await world.store.histories.put(late)).toBe('stale');
    const { stored, read } = await storedAndRead(issue.id);
    expect(stored).toEqual(read);
  });

  it('read in full when an entry comes at the instant of a comment already applied', async () => {
    const { payloads } = await manualWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await deliver(payloads[0]!);
    world.clock.advance(MINUTE);
    world.site.comment(issue.id, 'alex-agent', 'Looking into it.');
    world.site.transition(issue.id, 'alex-agent', 'In Progress');
    const reads = jest.spyOn(world.jira, 'getIssue');
    await deliver(payloads[1]!);
    await deliver(payloads[2]!);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(world.logger.withCode('issue.read-in-full')).toEqual([
      expect.objectContaining({ reason: 'order' }),
    ]);
    const { stored, read } = await storedAndRead(issue.id);
    expect(stored).toEqual(read);
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

  it('reads the issue when the event carries no change it can apply (an assignment)', async () => {
    const { payloads } = await manualWorld();
    const issue = world.site.create({ reporter: 'carla-customer', fields: acme });
    await deliver(payloads[0]!);
    world.clock.advance(MINUTE);
    world.site.assign(issue.id, 'alex-agent', 'alex-agent');
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
      'customer comment',
      'internal note',
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
              else if (op === 'customer comment') world.site.comment(issue.id, 'carla-customer', 'News?');
              else if (op === 'internal note')
                world.site.comment(issue.id, 'erik-agent', 'Note', { internal: true });
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

/**
 * A recalculation step evaluates its page as one batch (`evaluateStoredMany`, `replaceIssues`): it must store
 * exactly what evaluating the issues one by one stores, and keep each issue's stamp guard: an issue whose
 * history moved on while the batch was computed keeps its newer results.
 */
import { evaluateStored, type IssueOutcome } from '../../src/app/evaluation/evaluate-issue';
import { evaluateStoredMany } from '../../src/app/evaluation/evaluate-many';
import type { StoredHistory } from '../../src/app/ports';
import { acme, makeWorld, MINUTE } from './sandbox-world';

type World = Awaited<ReturnType<typeof makeWorld>>;

let world: World;
afterEach(async () => {
  await world.close();
});

/** Requests in every state: new, in progress, waiting (paused), answered, resolved; one with an extension. */
async function variedIssues(w: World): Promise<string[]> {
  const ids: string[] = [];
  const priorities = ['High', 'Medium', 'Low'] as const;
  for (let i = 0; i < 24; i++) {
    const issue = w.site.create({
      reporter: 'carla-customer',
      priority: priorities[i % 3]!,
      fields: acme,
    });
    ids.push(issue.id);
    w.clock.advance(7 * MINUTE);
    if (i % 4 === 1) w.site.transition(issue.id, 'alex-agent', 'In Progress');
    if (i % 4 === 2) w.site.transition(issue.id, 'alex-agent', 'Waiting for customer');
    if (i % 4 === 3) w.site.comment(issue.id, 'alex-agent', 'On it');
    if (i % 6 === 5) w.site.transition(issue.id, 'alex-agent', 'Resolved');
  }
  await w.drain();
  // An extension of the first issue's resolution cycle: the batch must read it as the single path does.
  const cycle = (await w.store.results.cycles({})).find(
    (c) => c.issueId === ids[0] && c.metricId === 'resolution',
  );
  await w.store.adjustments.add(ids[0]!, {
    kind: 'extension',
    agreementId: 'gold',
    metricId: 'resolution',
    cycleStartedAt: cycle!.startedAt,
    at: w.clock.now(),
    minutes: 240,
    until: null,
    reason: 'waiting on a supplier',
    actor: 'alex-agent',
  });
  return ids;
}

async function storedState(w: World, ids: readonly string[]) {
  const results = await Promise.all(ids.map((id) => w.store.results.forIssue(id)));
  const cycles = await w.store.results.cycles({});
  return { results, cycles };
}

const comparable = (outcomes: readonly IssueOutcome[]) =>
  outcomes.map((o) => (o.kind === 'evaluated' ? { ...o, agreements: [...o.agreements.keys()] } : o));

describe('a recalculation batch', () => {
  it('stores exactly what evaluating its issues one by one stores, and returns the same outcomes', async () => {
    world = await makeWorld();
    const ids = await variedIssues(world);
    world.clock.advance(3 * 60 * MINUTE);
    const histories = (await Promise.all(ids.map((id) => world.store.histories.get(id)))) as StoredHistory[];
    const now = world.clock.now();

    const single: IssueOutcome[] = [];
    for (const h of histories) single.push(await evaluateStored(world.deps, h, now));
    const one = await storedState(world, ids);
    expect(one.results.flat().length).toBeGreaterThan(40);
    expect(one.cycles.some((c) => c.extended === true)).toBe(true);

    const batch = await evaluateStoredMany(world.deps, histories, now);
    expect(comparable(batch)).toEqual(comparable(single));
    expect(await storedState(world, ids)).toEqual(one);
  });

  it('keeps the newer results of an issue whose history moved on meanwhile, and writes the others', async () => {
    world = await makeWorld();
    const ids = await variedIssues(world);
    // The batch is computed from these histories ...
    const histories = (await Promise.all(ids.map((id) => world.store.histories.get(id)))) as StoredHistory[];
    // ... while an agent answers the fifth request, and that event is measured first.
    world.clock.advance(MINUTE);
    world.site.comment(ids[4]!, 'alex-agent', 'Answered');
    await world.drain();
    const newer = await world.store.results.forIssue(ids[4]!);
    expect(newer.length).toBeGreaterThan(0);
    expect(newer.every((r) => r.stamp > histories[4]!.stamp)).toBe(true);
    world.clock.advance(60 * MINUTE);

    const outcomes = await evaluateStoredMany(world.deps, histories, world.clock.now());
    expect(outcomes.map((o) => o.kind)).toEqual(ids.map((id) => (id === ids[4] ? 'stale' : 'evaluated')));
    expect(await world.store.results.forIssue(ids[4]!)).toEqual(newer);
    const other = await world.store.results.forIssue(ids[5]!);
    expect(other.every((r) => r.evaluatedAt === world.clock.now())).toBe(true);
  });
});

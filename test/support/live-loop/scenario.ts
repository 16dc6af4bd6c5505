import fc from 'fast-check';
import type { JiraIssueJson } from '../../../src/app/ports';
import type { Fault, LoopWorld } from './world';

type Priority = 'Highest' | 'High' | 'Medium' | 'Low';
type Status = 'In Progress' | 'Waiting for customer' | 'Resolved' | 'Open';

/**
 * One thing that happens on the site or to the app. `issue` picks one of the requests raised so far (modulo
 * their number); steps about an issue before any is raised do nothing.
 */
export type Step =
  | { readonly kind: 'raise'; readonly priority: Priority }
  | { readonly kind: 'comment'; readonly issue: number; readonly by: 'agent' | 'customer' | 'internal' }
  /** `Resolved` resolves; anything else on a resolved request reopens it. */
  | { readonly kind: 'transition'; readonly issue: number; readonly to: Status }
  | { readonly kind: 'priority'; readonly issue: number; readonly to: Priority }
  | { readonly kind: 'assign'; readonly issue: number; readonly to: string | null }
  | { readonly kind: 'advance'; readonly minutes: number }
  | { readonly kind: 'fault'; readonly fault: Fault }
  /** An event consumed before (picked modulo their number) is delivered again, now. */
  | { readonly kind: 'redeliver'; readonly pick: number }
  /**
   * A consumer that read the issue `back` steps ago finishes now (its read began a millisecond before that
   * step's instant, so any change made at or after that instant may be missing from it).
   */
  | { readonly kind: 'stale'; readonly issue: number; readonly back: number };

export interface Scenario {
  /** The clock at the start. */
  readonly start: number;
  readonly steps: readonly Step[];
}

const berlin = (iso: string): number => Date.parse(iso);

/**
 * Where a run starts: before a weekend and Christmas (24–26 December and New Year's Eve are holidays of the
 * Berlin calendar), before the spring and autumn DST changes, and at the start of a working week.
 */
export const STARTS: readonly number[] = [
  berlin('2026-12-17T14:00:00+01:00'),
  berlin('2026-12-23T15:30:00+01:00'),
  berlin('2026-03-27T15:00:00+01:00'),
  berlin('2026-10-23T16:00:00+02:00'),
  berlin('2026-03-02T08:30:00+01:00'),
];

/** Requests raised per run, at most: more adds time, not kinds of interplay. */
const MAX_ISSUES = 3;

const priority = fc.constantFrom<Priority>('Highest', 'High', 'Medium', 'Low');
/** An agent's change of priority: raising one (a goal change that may pass the new target at once) is likelier. */
const newPriority = fc.constantFrom<Priority>('Highest', 'High', 'High', 'Highest', 'Medium', 'Low');
const issue = fc.nat(5);

/** Clock moves: within minutes of a threshold, across an evening, a night, a weekend or a holiday. */
const minutes = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(1, 5, 14, 16, 29, 31, 45, 61, 90) },
  { weight: 2, arbitrary: fc.constantFrom(180, 240, 480) },
  { weight: 1, arbitrary: fc.constantFrom(900, 1440, 2880) },
);

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('raise' as const), priority }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('comment' as const),
      issue,
      by: fc.constantFrom('agent' as const, 'customer' as const, 'internal' as const),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('transition' as const),
      issue,
      to: fc.constantFrom<Status>('In Progress', 'Waiting for customer', 'Resolved', 'Open'),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('priority' as const), issue, to: newPriority }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('assign' as const),
      issue,
      to: fc.constantFrom<string | null>('erik-agent', 'bea-second', null),
    }),
  },
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('advance' as const), minutes }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('fault' as const),
      fault: fc.constantFrom<Fault>('die', 'lost-reply', 'refused'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('redeliver' as const), pick: fc.nat(1000) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('stale' as const),
      issue,
      back: fc.integer({ min: 1, max: 6 }),
    }),
  },
);

/** A run: a start, a request raised, then up to `maxSteps` more steps. */
export function scenarioArbitrary(maxSteps: number): fc.Arbitrary<Scenario> {
  return fc.record({
    start: fc.constantFrom(...STARTS),
    steps: fc
      .tuple(priority, fc.array(step, { minLength: 1, maxLength: maxSteps, size: 'max' }))
      .map(([first, rest]): Step[] => [{ kind: 'raise', priority: first }, ...rest]),
  });
}

const AGENT = 'alex-agent';
const PEOPLE: ReadonlySet<Step['kind']> = new Set(['raise', 'comment', 'transition', 'priority', 'assign']);
const REPORTER = 'carla-customer';

/**
 * Plays the steps on the world. Keeps each request's Jira JSON after every step, for late reads; returns
 * the ids of the requests raised.
 */
export async function play(world: LoopWorld, steps: readonly Step[]): Promise<string[]> {
  const { site } = world.app;
  const ids: string[] = [];
  const snapshots = new Map<string, { json: JiraIssueJson; readAt: number }[]>();
  const pick = (n: number): string | undefined => (ids.length === 0 ? undefined : ids[n % ids.length]);
  for (const s of steps) {
    // People's changes land on distinct milliseconds, as Jira stamps them: two in the same millisecond would let
    // the later one rewrite what an evaluation at that instant saw (a stop at the instant of a goal change
    // undoes the change's crossing), which no site produces.
    if (PEOPLE.has(s.kind)) await world.advance(1);
    switch (s.kind) {
      case 'raise':
        if (ids.length < MAX_ISSUES) ids.push(site.create({ reporter: REPORTER, priority: s.priority }).id);
        break;
      case 'comment': {
        const id = pick(s.issue);
        if (id === undefined) break;
        if (s.by === 'customer') site.comment(id, REPORTER, 'Any news?');
        else
          site.comment(id, s.by === 'agent' ? AGENT : 'erik-agent', 'Looking', {
            internal: s.by === 'internal',
          });
        break;
      }
      case 'transition': {
        const id = pick(s.issue);
        const current =
          id === undefined ? undefined : (site.find(id)?.field('status') as { name: string }).name;
        if (id !== undefined && current !== s.to) site.transition(id, AGENT, s.to);
        break;
      }
      case 'priority': {
        const id = pick(s.issue);
        if (id !== undefined) site.setPriority(id, AGENT, s.to);
        break;
      }
      case 'assign': {
        const id = pick(s.issue);
        if (id !== undefined) site.assign(id, AGENT, s.to);
        break;
      }
      case 'advance':
        await world.advance(s.minutes * 60_000);
        break;
      case 'fault':
        world.arm(s.fault);
        break;
      case 'redeliver': {
        const event = world.consumed[s.pick % Math.max(1, world.consumed.length)];
        if (event !== undefined) await world.deliver(structuredClone(event));
        break;
      }
      case 'stale': {
        const id = pick(s.issue);
        const old = id === undefined ? undefined : snapshots.get(id)?.at(-1 - s.back);
        if (old !== undefined) await world.lateRead(old.json, old.readAt);
        break;
      }
    }
    await world.drain();
    for (const id of ids) {
      const json = site.find(id)?.json();
      if (json !== undefined)
        snapshots.set(id, [...(snapshots.get(id) ?? []), { json, readAt: world.now - 1 }]);
    }
  }
  return ids;
}

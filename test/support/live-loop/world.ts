import { actOnThresholds, refreshAfterActions } from '../../../src/app/evaluation/actions';
import { consume } from '../../../src/app/evaluation/consume';
import { evaluateStored, toStoredHistory } from '../../../src/app/evaluation/evaluate-issue';
import { sweep, SWEEP_PERIOD_MS } from '../../../src/app/evaluation/sweep';
import { JiraError, type JiraIssueJson, type QueueEvent } from '../../../src/app/ports';
import { SandboxApp } from '../../../src/sandbox/app';
import type { EpochMs } from '../../../src/engine/time/units';
import { openSqliteStore } from '../../../src/store/sqlite';
import { exampleCalendars, LOOP_AGREEMENT } from './agreement';

/**
 * A fault armed to strike the next call it fits, once:
 * - `die`: the consumer dies after performing an action, before recording it (the action log's `complete` throws);
 * - `lost-reply`: Jira performs an action but the reply is lost (the call throws a retryable error after it);
 * - `refused`: Jira answers an action with a 503 without performing it.
 */
export type Fault = 'die' | 'lost-reply' | 'refused';

/** How often the platform delivers an event again after its consumer failed, and how long it waits first. */
const PLATFORM_RETRIES = 3;
const PLATFORM_RETRY_SECONDS = 60;

const JIRA_WRITES = ['addComment', 'notify', 'setPriority', 'addLabel', 'assign', 'transition'] as const;

/**
 * The sandbox app on an in-memory store with {@link LOOP_AGREEMENT}, driven like `SandboxApp.advance` (the
 * queue's due events and a sweep every five minutes of the clock) but with Forge's handling of a consumer that
 * throws: the platform delivers that event again a minute later. Faults are injected into the real ports; every
 * event consumed is kept so that it can be delivered again, late; `observe` runs after every consumer and late read.
 */
export class LoopWorld {
  /** Every event handed to a consumer, in order (for late duplicate deliveries). */
  readonly consumed: QueueEvent[] = [];
  /** Consumer invocations that threw (the platform retried them). */
  crashes = 0;
  /** Faults that struck, by kind. */
  readonly struck = new Map<Fault, number>();
  private readonly tries = new WeakMap<QueueEvent, number>();
  private armed: Fault | undefined;
  private nextSweepAt: number;

  private constructor(
    readonly app: SandboxApp & { close(): Promise<void> },
    private readonly observe: () => Promise<void>,
  ) {
    this.nextSweepAt = Math.ceil(app.clock.now() / SWEEP_PERIOD_MS) * SWEEP_PERIOD_MS;
    this.installFaults();
  }

  static async open(now: number, observe: (world: LoopWorld) => Promise<void>): Promise<LoopWorld> {
    const store = await openSqliteStore(':memory:');
    const saved = { expectedVersion: 0, savedAt: 0, savedBy: 'seed' };
    for (const calendar of exampleCalendars())
      await store.config.put('calendar', calendar.id, calendar, saved);
    await store.config.put('agreement', LOOP_AGREEMENT.id, LOOP_AGREEMENT, saved);
    await store.config.setProjectAgreements('IT', [LOOP_AGREEMENT.id]);
    const app = Object.assign(new SandboxApp(store, { now }), { close: () => store.close() });
    const world: LoopWorld = new LoopWorld(app, () => observe(world));
    return world;
  }

  get now(): number {
    return this.app.clock.now();
  }

  close(): Promise<void> {
    return this.app.close();
  }

  /** Arms a fault for the next call it fits (replacing one armed before that never struck). */
  arm(fault: Fault): void {
    this.armed = fault;
  }

  /** Disarms a fault that has not struck yet. */
  disarm(): void {
    this.armed = undefined;
  }

  /**
   * A consumer that read the issue at `readAt` (and got `json`) finishes only now, as a slow or redelivered
   * drain would: it stores that history, evaluates it, writes the fields and acts, with the app's own functions
   * in the drain's order. The history stamp must keep it from overwriting anything read since.
   */
  async lateRead(json: JiraIssueJson, readAt: number): Promise<void> {
    const deps = this.app.deps;
    try {
      const history = await toStoredHistory(deps, structuredClone(json), readAt as EpochMs);
      if ('message' in history) throw new Error(`a snapshot does not parse: ${history.message}`);
      if ((await deps.store.histories.put(history)) === 'written') {
        const outcome = await evaluateStored(deps, history, deps.clock.now());
        if (outcome.kind === 'evaluated') {
          await deps.jira.setCustomFields(outcome.fields);
          const acted = await actOnThresholds(deps, outcome.issueId, outcome.result, outcome.agreements);
          await refreshAfterActions(deps, outcome.issueId, acted);
        }
      }
    } catch {
      this.crashes++; // an injected fault: this late consumer dies too
    }
    await this.observe();
  }

  private strike(fault: Fault): boolean {
    if (this.armed !== fault) return false;
    this.armed = undefined;
    this.struck.set(fault, (this.struck.get(fault) ?? 0) + 1);
    return true;
  }

  private installFaults(): void {
    const actions = this.app.store.actions as unknown as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >;
    const complete = actions.complete!.bind(this.app.store.actions);
    actions.complete = (...args: unknown[]) =>
      this.strike('die')
        ? Promise.reject(new Error('injected: the consumer died before recording'))
        : complete(...args);

    const jira = this.app.jira as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const name of JIRA_WRITES) {
      const real = jira[name]!.bind(this.app.jira);
      jira[name] = async (...args: unknown[]) => {
        if (this.strike('refused')) throw new JiraError('injected: Jira answered 503', 503, true);
        const done = await real(...args);
        if (this.strike('lost-reply')) throw new JiraError('injected: the reply was lost', 0, true);
        return done;
      };
    }
  }

  /** One consumer invocation; a throw is the platform's to retry. */
  async deliver(event: QueueEvent): Promise<void> {
    this.consumed.push(event);
    try {
      await consume(this.app.deps, event);
    } catch {
      this.crashes++;
      const tries = (this.tries.get(event) ?? 0) + 1;
      if (tries <= PLATFORM_RETRIES) {
        const again = structuredClone(event);
        this.tries.set(again, tries);
        await this.app.queue.push([again], { delaySeconds: PLATFORM_RETRY_SECONDS });
      }
    }
    await this.observe();
  }

  /** Delivers everything due now (and drains pending issues at once, as the sandbox does), until nothing is. */
  async drain(): Promise<void> {
    for (let rounds = 0; rounds < 1000; rounds++) {
      await this.app.settleTriggers();
      const events = this.app.queue.take();
      if (events.length === 0) {
        const shards = await this.app.store.pending.dueShards(this.app.clock.now());
        if (shards.length === 0) return;
        for (const shard of shards) events.push({ type: 'drain', shard });
      }
      for (const event of events) await this.deliver(event);
    }
    throw new Error('the queue did not settle after 1000 rounds');
  }

  /** Moves the clock by `ms`, stopping at every due event and five-minute sweep on the way. */
  async advance(ms: number): Promise<void> {
    const target = this.app.clock.now() + ms;
    await this.drain();
    for (;;) {
      const next = Math.min(this.app.queue.nextDueAt() ?? Infinity, this.nextSweepAt);
      if (next > target) break;
      this.app.clock.set(Math.max(next, this.app.clock.now()));
      if (this.app.clock.now() >= this.nextSweepAt) {
        this.nextSweepAt += SWEEP_PERIOD_MS;
        await sweep(this.app.deps); // writes no results: nothing to observe
      }
      await this.drain();
    }
    this.app.clock.set(target);
    await this.drain();
  }
}

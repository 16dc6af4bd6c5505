import { ConfigCache } from '../app/evaluation/config-cache';
import type { Deps } from '../app/evaluation/deps';
import { consume } from '../app/evaluation/consume';
import { PeopleCache } from '../app/people/people-cache';
import { StatusCache } from '../app/evaluation/statuses';
import { VocabularyCache } from '../app/evaluation/vocabulary';
import { onIssueChanged } from '../app/evaluation/trigger';
import { parseTriggerEvent } from '../forge/payloads';
import { WorkQueue } from '../app/evaluation/work-queue';
import { sweep, SWEEP_PERIOD_MS } from '../app/evaluation/sweep';
import { errorFields, type Store } from '../app/ports';
import { dateHolidaysLookup } from '../engine/calendar/region-lookup';
import { ManualClock } from './clock';
import { APP_ACCOUNT, SimulatedSite, type SiteUser } from './jira/site';
import { SimulatedJira } from './jira/simulated-jira';
import { MemoryLogger } from './logger';
import { LocalPublisher } from './publisher';
import { InProcessQueue } from './queue';
import { SANDBOX_USERS } from './users';

/**
 * The whole app in one process, on sandbox adapters: the simulated site raises Forge's product events, the
 * trigger's filter (`ignoreSelf`) and the real handlers' use cases consume them from an in-process queue, the
 * scheduled sweep runs every five minutes of the sandbox's clock. Moving the clock delivers what falls due.
 */
export class SandboxApp {
  readonly clock: ManualClock;
  readonly site: SimulatedSite;
  readonly jira: SimulatedJira;
  readonly queue: InProcessQueue;
  readonly publisher = new LocalPublisher();
  readonly logger: MemoryLogger;
  private readonly patient: boolean;
  readonly deps: Deps;
  private nextSweepAt: number;

  constructor(
    readonly store: Store,
    options: {
      readonly now: number;
      readonly users?: readonly SiteUser[];
      readonly logger?: MemoryLogger;
      /** Refuse pushes beyond this many queue events a minute, as Forge does beyond 500 (unlimited by default). */
      readonly queueEventsPerMinute?: number;
      /** Leave pending issues to their scheduled drains and the sweep (see {@link drain}). */
      readonly patient?: boolean;
      /**
       * Hand the site's product events to the trigger (default true). False leaves delivery to the caller (a
       * test delivering them late, twice or out of order, as Forge may).
       */
      readonly deliverEvents?: boolean;
    },
  ) {
    this.logger = options.logger ?? new MemoryLogger();
    this.patient = options.patient ?? false;
    this.clock = new ManualClock(options.now);
    this.site = new SimulatedSite(this.clock, options.users ?? SANDBOX_USERS);
    this.jira = new SimulatedJira(this.site);
    this.queue = new InProcessQueue(
      this.clock,
      options.queueEventsPerMinute === undefined ? {} : { eventsPerMinute: options.queueEventsPerMinute },
    );
    this.deps = {
      jira: this.jira,
      store,
      queue: new WorkQueue(this.queue, store, this.clock, this.logger),
      publisher: this.publisher,
      clock: this.clock,
      logger: this.logger,
      configs: new ConfigCache(store, dateHolidaysLookup, this.clock, 60_000),
      statuses: new StatusCache(this.jira, this.clock),
      vocabulary: new VocabularyCache(this.jira, this.clock),
      people: new PeopleCache(this.jira, this.clock),
    };
    this.nextSweepAt = Math.ceil(options.now / SWEEP_PERIOD_MS) * SWEEP_PERIOD_MS;
    // The trigger, as on Forge: marks the issue pending; with `ignoreSelf`, the app's own changes raise nothing.
    this.site.onEvent((event) => {
      if (event.atlassianId === APP_ACCOUNT || options.deliverEvents === false) return;
      // With the change the event carries, as Forge's payload gives it (the project is left out: the sandbox
      // measures every issue it raises).
      const change = parseTriggerEvent(this.site.triggerPayload(event))?.change;
      this.triggers.push(
        onIssueChanged(this.deps, {
          issueId: event.issue.id,
          ...(change === undefined ? {} : { change }),
        }).catch((error: unknown) => {
          this.logger.log('error', 'handler.failed', { handler: 'on-issue-event', ...errorFields(error) });
        }),
      );
    });
  }

  /** Trigger invocations still running (the site raises events synchronously; marking them is async). */
  private triggers: Promise<void>[] = [];

  /** Waits for every trigger invocation raised so far. */
  async settleTriggers(): Promise<void> {
    while (this.triggers.length > 0) await Promise.all(this.triggers.splice(0));
  }

  /**
   * Delivers every queued event that is due now, as Forge's consumers would, until none is left. Unless the
   * sandbox was made `patient`, pending issues whose drain is only scheduled for the end of their kick window
   * (a change in the same ten seconds as one already measured) are drained now, so a person changing an issue
   * twice in the sandbox sees both at once; on Forge that second drain runs at most ten seconds later.
   */
  async drain(): Promise<void> {
    for (let rounds = 0; rounds < 1000; rounds++) {
      await this.settleTriggers();
      const events = this.queue.take();
      if (events.length === 0) {
        const shards = this.patient ? [] : await this.store.pending.dueShards(this.clock.now());
        if (shards.length === 0) return;
        for (const shard of shards) events.push({ type: 'drain', shard });
      }
      // One event per consumer invocation, as on Forge.
      for (const event of events) await consume(this.deps, event);
    }
    throw new Error('the sandbox queue did not settle after 1000 rounds');
  }

  /**
   * Moves the clock forward by `ms`, stopping at every queued event's instant and every five-minute sweep on
   * the way, so warnings, actions and breaches fire at their moments.
   */
  async advance(ms: number): Promise<void> {
    const target = this.clock.now() + ms;
    await this.drain();
    for (;;) {
      const nextEvent = this.queue.nextDueAt() ?? Infinity;
      const next = Math.min(nextEvent, this.nextSweepAt);
      if (next > target) break;
      this.clock.set(Math.max(next, this.clock.now()));
      if (this.clock.now() >= this.nextSweepAt) {
        this.nextSweepAt += SWEEP_PERIOD_MS;
        await sweep(this.deps);
      }
      await this.drain();
    }
    this.clock.set(target);
    await this.drain();
  }
}

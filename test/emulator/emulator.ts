/**
 * The Forge emulator: the real handlers `src/index.ts` exports, run as manifest.yml wires them, behind the real
 * `@forge/*` SDKs, which reach the "platform" through the two globals every Forge SDK uses:
 *
 * - `__forge_fetch__(target, path, init)`: answered here by Forge SQL on MariaDB ({@link ForgeSqlService}), the
 *   async events push endpoint ({@link EventService}), realtime ({@link RealtimeService}) and Jira's REST API on
 *   the sandbox's simulated site ({@link JiraService}), each with Forge's per-installation limits;
 * - `__forge_runtime__`: the current invocation's app context, remaining time and realtime context token.
 *
 * Delivery follows Forge: product events into the trigger (retried up to 4 times when it returns an
 * `InvocationError` or the platform fails it), one event per consumer invocation, at least once and in any
 * order (seeded duplicates and delays), scheduled triggers on their interval, function instances that are
 * reused while warm and cold-started (a fresh module registry) when none is free or by the chosen rate. Time is
 * virtual ({@link VirtualScheduler}): every request costs a latency of virtual time, and limits count per
 * virtual second, minute and hour.
 */
import { randomUUID } from 'node:crypto';
import { APP_ACCOUNT, SimulatedSite, type SiteEvent, type SiteUser } from '../../src/sandbox/jira/site';
import { SANDBOX_USERS } from '../../src/sandbox/users';
import type { Clock } from '../../src/app/ports';
import type { EpochMs } from '../../src/engine/time/units';
import { seeded } from '../../bench/prng';
import { EventService, PUSH_PATH_PREFIX, type PushedEvent } from './events';
import { JiraService } from './jira';
import { FORGE_LIMITS, type ForgeLimits } from './limits';
import { readManifest, type AppManifest, type ManifestFunction } from './manifest';
import { contextToken, RealtimeService, type RealtimeContext } from './realtime';
import { ForgeSqlService } from './sql';
import {
  installVirtualGlobals,
  scopeStorage,
  uninstallVirtualGlobals,
  VirtualScheduler,
  type VirtualScope,
} from './virtual-time';
import { bodyOf, headerOf, jsonReply } from './wire';

/** The module `src/index.ts` compiles to: the handlers, by export name. */
export type HandlerModule = Readonly<Record<string, unknown>>;

/** Loads the handlers in a fresh module registry (a cold start): fresh SDK and app module state. */
export type HandlerLoader = () => HandlerModule;

export interface EmulatorOptions {
  /** The MySQL-dialect server, e.g. `mysql://root@127.0.0.1:3306/test`; a scratch database is made on it. */
  readonly mysqlUrl: string;
  readonly loader: HandlerLoader;
  readonly manifestPath: string;
  /** Virtual start time (epoch ms). */
  readonly now: number;
  readonly seed?: number;
  readonly limits?: Partial<ForgeLimits>;
  /** Chance that an invocation lands on a fresh instance although a warm one is free. */
  readonly coldStartRate?: number;
  /**
   * Instances one function may have at once; a delivery beyond waits (in virtual time, before its own time
   * limit starts) until one is free. Forge documents no such bound, so none by default; each instance is a
   * module registry of its own, which a benchmark's burst of thousands cannot all keep in memory.
   */
  readonly maxInstances?: number;
  /** Chance that a delivery is made twice. */
  readonly duplicateRate?: number;
  /** Deliveries wait up to this long (virtual ms) besides their delay, so they arrive in any order. */
  readonly deliveryJitterMs?: number;
  /** Invocations of one consumer running at once. */
  readonly consumerConcurrency?: number;
  /** Chance that a Jira 429 leaves out `Retry-After`. */
  readonly omitRetryAfter?: number;
  /** Deliver pushed events to their consumers (default true; false counts pushes only). */
  readonly deliverQueues?: boolean;
  /** Run the manifest's scheduled triggers (default true). */
  readonly scheduled?: boolean;
  readonly users?: readonly SiteUser[];
}

/** Virtual latencies of the platform's services, in ms. */
const LATENCY = { sql: 12, push: 40, jira: 120, realtime: 25, coldStart: 800, warmStart: 5 } as const;
/** Forge retries a trigger or consumer event up to 4 times. */
const MAX_RETRIES = 4;
const MAX_RETRY_AFTER_SECONDS = 900;

interface Invocation extends VirtualScope {
  readonly id: string;
  readonly functionKey: string;
  readonly moduleKey: string;
  readonly context: RealtimeContext;
  readonly accountId: string | undefined;
  readonly deadline: number;
  dead: boolean;
}

interface Instance {
  readonly handlers: HandlerModule;
  busy: boolean;
  invocations: number;
  /** When it last finished an invocation (virtual ms). */
  idleSince: number;
}

/** How long Forge keeps an idle function instance warm before recycling it (virtual ms; an assumption). */
const IDLE_RECYCLE_MS = 10 * 60_000;

type DeliveryKind = 'trigger' | 'consumer' | 'scheduled';

interface Delivery {
  readonly kind: DeliveryKind;
  readonly functionKey: string;
  readonly moduleKey: string;
  readonly payload: Record<string, unknown>;
  readonly attempt: number;
  /** When the work entered the platform (product event raised, event pushed), for lag. */
  readonly origin: number;
  /** Product event id or pushed event id, to tell duplicates from distinct events. */
  readonly eventId: string;
}

/** What an invocation ended with. */
type Outcome = 'ok' | 'retry' | 'error' | 'timeout';
interface Ended {
  readonly outcome: Outcome;
  /** Seconds the handler's `InvocationError` asked to wait. */
  readonly retryAfter?: number;
}

/** Everything the emulator counted. */
export interface EmulatorMetrics {
  readonly now: number;
  readonly invocations: {
    total: number;
    cold: number;
    timedOut: number;
    threw: number;
    retryRequested: number;
    byFunction: Record<string, number>;
    /** Function instances alive now (each a module registry of its own), and the most at once. */
    instances: number;
    peakInstances: number;
    /** Deliveries that waited for a free instance (see `maxInstances`). */
    waitedForInstance: number;
  };
  readonly delivery: {
    productEvents: number;
    duplicates: number;
    /** Product events whose trigger never completed (threw, or retries exhausted). */
    productEventsLost: number;
    /** Consumer events that never completed. */
    queueEventsLost: number;
    /** Consumer events handled (first deliveries and duplicates). */
    queueEventsDelivered: number;
    maxConsumerLagMs: number;
  };
  readonly events: EventService['counters'];
  readonly sql: ForgeSqlService['counters'] & { peakDmlPerSecond: number };
  readonly jira: JiraService['counters'];
  readonly realtime: RealtimeService['counters'];
  /** The first errors handlers threw, with their class names (e.g. `RateLimitError: Too many requests.`). */
  readonly errors: readonly string[];
}

/** One installation of the app on one simulated site, on the emulated platform. */
export class ForgeEmulator {
  readonly scheduler: VirtualScheduler;
  readonly site: SimulatedSite;
  readonly jira: JiraService;
  readonly events: EventService;
  readonly realtime: RealtimeService;
  readonly limits: ForgeLimits;
  readonly manifest: AppManifest;
  readonly appId = randomUUID();
  readonly installationId = randomUUID();
  private readonly random: () => number;
  private readonly instances = new Map<string, Instance[]>();
  /** Deliveries waiting for a free instance, by function. */
  private readonly instanceWaiters = new Map<string, (() => void)[]>();
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, Delivery[]>();
  private pending = 0;
  private stopped = false;
  private readonly counters = {
    invocations: {
      total: 0,
      cold: 0,
      timedOut: 0,
      threw: 0,
      retryRequested: 0,
      byFunction: {} as Record<string, number>,
      instances: 0,
      peakInstances: 0,
      waitedForInstance: 0,
    },
    delivery: {
      productEvents: 0,
      duplicates: 0,
      productEventsLost: 0,
      queueEventsLost: 0,
      queueEventsDelivered: 0,
      maxConsumerLagMs: 0,
    },
    errors: [] as string[],
  };
  /** Called when a delivery finishes for good, for the benchmark's lag figures. */
  onSettled:
    | ((delivery: { kind: DeliveryKind; functionKey: string; origin: number; outcome: Outcome }) => void)
    | undefined;

  private constructor(
    readonly sql: ForgeSqlService,
    private readonly options: EmulatorOptions,
  ) {
    this.limits = { ...FORGE_LIMITS, ...options.limits };
    this.manifest = readManifest(options.manifestPath);
    this.random = seeded(options.seed ?? 1);
    this.scheduler = new VirtualScheduler(options.now);
    const clock: Clock = { now: () => this.scheduler.now() as EpochMs };
    this.site = new SimulatedSite(clock, options.users ?? SANDBOX_USERS);
    this.jira = new JiraService(this.site, {
      limits: this.limits,
      random: this.random,
      omitRetryAfter: options.omitRetryAfter ?? 0.3,
    });
    this.events = new EventService(this.limits, new Set(this.manifest.consumers.keys()), (events) => {
      this.accept(events);
    });
    this.realtime = new RealtimeService(this.limits);
    this.site.onEvent((event) => {
      this.productEvent(event);
    });
  }

  /** Opens the installation's database and installs the platform's globals. */
  static async start(options: EmulatorOptions): Promise<ForgeEmulator> {
    const sql = await ForgeSqlService.open(options.mysqlUrl, { ...FORGE_LIMITS, ...options.limits });
    const emulator = new ForgeEmulator(sql, options);
    emulator.installGlobals();
    if (options.scheduled !== false) emulator.scheduleTriggers();
    return emulator;
  }

  /** Removes the globals and drops the database. Invocations still running are frozen. */
  async stop(): Promise<void> {
    this.stopped = true;
    uninstallVirtualGlobals();
    const g = globalThis as Record<string, unknown>;
    delete g.__forge_fetch__;
    delete g.__forge_runtime__;
    await this.sql.close();
  }

  now(): number {
    return this.scheduler.now();
  }

  /** Plays `ms` of virtual time. */
  async advance(ms: number): Promise<void> {
    await this.scheduler.runUntil(this.scheduler.now() + ms);
  }

  /**
   * Plays virtual time until no delivery is pending or running (scheduled triggers keep ticking meanwhile), at
   * most `limitMs`; resolves to whether everything settled.
   */
  async drain(limitMs = 6 * 3_600_000): Promise<boolean> {
    const until = this.scheduler.now() + limitMs;
    await this.scheduler.settle();
    while (this.pending > 0) {
      const next = this.scheduler.nextAt();
      if (next === undefined || next > until) return false;
      await this.scheduler.runUntil(next);
    }
    return true;
  }

  /** Raises Forge's `avi:forge:installed:app` lifecycle event for the triggers that listen to it. */
  install(): void {
    this.lifecycle('avi:forge:installed:app');
  }

  /** Raises `avi:forge:upgraded:app`. */
  upgrade(): void {
    this.lifecycle('avi:forge:upgraded:app');
  }

  private lifecycle(eventType: string): void {
    for (const trigger of this.manifest.triggers) {
      if (!trigger.events.includes(eventType)) continue;
      this.deliver(
        {
          kind: 'trigger',
          functionKey: trigger.functionKey,
          moduleKey: trigger.key,
          payload: {
            eventType,
            id: randomUUID(),
            app: { id: this.appId, version: '1' },
            context: { cloudId: 'cloud' },
          },
          attempt: 0,
          origin: this.now(),
          eventId: randomUUID(),
        },
        this.now() + this.jitter(),
      );
    }
  }

  /**
   * Calls a resolver route as a Custom UI in module `moduleKey` would (`@forge/bridge` invoke), as the user
   * `accountId`, on an issue or project if given; resolves to the route's reply.
   */
  async invokeResolver(
    route: string,
    payload: unknown,
    caller: {
      readonly accountId: string;
      readonly moduleKey: string;
      readonly issueId?: string;
      readonly projectKey?: string;
    },
  ): Promise<unknown> {
    const moduleType = this.manifest.moduleTypes.get(caller.moduleKey);
    if (moduleType === undefined) throw new Error(`manifest.yml has no UI module ${caller.moduleKey}`);
    const extension = {
      type: moduleType,
      ...(caller.issueId === undefined ? {} : { issue: { id: caller.issueId } }),
      ...(caller.projectKey === undefined ? {} : { project: { key: caller.projectKey } }),
    };
    let reply: unknown;
    // Virtual time moves only when driven: the call's SQL and Jira requests each wait their latency in it.
    const { outcome } = await this.driven(
      this.run(
        'resolver',
        caller.moduleKey,
        { moduleKey: caller.moduleKey, ...(caller.issueId === undefined ? {} : { issueId: caller.issueId }) },
        caller.accountId,
        async (handler) => {
          reply = await handler(
            {
              call: { functionKey: route, payload },
              context: {
                moduleKey: caller.moduleKey,
                cloudId: 'cloud',
                extension,
                accountType: this.accountTypeOf(caller.accountId),
              },
            },
            { principal: { accountId: caller.accountId }, installContext: 'ari:cloud:jira::site/cloud' },
          );
          return reply;
        },
      ),
    );
    if (outcome !== 'ok')
      throw new Error(`resolver ${route} ended with ${outcome}: ${this.counters.errors.at(-1) ?? ''}`);
    return reply;
  }

  /** The account type Forge names in a resolver's context: agents and admins hold a Jira licence. */
  private accountTypeOf(accountId: string): 'licensed' | 'unlicensed' | 'customer' {
    const user = (this.options.users ?? SANDBOX_USERS).find((u) => u.accountId === accountId);
    if (user?.accountType === 'customer') return 'customer';
    return user?.admin === true || (user?.agentOf?.length ?? 0) > 0 ? 'licensed' : 'unlicensed';
  }

  /**
   * Runs a Jira Automation action's function (`automation-extend`, …) as a rule would: with the rule's
   * configured `inputs` as the payload and the rule actor as the context's principal; resolves to its reply.
   */
  async invokeAction(functionKey: string, inputs: unknown, accountId: string): Promise<unknown> {
    let reply: unknown;
    // Set when the invocation ends (a holder: the loop below reads what the callback wrote).
    const done: { ended?: Ended } = {};
    const running = this.run(
      functionKey,
      functionKey,
      { moduleKey: functionKey },
      accountId,
      async (handler) => {
        reply = await handler(inputs, {
          principal: { accountId },
          installContext: 'ari:cloud:jira::site/cloud',
        });
        return reply;
      },
    ).then((e) => {
      done.ended = e;
    });
    // Every request costs virtual time: play it until the invocation has ended.
    const isDone = (): boolean => done.ended !== undefined;
    while (!isDone()) {
      await this.scheduler.settle();
      if (isDone()) break;
      const next = this.scheduler.nextAt();
      if (next === undefined) break;
      await this.scheduler.runUntil(next);
    }
    await running;
    const { outcome } = done.ended ?? { outcome: 'lost' };
    if (outcome !== 'ok')
      throw new Error(`action ${functionKey} ended with ${outcome}: ${this.counters.errors.at(-1) ?? ''}`);
    return reply;
  }

  /**
   * Runs `work` as if inside an invocation of `functionKey` (its runtime, context and virtual time), without a
   * handler: for tests that call an SDK directly to see what it makes of a refusal.
   */
  async within<T>(
    functionKey: string,
    work: () => Promise<T>,
    context: Partial<RealtimeContext> = {},
  ): Promise<T> {
    const invocation = this.invocation(
      functionKey,
      context.moduleKey ?? functionKey,
      { moduleKey: functionKey, ...context },
      undefined,
    );
    return this.driven(scopeStorage.run(invocation, work));
  }

  /** Plays virtual time until `work` settles (or nothing is left to play); resolves as `work` does. */
  private async driven<T>(work: Promise<T>): Promise<T> {
    const state = { done: false };
    work.then(
      () => (state.done = true),
      () => (state.done = true),
    );
    for (;;) {
      await this.scheduler.settle();
      const next = this.scheduler.nextAt();
      if (state.done || next === undefined) return work;
      await this.scheduler.runUntil(next);
    }
  }

  metrics(): EmulatorMetrics {
    return {
      now: this.now(),
      invocations: structuredClone(this.counters.invocations),
      delivery: { ...this.counters.delivery },
      events: { ...this.events.counters },
      sql: { ...structuredClone(this.sql.counters), peakDmlPerSecond: this.sql.dmlPeak.peak },
      jira: structuredClone(this.jira.counters),
      realtime: { ...this.realtime.counters },
      errors: [...this.counters.errors],
    };
  }

  // ── The platform's globals ────────────────────────────────────────────────────────────────────────

  private installGlobals(): void {
    installVirtualGlobals();
    const g = globalThis as Record<string, unknown>;
    g.__forge_fetch__ = (target: Record<string, unknown>, path: string, init?: RequestInit) =>
      this.fetch(target, path, init);
    Object.defineProperty(g, '__forge_runtime__', {
      configurable: true,
      enumerable: false,
      get: () => {
        const invocation = scopeStorage.getStore() as Invocation | undefined;
        return invocation && !this.stopped ? this.runtime(invocation) : undefined;
      },
    });
  }

  private runtime(invocation: Invocation): Record<string, unknown> {
    const noop = { incr: () => undefined, measure: () => ({ stop: () => undefined }), stop: () => undefined };
    return {
      appContext: {
        appId: this.appId,
        appVersion: '1.0.0',
        environmentId: 'emulator-environment',
        environmentType: 'DEVELOPMENT',
        invocationId: invocation.id,
        installationId: this.installationId,
        moduleKey: invocation.moduleKey,
        permissions: { scopes: this.manifest.scopes, external: {} },
      },
      lambdaContext: { getRemainingTimeInMillis: () => Math.max(0, invocation.deadline - this.now()) },
      metrics: { counter: () => noop, timing: () => noop, gauge: () => noop },
      realtime: { contextToken: contextToken(invocation.context) },
      externalAuth: [],
    };
  }

  private async fetch(
    target: Record<string, unknown>,
    path: string,
    init: RequestInit | undefined,
  ): Promise<Response> {
    const invocation = scopeStorage.getStore() as Invocation | undefined;
    if (!invocation) throw new Error('__forge_fetch__ called outside a Forge invocation');
    // A timed-out invocation is frozen, as Forge stops its instance: nothing it sends arrives.
    if (invocation.dead || this.stopped) return new Promise<Response>(() => undefined);
    const now = this.now();
    const { reply, latency } = await scopeStorage.exit(() =>
      this.scheduler.real(() => this.route(target, path, init, invocation, now)),
    );
    await this.scheduler.sleep(latency);
    if (frozen(invocation)) return new Promise<Response>(() => undefined);
    return reply;
  }

  private async route(
    target: Record<string, unknown>,
    path: string,
    init: RequestInit | undefined,
    invocation: Invocation,
    now: number,
  ): Promise<{ reply: Response; latency: number }> {
    const body = bodyOf(init);
    if (target.type === 'sql') {
      const { reply, workMs } = await this.sql.handle(path, body, now);
      return { reply, latency: LATENCY.sql + Math.round(workMs) };
    }
    if (target.type === 'fpp' && target.remote === 'stargate' && path.startsWith(PUSH_PATH_PREFIX)) {
      return { reply: this.events.handle(body, now), latency: LATENCY.push };
    }
    if (target.type === 'fpp' && target.remote === 'jira') {
      const as =
        target.provider === 'app' || target.provider === 'none'
          ? { app: true }
          : { app: false, ...(invocation.accountId === undefined ? {} : { user: invocation.accountId }) };
      const reply = await this.jira.handle(init?.method ?? 'GET', path, body, as, now);
      return { reply, latency: LATENCY.jira };
    }
    if (target.type === 'realtime') {
      return {
        reply: this.realtime.handle(body, headerOf(init, 'x-forge-context-token'), now),
        latency: LATENCY.realtime,
      };
    }
    return {
      reply: jsonReply(403, { message: 'Not allowed' }, { 'forge-proxy-error': 'INVALID_REMOTE' }),
      latency: LATENCY.push,
    };
  }

  // ── Delivery ──────────────────────────────────────────────────────────────────────────────────────

  private jitter(): number {
    return Math.round(this.random() * (this.options.deliveryJitterMs ?? 2000));
  }

  /** A product event from the site, as Forge delivers it: to every trigger listening, unless `ignoreSelf` drops the app's own. */
  private productEvent(event: SiteEvent): void {
    const base = this.site.triggerPayload(event);
    for (const trigger of this.manifest.triggers) {
      if (!trigger.events.includes(event.eventType)) continue;
      if (trigger.ignoreSelf && event.atlassianId === APP_ACCOUNT) continue;
      this.counters.delivery.productEvents++;
      const payload: Record<string, unknown> = {
        ...base,
        context: { cloudId: 'cloud', moduleKey: trigger.key },
      };
      const delivery: Delivery = {
        kind: 'trigger',
        functionKey: trigger.functionKey,
        moduleKey: trigger.key,
        payload: structuredClone(payload),
        attempt: 0,
        origin: this.now(),
        eventId: randomUUID(),
      };
      this.deliver(delivery, this.now() + this.jitter());
      if (this.random() < (this.options.duplicateRate ?? 0)) {
        this.counters.delivery.duplicates++;
        this.deliver(delivery, this.now() + this.jitter() + this.jitter());
      }
    }
  }

  /** Events the push endpoint accepted: each to its queue's consumer, after its delay, at least once. */
  private accept(events: readonly PushedEvent[]): void {
    if (this.options.deliverQueues === false) return;
    const now = this.now();
    for (const event of events) {
      const consumer = this.manifest.consumers.get(event.queueName);
      if (!consumer) continue;
      const eventId = randomUUID();
      const delivery: Delivery = {
        kind: 'consumer',
        functionKey: consumer.functionKey,
        moduleKey: consumer.key,
        payload: {
          queueName: event.queueName,
          jobId: event.jobId,
          eventId,
          body: structuredClone(event.body),
        },
        attempt: 0,
        origin: now,
        eventId,
      };
      const at = now + LATENCY.push + event.delayInSeconds * 1000 + this.jitter();
      this.deliver(delivery, at);
      if (this.random() < (this.options.duplicateRate ?? 0)) {
        this.counters.delivery.duplicates++;
        this.deliver(delivery, at + this.jitter() + this.jitter());
      }
    }
  }

  private scheduleTriggers(): void {
    for (const trigger of this.manifest.scheduled) {
      const tick = (at: number): void => {
        this.scheduler.at(at, () => {
          if (this.stopped) return;
          void this.start({
            kind: 'scheduled',
            functionKey: trigger.functionKey,
            moduleKey: trigger.key,
            payload: { context: { cloudId: 'cloud', moduleKey: trigger.key } },
            attempt: 0,
            origin: at,
            eventId: randomUUID(),
          });
          tick(at + trigger.intervalMs);
        });
      };
      tick(Math.ceil((this.now() + 1) / trigger.intervalMs) * trigger.intervalMs);
    }
  }

  private deliver(delivery: Delivery, at: number): void {
    this.pending++;
    this.scheduler.at(at, () => {
      this.pending--;
      void this.start(delivery);
    });
  }

  /** Starts a delivery now, or queues it behind its consumer's running invocations. */
  private async start(delivery: Delivery): Promise<void> {
    if (this.stopped) return;
    const limit = delivery.kind === 'consumer' ? (this.options.consumerConcurrency ?? 10) : Infinity;
    const running = this.running.get(delivery.functionKey) ?? 0;
    if (running >= limit) {
      this.pending++;
      const list = this.waiting.get(delivery.functionKey) ?? [];
      list.push(delivery);
      this.waiting.set(delivery.functionKey, list);
      return;
    }
    this.running.set(delivery.functionKey, running + 1);
    this.pending++;
    let ended: Ended;
    try {
      ended = await this.run(
        delivery.functionKey,
        delivery.moduleKey,
        { moduleKey: delivery.moduleKey },
        undefined,
        async (handler) => {
          const event =
            delivery.kind === 'consumer'
              ? {
                  ...delivery.payload,
                  retryContext: {
                    retryCount: delivery.attempt,
                    retryReason: delivery.attempt > 0 ? 'FUNCTION_RETRY_REQUEST' : undefined,
                  },
                }
              : {
                  ...delivery.payload,
                  ...(delivery.attempt > 0 ? { retry: { retryCount: delivery.attempt } } : {}),
                };
          return handler(event, { installContext: 'ari:cloud:jira::site/cloud' });
        },
      );
    } finally {
      this.pending--;
      this.running.set(delivery.functionKey, (this.running.get(delivery.functionKey) ?? 1) - 1);
      const next = this.waiting.get(delivery.functionKey)?.shift();
      if (next) {
        this.pending--;
        void this.start(next);
      }
    }
    if (delivery.kind === 'consumer') {
      this.counters.delivery.queueEventsDelivered++;
      this.counters.delivery.maxConsumerLagMs = Math.max(
        this.counters.delivery.maxConsumerLagMs,
        this.now() - delivery.origin,
      );
    }
    const outcome = ended.outcome;
    const retryable = outcome === 'retry' || outcome === 'timeout';
    if (retryable && delivery.attempt < MAX_RETRIES && delivery.kind !== 'scheduled') {
      const after = ended.retryAfter ?? 60 * (delivery.attempt + 1);
      this.deliver(
        { ...delivery, attempt: delivery.attempt + 1 },
        this.now() + Math.min(MAX_RETRY_AFTER_SECONDS, after) * 1000,
      );
      return;
    }
    if (outcome !== 'ok') {
      if (delivery.kind === 'trigger') this.counters.delivery.productEventsLost++;
      if (delivery.kind === 'consumer') this.counters.delivery.queueEventsLost++;
    }
    this.onSettled?.({
      kind: delivery.kind,
      functionKey: delivery.functionKey,
      origin: delivery.origin,
      outcome,
    });
  }

  // ── Invocations and instances ─────────────────────────────────────────────────────────────────────

  private invocation(
    functionKey: string,
    moduleKey: string,
    context: RealtimeContext,
    accountId: string | undefined,
  ): Invocation {
    const fn = this.manifest.functions.get(functionKey);
    const timeout = (fn?.timeoutSeconds ?? 25) * 1000;
    return {
      scheduler: this.scheduler,
      id: randomUUID(),
      functionKey,
      moduleKey,
      context,
      accountId,
      deadline: this.now() + timeout,
      dead: false,
    };
  }

  /** An instance of the function: a free warm one, or a cold start (fresh module state). */
  private async instanceFor(fn: ManifestFunction): Promise<{ instance: Instance; cold: boolean }> {
    const list = this.instances.get(fn.key) ?? [];
    this.instances.set(fn.key, list);
    for (let waited = false; ; waited = true) {
      // Idle instances the platform has recycled meanwhile (they also hold the emulator's memory).
      for (let i = list.length - 1; i >= 0; i--) {
        const idle = list[i]!;
        if (!idle.busy && this.now() - idle.idleSince >= IDLE_RECYCLE_MS) this.drop(list, idle);
      }
      const free = list.find((i) => !i.busy);
      if (free && (waited || this.random() >= (this.options.coldStartRate ?? 0))) {
        free.busy = true;
        await this.scheduler.sleep(LATENCY.warmStart);
        return { instance: free, cold: false };
      }
      if (free) this.drop(list, free); // the platform recycled it
      if (list.length < (this.options.maxInstances ?? Infinity)) break;
      if (!waited) this.counters.invocations.waitedForInstance++;
      await new Promise<void>((resolve) => {
        const waiting = this.instanceWaiters.get(fn.key) ?? [];
        waiting.push(resolve);
        this.instanceWaiters.set(fn.key, waiting);
      });
    }
    const handlers = await this.scheduler.real(() => Promise.resolve(this.options.loader()));
    const instance: Instance = { handlers, busy: true, invocations: 0, idleSince: this.now() };
    list.push(instance);
    const counters = this.counters.invocations;
    counters.instances++;
    counters.peakInstances = Math.max(counters.peakInstances, counters.instances);
    await this.scheduler.sleep(LATENCY.coldStart);
    return { instance, cold: true };
  }

  /** A delivery waiting for an instance of `functionKey` may go on (one was freed or dropped). */
  private instanceFreed(functionKey: string): void {
    this.instanceWaiters.get(functionKey)?.shift()?.();
  }

  private drop(list: Instance[], instance: Instance): void {
    const at = list.indexOf(instance);
    if (at < 0) return;
    list.splice(at, 1);
    this.counters.invocations.instances--;
  }

  /** Runs one invocation of `functionKey` under its time limit; resolves to how it ended. */
  private async run(
    functionKey: string,
    moduleKey: string,
    context: RealtimeContext,
    accountId: string | undefined,
    call: (handler: (...args: unknown[]) => Promise<unknown>) => Promise<unknown>,
  ): Promise<Ended> {
    const fn = this.manifest.functions.get(functionKey);
    if (!fn) throw new Error(`manifest.yml has no function ${functionKey}`);
    const { instance, cold } = await this.instanceFor(fn);
    this.counters.invocations.total++;
    if (cold) this.counters.invocations.cold++;
    this.counters.invocations.byFunction[functionKey] =
      (this.counters.invocations.byFunction[functionKey] ?? 0) + 1;
    const handler = instance.handlers[fn.exportName];
    if (typeof handler !== 'function')
      throw new Error(`src/index.ts does not export ${fn.exportName} (function ${fn.key})`);
    const invocation = this.invocation(functionKey, moduleKey, context, accountId);
    let timer: ReturnType<VirtualScheduler['at']> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = this.scheduler.at(invocation.deadline, () => {
        resolve('timeout');
      });
    });
    const work = scopeStorage
      .run(invocation, () =>
        Promise.resolve().then(() => call(handler as (...args: unknown[]) => Promise<unknown>)),
      )
      .then(
        (result): Ended => {
          // An InvocationError (or QueueResponse.retry()) arrives as `{ _retry: true, retryOptions }`.
          const asked = result as
            { _retry?: unknown; retryOptions?: { retryAfter?: number } } | null | undefined;
          if (asked?._retry === true) {
            this.counters.invocations.retryRequested++;
            return { outcome: 'retry', retryAfter: Math.max(1, asked.retryOptions?.retryAfter ?? 1) };
          }
          return { outcome: 'ok' };
        },
        (error: unknown): Ended => {
          this.counters.invocations.threw++;
          if (this.counters.errors.length < 50) {
            const e = error as { constructor?: { name?: string }; message?: string };
            this.counters.errors.push(`${e.constructor?.name ?? 'Error'}: ${e.message ?? String(error)}`);
          }
          return { outcome: 'error' };
        },
      );
    const ended = await Promise.race([work, timedOut.then((): Ended => ({ outcome: 'timeout' }))]);
    if (timer) this.scheduler.cancel(timer);
    if (ended.outcome === 'timeout') {
      invocation.dead = true;
      this.counters.invocations.timedOut++;
      // Forge does not reuse an instance that ran out of time.
      this.drop(this.instances.get(functionKey) ?? [], instance);
      this.instanceFreed(functionKey);
      return ended;
    }
    instance.busy = false;
    instance.invocations++;
    instance.idleSince = this.now();
    this.instanceFreed(functionKey);
    return ended;
  }
}

/** Whether the platform stopped the invocation meanwhile (read through a function: it changes across awaits). */
function frozen(invocation: Invocation): boolean {
  return invocation.dead;
}

/**
 * Forge realtime as the emulator plays it: the GraphQL mutation `@forge/realtime` posts to `__forge_fetch__`
 * (`{ type: 'realtime' }`, path `/`), with the channel scoping Forge applies and 50 publishes a second.
 *
 * A channel is scoped to the publishing invocation's module and context (its `x-forge-context-token`), unless
 * `contextOverrides` names the context properties to keep, or the publish is global. A panel subscribed with
 * `realtime.subscribe` in module M on issue I hears only context-scoped publishes made for M and I; a
 * `subscribeGlobal` hears every `publishGlobal` on the channel's name.
 *
 * Over the rate, the reply is 429 "Too Many Requests"; the SDK does not throw then: `publish` resolves to
 * `{ eventId: null, errors: [{ message: 'RATE_LIMIT_EXCEEDED', status: 429 }] }`.
 */
import { SlidingWindow, type ForgeLimits } from './limits';
import { jsonReply } from './wire';

/** The context an invocation or a Custom UI frame runs in, as far as channel scoping cares. */
export interface RealtimeContext {
  readonly moduleKey: string;
  readonly issueId?: string;
  readonly projectKey?: string;
}

/** A Custom UI's subscription (what `@forge/bridge`'s realtime.subscribe / subscribeGlobal registers). */
export interface Subscription {
  readonly channel: string;
  readonly global: boolean;
  /** Ignored for a global subscription. */
  readonly context: RealtimeContext;
  readonly heard: { readonly payload: unknown; readonly at: number }[];
  /** Called for each event heard, as `@forge/bridge` calls a subscriber's callback. */
  readonly onEvent?: (payload: unknown) => void;
}

export interface RealtimeCounters {
  published: number;
  refused: number;
  /** Publishes that reached no subscriber (nobody listening in that scope). */
  unheard: number;
}

/** Encodes an invocation's context as the token the runtime hands the SDK. */
export function contextToken(context: RealtimeContext): string {
  return Buffer.from(JSON.stringify(context)).toString('base64url');
}

function decodeToken(token: string | undefined): RealtimeContext | undefined {
  if (token === undefined || token === '') return undefined;
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as RealtimeContext;
  } catch {
    return undefined;
  }
}

/** The scope key of a context-scoped channel, keeping only the overridden properties when there are any. */
function scopeKey(
  channel: string,
  context: RealtimeContext,
  overrides: readonly string[] | undefined,
): string {
  const keep = (name: string): boolean => overrides === undefined || overrides.includes(name);
  return JSON.stringify([
    channel,
    overrides === undefined ? context.moduleKey : '',
    keep('issue') ? (context.issueId ?? '') : '',
    keep('project') ? (context.projectKey ?? '') : '',
  ]);
}

/** Realtime for one installation. */
export class RealtimeService {
  readonly counters: RealtimeCounters = { published: 0, refused: 0, unheard: 0 };
  private readonly window: SlidingWindow;
  private readonly subscriptions: Subscription[] = [];
  private nextEvent = 1;

  constructor(limits: ForgeLimits) {
    this.window = new SlidingWindow(1000, limits.publishesPerSecond);
  }

  /** A Custom UI frame listening on `channel` in `context` (or globally). */
  subscribe(
    channel: string,
    context: RealtimeContext,
    options: { readonly global?: boolean; readonly onEvent?: (payload: unknown) => void } = {},
  ): Subscription {
    const subscription: Subscription = {
      channel,
      global: options.global === true,
      context,
      heard: [],
      ...(options.onEvent === undefined ? {} : { onEvent: options.onEvent }),
    };
    this.subscriptions.push(subscription);
    return subscription;
  }

  /** Answers one request of `@forge/realtime` at virtual time `now`. */
  handle(body: unknown, token: string | undefined, now: number): Response {
    const { query, variables } = (body ?? {}) as { query?: string; variables?: Record<string, unknown> };
    if (typeof query === 'string' && query.includes('signRealtimeToken')) {
      return jsonReply(200, { errors: [{ message: 'The emulator does not sign realtime tokens.' }] });
    }
    if (!this.window.take(now)) {
      this.counters.refused++;
      return jsonReply(429, { message: 'Too Many Requests' });
    }
    const name = typeof variables?.name === 'string' ? variables.name : '';
    const payload = JSON.parse(
      typeof variables?.payload === 'string' ? variables.payload : 'null',
    ) as unknown;
    const global = variables?.isGlobal === true;
    let heardBy = 0;
    if (global) {
      for (const s of this.subscriptions) {
        if (s.global && s.channel === name) {
          s.heard.push({ payload, at: now });
          s.onEvent?.(payload);
          heardBy++;
        }
      }
    } else {
      const context = decodeToken(typeof variables?.token === 'string' ? undefined : token);
      const raw =
        typeof variables?.context === 'string'
          ? (JSON.parse(variables.context) as { contextOverrides?: string[] })
          : undefined;
      const overrides = raw?.contextOverrides;
      if (context) {
        const key = scopeKey(name, context, overrides);
        for (const s of this.subscriptions) {
          if (!s.global && scopeKey(s.channel, s.context, overrides) === key) {
            s.heard.push({ payload, at: now });
            s.onEvent?.(payload);
            heardBy++;
          }
        }
      }
    }
    this.counters.published++;
    if (heardBy === 0) this.counters.unheard++;
    const eventId = `event-${this.nextEvent++}`;
    return jsonReply(200, {
      data: {
        ecosystem: { publishRealtimeChannel: { eventId, eventTimestamp: new Date(now).toISOString() } },
      },
    });
  }
}

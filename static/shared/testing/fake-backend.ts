import type { Problem } from '../../../src/engine/errors';
import { REFUSAL_CODES } from '../../../src/app/resolvers/envelope';
import type {
  Failure,
  PayloadOf,
  RefusalParams,
  RefusalReason,
  Reply,
  ReplyOf,
  ReplyTo,
  RouteName,
} from '../api/reply';
import type { Backend, UiContext } from '../backend';
import { testTranslations } from './translations';

/** One resolver call a fake backend received: a route and its payload, typed together (narrow on `route`). */
export type Call = { [R in RouteName]: { readonly route: R; readonly payload: PayloadOf<R> } }[RouteName];

/** A call to one route. */
export type CallTo<R extends RouteName> = Extract<Call, { readonly route: R }>;

/** The reply of some route: what an answering function may return. */
export type AnyReply = { [R in RouteName]: ReplyTo<R> }[RouteName];

/** Answers per route, each typed by its route's payload and reply; a route not listed is `not-found`. */
export type Answers = {
  readonly [R in RouteName]?: (payload: PayloadOf<R>) => ReplyTo<R> | Promise<Reply<ReplyOf<R>>>;
};

/** Answers every call: a function of the call (any route's reply), or {@link Answers} per route. */
export type Answer = ((call: Call) => AnyReply | Promise<AnyReply>) | Answers;

/**
 * A {@link Backend} for component tests: `answer` replies to each call (by route and payload), the context is
 * an agent in Berlin reading English unless `context` says otherwise, translations are the UIs' own catalogues,
 * and `notify(channel)` plays a realtime event. `calls` and `submitted` record what the UI asked for.
 *
 * With {@link Answers} each route's reply is checked against that route's reply type; a function's replies are
 * checked against the replies of all routes.
 */
export function fakeBackend(answer: Answer, context: Partial<UiContext> = {}) {
  const calls: Call[] = [];
  const submitted: Readonly<Record<string, unknown>>[] = [];
  const listeners = new Map<string, Set<() => void>>();
  const respond = typeof answer === 'function' ? answer : answering(answer);
  const backend: Backend = {
    call: async <R extends RouteName>(route: R, payload: PayloadOf<R>) => {
      const call = { route, payload } as Call;
      calls.push(call);
      // The answer is the test's to get right: Answers are typed per route, a function by all routes' replies.
      return (await respond(call)) as Reply<ReplyOf<R>>;
    },
    context: () =>
      Promise.resolve({
        issueId: null,
        projectKey: null,
        accountId: 'admin-1',
        gadget: null,
        locale: 'en-US',
        timeZone: 'Europe/Berlin',
        ...context,
      }),
    subscribe: (channel, onEvent) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(onEvent);
      listeners.set(channel, set);
      return Promise.resolve(() => set.delete(onEvent));
    },
    translations: testTranslations,
    submitGadget: (configuration) => {
      submitted.push(configuration);
      return Promise.resolve();
    },
  };
  const notify = (channel: string): void => {
    for (const listener of listeners.get(channel) ?? []) listener();
  };
  return { backend, calls, submitted, notify };
}

/** The answering function of per-route {@link Answers}: a route not listed is `not-found`. */
export function answering(answers: Answers): (call: Call) => Promise<AnyReply> {
  return async (call) => {
    const answer = answers[call.route] as
      ((payload: Call['payload']) => AnyReply | Promise<AnyReply>) | undefined;
    if (answer === undefined) return refused('route-unknown', { route: call.route }, `no ${call.route}`);
    return answer(call.payload);
  };
}

/**
 * A refusal as the dispatcher sends it: the reason's code, its values, an English message (for logs; the UIs
 * word the reason) and any problems.
 * @example refused('job-unknown', { jobId: 'j1' })
 */
export function refused<R extends RefusalReason>(
  reason: R,
  params: RefusalParams[R],
  message = `refused: ${reason}`,
  problems?: readonly Problem[],
): { readonly ok: false; readonly error: Failure } {
  const error = { code: REFUSAL_CODES[reason], reason, params, message, ...(problems ? { problems } : {}) };
  return { ok: false, error: error as Failure };
}

import type { PayloadOf, Reply, ReplyOf, RouteName } from './api/reply';
import type { Backend, UiContext } from './backend';

/** What a UI's first round trips brought, for a first paint before the UI itself runs (see {@link prefetching}). */
export interface EarlyReplies<R extends RouteName> {
  readonly context: UiContext;
  readonly translations: Awaited<ReturnType<Backend['translations']>>;
  /** Null when `first` made no call for this context. */
  readonly reply: Reply<ReplyOf<R>> | null;
}

/** A {@link Backend} whose first round trips are also readable, without taking them from the UI, as `early`. */
export interface Prefetching<R extends RouteName> extends Backend {
  /** Settles once the context, the translations and the first call have all answered; rejects if one failed. */
  readonly early: Promise<EarlyReplies<R>>;
}

/** The one resolver call a UI makes first, once it knows where it is; null when there is none to make. */
export type FirstCall<R extends RouteName> = (context: UiContext) => {
  readonly route: R;
  readonly payload: PayloadOf<R>;
} | null;

/**
 * A {@link Backend} that starts a UI's first round trips at once instead of one after another: asking for the
 * context begins as soon as the bundle runs (before React has rendered), and once the context is known, the
 * translations in the user's locale and the UI's `first` call are asked for together. The UI's own first
 * `context()`, `translations(locale)` and matching `call` receive those answers; every later call goes to the
 * host as usual. Without it, the issue panel waited for the context, then its translations, then its results.
 *
 * @example const backend = prefetching(forgeBackend, (c) => c.issueId && { route: 'issue/metrics', payload: { issueId: c.issueId } });
 */
export function prefetching<R extends RouteName>(backend: Backend, first: FirstCall<R>): Prefetching<R> {
  const context = backend.context();
  let translations: { locale: string; reply: ReturnType<Backend['translations']> } | null = null;
  let call: { route: R; key: string; reply: Promise<Reply<ReplyOf<R>>> } | null = null;
  let contextTaken = false;
  context.then(
    (c) => {
      translations = { locale: c.locale, reply: backend.translations(c.locale) };
      // Handled here too, so that an early failure nobody has asked for yet is not an unhandled rejection.
      translations.reply.catch(() => undefined);
      const made = first(c);
      if (made)
        call = { route: made.route, key: keyOf(made.payload), reply: backend.call(made.route, made.payload) };
    },
    () => undefined,
  );
  // After the handler above (attached first), which has asked for both; kept here, since the UI takes them.
  const early = context.then(async (c) => {
    const asked = { translations: translations?.reply, reply: call?.reply ?? null };
    if (asked.translations === undefined) throw new Error('the translations were not asked for');
    const [lookup, reply] = await Promise.all([asked.translations, asked.reply]);
    return { context: c, translations: lookup, reply };
  });
  early.catch(() => undefined);
  return {
    early,
    subscribe: (channel, onEvent) => backend.subscribe(channel, onEvent),
    submitGadget: (configuration) => backend.submitGadget(configuration),
    context() {
      if (contextTaken) return backend.context();
      contextTaken = true;
      return context;
    },
    translations(locale) {
      const early = translations;
      if (early?.locale !== locale) return backend.translations(locale);
      translations = null;
      return early.reply;
    },
    call<Q extends RouteName>(route: Q, payload: PayloadOf<Q>) {
      const early = call;
      const mine = early !== null && sameRoute(early.route, route) && early.key === keyOf(payload);
      if (!mine) return backend.call(route, payload);
      call = null;
      // The same route as asked (compared above), so the early reply is this route's.
      return early.reply as unknown as Promise<Reply<ReplyOf<Q>>>;
    },
  };
}

const sameRoute = (a: RouteName, b: RouteName): boolean => a === b;

// Payloads are small flat objects of ids: their JSON with sorted keys tells two of them apart.
const keyOf = (payload: object): string =>
  JSON.stringify(Object.entries(payload).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

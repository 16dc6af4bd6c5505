/**
 * The one contract between the resolvers and the Custom UIs, derived from the route table the dispatcher runs
 * (dispatch.ts): each route's name, its payload (the zod schema's input, before defaults) and its reply (the
 * handler's declared return type). Types only: a UI imports this module with `import type` and its bundle
 * carries no server code.
 *
 * @example
 * const reply = await backend.call('issue/metrics', { issueId: '10042' });
 * if (reply.ok) reply.data.results; // typed: ReplyOf<'issue/metrics'>
 */
import type { z } from 'zod';
import type { routes } from './dispatch';
import type { Reply } from './envelope';

export type { ErrorCode, Failure, RefusalParams, RefusalReason, Reply } from './envelope';

/** The route table's type: each route's payload schema and handler. */
export type Routes = typeof routes;

/** A resolver key a UI may call (`issue/metrics`, `agreements/save`, …). */
export type RouteName = Extract<keyof Routes, string>;

/**
 * What a UI sends to `R`: the input of its payload schema (fields with a default may be left out), read-only
 * all the way down (nothing changes a payload on its way, so a UI's read-only lists go as they are).
 */
export type PayloadOf<R extends RouteName> = ReadonlyDeep<z.input<Routes[R]['payload']>>;

type ReadonlyDeep<T> = T extends readonly (infer U)[]
  ? readonly ReadonlyDeep<U>[]
  : T extends object
    ? { readonly [K in keyof T]: ReadonlyDeep<T[K]> }
    : T;

/** What `R` answers inside the envelope's `data`. */
export type ReplyOf<R extends RouteName> = Awaited<ReturnType<Routes[R]['handle']>>;

/** The envelope `R` answers in (for a union of routes, the union of their envelopes). */
export type ReplyTo<R extends RouteName> = R extends RouteName ? Reply<ReplyOf<R>> : never;

/** Values that do not survive JSON on their way to the browser (or arrive as something else). */
type NotJson =
  | Date
  | Map<unknown, unknown>
  | Set<unknown>
  | RegExp
  | bigint
  | symbol
  | Promise<unknown>
  | ((...args: never[]) => unknown);

/**
 * The parts of `T` that would not arrive in the browser as typed (a Date becomes a string, a Map `{}`, a function
 * nothing); `never` when `T` is plain JSON data. Class instances with methods show up as their methods.
 * @example WireProblem<{ at: Date }> is Date; WireProblem<{ at: string }> is never
 */
export type WireProblem<T> = T extends string | number | boolean | null | undefined
  ? never // branded strings and numbers (LocalDate, EpochMs) too
  : T extends NotJson
    ? T
    : T extends readonly (infer U)[]
      ? WireProblem<U>
      : T extends object
        ? { [K in keyof T]-?: WireProblem<T[K]> }[keyof T]
        : never;

/** Compiles only when every route's reply is plain JSON: a handler that returns a Date breaks the build here. */
type OnlyJson<T extends never> = T;
export type RepliesAreJson = OnlyJson<WireProblem<{ [R in RouteName]: ReplyOf<R> }>>;

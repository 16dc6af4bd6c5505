import type { z } from 'zod';
import type { Deps } from '../evaluation/deps';
import type { CallContext } from './context';

/**
 * A resolver route: its payload's schema and its handler, which may throw a Refusal. `T` is the reply's data as
 * the browser receives it: plain JSON (see `WireProblem` in contract.ts), declared on the handler.
 */
export interface Route<S extends z.ZodType = z.ZodType, T = unknown> {
  readonly payload: S;
  handle(deps: Deps, ctx: CallContext, payload: z.output<S>): Promise<T>;
}

/**
 * Declares a route so that its handler's payload is typed by its schema and its reply by the handler's declared
 * return type; both become the route's contract with the UIs (contract.ts).
 */
export const route = <S extends z.ZodType, T>(
  payload: S,
  handle: (deps: Deps, ctx: CallContext, payload: z.output<S>) => Promise<T>,
): Route<S, T> => ({ payload, handle });

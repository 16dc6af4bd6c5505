import type { z } from 'zod';
import type { Deps } from '../evaluation/deps';
import type { CallContext } from './context';

/** A resolver route: its payload's schema and its handler, which may throw a Refusal. */
export interface Route<S extends z.ZodType = z.ZodType> {
  readonly payload: S;
  handle(deps: Deps, ctx: CallContext, payload: z.infer<S>): Promise<unknown>;
}

/** Declares a route so that its handler's payload is typed by its schema. */
export const route = <S extends z.ZodType>(
  payload: S,
  handle: (deps: Deps, ctx: CallContext, payload: z.infer<S>) => Promise<unknown>,
): Route<S> => ({ payload, handle });

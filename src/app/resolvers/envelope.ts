import type { Problem } from '../../engine/errors';

/**
 * Every resolver reply has one shape, with stable error codes the UIs switch on; the message is for people and
 * never a stack trace.
 */
export type ErrorCode =
  | 'invalid-payload'
  | 'invalid-config'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'in-use'
  | 'jira-error'
  | 'internal';

export type Reply<T> =
  | { readonly ok: true; readonly data: T }
  | {
      readonly ok: false;
      readonly error: {
        readonly code: ErrorCode;
        readonly message: string;
        readonly problems?: readonly Problem[];
      };
    };

/** An expected refusal, thrown inside a route and turned into its reply by the dispatcher. */
export class Refusal extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems?: readonly Problem[],
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

export const success = <T>(data: T): Reply<T> => ({ ok: true, data });

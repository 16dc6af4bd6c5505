import type { Reply } from '../../../src/app/resolvers/contract';

export type {
  PayloadOf,
  RefusalParams,
  RefusalReason,
  Reply,
  ReplyOf,
  ReplyTo,
  RouteName,
} from '../../../src/app/resolvers/contract';

/**
 * The failure half of the resolvers' one envelope: a stable code, a reason with its values (which
 * `refusalText` words in the user's language), and an English message for logs.
 */
export type Failure = Extract<Reply<unknown>, { ok: false }>['error'];

/** Whether a value has the envelope's shape; anything else from the bridge is a failure of its own. */
export function isReply(value: unknown): value is Reply<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'data' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

/**
 * The envelope for a call that never reached a resolver or came back in no known shape (the bridge refused,
 * the network dropped), so that the UI has one kind of error to show.
 * @example unreachable(new Error('timeout')).error.code === 'internal'
 */
export function unreachable(cause: unknown): Extract<Reply<never>, { ok: false }> {
  const detail = (cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : '').trim();
  return {
    ok: false,
    error: {
      code: 'internal',
      reason: 'unreachable',
      params: { detail },
      message: `Accord could not reach its service${detail ? ` (${detail})` : ''}. Check your connection and try again.`,
    },
  };
}

import { useCallback, useEffect, useState } from 'react';
import type { Failure, Reply } from '../../shared/api/reply';

/** Data from the backend as it loads: nothing yet, ready (maybe refreshing), or a failure to show. */
export type Remote<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly data: T; readonly refreshing: boolean }
  | { readonly status: 'failed'; readonly error: Failure };

/**
 * Loads with `load` whenever `key` changes, and again on `reload()`; while it reloads, the data already on
 * screen stays. An answer for an older key or an earlier reload is dropped.
 * @example const { state, reload } = useRemote(() => backend.call('calendars/list', {}), 'calendars');
 */
export function useRemote<T>(
  load: () => Promise<Reply<T>>,
  key: string,
): { readonly state: Remote<T>; readonly reload: () => void } {
  const [tick, setTick] = useState(0);
  const [answer, setAnswer] = useState<{ readonly key: string; readonly reply: Reply<T> } | null>(null);
  const current = `${key}\u0000${tick}`;
  useEffect(() => {
    let active = true;
    void load().then((reply) => {
      if (active) setAnswer({ key: current, reply });
    });
    return () => {
      active = false;
    };
    // `load` is a new closure on every render; what it loads is named by `current`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current]);
  const reload = useCallback(() => {
    setTick((n) => n + 1);
  }, []);
  let state: Remote<T>;
  if (answer === null) state = { status: 'loading' };
  else if (answer.key === current)
    state = answer.reply.ok
      ? { status: 'ready', data: answer.reply.data, refreshing: false }
      : { status: 'failed', error: answer.reply.error };
  else if (answer.reply.ok && answer.key.startsWith(`${key}\u0000`))
    state = { status: 'ready', data: answer.reply.data, refreshing: true };
  else state = { status: 'loading' };
  return { state, reload };
}

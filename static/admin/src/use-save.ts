import { useCallback, useState } from 'react';
import type { Failure, Reply } from '../../shared/api/reply';
import { fieldProblems, NO_PROBLEMS, type FieldProblems } from './problems';

/**
 * The save of an editor: whether it is running, and the last failure with the draft that was sent, so that
 * the backend's problems show at their fields for as long as those fields keep the values that were refused.
 */
export function useSave<T>(prefix: string) {
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ readonly error: Failure; readonly sent: T } | null>(null);
  const run = useCallback(async <V>(sent: T, send: () => Promise<Reply<V>>): Promise<V | undefined> => {
    setSaving(true);
    const reply = await send();
    setSaving(false);
    if (reply.ok) {
      setFailure(null);
      return reply.data;
    }
    setFailure({ error: reply.error, sent });
    return undefined;
  }, []);
  const clear = useCallback(() => {
    setFailure(null);
  }, []);
  const problemsFor = (draft: T): FieldProblems =>
    failure ? fieldProblems(failure.error.problems ?? [], prefix, failure.sent, draft) : NO_PROBLEMS;
  return { saving, failure: failure?.error ?? null, run, clear, problemsFor };
}

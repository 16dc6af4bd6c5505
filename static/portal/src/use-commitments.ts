import { useCallback, useEffect, useRef, useState } from 'react';
import { issueChannel } from '../../../src/app/ports/publisher';
import type { Failure } from '../../shared/api/reply';
import type { Backend } from '../../shared/backend';
import type { PortalCommitment } from './commitments';

export type CommitmentsState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: Failure }
  | { readonly status: 'ready'; readonly commitments: readonly PortalCommitment[] };

/**
 * How often the panel asks again on its own: a customer keeps a request open while waiting, and a deadline
 * that passes makes no event. Also the moment an overdue commitment starts to read as overdue.
 */
export const REFRESH_MS = 60_000;

/**
 * The request's commitments: fetched on mount, on a realtime notice about the issue (where the host lets a
 * customer listen), every minute, and when the tab shows again. A failed refresh keeps what is shown; an
 * older answer never replaces a newer one.
 */
export function useCommitments(
  backend: Backend,
  issueId: string,
): { state: CommitmentsState; reload: () => void } {
  const [state, setState] = useState<CommitmentsState>({ status: 'loading' });
  const loadRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    let active = true;
    let sequence = 0;
    const load = async (): Promise<void> => {
      const mine = ++sequence;
      const reply = await backend.call('portal/commitments', { issueId });
      if (!active || mine !== sequence) return;
      if (reply.ok) {
        setState({ status: 'ready', commitments: reply.data.commitments });
        return;
      }
      const error: Failure = reply.error;
      setState((was) => (was.status === 'ready' ? was : { status: 'failed', error }));
    };
    loadRef.current = () => {
      void load();
    };
    void load();

    const interval = window.setInterval(loadRef.current, REFRESH_MS);
    let unsubscribe: (() => void) | undefined;
    backend.subscribe(issueChannel(issueId), loadRef.current).then(
      (stop) => {
        if (active) unsubscribe = stop;
        else stop();
      },
      () => {
        // No realtime for this user here: the minute's refresh keeps the panel current.
      },
    );
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') loadRef.current();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      active = false;
      window.clearInterval(interval);
      document.removeEventListener('visibilitychange', onVisible);
      unsubscribe?.();
    };
  }, [backend, issueId]);

  const reload = useCallback(() => {
    setState((was) => (was.status === 'failed' ? { status: 'loading' } : was));
    loadRef.current();
  }, []);
  return { state, reload };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { issueChannel } from '../../../src/app/ports/publisher';
import type { IssueMetrics } from '../../shared/api/issue-metrics';
import type { Failure } from '../../shared/api/reply';
import type { Backend } from '../../shared/backend';
import {
  compileCalendars,
  type CountdownCalendar,
  type CountdownCalendars,
} from '../../shared/countdown/calendars';

export type IssueMetricsState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: Failure }
  | {
      readonly status: 'ready';
      readonly data: IssueMetrics;
      readonly calendars: CountdownCalendars;
      /** A refresh that failed while older results are on screen: they stay, with this said above them. */
      readonly refreshError: Failure | null;
    };

/** How often the panel refetches on its own, in case a realtime notice is lost (the backend may drop one). */
export const REFRESH_MS = 60_000;
// Several notices arrive together when one change raises several Jira events: fetch once for all of them.
const NOTICE_DEBOUNCE_MS = 300;

/**
 * The issue's stored results and compiled calendars: fetched on mount, again on every realtime notice on the
 * issue's channel (`accord:issue:<id>`, published after each evaluation), every minute, and when the tab
 * becomes visible again. An older answer never replaces a newer one.
 */
export function useIssueMetrics(
  backend: Backend,
  issueId: string | null,
): { state: IssueMetricsState; reload: () => void } {
  const [state, setState] = useState<IssueMetricsState>({ status: 'loading' });
  const cache = useRef(new Map<string, CountdownCalendar>());
  const loadRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (issueId === null) return undefined;
    let active = true;
    let sequence = 0;
    const load = async (): Promise<void> => {
      const mine = ++sequence;
      const reply = await backend.call('issue/metrics', { issueId });
      if (!active || mine !== sequence) return;
      if (reply.ok) {
        const data = reply.data;
        setState({
          status: 'ready',
          data,
          calendars: compileCalendars(data.calendars, cache.current),
          refreshError: null,
        });
        return;
      }
      const error: Failure = reply.error;
      setState((was) =>
        was.status === 'ready' ? { ...was, refreshError: error } : { status: 'failed', error },
      );
    };
    loadRef.current = () => {
      void load();
    };
    void load();

    const interval = window.setInterval(loadRef.current, REFRESH_MS);
    let debounce = 0;
    let unsubscribe: (() => void) | undefined;
    backend
      .subscribe(issueChannel(issueId), () => {
        window.clearTimeout(debounce);
        debounce = window.setTimeout(loadRef.current, NOTICE_DEBOUNCE_MS);
      })
      .then(
        (stop) => {
          if (active) unsubscribe = stop;
          else stop();
        },
        () => {
          // No realtime here (an older host, or the sandbox without it): the minute's refetch keeps it current.
        },
      );
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') loadRef.current();
    };
    document.addEventListener('visibilitychange', onVisible);

    return () => {
      active = false;
      window.clearInterval(interval);
      window.clearTimeout(debounce);
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

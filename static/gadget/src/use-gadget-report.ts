import { useCallback, useEffect, useRef, useState } from 'react';
import type { GadgetReport } from '../../../src/app/resolvers/report-types';
import type { Failure } from '../../shared/api/reply';
import type { Backend } from '../../shared/backend';
import { gadgetPayload, type GadgetConfig } from './config';

export type ReportState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: Failure }
  | { readonly status: 'ready'; readonly report: GadgetReport; readonly refreshFailed: Failure | null };

/** A dashboard stays open on a wall: the figures are asked for again every five minutes, and on return. */
export const REFRESH_MS = 5 * 60_000;

/**
 * The gadget's figures: fetched on mount, every five minutes and when the tab shows again. A failed refresh
 * keeps the figures shown (and says so); an older answer never replaces a newer one.
 */
export function useGadgetReport(
  backend: Backend,
  config: GadgetConfig,
): { state: ReportState; reload: () => void } {
  const [state, setState] = useState<ReportState>({ status: 'loading' });
  const loadRef = useRef<() => void>(() => undefined);
  const key = JSON.stringify(config);

  useEffect(() => {
    let active = true;
    let sequence = 0;
    const payload = gadgetPayload(JSON.parse(key) as GadgetConfig);
    const load = async (): Promise<void> => {
      const mine = ++sequence;
      const reply = await backend.call('reports/gadget', { ...payload });
      if (!active || mine !== sequence) return;
      if (reply.ok) {
        setState({ status: 'ready', report: reply.data, refreshFailed: null });
        return;
      }
      const error: Failure = reply.error;
      setState((was) =>
        was.status === 'ready' ? { ...was, refreshFailed: error } : { status: 'failed', error },
      );
    };
    loadRef.current = () => {
      void load();
    };
    void load();
    const interval = window.setInterval(loadRef.current, REFRESH_MS);
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') loadRef.current();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      active = false;
      window.clearInterval(interval);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [backend, key]);

  const reload = useCallback(() => {
    setState((was) => (was.status === 'failed' ? { status: 'loading' } : was));
    loadRef.current();
  }, []);
  return { state, reload };
}

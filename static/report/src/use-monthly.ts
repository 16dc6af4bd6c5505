import { useCallback, useEffect, useState } from 'react';
import type { MonthlyReport } from '../../../src/app/resolvers/report-types';
import type { Failure } from '../../shared/api/reply';
import type { Backend } from '../../shared/backend';

export type MonthlyState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: Failure }
  | { readonly status: 'ready'; readonly report: MonthlyReport };

/**
 * The monthly report of `month` (null: the current month, as the server counts it), for the page's project
 * where it has one. A newer request wins over an older answer.
 */
export function useMonthly(
  backend: Backend,
  month: string | null,
  projectKey: string | null,
): { state: MonthlyState; reload: () => void } {
  const [answer, setAnswer] = useState<{ readonly key: string; readonly state: MonthlyState } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const key = `${month ?? ''}|${projectKey ?? ''}|${String(attempt)}`;
  useEffect(() => {
    let active = true;
    void backend
      .call('reports/monthly', {
        ...(month === null ? {} : { month }),
        ...(projectKey === null ? {} : { projectKey }),
      })
      .then((reply) => {
        if (!active) return;
        setAnswer({
          key,
          state: reply.ok
            ? { status: 'ready', report: reply.data }
            : { status: 'failed', error: reply.error },
        });
      });
    return () => {
      active = false;
    };
  }, [backend, month, projectKey, key]);
  const reload = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);
  return { state: answer !== null && answer.key === key ? answer.state : { status: 'loading' }, reload };
}

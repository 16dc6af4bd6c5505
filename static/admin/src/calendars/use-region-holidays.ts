import { useEffect, useState } from 'react';
import type { RegionHoliday } from '../api';
import type { Failure } from '../../../shared/api/reply';
import type { Backend } from '../../../shared/backend';

export type RegionDates =
  | { readonly status: 'none' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly holidays: readonly RegionHoliday[] }
  | { readonly status: 'failed'; readonly error: Failure };

/**
 * A region's public holidays for the years `fromYear`..`toYear`, resolved by the backend (the browser never
 * loads the holiday data). Nothing for no region.
 */
export function useRegionHolidays(
  backend: Backend,
  region: string | undefined,
  fromYear: number,
  toYear: number,
  /** The names' language: the user's (the first part of the Jira locale, "de" of "de-DE"). */
  language?: string,
): { readonly dates: RegionDates; readonly retry: () => void } {
  const [answer, setAnswer] = useState<{ readonly key: string; readonly dates: RegionDates } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const key = region ? `${region}|${fromYear}|${toYear}|${language ?? ''}|${attempt}` : '';
  useEffect(() => {
    if (region === undefined || region === '') return undefined;
    let active = true;
    void backend.call('calendars/region-holidays', { region, fromYear, toYear, language }).then((reply) => {
      if (!active) return;
      setAnswer({
        key: `${region}|${fromYear}|${toYear}|${language ?? ''}|${attempt}`,
        dates: reply.ok
          ? { status: 'ready', holidays: reply.data.holidays }
          : { status: 'failed', error: reply.error },
      });
    });
    return () => {
      active = false;
    };
  }, [backend, region, fromYear, toYear, language, attempt]);
  const dates: RegionDates =
    key === '' ? { status: 'none' } : answer?.key === key ? answer.dates : { status: 'loading' };
  return {
    dates,
    retry: () => {
      setAttempt((n) => n + 1);
    },
  };
}

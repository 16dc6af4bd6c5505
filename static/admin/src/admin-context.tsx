import { createContext, useContext } from 'react';
import type { Backend, UiContext } from '../../shared/backend';

/** The admin page's tabs, by key. */
export type TabKey = 'agreements' | 'calendars' | 'jobs' | 'audit' | 'jsm';

/** What every part of the admin page shares: the backend, who is looking, the clock, and the page's voice. */
export interface Admin {
  readonly backend: Backend;
  readonly ui: UiContext;
  /** Now (epoch ms): the browser's clock, a fixed one in tests. */
  readonly now: () => number;
  /** Says something to screen readers (a save's result), through the page's one live region. */
  readonly announce: (text: string) => void;
  /** Opens another tab (after starting a recalculation, the jobs). */
  readonly open: (tab: TabKey) => void;
}

export const AdminContext = createContext<Admin | null>(null);

export function useAdmin(): Admin {
  const admin = useContext(AdminContext);
  if (admin === null) throw new Error('the admin page renders its parts inside AdminContext');
  return admin;
}

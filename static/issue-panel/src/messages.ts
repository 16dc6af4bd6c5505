import type { AgreementKind } from '../../../src/engine/agreement/types';
import type { LiveState } from '../../shared/countdown/live-metric';

/**
 * Every sentence the issue panel shows, in one place, so that translating it (German and Danish, through
 * Forge's translations) replaces this module and nothing else. Numbers, durations and dates are formatted by
 * Intl in the viewer's locale before they get here.
 */
export const messages = {
  kind: {
    SLA: { title: 'SLA', description: 'Service level agreements, with customers' },
    OLA: { title: 'OLA', description: 'Operational level agreements, with internal teams' },
    UC: { title: 'UC', description: 'Underpinning contracts, with suppliers' },
  } satisfies Record<AgreementKind, { title: string; description: string }>,
  state: {
    'on-track': 'On track',
    'at-risk': 'At risk',
    breached: 'Breached',
    paused: 'Paused',
    'out-of-hours': 'Out of hours',
    met: 'Met',
    'not-started': 'Not started',
  } satisfies Record<LiveState, string>,

  loading: 'Loading SLAs…',
  timeLeft: (duration: string) => `${duration} left`,
  timeOverdue: (duration: string) => `${duration} overdue`,
  elapsed: (duration: string) => `${duration} elapsed, no target`,
  target: (duration: string) => `Target ${duration}`,
  took: (elapsed: string, target: string | null) =>
    target ? `Took ${elapsed} of ${target}` : `Took ${elapsed}`,
  due: (at: string) => `Due ${at}`,
  breachedAt: (at: string) => `Breached ${at}`,
  metAt: (at: string) => `Met ${at}`,
  stoppedAt: (at: string) => `Stopped ${at}`,
  pausedWhile: (condition: string) => `Paused while ${condition}`,
  pausedNoDeadline: 'Paused: no deadline until the clock runs again',
  resumesAt: (at: string) => `Out of hours: resumes ${at}`,
  notLive: (calendar: string, at: string) =>
    `Calendar "${calendar}" is not available here, so this does not tick: as evaluated ${at}.`,
  agreement: (id: string) => `Agreement: ${id}`,

  timeline: 'Timeline',
  timelineWithEarlier: (count: number) =>
    `Timeline and ${String(count)} earlier ${count === 1 ? 'cycle' : 'cycles'}`,
  cycleHeading: (n: number, outcome: string) => `Cycle ${String(n)}: ${outcome}`,
  event: {
    started: 'Clock started',
    goal: (n: number, target: string | null, calendar: string | null) =>
      `Goal ${String(n)} applies${target ? `: ${target}` : ''}${calendar ? ` on ${calendar}` : ''}`,
    noGoal: 'No goal matched: measured only',
    paused: (by: string | null) => (by ? `Paused while ${by}` : 'Paused'),
    resumed: 'Resumed',
    threshold: (n: number, times: number) =>
      `Warning ${String(n)} reached${times > 1 ? ` (${String(times)} times; last shown)` : ''}`,
    breached: 'Breached: target time used up',
    met: 'Stopped: met',
    stoppedBreached: 'Stopped: breached',
    due: 'Due',
  },

  completed: (count: number) => `Completed (${String(count)})`,
  announce: (metric: string, state: string) => `${metric}: ${state}`,

  emptyTitle: 'No SLA applies to this issue',
  emptyBody:
    'Accord measures an issue once an agreement covers it. A Jira admin can add an agreement, or widen where one applies, in Jira settings → Apps → Accord. If one should apply already, the issue may still be evaluating: this panel updates by itself.',
  noIssue: 'Open this panel from an issue to see its SLAs.',
  retry: 'Try again',
  refreshFailed: 'Could not refresh:',
  unknownShape:
    'Accord answered in a form this panel does not know, probably during an update. Reload the issue in a minute.',
} as const;

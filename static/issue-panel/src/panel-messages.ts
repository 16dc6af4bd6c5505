import type { AgreementKind } from '../../../src/engine/agreement/types';
import type { LiveState } from '../../shared/countdown/live-metric';
import { goalTerms, type GoalTargetTerms } from '../../shared/format/goal-terms';
import type { Failure } from '../../shared/api/reply';
import type { I18n, MessageKeys } from '../../shared/i18n/i18n';
import { refusalText, type RefusalViewer } from '../../shared/i18n/refusal-text';
import type english from '../locales/en-US.json';
import type sharedEnglish from '../../shared/locales/en-US.json';

/** The issue panel's message keys, from its English catalogue and the shared one. */
export type PanelKey = MessageKeys<typeof english> | MessageKeys<typeof sharedEnglish>;

const KINDS: readonly AgreementKind[] = ['SLA', 'OLA', 'UC'];
const STATES: readonly LiveState[] = [
  'on-track',
  'at-risk',
  'breached',
  'paused',
  'out-of-hours',
  'met',
  'not-started',
];

/**
 * Every sentence the issue panel shows, in the user's language (static/issue-panel/locales, through Forge's
 * translations). Numbers, durations and dates are formatted by Intl in the viewer's locale before they get here.
 */
export function panelMessages(i18n: I18n<PanelKey>) {
  const { t } = i18n;
  return {
    kind: Object.fromEntries(
      KINDS.map((kind) => [
        kind,
        { title: t(`kind.${kind}.title`), description: t(`kind.${kind}.description`) },
      ]),
    ) as Record<AgreementKind, { title: string; description: string }>,
    state: Object.fromEntries(STATES.map((state) => [state, t(`state.${state}`)])) as Record<
      LiveState,
      string
    >,

    loading: t('loading'),
    timeLeft: (duration: string) => t('timeLeft', { duration }),
    timeOverdue: (duration: string) => t('timeOverdue', { duration }),
    elapsed: (duration: string) => t('elapsed', { duration }),
    target: (duration: string) => t('target', { duration }),
    took: (elapsed: string, target: string | null) =>
      target ? t('tookOf', { elapsed, target }) : t('took', { elapsed }),
    due: (at: string) => t('due', { at }),
    breachedAt: (at: string) => t('breachedAt', { at }),
    metAt: (at: string) => t('metAt', { at }),
    stoppedAt: (at: string) => t('stoppedAt', { at }),
    pausedWhile: (condition: string) => t('pausedWhile', { condition }),
    pausedNoDeadline: t('pausedNoDeadline'),
    resumesAt: (at: string) => t('resumesAt', { at }),
    notLive: (calendar: string, at: string) => t('notLive', { calendar, at }),
    agreement: (name: string) => t('agreement', { name }),
    goalTerms: (goal: GoalTargetTerms) => goalTerms(goal, i18n),
    by: (at: string) => t('goal.by', { at }),

    timeline: t('timeline'),
    timelineWithEarlier: (count: number) => t('timelineWithEarlier', { count }),
    cycleHeading: (n: number, outcome: string) => t('cycleHeading', { n, outcome }),
    event: {
      started: t('event.started'),
      goal: (n: number, target: string | null, calendar: string | null) => {
        if (target && calendar) return t('event.goalTargetCalendar', { n, target, calendar });
        if (target) return t('event.goalTarget', { n, target });
        if (calendar) return t('event.goalCalendar', { n, calendar });
        return t('event.goal', { n });
      },
      noGoal: t('event.noGoal'),
      paused: (by: string | null) => (by ? t('event.pausedWhile', { condition: by }) : t('event.paused')),
      resumed: t('event.resumed'),
      threshold: (n: number, times: number) =>
        times > 1 ? t('event.thresholdRepeated', { n, count: times }) : t('event.threshold', { n }),
      breached: t('event.breached'),
      met: t('event.met'),
      stoppedBreached: t('event.stoppedBreached'),
      due: t('event.due'),
      deadlineMoved: (at: string) => t('event.deadlineMoved', { at }),
      deadlineCleared: t('event.deadlineCleared'),
    },

    adjust: {
      extendButton: t('adjust.extendButton'),
      excuseButton: t('adjust.excuseButton'),
      title: (extend: boolean) => (extend ? t('adjust.extendTitle') : t('adjust.excuseTitle')),
      submit: (extend: boolean) => (extend ? t('adjust.extendSubmit') : t('adjust.excuseSubmit')),
      cancel: t('adjust.cancel'),
      /** The dialog's × (Atlaskit would say "Close Modal"). */
      close: t('dialog.close'),
      dueNow: (at: string) => t('adjust.dueNow', { at }),
      breachedAt: (at: string) => t('adjust.breachedAt', { at }),
      how: t('adjust.how'),
      by: t('adjust.by'),
      hours: t('adjust.hours'),
      minutes: t('adjust.minutes'),
      until: t('adjust.until'),
      untilLabel: (zone: string) => t('adjust.untilLabel', { zone }),
      workingTimeHint: t('adjust.workingTimeHint'),
      excuseHint: t('adjust.excuseHint'),
      reason: t('adjust.reason'),
      reasonRequired: t('adjust.reasonRequired'),
      durationInvalid: t('adjust.durationInvalid'),
      untilInvalid: t('adjust.untilInvalid'),
      extended: (duration: string, count: number) => t('adjust.extended', { duration, count }),
      excused: t('adjust.excused'),
      eventExtended: (duration: string, who: string, reason: string) =>
        t('adjust.eventExtended', { duration, who, reason }),
      eventExcused: (who: string, reason: string) => t('adjust.eventExcused', { who, reason }),
    },

    completed: (count: number) => t('completed', { count }),
    announce: (metric: string, state: string) => t('announce', { metric, state }),

    emptyTitle: t('emptyTitle'),
    emptyBody: t('emptyBody'),
    noIssue: t('noIssue'),
    retry: t('retry'),
    refreshFailed: t('refreshFailed'),
    /** A failure in the user's language, from its reason; instants it names in `viewer`'s zone. */
    refusal: (failure: Failure, viewer?: RefusalViewer) => refusalText(failure, i18n, viewer),
  };
}

export type PanelMessages = ReturnType<typeof panelMessages>;

import type {
  ComplianceRow,
  GoalLabel,
  ReportPeriod,
  ReportPeriodKind,
} from '../../../src/app/resolvers/report-types';
import type { GadgetKey } from './messages';

type T = (key: GadgetKey, values?: Readonly<Record<string, string | number>>) => string;

/**
 * A goal as the server names it: a JQL condition (`priority = Highest`) is shown as written, in every language,
 * as Jira shows JQL; the server's codes are translated.
 */
export function goalName(label: GoalLabel, t: T): string {
  switch (label.kind) {
    case 'condition':
      return label.when;
    case 'all-goals':
      return t('group.allGoals');
    case 'all-issues':
      return t('group.allIssues');
    case 'other-issues':
      return t('group.otherIssues');
    case 'no-goal':
      return t('group.noGoal');
    case 'goal':
      return t('group.goalNumber', { number: label.number });
  }
}

/**
 * What a compliance row measures: "Time to resolution: priority = High", or only the goal when the gadget
 * shows one metric (named in its heading already).
 */
export function rowName(row: ComplianceRow, t: T, oneMetric: boolean): string {
  const goal = goalName(row.goalLabel, t);
  if (row.projectKey !== null)
    return t('group.project', { metric: row.metricName, goal, project: row.projectKey });
  if (oneMetric) return row.goalLabel.kind === 'all-goals' ? row.metricName : goal;
  if (row.goalLabel.kind === 'all-goals') return t('group.metric', { metric: row.metricName });
  return t('group.goal', { metric: row.metricName, goal });
}

/** Local dates (`2026-11-01`) as instants at UTC midnight, formatted in UTC so that no zone shifts the day. */
const utcDay = (date: string): number => Date.parse(`${date}T00:00:00Z`);

/**
 * A period in the reader's words: `November 2026` for a month, `16 – 22 Nov 2026` for a week, `1 Oct – 31 Dec
 * 2026` for a quarter.
 */
export function periodName(period: ReportPeriod, locale: string): string {
  if (period.kind === 'month') {
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      utcDay(period.firstDay),
    );
  }
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatRange(utcDay(period.firstDay), utcDay(period.lastDay));
}

/** A period's short label under the trend chart: `Nov`, `W47`, `Q4`. */
export function periodShort(period: ReportPeriod, locale: string, t: T): string {
  const tail = period.label.split('-').pop() ?? period.label;
  switch (period.kind) {
    case 'month':
      return new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(
        utcDay(period.firstDay),
      );
    case 'week':
      return t('trend.week', { n: Number(tail.replace(/^W/, '')) });
    case 'quarter':
      return t('trend.quarter', { n: Number(tail.replace(/^Q/, '')) });
  }
}

export const periodKinds: readonly ReportPeriodKind[] = ['week', 'month', 'quarter'];

import type { ReportGroupBy, ReportPeriodKind } from '../../../src/app/resolvers/report-types';
import type { PayloadOf } from '../../shared/api/reply';

/**
 * What a gadget keeps in Jira (`view.submit` from its edit view, back as `extension.gadgetConfiguration`): one
 * agreement, optionally one of its metrics and one project, the period and the grouping. Jira stores whatever
 * the gadget sends, so a stored configuration is read back field by field, never trusted whole.
 */
export interface GadgetConfig {
  readonly agreementId: string;
  /** Absent: every metric of the agreement. */
  readonly metricId?: string;
  readonly period: ReportPeriodKind;
  readonly groupBy: ReportGroupBy;
  /** Absent: every project (Jira administrators only). */
  readonly projectKey?: string;
}

export const PERIODS: readonly ReportPeriodKind[] = ['week', 'month', 'quarter'];
export const GROUPINGS: readonly ReportGroupBy[] = ['goal', 'metric', 'project'];

/** Jira's project keys: a letter, then letters, digits or underscores (`IT`, `SUP2`). */
export const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,63}$/;

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/**
 * The stored configuration, or null when it names no agreement (a gadget never configured). Unknown periods
 * or groupings fall back to the defaults (month, per goal), an unusable project key is dropped.
 * @example parseConfig({ agreementId: 'gold', period: 'week' }) // { agreementId: 'gold', period: 'week', groupBy: 'goal' }
 */
export function parseConfig(raw: Readonly<Record<string, unknown>>): GadgetConfig | null {
  const agreementId = text(raw.agreementId);
  if (agreementId === undefined) return null;
  const metricId = text(raw.metricId);
  const projectKey = text(raw.projectKey)?.toUpperCase();
  return {
    agreementId,
    ...(metricId === undefined ? {} : { metricId }),
    period: isOneOf(PERIODS, raw.period) ? raw.period : 'month',
    groupBy: isOneOf(GROUPINGS, raw.groupBy) ? raw.groupBy : 'goal',
    ...(projectKey !== undefined && PROJECT_KEY.test(projectKey) ? { projectKey } : {}),
  };
}

/** How many periods the trend shows, the current one last. */
export const TREND_PERIODS = 6;

/** The `reports/gadget` payload for a configuration. */
export function gadgetPayload(config: GadgetConfig): PayloadOf<'reports/gadget'> {
  return {
    agreementId: config.agreementId,
    ...(config.metricId === undefined ? {} : { metricId: config.metricId }),
    period: config.period,
    groupBy: config.groupBy,
    trendCount: TREND_PERIODS,
    ...(config.projectKey === undefined ? {} : { projectKey: config.projectKey }),
    atRiskLimit: 10,
    breachLimit: 20,
  };
}

/** What the edit view saves: plain JSON, without absent fields. */
export function toStored(config: GadgetConfig): Record<string, unknown> {
  return { ...config };
}

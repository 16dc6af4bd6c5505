import type { AgreementKind } from '../../../src/engine/agreement/types';
import type { MetricResult } from '../../../src/engine/evaluate/result';
import type { displayState } from '../../../src/app/evaluation/summary';
import type { CalendarForCountdown } from '../../../src/app/resolvers/issue-routes';

/**
 * The `issue/metrics` reply as it arrives in the browser (see src/app/resolvers/issue-routes.ts): the stored
 * result of every applicable agreement's metrics, and the calendars they run on with their region's public
 * holidays already resolved.
 */
export interface IssueMetrics {
  readonly issueId: string;
  /** When the newest stored result was evaluated (epoch ms); null when there is none. */
  readonly evaluatedAt: number | null;
  readonly results: readonly IssueMetricEntry[];
  readonly calendars: readonly CalendarForCountdown[];
}

/** The state agents read, as the backend words it (a running cycle past its first threshold is `at-risk`). */
export type DisplayState = ReturnType<typeof displayState>;

export interface IssueMetricEntry {
  readonly agreementId: string;
  readonly agreementVersion: number;
  /** The agreement's name and counterparty in the version the result came from. */
  readonly agreementName?: string;
  readonly counterparty?: string | null;
  /** Each goal's `when` condition, by goal index (null: the goal without a condition). */
  readonly goalConditions?: readonly (string | null)[];
  readonly kind: AgreementKind;
  readonly displayState: DisplayState;
  readonly metric: MetricResult;
}

export type { CalendarForCountdown };

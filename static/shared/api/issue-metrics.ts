import type { SummaryState } from '../../../src/app/evaluation/summary';

/** The `issue/metrics` reply and its parts, as the server declares them (src/app/resolvers/issue-routes.ts). */
export type {
  CalendarForCountdown,
  IssueMetricEntry,
  IssueMetrics,
} from '../../../src/app/resolvers/issue-routes';

/** The state agents read, as the backend words it (a running cycle past its first threshold is `at-risk`). */
export type DisplayState = SummaryState;

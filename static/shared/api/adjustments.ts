import type { adjustmentView } from '../../../src/app/resolvers/adjustment-routes';

/** One extension or excused breach, as `issue/adjustments` and `issue/extend|excuse` answer it. */
export type AdjustmentView = ReturnType<typeof adjustmentView>;

/** The `issue/adjustments` reply: the issue's decisions, and the agreements the caller may decide on. */
export interface IssueAdjustments {
  readonly issueId: string;
  readonly adjustments: readonly AdjustmentView[];
  readonly canAdjust: readonly string[];
}

/** The reply's outline, checked before the panel relies on it. */
export function isIssueAdjustments(value: unknown): value is IssueAdjustments {
  return (
    typeof value === 'object' &&
    value !== null &&
    'adjustments' in value &&
    Array.isArray(value.adjustments) &&
    'canAdjust' in value &&
    Array.isArray(value.canAdjust)
  );
}

/** The `issue/adjustments` reply and its decisions, as the server declares them. */
export type { AdjustmentView, IssueAdjustments } from '../../../src/app/resolvers/adjustment-routes';

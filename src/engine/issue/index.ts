/**
 * An issue's history: every field's value over time, walked back from Jira's current fields through the
 * changelog, and the events (creation, status, comments, assignee, resolution, field changes) agreements'
 * conditions listen to.
 */
export {
  applyChangelogEntry,
  applyComment,
  type ApplyResult,
  type CarriedEntry,
  type CarriedCommentEntry,
  type ReadAgain,
} from './apply-change';
export { historyOf, type IssueHistory } from './history';
export { compareIds, parseIssue, type ParseIssueOptions } from './parse-issue';
export {
  EMPTY_STATUS_CATALOG,
  STATUS_CATEGORY_ALIASES,
  parseStatuses,
  statusCategoryKey,
  type StatusCatalog,
} from './status-catalog';
export {
  ISSUE_HISTORY_DATA_VERSION,
  MAX_ACCOUNTS,
  MAX_APPLIED,
  type AssigneeChange,
  type CommentBy,
  type FieldTimelineData,
  type IssueEvent,
  type IssueEventData,
  type IssueHistoryData,
  type ResolutionChange,
  type StatusCategoryKey,
  type StatusRef,
} from './types';

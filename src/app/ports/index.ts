export type { Clock } from './clock';
export {
  bcp47Locale,
  JiraError,
  USERS_PER_CALL,
  type Actor,
  type CustomFieldUpdate,
  type IssueChangelogs,
  type JiraIssueJson,
  type JiraPort,
  type JiraUser,
  type JsmSla,
  type JsmSlaCycle,
  type NotifyMessage,
  type UserProfile,
} from './jira';
export {
  errorFields,
  type LogCode,
  type LogEntry,
  type LogFields,
  type Logger,
  type LogLevel,
} from './logger';
export { issueChannel, type Publisher } from './publisher';
export {
  MAX_CARRIED_CHARS,
  QUEUE_MAX_DELAY_SECONDS,
  QUEUE_MAX_EVENTS,
  QueueRefusedError,
  type CarriedChange,
  type CarriedComment,
  type CarriedEntryChange,
  type DueItem,
  type Queue,
  type QueueEvent,
} from './queue';
export type * from './store';

/**
 * What the backend tells its operators: failures, dropped payloads, retries given up, job failures. On Forge
 * each entry is one line of `forge logs`; in the sandbox, a list tests read.
 *
 * Entries carry a stable code and ids only, never personal data: no issue summaries, comments, names, e-mail
 * addresses, JQL or Jira's own error text (which can quote any of those). What went wrong is said by the code
 * and, for Jira, the HTTP status.
 */

/** Every code the backend logs; a new situation gets a new code here, so `forge logs` can be searched by it. */
export type LogCode =
  /** A queue event or trigger payload that does not parse was dropped (Forge would redeliver it forever). */
  | 'payload.dropped'
  /** An issue could not be measured now; it will be tried again (`attempt`, `retryInSeconds`). */
  | 'issue.retry'
  /** An issue could not be measured and will not be tried again (not retryable, or out of attempts). */
  | 'issue.failed'
  /** An issue's history could not be read (Jira's JSON did not parse, or its configuration is invalid). */
  | 'issue.invalid'
  /** The changes an issue's events carried could not be applied soundly (`reason`): it was read in full. */
  | 'issue.read-in-full'
  /** A threshold action failed; it will be retried. */
  | 'action.retry'
  /** A threshold action failed for the last time. */
  | 'action.failed'
  /** A recalculation step failed, or a job ended as failed (`reason`). */
  | 'job.failed'
  /** Forge's queue refused a push (rate limit, size): the work waits in the store for the sweep. */
  | 'queue.refused'
  /** Jira asked the app to wait (429) longer than an invocation may sleep; the work waits until `retryAt`. */
  | 'jira.throttled'
  /** A realtime publish failed; open panels refresh on their own timer. */
  | 'realtime.failed'
  /** Schema migrations ran (`count`) or failed. */
  | 'schema.migrated'
  | 'schema.failed'
  /** A handler failed with an error nothing else reported; Forge retries or drops the invocation. */
  | 'handler.failed'
  /** A round of retention (dropping histories, folding cycles) failed; the next sweep tries again. */
  | 'retention.failed'
  /** The site's fields and values could not be read from Jira: an agreement's JQL was saved unchecked. */
  | 'site.unread'
  /** A lease (`lease`) could not be renewed or given up; it lapses on its own within its length. */
  | 'lease.failed'
  /**
   * A drain stopped early because the store failed (e.g. Forge SQL refused past the app's patience): its shard's
   * pending issues stay marked and a later drain measures them (`retryInSeconds`).
   */
  | 'drain.interrupted';

/** What an entry may carry: ids, counts and codes, nothing a person wrote. */
export interface LogFields {
  readonly issueId?: string;
  readonly issueIds?: readonly string[];
  readonly jobId?: string;
  readonly actionKey?: string;
  readonly queue?: string;
  readonly handler?: string;
  /** A lease's key (`drain:2`, `job:<id>:1`). */
  readonly lease?: string;
  /** What was being done when it failed (`renew`, `release`). */
  readonly operation?: string;
  /** An HTTP status (Jira, Forge), 0 for a network failure. */
  readonly status?: number;
  readonly attempt?: number;
  readonly count?: number;
  /** Work still left (migrations not yet run, …). */
  readonly pending?: number;
  readonly retryInSeconds?: number;
  /** Epoch ms. */
  readonly retryAt?: number;
  /** A short machine-readable reason (`stalled`, `rate-limited`, `not-retryable`, an error class name). */
  readonly reason?: string;
}

export type LogLevel = 'info' | 'warn' | 'error';

export interface LogEntry extends LogFields {
  readonly level: LogLevel;
  readonly code: LogCode;
}

export interface Logger {
  log(level: LogLevel, code: LogCode, fields?: LogFields): void;
}

/**
 * The reason to log for a thrown error: its class name and, for a Jira or Forge error, its status. Never its
 * message, which may quote personal data.
 *
 * @example errorFields(new JiraError('…', 429, true)) // { reason: 'JiraError', status: 429 }
 */
export function errorFields(error: unknown): Pick<LogFields, 'reason' | 'status'> {
  if (!(error instanceof Error)) return { reason: typeof error };
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? { reason: error.name, status } : { reason: error.name };
}

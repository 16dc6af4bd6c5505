/**
 * The tables as Kysely sees them. Column names are snake_case, as in the SQL; {@link ./migrations} creates them.
 *
 * Numbers are typed `number | string` when read: mysql2 and better-sqlite3 return numbers, but Forge SQL's HTTP
 * API may hand 64-bit integers back as strings, so every reader converts with `Number()`. Booleans are stored as
 * 0/1 integers (TiDB's `tinyint`), JSON as text (no JSON functions are used, so no JSON column type is needed).
 */
import type { ColumnType } from 'kysely';

/** An integer or float column: written as a number, read as whatever the driver returns. */
type Num = ColumnType<number | string, number, number>;
type NullableNum = ColumnType<number | string | null, number | null, number | null>;

/** The SQL dialects the store's statements are written for. */
export type SqlDialect = 'mysql' | 'sqlite';

/**
 * The longest value each key column accepts, in characters. MySQL indexes at most 3,072 bytes per key and
 * counts 4 bytes per `utf8mb4` character, so key columns are `varchar(n)` with these n; the store refuses
 * longer values instead of letting `INSERT IGNORE` truncate them.
 */
export const KEY_LIMITS = {
  /** Calendar, agreement and metric ids. */
  id: 128,
  issueId: 64,
  issueKey: 64,
  projectKey: 64,
  stamp: 64,
  writeId: 40,
  actor: 128,
  actionKey: 512,
  auditAction: 64,
  entity: 64,
  jobId: 64,
  token: 40,
  budgetKey: 128,
  settingKey: 128,
} as const;

export interface ConfigTable {
  kind: string;
  id: string;
  version: Num;
  /** JSON; null for a deletion. */
  body: string | null;
  saved_at: Num;
  saved_by: string;
}

export interface ProjectAgreementsTable {
  project_key: string;
  /** JSON array of agreement ids, in order: one row, so a change is one atomic statement. */
  agreement_ids: string;
}

/**
 * Which write of an issue's results is current. Result and cycle rows are written under a fresh `write_id`
 * first and become visible when this pointer moves to it (see `result-store.ts`).
 */
export interface ResultSetsTable {
  issue_id: string;
  stamp: string;
  write_id: string;
  /**
   * The issue's results, all metrics packed in one compact blob (`result-store.ts`, 0043): null for a pointer
   * written before 0043, whose results are still rows of `accord_results`; '' once the history store dropped
   * them.
   */
  results: ColumnType<string | null, string | null | undefined, string | null>;
  /** The earliest `next_due` of the packed results (the sweep's index); null when none is due. */
  next_due: ColumnType<number | string | null, number | null | undefined, number | null>;
}

/**
 * One row per open metric of a write (0043): what the report of open work filters and sorts on, so it reads an
 * index instead of unpacking every issue. Written under the write id like cycles; the result is in the pointer.
 */
export interface OpenResultsTable {
  issue_id: string;
  write_id: string;
  agreement_id: string;
  metric_id: string;
  project_key: string;
  breached: Num;
  deadline: NullableNum;
}

/**
 * A write under way (0043): its stamp, written before its cycle and open-result rows, so that a concurrent
 * older write's clean-up leaves them alone (`result-store.ts`). Deleted once the pointer is at or past it.
 */
export interface ResultWritesTable {
  issue_id: string;
  write_id: string;
  stamp: string;
}

/** Per-metric results as stored before 0043: read only for pointers whose `results` is null. */
export interface ResultsTable {
  issue_id: string;
  write_id: string;
  agreement_id: string;
  metric_id: string;
  issue_key: string;
  project_key: string;
  agreement_version: Num;
  /** JSON object: calendar id → version. */
  calendar_versions: string;
  kind: string;
  state: string;
  breached: Num;
  ever_breached: Num;
  deadline: NullableNum;
  next_due: NullableNum;
  evaluated_at: Num;
  stamp: string;
  /** `MetricResult` in its compact form (`compact-json.ts`), or JSON written before it. */
  result: string;
}

/**
 * One row per cycle, for reports. No stamp of its own (dropped by 0040, issue 17): its write's stamp is in the
 * write's record in `accord_result_writes` while under way and, once current, in the pointer (`result-store.ts`).
 * Nor what its agreement version decides (kind, counterparty, the goal's target and objective; dropped by
 * 0042): see `cycle-terms.ts`.
 */
export interface CyclesTable {
  issue_id: string;
  write_id: string;
  agreement_id: string;
  metric_id: string;
  cycle: Num;
  issue_key: string;
  project_key: string;
  agreement_version: Num;
  goal_index: NullableNum;
  started_at: Num;
  stopped_at: NullableNum;
  elapsed_ms: Num;
  paused_ms: Num;
  breached: Num;
  breached_at: NullableNum;
  /** 1: an extension counted for the cycle (docs/engine-contract.md, "Extensions and excused breaches"). */
  extended: ColumnType<number | string, number | undefined, number>;
  /** 1: the cycle's breach is excused. */
  excused: ColumnType<number | string, number | undefined, number>;
}

/** Extensions and excused breaches, one row per decision (see `adjustment-store.ts`). */
export interface AdjustmentsTable {
  issue_id: string;
  id: string;
  kind: string;
  agreement_id: string;
  metric_id: string;
  cycle_started_at: Num;
  at: Num;
  minutes: NullableNum;
  until_at: NullableNum;
  reason: string;
  actor: string;
}

/**
 * An issue's JSM satisfaction rating, part of its result set: written under the same write id as its result and
 * cycle rows, so reports that join the current `accord_result_sets` pointer see the rating of the history the
 * cycles came from. One row per rated issue and write.
 */
export interface RatingsTable {
  issue_id: string;
  write_id: string;
  /** 1–5. */
  rating: Num;
  stamp: string;
}

export interface HistoriesTable {
  issue_id: string;
  issue_key: string;
  project_key: string;
  stamp: string;
  /** Bumped by every write, so a matched conditional UPDATE always changes the row (see `conditional.ts`). */
  revision: Num;
  /** `IssueHistoryData` in its compact form (or JSON, written before it); '' once retention dropped it. */
  data: string;
  /** When the issue last entered a done status (epoch ms); null while open. Retention reads it. */
  closed_at: ColumnType<number | string | null, number | null | undefined, number | null>;
}

/** The action log before 0041 (keyed by the whole action key; migrations only). */
export interface ActionsTable {
  action_key: string;
  issue_id: string;
  status: string;
  attempts: Num;
  updated_at: Num;
  error: string | null;
}

/**
 * The action log, keyed by (issue_id, action_key): one issue's rows are a range of the primary key, which its
 * reads and deletes use, so no second index is needed. `action_key` is the action key without its leading
 * `<issue id>/` (every key begins so), so that no row holds the issue id twice.
 */
export interface ActionLogTable {
  issue_id: string;
  action_key: string;
  status: string;
  attempts: Num;
  updated_at: Num;
  error: string | null;
}

export interface JobsTable {
  id: string;
  /** JSON `JobSpec`. */
  spec: string;
  state: string;
  created_at: Num;
  created_by: string;
  updated_at: Num;
  resume_cursor: string | null;
  total: NullableNum;
  done_count: Num;
  failed_count: Num;
  cancel_requested: Num;
  error: string | null;
}

export interface AuditTable {
  at: Num;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  /** 0 when the entry names no version (versions start at 1): a primary-key column cannot be null. */
  version: Num;
  /** JSON array of changes. */
  changes: string;
}

/** Issues changed since they were last measured (see `pending-store.ts`). */
export interface PendingTable {
  issue_id: string;
  /** Which drain takes the issue: a small number derived from the id. */
  shard: Num;
  /** Fresh on every mark: a drain clears the mark only if no newer change marked it again meanwhile. */
  token: string;
  marked_at: Num;
  attempts: Num;
  not_before: Num;
  /** The changes events carried, one per line, or `!` (or NULL) when the issue must be read in full. */
  changes: string | null;
}

/** Counters and leases that expire: the app's queue budget per minute, drain leases, Jira's wait. */
export interface BudgetsTable {
  budget_key: string;
  used: Num;
  expires_at: Num;
}

/** Settings an admin can see and change, and the app's own bookkeeping values, as JSON by key. */
export interface SettingsTable {
  setting_key: string;
  body: string;
}

/**
 * Cycles folded by retention: per agreement, metric, goal, project and month (the month's first instant in the
 * agreement's reporting zone), how many cycles ended and how many of them breached, and the satisfaction
 * ratings of their issues (each issue once per group and month, as reports count them).
 */
export interface CycleMonthsTable {
  agreement_id: string;
  metric_id: string;
  /** -1 for cycles no goal matched (a key column cannot be null). */
  goal_index: Num;
  project_key: string;
  month_start: Num;
  cycles: Num;
  breached: Num;
  extended: Num;
  excused: Num;
  rated: Num;
  rating_sum: Num;
}

export interface MigrationsTable {
  name: string;
  applied_at: Num;
}

/** Every table of Accord's database. */
export interface AccordDb {
  accord_config: ConfigTable;
  accord_project_agreements: ProjectAgreementsTable;
  accord_result_sets: ResultSetsTable;
  accord_results: ResultsTable;
  accord_open_results: OpenResultsTable;
  accord_result_writes: ResultWritesTable;
  accord_cycles: CyclesTable;
  accord_adjustments: AdjustmentsTable;
  accord_ratings: RatingsTable;
  accord_histories: HistoriesTable;
  /** Dropped by 0041 (its rows moved to `accord_action_log`); named by the migrations only. */
  accord_actions: ActionsTable;
  accord_action_log: ActionLogTable;
  accord_jobs: JobsTable;
  accord_audit: AuditTable;
  accord_pending: PendingTable;
  accord_budgets: BudgetsTable;
  accord_settings: SettingsTable;
  accord_cycle_months: CycleMonthsTable;
  accord_migrations: MigrationsTable;
}

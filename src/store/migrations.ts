/**
 * The database schema, defined once and compiled per dialect: Forge SQL (TiDB) and MariaDB get MySQL DDL,
 * the sandbox SQLite DDL. Each migration is one statement, because Forge SQL runs one statement per call.
 *
 * Migrations are append-only: a shipped migration is never edited (installations have run it); a change is
 * a new entry. Every statement uses `IF NOT EXISTS`, so a migration whose bookkeeping row was lost (DDL is not
 * transactional in MySQL) can run again harmlessly.
 */
import {
  CompiledQuery,
  DummyDriver,
  Kysely,
  MysqlAdapter,
  MysqlIntrospector,
  MysqlQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  sql,
  type CreateTableBuilder,
  type ColumnDataType,
  type Expression,
  type Dialect,
  type SchemaModule,
} from 'kysely';
import { KEY_LIMITS, type AccordDb, type SqlDialect } from './schema';
import { insertIfAbsent } from './sql-support';

/** One migration as SQL text for one dialect. */
/**
 * A migration as SQL text: one statement (`sql`), or a move of rows in batches (`batches`): these statements
 * in order, again and again, until the last changes no row. Each batch touches at most {@link MOVE_BATCH} rows,
 * so none meets Forge SQL's 10 s limit for a DML statement however many rows an installation has; every batch
 * is insert-if-absent then delete-what-was-moved, so a run that stops half-way goes on where it was. A runner
 * must handle both (the type says which it has).
 */
export type MigrationStatement =
  | { readonly name: string; readonly sql: string; readonly batches?: undefined }
  | { readonly name: string; readonly sql?: undefined; readonly batches: readonly string[] };

/** Rows a batched move takes per statement (some 100 bytes each: well within a second of any server). */
export const MOVE_BATCH = 5000;

/** A column type: one Kysely knows, or raw SQL for the rest (`mediumtext`, `tinyint`). */
type DataTypeExpression = ColumnDataType | Expression<unknown>;

/** Column types by dialect. SQLite has type affinity only; MySQL needs sizes, and `text` holds only 64 KiB. */
interface ColumnTypes {
  /** A key column of at most n characters. */
  key(n: number): DataTypeExpression;
  /** JSON documents that may grow large (results, histories, configuration bodies): 16 MiB in MySQL. */
  json: DataTypeExpression;
  /** Short free text (error messages, cursors). */
  text: DataTypeExpression;
  /** Epoch milliseconds, millisecond durations, counters. */
  int64: DataTypeExpression;
  int32: DataTypeExpression;
  bool: DataTypeExpression;
  float: DataTypeExpression;
}

const columnTypes: Record<SqlDialect, ColumnTypes> = {
  mysql: {
    key: (n) => sql.raw(`varchar(${n})`),
    json: sql`mediumtext`,
    text: 'text',
    int64: 'bigint',
    int32: 'integer',
    bool: sql`tinyint`,
    float: 'double precision',
  },
  sqlite: {
    key: () => 'text',
    json: 'text',
    text: 'text',
    int64: 'integer',
    int32: 'integer',
    bool: 'integer',
    float: 'real',
  },
};

interface Compilable {
  compile(): CompiledQuery;
}

interface Migration {
  readonly name: string;
  /** Statements for a batched move of rows in a dialect (see {@link MigrationStatement.batches}). */
  batches?(dialect: SqlDialect): readonly string[] | undefined;
  build(
    schema: SchemaModule,
    t: ColumnTypes,
    table: (name: keyof AccordDb) => CreateTableBuilder<string>,
    dialect: SqlDialect,
  ): Compilable;
}

const L = KEY_LIMITS;

/** The columns of the action log (0041). */
const ACTION_LOG_COLUMNS = 'issue_id, action_key, status, attempts, updated_at, error';

/** An action key of 0011 (`<issue id>/<rest>`) as 0041 keys it, `<rest>`, from a row of `table`. */
function keyRest(dialect: SqlDialect, table: string): string {
  const [issue, key] = [`${table}.issue_id`, `${table}.action_key`];
  return dialect === 'mysql'
    ? `case when left(${key}, char_length(${issue}) + 1) = concat(${issue}, '/') ` +
        `then substring(${key}, char_length(${issue}) + 2) else ${key} end`
    : `case when substr(${key}, 1, length(${issue}) + 1) = ${issue} || '/' ` +
        `then substr(${key}, length(${issue}) + 2) else ${key} end`;
}

/** The columns of a cycle its agreement version decides, dropped by 0042. */
const CYCLE_TERMS = ['kind', 'counterparty', 'target_minutes', 'objective_percent'] as const;

/**
 * Between the statements of a SQLite migration that needs several (SQLite drops one column per statement). MySQL
 * migrations are one statement each: Forge SQL runs one statement per request.
 */
export const SQLITE_STATEMENTS = ';\n';

// ── The migrations, in order ─────────────────────────────────────────────────────────────────────────

const migrations: readonly Migration[] = [
  {
    // Immutable versions: a save inserts (kind, id, version + 1); the primary key makes a lost race fail.
    name: '0001_config',
    build: (_, t, table) =>
      table('accord_config')
        .addColumn('kind', t.key(16), (c) => c.notNull())
        .addColumn('id', t.key(L.id), (c) => c.notNull())
        .addColumn('version', t.int32, (c) => c.notNull())
        .addColumn('body', t.json)
        .addColumn('saved_at', t.int64, (c) => c.notNull())
        .addColumn('saved_by', t.key(L.actor), (c) => c.notNull())
        .addPrimaryKeyConstraint('accord_config_pk', ['kind', 'id', 'version']),
  },
  {
    name: '0002_project_agreements',
    build: (_, t, table) =>
      table('accord_project_agreements')
        .addColumn('project_key', t.key(L.projectKey), (c) => c.notNull().primaryKey())
        .addColumn('agreement_ids', t.text, (c) => c.notNull()),
  },
  {
    name: '0003_result_sets',
    build: (_, t, table) =>
      table('accord_result_sets')
        .addColumn('issue_id', t.key(L.issueId), (c) => c.notNull().primaryKey())
        .addColumn('stamp', t.key(L.stamp), (c) => c.notNull())
        .addColumn('write_id', t.key(L.writeId), (c) => c.notNull()),
  },
  {
    name: '0004_results',
    build: (_, t, table) =>
      table('accord_results')
        .addColumn('issue_id', t.key(L.issueId), (c) => c.notNull())
        .addColumn('write_id', t.key(L.writeId), (c) => c.notNull())
        .addColumn('agreement_id', t.key(L.id), (c) => c.notNull())
        .addColumn('metric_id', t.key(L.id), (c) => c.notNull())
        .addColumn('issue_key', t.key(L.issueKey), (c) => c.notNull())
        .addColumn('project_key', t.key(L.projectKey), (c) => c.notNull())
        .addColumn('agreement_version', t.int32, (c) => c.notNull())
        .addColumn('calendar_versions', t.text, (c) => c.notNull())
        .addColumn('kind', t.key(8), (c) => c.notNull())
        .addColumn('state', t.key(16), (c) => c.notNull())
        .addColumn('breached', t.bool, (c) => c.notNull())
        .addColumn('ever_breached', t.bool, (c) => c.notNull())
        .addColumn('deadline', t.int64)
        .addColumn('next_due', t.int64)
        .addColumn('evaluated_at', t.int64, (c) => c.notNull())
        .addColumn('stamp', t.key(L.stamp), (c) => c.notNull())
        .addColumn('result', t.json, (c) => c.notNull())
        .addPrimaryKeyConstraint('accord_results_pk', ['issue_id', 'write_id', 'agreement_id', 'metric_id']),
  },
  {
    // The sweep: results due before an instant, oldest first.
    name: '0005_results_next_due_idx',
    build: (schema) =>
      schema.createIndex('accord_results_next_due').ifNotExists().on('accord_results').column('next_due'),
  },
  {
    // One plain row per cycle, for SQL aggregate reports.
    name: '0006_cycles',
    build: (_, t, table) =>
      table('accord_cycles')
        .addColumn('issue_id', t.key(L.issueId), (c) => c.notNull())
        .addColumn('write_id', t.key(L.writeId), (c) => c.notNull())
        .addColumn('agreement_id', t.key(L.id), (c) => c.notNull())
        .addColumn('metric_id', t.key(L.id), (c) => c.notNull())
        .addColumn('cycle', t.int32, (c) => c.notNull())
        .addColumn('issue_key', t.key(L.issueKey), (c) => c.notNull())
        .addColumn('project_key', t.key(L.projectKey), (c) => c.notNull())
        .addColumn('agreement_version', t.int32, (c) => c.notNull())
        .addColumn('kind', t.key(8), (c) => c.notNull())
        .addColumn('counterparty', t.text)
        .addColumn('goal_index', t.int32)
        .addColumn('target_minutes', t.float)
        .addColumn('objective_percent', t.float)
        .addColumn('started_at', t.int64, (c) => c.notNull())
        .addColumn('stopped_at', t.int64)
        .addColumn('elapsed_ms', t.int64, (c) => c.notNull())
        .addColumn('paused_ms', t.int64, (c) => c.notNull())
        .addColumn('breached', t.bool, (c) => c.notNull())
        .addColumn('breached_at', t.int64)
        .addColumn('stamp', t.key(L.stamp), (c) => c.notNull())
        .addPrimaryKeyConstraint('accord_cycles_pk', [
          'issue_id',
          'write_id',
          'agreement_id',
          'metric_id',
          'cycle',
        ]),
  },
  {
    name: '0007_cycles_agreement_idx',
    build: (schema) =>
      schema
        .createIndex('accord_cycles_agreement_stopped')
        .ifNotExists()
        .on('accord_cycles')
        .columns(['agreement_id', 'stopped_at']),
  },
  {
    name: '0008_cycles_project_idx',
    build: (schema) =>
      schema
        .createIndex('accord_cycles_project_stopped')
        .ifNotExists()
        .on('accord_cycles')
        .columns(['project_key', 'stopped_at']),
  },
  {
    name: '0009_histories',
    build: (_, t, table) =>
      table('accord_histories')
        .addColumn('issue_id', t.key(L.issueId), (c) => c.notNull().primaryKey())
        .addColumn('issue_key', t.key(L.issueKey), (c) => c.notNull())
        .addColumn('project_key', t.key(L.projectKey), (c) => c.notNull())
        .addColumn('stamp', t.key(L.stamp), (c) => c.notNull())
        .addColumn('revision', t.int32, (c) => c.notNull())
        .addColumn('data', t.json, (c) => c.notNull()),
  },
  {
    // Recalculation pages a project's histories in issue-id order.
    name: '0010_histories_project_idx',
    build: (schema) =>
      schema
        .createIndex('accord_histories_project')
        .ifNotExists()
        .on('accord_histories')
        .columns(['project_key', 'issue_id']),
  },
  {
    name: '0011_actions',
    build: (_, t, table) =>
      table('accord_actions')
        .addColumn('action_key', t.key(L.actionKey), (c) => c.notNull().primaryKey())
        .addColumn('issue_id', t.key(L.issueId), (c) => c.notNull())
        .addColumn('status', t.key(16), (c) => c.notNull())
        .addColumn('attempts', t.int32, (c) => c.notNull())
        .addColumn('updated_at', t.int64, (c) => c.notNull())
        .addColumn('error', t.text),
  },
  {
    name: '0012_actions_issue_idx',
    build: (schema) =>
      schema.createIndex('accord_actions_issue').ifNotExists().on('accord_actions').column('issue_id'),
  },
  {
    name: '0013_jobs',
    build: (_, t, table) =>
      table('accord_jobs')
        .addColumn('id', t.key(L.jobId), (c) => c.notNull().primaryKey())
        .addColumn('spec', t.text, (c) => c.notNull())
        .addColumn('state', t.key(16), (c) => c.notNull())
        .addColumn('created_at', t.int64, (c) => c.notNull())
        .addColumn('created_by', t.key(L.actor), (c) => c.notNull())
        .addColumn('updated_at', t.int64, (c) => c.notNull())
        .addColumn('resume_cursor', t.text)
        .addColumn('total', t.int64)
        .addColumn('done_count', t.int64, (c) => c.notNull())
        .addColumn('failed_count', t.int64, (c) => c.notNull())
        .addColumn('cancel_requested', t.bool, (c) => c.notNull())
        .addColumn('error', t.text),
  },
  {
    name: '0014_jobs_created_idx',
    build: (schema) =>
      schema.createIndex('accord_jobs_created').ifNotExists().on('accord_jobs').column('created_at'),
  },
  {
    // The primary key is the idempotency key of `append` and, leading with `at`, the index for newest-first.
    name: '0015_audit',
    build: (_, t, table) =>
      table('accord_audit')
        .addColumn('at', t.int64, (c) => c.notNull())
        .addColumn('actor', t.key(L.actor), (c) => c.notNull())
        .addColumn('action', t.key(L.auditAction), (c) => c.notNull())
        .addColumn('entity', t.key(L.entity), (c) => c.notNull())
        .addColumn('entity_id', t.key(L.id), (c) => c.notNull())
        .addColumn('version', t.int32, (c) => c.notNull())
        .addColumn('changes', t.json, (c) => c.notNull())
        .addPrimaryKeyConstraint('accord_audit_pk', ['at', 'actor', 'action', 'entity_id', 'version']),
  },
  {
    name: '0016_audit_entity_idx',
    build: (schema) =>
      schema.createIndex('accord_audit_entity').ifNotExists().on('accord_audit').columns(['entity_id', 'at']),
  },
  {
    // Satisfaction ratings, part of an issue's result set (see `RatingsTable`).
    name: '0017_ratings',
    build: (_, t, table) =>
      table('accord_ratings')
        .addColumn('issue_id', t.key(L.issueId), (c) => c.notNull())
        .addColumn('write_id', t.key(L.writeId), (c) => c.notNull())
        .addColumn('rating', t.int32, (c) => c.notNull())
        .addColumn('stamp', t.key(L.stamp), (c) => c.notNull())
        .addPrimaryKeyConstraint('accord_ratings_pk', ['issue_id', 'write_id']),
  },
  {
    // Reports: the open results of an agreement (at-risk issues now).
    name: '0018_results_agreement_state_idx',
    build: (schema) =>
      schema
        .createIndex('accord_results_agreement_state')
        .ifNotExists()
        .on('accord_results')
        .columns(['agreement_id', 'state']),
  },
  {
    // Reports' aggregates read only this index (a covering index): the cycles of an agreement ended in a range,
    // with everything they group, count and join on. About 1,700 bytes a key in MySQL, under its 3,072.
    name: '0019_cycles_report_idx',
    build: (schema) =>
      schema
        .createIndex('accord_cycles_report')
        .ifNotExists()
        .on('accord_cycles')
        .columns([
          'agreement_id',
          'stopped_at',
          'metric_id',
          'goal_index',
          'breached',
          'issue_id',
          'write_id',
          'project_key',
        ]),
  },
  {
    // Reports join every cycle to its issue's current write: answered from this index alone.
    name: '0020_result_sets_write_idx',
    build: (schema) =>
      schema
        .createIndex('accord_result_sets_write')
        .ifNotExists()
        .on('accord_result_sets')
        .columns(['issue_id', 'write_id']),
  },
  {
    // An agreement's breaches of a period, without reading its met cycles.
    name: '0021_cycles_breached_idx',
    build: (schema) =>
      schema
        .createIndex('accord_cycles_breached')
        .ifNotExists()
        .on('accord_cycles')
        .columns(['agreement_id', 'breached', 'stopped_at']),
  },
  {
    // Satisfaction beside compliance: the rating read with the join, from the index alone.
    name: '0022_ratings_rating_idx',
    build: (schema) =>
      schema
        .createIndex('accord_ratings_rating')
        .ifNotExists()
        .on('accord_ratings')
        .columns(['issue_id', 'write_id', 'rating']),
  },
  {
    // The covering index of 0019 made every cycle write dearer: recalculating 30,000 stored histories took
    // 12.2 s without the report indexes, 17.1 s with them and 14.0 s with this narrow one instead, and
    // recalculating 100,000 issues must stay under a minute. Reports now read the cycles of an agreement that
    // ended in a range through this index and the rows: a month's report still takes about half the time of
    // reading every stored cycle once (npm run bench, section 7).
    name: '0023_cycles_report_idx_dropped',
    build: (_, __, ___, dialect) => ({
      // Kysely's dropIndex cannot say IF EXISTS with MySQL's ON; MariaDB, TiDB and SQLite all read these.
      compile: () =>
        CompiledQuery.raw(
          dialect === 'mysql'
            ? 'drop index if exists accord_cycles_report on accord_cycles'
            : 'drop index if exists accord_cycles_report',
        ),
    }),
  },
  {
    name: '0024_cycles_ended_idx',
    build: (schema) =>
      schema
        .createIndex('accord_cycles_ended')
        .ifNotExists()
        .on('accord_cycles')
        .columns(['agreement_id', 'stopped_at']),
  },
  {
    // Issues changed and not yet measured: the trigger marks, a drain measures and clears (no queue event per
    // change, so a burst cannot outrun Forge's 500 pushed events a minute).
    name: '0025_pending',
    build: (_, t, table) =>
      table('accord_pending')
        .addColumn('issue_id', t.key(L.issueId), (c) => c.notNull().primaryKey())
        .addColumn('shard', t.int32, (c) => c.notNull())
        .addColumn('token', t.key(L.token), (c) => c.notNull())
        .addColumn('marked_at', t.int64, (c) => c.notNull())
        .addColumn('attempts', t.int32, (c) => c.notNull())
        .addColumn('not_before', t.int64, (c) => c.notNull()),
  },
  {
    // A drain reads its shard's marks that are due, oldest first.
    name: '0026_pending_due_idx',
    build: (schema) =>
      schema
        .createIndex('accord_pending_due')
        .ifNotExists()
        .on('accord_pending')
        .columns(['shard', 'not_before', 'marked_at']),
  },
  {
    name: '0027_budgets',
    build: (_, t, table) =>
      table('accord_budgets')
        .addColumn('budget_key', t.key(L.budgetKey), (c) => c.notNull().primaryKey())
        .addColumn('used', t.int32, (c) => c.notNull())
        .addColumn('expires_at', t.int64, (c) => c.notNull()),
  },
  // Extensions and excused breaches (docs/engine-contract.md): a cycle says whether it was extended or its
  // breach excused, for reports to show them apart and count excused breaches as the agreement says.
  addCycleFlag('0028_cycles_extended', 'extended'),
  addCycleFlag('0029_cycles_excused', 'excused'),
  {
    // The decisions themselves, one row each, kept across recalculations: an evaluation reads an issue's rows.
    // The id is derived from the decision's content, so a retried request stores it once.
    name: '0030_adjustments',
    build: (_, t, table) =>
      table('accord_adjustments')
        .addColumn('issue_id', t.key(L.issueId), (c) => c.notNull())
        .addColumn('id', t.key(L.writeId), (c) => c.notNull())
        .addColumn('kind', t.key(16), (c) => c.notNull())
        .addColumn('agreement_id', t.key(L.id), (c) => c.notNull())
        .addColumn('metric_id', t.key(L.id), (c) => c.notNull())
        .addColumn('cycle_started_at', t.int64, (c) => c.notNull())
        .addColumn('at', t.int64, (c) => c.notNull())
        .addColumn('minutes', t.float)
        .addColumn('until_at', t.int64)
        .addColumn('reason', t.text, (c) => c.notNull())
        .addColumn('actor', t.key(L.actor), (c) => c.notNull())
        .addPrimaryKeyConstraint('accord_adjustments_pk', ['issue_id', 'id']),
  },
  {
    // 0007 and 0024 index the same columns: one of them is 400 bytes a cycle for nothing.
    name: '0031_cycles_agreement_idx_dropped',
    build: (_, __, ___, dialect) => ({
      compile: () =>
        CompiledQuery.raw(
          dialect === 'mysql'
            ? 'drop index if exists accord_cycles_agreement_stopped on accord_cycles'
            : 'drop index if exists accord_cycles_agreement_stopped',
        ),
    }),
  },
  {
    // Retention: when the issue last entered a done status. MariaDB and TiDB accept IF NOT EXISTS on ADD COLUMN
    // (a rerun is harmless); SQLite does not, and its runner (`migrate`) records the migration right after it.
    name: '0032_histories_closed_at',
    build: (_, __, ___, dialect) => ({
      compile: () =>
        CompiledQuery.raw(
          dialect === 'mysql'
            ? 'alter table accord_histories add column if not exists closed_at bigint'
            : 'alter table accord_histories add column closed_at integer',
        ),
    }),
  },
  {
    name: '0033_histories_closed_idx',
    build: (schema) =>
      schema.createIndex('accord_histories_closed').ifNotExists().on('accord_histories').column('closed_at'),
  },
  {
    name: '0034_settings',
    build: (_, t, table) =>
      table('accord_settings')
        .addColumn('setting_key', t.key(L.settingKey), (c) => c.notNull().primaryKey())
        .addColumn('body', t.text, (c) => c.notNull()),
  },
  {
    name: '0035_cycle_months',
    build: (_, t, table) =>
      table('accord_cycle_months')
        .addColumn('agreement_id', t.key(L.id), (c) => c.notNull())
        .addColumn('metric_id', t.key(L.id), (c) => c.notNull())
        .addColumn('goal_index', t.int32, (c) => c.notNull())
        .addColumn('project_key', t.key(L.projectKey), (c) => c.notNull())
        .addColumn('month_start', t.int64, (c) => c.notNull())
        .addColumn('cycles', t.int64, (c) => c.notNull())
        .addColumn('breached', t.int64, (c) => c.notNull())
        // Of those, the cycles an extension counted for and the breaches excused (reports show them apart).
        .addColumn('extended', t.int64, (c) => c.notNull())
        .addColumn('excused', t.int64, (c) => c.notNull())
        .addColumn('rated', t.int64, (c) => c.notNull())
        .addColumn('rating_sum', t.int64, (c) => c.notNull())
        .addPrimaryKeyConstraint('accord_cycle_months_pk', [
          'agreement_id',
          'month_start',
          'metric_id',
          'goal_index',
          'project_key',
        ]),
  },
  // Storage (issue 17): twelve months of a busy site must fit Forge SQL's 1 GiB, and every secondary index
  // repeats the primary key (issue, write id, agreement, metric, cycle: some 70 bytes) for every cycle. Reports
  // always name their agreements, so `(agreement_id, stopped_at)` (0024) serves every range they read; these
  // two cost some 1,100 bytes an issue on MariaDB (npx tsx bench/storage-sample.ts) for a filter the rows
  // answer as well: the breach list reads an agreement's cycles of the range and keeps the breached ones.
  dropIndex('0036_cycles_project_idx_dropped', 'accord_cycles_project_stopped', 'accord_cycles'),
  dropIndex('0037_cycles_breached_idx_dropped', 'accord_cycles_breached', 'accord_cycles'),
  // The pointer's primary key is the issue id, so the join to it is a primary-key lookup with the write id in
  // the row: the covering copy of both (0020) was some 55 bytes an issue, for every issue kept.
  dropIndex('0038_result_sets_write_idx_dropped', 'accord_result_sets_write', 'accord_result_sets'),
  {
    // The changes product events carry to a pending mark (marks made before it have NULL: read in full).
    name: '0039_pending_changes',
    build: (_, __, ___, dialect) => ({
      compile: () =>
        CompiledQuery.raw(
          dialect === 'mysql'
            ? 'alter table accord_pending add column if not exists changes text'
            : 'alter table accord_pending add column changes text',
        ),
    }),
  },
  {
    // Storage (issue 17): every cycle row repeated its write's stamp, 39 bytes of some 250 a cycle, and cycles
    // are most of what an issue leaves for months after its history is dropped. The write's result rows and
    // its pointer carry the stamp; the clean-up of older writes reads it there (`result-store.ts`). Nothing
    // is lost: a cycle row's stamp was always its write's. SQLite 3.35 and later drop columns; a rerun there
    // meets "no such column", which `migrate` takes as done.
    name: '0040_cycles_stamp_dropped_storage',
    build: (_, __, ___, dialect) => ({
      compile: () =>
        CompiledQuery.raw(
          dialect === 'mysql'
            ? 'alter table accord_cycles drop column if exists stamp'
            : 'alter table accord_cycles drop column stamp',
        ),
    }),
  },
  // Storage: the action log was keyed by its action key alone, with a second index on issue_id for the reads
  // and deletes by issue, and every key repeated the issue id in front. Keyed by (issue_id, key without the
  // issue id) it needs no second index and holds the id once. Neither dialect can change a primary key in
  // place everywhere (SQLite cannot at all, TiDB not a clustered one), so the rows move to a new table: created,
  // filled by INSERT … SELECT (insert-if-absent, so a rerun adds nothing; on MySQL dialects a batch at a time,
  // each batch's rows then deleted from the old table), then the old table dropped. Keys
  // that do not begin with `<issue id>/` (the app never wrote one) move as they are.
  {
    name: '0041_actions_by_issue',
    build: (_, t, table) =>
      table('accord_action_log')
        .addColumn('issue_id', t.key(L.issueId), (c) => c.notNull())
        .addColumn('action_key', t.key(L.actionKey), (c) => c.notNull())
        .addColumn('status', t.key(16), (c) => c.notNull())
        .addColumn('attempts', t.int32, (c) => c.notNull())
        .addColumn('updated_at', t.int64, (c) => c.notNull())
        .addColumn('error', t.text)
        .addPrimaryKeyConstraint('accord_action_log_pk', ['issue_id', 'action_key']),
  },
  {
    name: '0041_actions_by_issue_moved',
    // MySQL dialects move the rows a batch at a time (Forge SQL stops a DML statement after 10 s); SQLite (the
    // sandbox's embedded database) has no such limit, nor DELETE … LIMIT, and copies them in one statement.
    batches: (dialect) =>
      dialect === 'mysql'
        ? [
            `insert ignore into accord_action_log (${ACTION_LOG_COLUMNS}) select issue_id, ` +
              `${keyRest('mysql', 'accord_actions')}, status, attempts, updated_at, error from accord_actions ` +
              `order by action_key limit ${MOVE_BATCH}`,
            'delete from accord_actions where exists (select 1 from accord_action_log l where ' +
              'l.issue_id = accord_actions.issue_id and ' +
              `l.action_key = ${keyRest('mysql', 'accord_actions')}) order by action_key limit ${MOVE_BATCH}`,
          ]
        : undefined,
    build: () => ({
      compile: () =>
        CompiledQuery.raw(
          `insert or ignore into accord_action_log (${ACTION_LOG_COLUMNS}) select issue_id, ` +
            `${keyRest('sqlite', 'accord_actions')}, status, attempts, updated_at, error from accord_actions`,
        ),
    }),
  },
  {
    // Its index goes with it.
    name: '0041_actions_by_issue_old_dropped',
    build: () => ({ compile: () => CompiledQuery.raw('drop table if exists accord_actions') }),
  },
  {
    // Storage (issue 17): every cycle row repeated what its agreement version decides, the agreement's kind and
    // counterparty and the matched goal's target and objective, some 50 bytes a cycle. The row names that
    // version, metric and goal, and the configuration keeps every version (a deletion adds a version without a
    // body), so readers take them from there (`cycle-terms.ts`). Nothing is lost: evaluations wrote them from
    // the very version the row names (`evaluation/rows.ts`). One DDL request on MySQL, MariaDB and TiDB; SQLite
    // drops one column per statement, so its runner runs these four in turn (see `migrate`).
    name: '0042_cycles_terms_dropped',
    build: (_, __, ___, dialect) => ({
      compile: () =>
        CompiledQuery.raw(
          dialect === 'mysql'
            ? `alter table accord_cycles ${CYCLE_TERMS.map((c) => `drop column if exists ${c}`).join(', ')}`
            : CYCLE_TERMS.map((c) => `alter table accord_cycles drop column ${c}`).join(SQLITE_STATEMENTS),
        ),
    }),
  },
  // Storage: one results row per issue. The pointer carries the issue's results packed in one blob and the
  // earliest next_due (the sweep's index); open metrics get a small row each for the report of open work;
  // a write under way records its stamp in accord_result_writes (see `result-store.ts`). Rows of
  // accord_results stay readable for pointers written before (results null) until their issue is written again
  // or retention drops them: SQL cannot repack the deflated blobs.
  addColumn('0043_a_result_sets_results', 'accord_result_sets', 'results', {
    mysql: 'mediumtext',
    sqlite: 'text',
  }),
  addColumn('0043_b_result_sets_next_due', 'accord_result_sets', 'next_due', {
    mysql: 'bigint',
    sqlite: 'integer',
  }),
  {
    name: '0043_c_result_sets_next_due_idx',
    build: (schema) =>
      schema
        .createIndex('accord_result_sets_next_due')
        .ifNotExists()
        .on('accord_result_sets')
        .column('next_due'),
  },
  {
    name: '0043_d_open_results',
    build: (_, t, table) =>
      table('accord_open_results')
        .addColumn('issue_id', t.key(L.issueId), (c) => c.notNull())
        .addColumn('write_id', t.key(L.writeId), (c) => c.notNull())
        .addColumn('agreement_id', t.key(L.id), (c) => c.notNull())
        .addColumn('metric_id', t.key(L.id), (c) => c.notNull())
        .addColumn('project_key', t.key(L.projectKey), (c) => c.notNull())
        .addColumn('breached', t.bool, (c) => c.notNull())
        .addColumn('deadline', t.int64)
        .addPrimaryKeyConstraint('accord_open_results_pk', [
          'issue_id',
          'write_id',
          'agreement_id',
          'metric_id',
        ]),
  },
  {
    // The report of open work: an agreement's open metrics, breached first, by deadline.
    name: '0043_e_open_results_idx',
    build: (schema) =>
      schema
        .createIndex('accord_open_results_order')
        .ifNotExists()
        .on('accord_open_results')
        .columns(['agreement_id', 'breached', 'deadline']),
  },
  {
    name: '0043_f_result_writes',
    build: (_, t, table) =>
      table('accord_result_writes')
        .addColumn('issue_id', t.key(L.issueId), (c) => c.notNull())
        .addColumn('write_id', t.key(L.writeId), (c) => c.notNull())
        .addColumn('stamp', t.key(L.stamp), (c) => c.notNull())
        .addPrimaryKeyConstraint('accord_result_writes_pk', ['issue_id', 'write_id']),
  },
];

/** Adds a nullable column (IF NOT EXISTS on MySQL; a rerun on SQLite meets "duplicate column", taken as done). */
function addColumn(
  name: string,
  table: keyof AccordDb,
  column: string,
  type: Record<SqlDialect, string>,
): Migration {
  return {
    name,
    build: (_, __, ___, dialect) => ({
      compile: () =>
        CompiledQuery.raw(
          dialect === 'mysql'
            ? `alter table ${table} add column if not exists ${column} ${type.mysql}`
            : `alter table ${table} add column ${column} ${type.sqlite}`,
        ),
    }),
  };
}

/** Drops an index if it exists (Kysely's dropIndex cannot say IF EXISTS with MySQL's ON). */
function dropIndex(name: string, index: string, table: keyof AccordDb): Migration {
  return {
    name,
    build: (_, __, ___, dialect) => ({
      compile: () =>
        CompiledQuery.raw(
          dialect === 'mysql' ? `drop index if exists ${index} on ${table}` : `drop index if exists ${index}`,
        ),
    }),
  };
}

/**
 * A 0/1 column on `accord_cycles`, 0 for rows written before it. MySQL, MariaDB and TiDB say `IF NOT EXISTS`;
 * SQLite cannot, so {@link migrate} takes SQLite's "duplicate column" as already done.
 */
function addCycleFlag(name: string, column: 'extended' | 'excused'): Migration {
  return {
    name,
    build: (_, __, ___, dialect) => ({
      compile: () =>
        CompiledQuery.raw(
          dialect === 'mysql'
            ? `alter table accord_cycles add column if not exists ${column} tinyint not null default 0`
            : `alter table accord_cycles add column ${column} integer not null default 0`,
        ),
    }),
  };
}

// ── Compiling ────────────────────────────────────────────────────────────────────────────────────────

/** A Kysely that only compiles: the dialect's adapter and compiler over a driver that never connects. */
const compilers: Record<SqlDialect, Kysely<AccordDb>> = {
  mysql: compilerFor({
    createAdapter: () => new MysqlAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new MysqlIntrospector(db),
    createQueryCompiler: () => new MysqlQueryCompiler(),
  }),
  sqlite: compilerFor({
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  }),
};

function compilerFor(dialect: Dialect): Kysely<AccordDb> {
  return new Kysely<AccordDb>({ dialect });
}

/**
 * A `CREATE TABLE IF NOT EXISTS` for the dialect. MySQL tables get `utf8mb4` with binary collation: MariaDB's
 * default collation ignores case, which would make ids `Gold` and `gold` collide and compare stamps wrongly;
 * binary collation orders and compares like SQLite and JavaScript do (by code point).
 */
function tableBuilder(dialect: SqlDialect, schema: SchemaModule) {
  return (name: keyof AccordDb): CreateTableBuilder<string> => {
    const builder = schema.createTable(name).ifNotExists();
    return dialect === 'mysql'
      ? builder.modifyEnd(sql`default charset = utf8mb4 collate = utf8mb4_bin`)
      : builder;
  };
}

/**
 * The schema's migrations as SQL text for a dialect, in the order they must run.
 *
 * @example
 * for (const { name, sql } of migrationStatements('mysql')) migrationRunner.enqueue(name, sql);
 */
export function migrationStatements(dialect: SqlDialect): MigrationStatement[] {
  const schema = compilers[dialect].schema;
  const table = tableBuilder(dialect, schema);
  return migrations.map((migration) => {
    const batches = migration.batches?.(dialect);
    return batches === undefined
      ? {
          name: migration.name,
          sql: migration.build(schema, columnTypes[dialect], table, dialect).compile().sql,
        }
      : { name: migration.name, batches };
  });
}

// ── Running (SQLite and MySQL; Forge uses its own runner, see src/forge/sql-migrations.ts) ───────────

/**
 * Runs a batched move ({@link MigrationStatement.batches}): its statements in order, with `run` resolving to
 * the rows each changed, until the last changes none. Resolves to the rounds it took.
 *
 * @example await runBatches(m.batches, async (s) => Number((await db.executeQuery(CompiledQuery.raw(s))).numAffectedRows));
 */
export async function runBatches(
  batches: readonly string[],
  run: (statement: string) => Promise<number>,
): Promise<number> {
  for (let rounds = 1; ; rounds++) {
    let changed = 0;
    for (const statement of batches) changed = await run(statement);
    if (changed === 0) return rounds;
  }
}

/**
 * Brings a database up to date: creates the bookkeeping table `accord_migrations`, then runs each migration
 * not recorded there and records it. Idempotent, and safe when two processes run it at once (every statement
 * is `IF NOT EXISTS`, every record an insert-if-absent). Resolves to the names it ran.
 *
 * @example
 * const ran = await migrate(db, 'sqlite'); // ['0001_config', …] the first time, [] after
 */
export async function migrate(db: Kysely<AccordDb>, dialect: SqlDialect): Promise<string[]> {
  const table = tableBuilder(dialect, db.schema);
  const t = columnTypes[dialect];
  await table('accord_migrations')
    .addColumn('name', t.key(255), (c) => c.notNull().primaryKey())
    .addColumn('applied_at', t.int64, (c) => c.notNull())
    .execute();
  const applied = new Set(
    (await db.selectFrom('accord_migrations').select('name').execute()).map((row) => row.name),
  );
  const ran: string[] = [];
  for (const { name, sql: text, batches } of migrationStatements(dialect)) {
    if (applied.has(name)) continue;
    if (batches !== undefined) {
      await runBatches(batches, async (statement) =>
        Number((await db.executeQuery(CompiledQuery.raw(statement))).numAffectedRows ?? 0),
      );
    } else
      for (const statement of dialect === 'sqlite' ? text.split(SQLITE_STATEMENTS) : [text]) {
        try {
          await db.executeQuery(CompiledQuery.raw(statement));
        } catch (error) {
          // A column added or dropped by a run whose bookkeeping row was lost (or that stopped half-way through
          // a migration's statements): SQLite has no ADD COLUMN IF NOT EXISTS, nor DROP COLUMN IF EXISTS.
          const done =
            /duplicate column name/i.test(String(error)) ||
            (/^alter table \S+ drop column/i.test(statement) && /no such column/i.test(String(error)));
          if (!(dialect === 'sqlite' && done)) throw error;
        }
      }
    await insertIfAbsent(
      { db, dialect },
      db.insertInto('accord_migrations').values({ name, applied_at: Date.now() }),
    );
    ran.push(name);
  }
  return ran;
}

/**
 * Accord's one {@link Store} implementation, written once over Kysely for MySQL (Forge SQL, MariaDB) and SQLite
 * (the sandbox). The parts live in one file each; this joins them over one database handle.
 */
import type { Kysely } from 'kysely';
import type { Store } from '../app/ports/store';
import { SqlActionLog } from './action-log';
import { SqlAdjustmentStore } from './adjustment-store';
import { SqlAuditLog } from './audit-log';
import { SqlBudgetStore } from './budget-store';
import { SqlConfigStore } from './config-store';
import { SqlHistoryStore } from './history-store';
import { SqlJobStore } from './job-store';
import { SqlPendingStore } from './pending-store';
import { SqlReportStore } from './report-store';
import { SqlResultStore } from './result-store';
import { SqlRetentionStore } from './retention-store';
import type { AccordDb, SqlDialect } from './schema';
import { writeIds } from './write-ids';

/** What a {@link KyselyStore} needs besides its database. */
export interface KyselyStoreOptions {
  /** Which SQL the statements are compiled for; the only place the store branches on the engine. */
  readonly dialect: SqlDialect;
  /** Wall clock (epoch ms) for ordering writes of equal stamps; `Date.now` unless a test fixes it. */
  readonly now?: () => number;
  /** How the database groups writes (see `Store.grouped`); by default it doesn't. */
  readonly group?: <T>(work: () => Promise<T>) => Promise<T>;
}

/**
 * The {@link Store} over a migrated database. No statement relies on a transaction (Forge SQL has none): every
 * write is an idempotent insert or a conditional update on a natural key.
 *
 * @example
 * const store = new KyselyStore(new Kysely<AccordDb>({ dialect }), { dialect: 'mysql' });
 * await store.config.put('calendar', 'berlin', calendar, { expectedVersion: 0, savedAt, savedBy });
 */
export class KyselyStore implements Store {
  readonly config: SqlConfigStore;
  readonly results: SqlResultStore;
  readonly histories: SqlHistoryStore;
  readonly actions: SqlActionLog;
  readonly jobs: SqlJobStore;
  readonly audit: SqlAuditLog;
  readonly reports: SqlReportStore;
  readonly pending: SqlPendingStore;
  readonly budgets: SqlBudgetStore;
  readonly adjustments: SqlAdjustmentStore;
  readonly retention: SqlRetentionStore;

  private readonly group: <T>(work: () => Promise<T>) => Promise<T>;

  constructor(
    readonly db: Kysely<AccordDb>,
    options: KyselyStoreOptions,
  ) {
    const ctx = { db, dialect: options.dialect };
    this.group = options.group ?? ((work) => work());
    this.config = new SqlConfigStore(ctx);
    this.results = new SqlResultStore(ctx, writeIds(options.now ?? Date.now));
    this.histories = new SqlHistoryStore(ctx);
    this.actions = new SqlActionLog(ctx);
    this.jobs = new SqlJobStore(ctx);
    this.audit = new SqlAuditLog(ctx);
    this.retention = new SqlRetentionStore(ctx);
    this.reports = new SqlReportStore(ctx, this.retention);
    this.pending = new SqlPendingStore(ctx);
    this.budgets = new SqlBudgetStore(ctx);
    this.adjustments = new SqlAdjustmentStore(ctx);
  }

  grouped<T>(work: () => Promise<T>): Promise<T> {
    return this.group(work);
  }

  /** Closes the database handle (the SQLite file, the MySQL pool). */
  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/**
 * Recalculation jobs: one row each, written by the worker as it goes and by the admin who cancels.
 *
 * The worker and the admin write different columns, so neither undoes the other: `update` never touches
 * `cancel_requested`, and once a job's state is `cancelled` a late progress write cannot revive it.
 */
import type { Selectable, Updateable } from 'kysely';
import type { Job, JobLane, JobSpec, JobState, JobStore } from '../app/ports/store';
import { KEY_LIMITS, type JobsTable } from './schema';
import { checkKey, insertIfAbsent, num, numOrNull, parseJson, bool, type SqlContext } from './sql-support';

/** {@link JobStore} over SQL. */
export class SqlJobStore implements JobStore {
  constructor(private readonly ctx: SqlContext) {}

  async create(job: Job): Promise<void> {
    // Idempotent: a repeated create (a retried request) must not reset a job that has made progress.
    await insertIfAbsent(
      this.ctx,
      this.ctx.db.insertInto('accord_jobs').values({
        id: checkKey('job id', job.id, KEY_LIMITS.jobId),
        spec: JSON.stringify(job.spec),
        state: job.state,
        created_at: job.createdAt,
        created_by: checkKey('createdBy', job.createdBy, KEY_LIMITS.actor),
        updated_at: job.updatedAt,
        resume_cursor: job.cursor,
        total: job.total,
        done_count: job.done,
        failed_count: job.failed,
        cancel_requested: job.cancelRequested ? 1 : 0,
        error: job.error,
      }),
    );
  }

  async get(id: string): Promise<Job | undefined> {
    const row = await this.ctx.db
      .selectFrom('accord_jobs')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toJob(row);
  }

  async list(limit: number): Promise<Job[]> {
    const rows = await this.ctx.db
      .selectFrom('accord_jobs')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toJob);
  }

  async update(
    id: string,
    patch: Partial<Pick<Job, 'state' | 'cursor' | 'total' | 'done' | 'failed' | 'error' | 'updatedAt'>>,
  ): Promise<void> {
    const { state } = patch;
    const set: Updateable<JobsTable> = {};
    if (patch.cursor !== undefined) set.resume_cursor = patch.cursor;
    if (patch.total !== undefined) set.total = patch.total;
    if (patch.done !== undefined) set.done_count = patch.done;
    if (patch.failed !== undefined) set.failed_count = patch.failed;
    if (patch.error !== undefined) set.error = patch.error;
    if (patch.updatedAt !== undefined) set.updated_at = patch.updatedAt;
    if (state === undefined && Object.keys(set).length === 0) return;
    await this.ctx.db
      .updateTable('accord_jobs')
      .set((eb) =>
        state === undefined
          ? set
          : {
              ...set,
              state: eb
                .case()
                .when('state', '=', 'cancelled' satisfies JobState)
                .then(eb.ref('state'))
                .else(state)
                .end(),
            },
      )
      .where('id', '=', id)
      .execute();
  }

  async requestCancel(id: string): Promise<void> {
    await this.ctx.db.updateTable('accord_jobs').set({ cancel_requested: 1 }).where('id', '=', id).execute();
  }

  // Lanes are small JSON documents in the settings table, one row per lane: `job:<id>:<lane>`.
  async lanes(jobId: string): Promise<JobLane[]> {
    const prefix = `job:${jobId}:`;
    const rows = await this.ctx.db
      .selectFrom('accord_settings')
      .select('body')
      .where('setting_key', '>=', prefix)
      .where('setting_key', '<', `${prefix}~`)
      .execute();
    return rows.map((r) => parseJson(r.body) as JobLane).sort((a, b) => a.lane - b.lane);
  }

  async putLane(jobId: string, lane: JobLane): Promise<void> {
    const key = checkKey('setting key', `job:${jobId}:${lane.lane}`, KEY_LIMITS.settingKey);
    const body = JSON.stringify(lane);
    const insert = this.ctx.db.insertInto('accord_settings').values({ setting_key: key, body });
    await (
      this.ctx.dialect === 'sqlite'
        ? insert.onConflict((oc) => oc.column('setting_key').doUpdateSet({ body }))
        : insert.onDuplicateKeyUpdate({ body })
    ).execute();
  }
}

function toJob(row: Selectable<JobsTable>): Job {
  return {
    id: row.id,
    spec: parseJson(row.spec) as JobSpec,
    state: row.state as JobState,
    createdAt: num(row.created_at),
    createdBy: row.created_by,
    updatedAt: num(row.updated_at),
    cursor: row.resume_cursor,
    total: numOrNull(row.total),
    done: num(row.done_count),
    failed: num(row.failed_count),
    cancelRequested: bool(row.cancel_requested),
    error: row.error,
  };
}

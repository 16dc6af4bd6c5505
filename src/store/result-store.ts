/**
 * Per-issue results and cycles, replaced whole without transactions.
 *
 * An issue's rows are written under a fresh write id, where no reader looks, and become visible in one
 * statement: the issue's row in `accord_result_sets` moves to the new write id, unless it already points at a
 * newer write (a higher stamp, or the same stamp written later). Readers join that pointer, so they always see
 * one complete set. Rows of older writes are then deleted; they can never become current again, because the
 * pointer only moves forward. A write that stops half-way leaves invisible rows that the next write of the
 * issue deletes.
 *
 * Writes are ordered by (stamp, write id); see `write-ids.ts` for what the write id adds.
 */
import { sql, type Expression, type Insertable, type Selectable, type SqlBool } from 'kysely';
import type { AgreementKind } from '../engine/agreement/types';
import type { MetricResult, MetricState } from '../engine/evaluate/result';
import type {
  HistoryStamp,
  IssueFacts,
  IssueWrite,
  ResultStore,
  StoredCycle,
  StoredResult,
} from '../app/ports/store';
import { compactJson, readCompactJson } from './compact-json';
import { withTerms } from './cycle-terms';
import { KEY_LIMITS, type CyclesTable, type ResultsTable } from './schema';
import {
  batches,
  bool,
  checkKey,
  insertIfAbsent,
  num,
  numOrNull,
  parseJson,
  sizedBatches,
  updated,
  type SqlContext,
} from './sql-support';

/** {@link ResultStore} over SQL. */
export class SqlResultStore implements ResultStore {
  constructor(
    private readonly ctx: SqlContext,
    private readonly nextWriteId: () => string,
  ) {}

  async replaceIssue(
    issueId: string,
    stamp: HistoryStamp,
    results: readonly StoredResult[],
    cycles: readonly StoredCycle[],
    facts?: IssueFacts,
  ): Promise<'written' | 'stale'> {
    const { db } = this.ctx;
    checkKey('issue id', issueId, KEY_LIMITS.issueId);
    checkKey('stamp', stamp, KEY_LIMITS.stamp);
    for (const row of [...results, ...cycles]) {
      if (row.issueId !== issueId)
        throw new Error(`replaceIssue(${issueId}) was given a row of issue ${row.issueId}`);
    }
    const writeId = this.nextWriteId();

    // Not a guard (the pointer move below is): it spares writing rows that would be thrown away.
    const current = await db
      .selectFrom('accord_result_sets')
      .select(['stamp', 'write_id'])
      .where('issue_id', '=', issueId)
      .executeTakeFirst();
    if (current && isNewer(current, { stamp, write_id: writeId })) return 'stale';

    // 1. The rows, invisible until the pointer names their write id. Several statements are fine here.
    for (const batch of batches(results)) {
      await db
        .insertInto('accord_results')
        .values(batch.map((result) => resultRow(result, writeId)))
        .execute();
    }
    for (const batch of batches(cycles)) {
      await db
        .insertInto('accord_cycles')
        .values(batch.map((cycle) => cycleRow(cycle, writeId)))
        .execute();
    }
    const rating = facts?.satisfaction ?? null;
    if (rating !== null) {
      await db
        .insertInto('accord_ratings')
        .values({ issue_id: issueId, write_id: writeId, rating, stamp })
        .execute();
    }

    // 2. Make them current: create the pointer, or move it if it points at an older write. Trying first what
    // the read above suggests saves a statement (Forge SQL allows 150 writes a second); the other is the
    // fallback for a pointer created or deleted in between.
    const create = () =>
      insertIfAbsent(
        this.ctx,
        db.insertInto('accord_result_sets').values({ issue_id: issueId, stamp, write_id: writeId }),
      );
    const move = async () =>
      updated(
        await db
          .updateTable('accord_result_sets')
          .set({ stamp, write_id: writeId })
          .where('issue_id', '=', issueId)
          .where(olderThan(stamp, writeId))
          .executeTakeFirst(),
      );
    const moved = current ? (await move()) || (await create()) : (await create()) || (await move());
    if (!moved) {
      // A newer write won in between: ours is garbage.
      await this.deleteRows(issueId, sql<SqlBool>`${sql.ref('write_id')} = ${writeId}`);
      return 'stale';
    }

    // 3. Rows of writes older than the current one (ours, or a newer one written meanwhile): vanished agreements
    // and metrics, replaced rows, leftovers of interrupted writes.
    await this.deleteRowsOf([issueId], 'behind-pointer');
    return 'written';
  }

  /**
   * The same protocol as {@link replaceIssue} for a whole batch, in a fixed number of statements whatever its
   * size: the rows of every issue under one fresh write id (multi-row INSERTs), every pointer created or moved
   * forward in one upsert whose guard compares each row's own stamp, one read of the pointers to learn which
   * moved, and one DELETE a table for the rows of older writes. The guard per issue is the upsert's, so a
   * history written meanwhile with a newer stamp keeps its results, exactly as against `replaceIssue`.
   */
  async replaceIssues(writes: readonly IssueWrite[]): Promise<('written' | 'stale')[]> {
    const { db } = this.ctx;
    const seen = new Set<string>();
    for (const write of writes) {
      checkKey('issue id', write.issueId, KEY_LIMITS.issueId);
      checkKey('stamp', write.stamp, KEY_LIMITS.stamp);
      if (seen.has(write.issueId))
        throw new Error(`replaceIssues was given issue ${write.issueId} twice in one batch`);
      seen.add(write.issueId);
      for (const row of [...write.results, ...write.cycles]) {
        if (row.issueId !== write.issueId)
          throw new Error(
            `replaceIssues: the write of issue ${write.issueId} has a row of issue ${row.issueId}`,
          );
      }
    }
    if (writes.length === 0) return [];
    // One write id for the batch: ids order the writes of one issue, and each issue is here once.
    const writeId = this.nextWriteId();
    const ids = writes.map((w) => w.issueId);

    // 1. The rows, invisible until a pointer names their write id.
    const results = writes.flatMap((w) => w.results.map((r) => resultRow(r, writeId)));
    for (const batch of sizedBatches(results)) await db.insertInto('accord_results').values(batch).execute();
    const cycles = writes.flatMap((w) => w.cycles.map((c) => cycleRow(c, writeId)));
    for (const batch of sizedBatches(cycles)) await db.insertInto('accord_cycles').values(batch).execute();
    const ratings = writes.flatMap((w) => {
      const rating = w.facts?.satisfaction ?? null;
      return rating === null ? [] : [{ issue_id: w.issueId, write_id: writeId, rating, stamp: w.stamp }];
    });
    for (const batch of sizedBatches(ratings)) await db.insertInto('accord_ratings').values(batch).execute();

    // 2. Every pointer created, or moved where it points at an older write: one upsert, guarded per row.
    for (const batch of batches(writes, ID_BATCH)) await this.movePointers(batch, writeId);

    // 3. Which moved: those now naming this write id. The others met a newer write; their rows are garbage.
    const moved = new Set<string>();
    for (const batch of batches(ids, ID_BATCH)) {
      const rows = await db
        .selectFrom('accord_result_sets')
        .select('issue_id')
        .where('issue_id', 'in', batch)
        .where('write_id', '=', writeId)
        .execute();
      for (const row of rows) moved.add(row.issue_id);
    }
    const stale = ids.filter((id) => !moved.has(id));
    for (const batch of batches(stale, ID_BATCH)) {
      await this.deleteRowsOf(batch, sql<SqlBool>`${sql.ref('write_id')} = ${writeId}`);
    }

    // 4. Rows of writes older than each issue's current one (its pointer only moves forward, so they can never
    // become current again): vanished agreements and metrics, replaced rows, leftovers of interrupted writes.
    for (const batch of batches([...moved], ID_BATCH)) await this.deleteRowsOf(batch, 'behind-pointer');
    return ids.map((id) => (moved.has(id) ? 'written' : 'stale'));
  }

  /**
   * Creates the pointers of a batch, or moves each forward to `writeId` where it names an older write (stamp,
   * write id) than that issue's own stamp with `writeId`. MySQL evaluates an upsert's assignments left to right,
   * each seeing the columns already assigned, so `write_id` goes first: `stamp`'s guard, read after it, still
   * holds exactly when there is a newer stamp to take (had `stamp` gone first, `write_id`'s guard would compare
   * against the new stamp and could leave the pointer naming the old write under the new stamp).
   */
  private async movePointers(writes: readonly IssueWrite[], writeId: string): Promise<void> {
    const { db } = this.ctx;
    const rows = writes.map((w) => ({ issue_id: w.issueId, stamp: w.stamp, write_id: writeId }));
    const insert = db.insertInto('accord_result_sets').values(rows);
    if (this.ctx.dialect === 'sqlite') {
      await insert
        .onConflict((oc) =>
          oc
            .column('issue_id')
            .doUpdateSet({
              stamp: sql<string>`excluded.stamp`,
              write_id: sql<string>`excluded.write_id`,
            })
            .where(
              sql<SqlBool>`(accord_result_sets.stamp < excluded.stamp or (accord_result_sets.stamp = excluded.stamp and accord_result_sets.write_id < excluded.write_id))`,
            ),
        )
        .execute();
      return;
    }
    const older = sql`(${sql.ref('stamp')} < values(${sql.ref('stamp')}) or (${sql.ref('stamp')} = values(${sql.ref('stamp')}) and ${sql.ref('write_id')} < values(${sql.ref('write_id')})))`;
    await insert
      .onDuplicateKeyUpdate({
        write_id: sql<string>`if(${older}, values(${sql.ref('write_id')}), ${sql.ref('write_id')})`,
        stamp: sql<string>`if(${older}, values(${sql.ref('stamp')}), ${sql.ref('stamp')})`,
      })
      .execute();
  }

  async forIssue(issueId: string): Promise<StoredResult[]> {
    const rows = await this.currentResults()
      .where('r.issue_id', '=', issueId)
      .orderBy('r.agreement_id')
      .orderBy('r.metric_id')
      .execute();
    return rows.map(toResult);
  }

  async deleteIssue(issueId: string): Promise<void> {
    const { db } = this.ctx;
    // The pointer first: the issue's results vanish for readers in one statement.
    await db.deleteFrom('accord_result_sets').where('issue_id', '=', issueId).execute();
    await this.deleteRows(issueId);
  }

  async due(before: number, limit: number): Promise<StoredResult[]> {
    const rows = await this.currentResults()
      .where('r.next_due', 'is not', null)
      .where('r.next_due', '<=', before)
      .orderBy('r.next_due')
      .orderBy('r.issue_id')
      .orderBy('r.agreement_id')
      .orderBy('r.metric_id')
      .limit(limit)
      .execute();
    return rows.map(toResult);
  }

  async cycles(filter: {
    readonly agreementId?: string;
    readonly projectKey?: string;
    readonly stoppedFrom?: number;
    readonly stoppedTo?: number;
  }): Promise<StoredCycle[]> {
    let query = this.ctx.db
      .selectFrom('accord_cycles as c')
      .innerJoin('accord_result_sets as s', (join) =>
        join.onRef('s.issue_id', '=', 'c.issue_id').onRef('s.write_id', '=', 'c.write_id'),
      )
      .selectAll('c');
    if (filter.agreementId !== undefined) query = query.where('c.agreement_id', '=', filter.agreementId);
    if (filter.projectKey !== undefined) query = query.where('c.project_key', '=', filter.projectKey);
    if (filter.stoppedFrom !== undefined) query = query.where('c.stopped_at', '>=', filter.stoppedFrom);
    if (filter.stoppedTo !== undefined) query = query.where('c.stopped_at', '<', filter.stoppedTo);
    const rows = await query
      .orderBy('c.issue_id')
      .orderBy('c.agreement_id')
      .orderBy('c.metric_id')
      .orderBy('c.cycle')
      .execute();
    return withTerms(this.ctx, rows);
  }

  /** Result rows of current writes only. Reports over `accord_cycles` join the same way. */
  private currentResults() {
    return this.ctx.db
      .selectFrom('accord_results as r')
      .innerJoin('accord_result_sets as s', (join) =>
        join.onRef('s.issue_id', '=', 'r.issue_id').onRef('s.write_id', '=', 'r.write_id'),
      )
      .selectAll('r');
  }

  /**
   * Deletes the result, cycle and rating rows of several issues: those of `which` write, or those of writes
   * older than the issue's current one (`behind-pointer`: older by stamp, then write id, than its pointer).
   *
   * Cycle rows do not repeat their write's stamp (39 bytes a cycle, issue 17): a write inserts its result rows
   * before its cycle rows, so the stamp of a write that has cycle rows is in its result rows, and a cycle row
   * is behind the pointer when it belongs to another write than the current one and no result row says that
   * write is newer (a write still under way, whose pointer move is to come). The results go first here, so a
   * delete that stops half-way leaves cycle rows whose write has no result rows left: behind, deleted next time.
   * ATTENTION: a write of cycles without any result row (the port allows it, evaluations never do it) is
   * therefore not protected from a concurrent older write's clean-up while it is under way.
   */
  private async deleteRowsOf(issueIds: readonly string[], which: Expression<SqlBool> | 'behind-pointer') {
    const { db } = this.ctx;
    for (const table of ['accord_results', 'accord_cycles', 'accord_ratings'] as const) {
      const condition = which === 'behind-pointer' ? behindPointer(table) : which;
      await db.deleteFrom(table).where('issue_id', 'in', issueIds).where(condition).execute();
    }
  }

  /** Deletes an issue's result, cycle and rating rows, all of them or those matching `which`. */
  private async deleteRows(issueId: string, which?: Expression<SqlBool>): Promise<void> {
    const { db } = this.ctx;
    let results = db.deleteFrom('accord_results').where('issue_id', '=', issueId);
    let cycles = db.deleteFrom('accord_cycles').where('issue_id', '=', issueId);
    let ratings = db.deleteFrom('accord_ratings').where('issue_id', '=', issueId);
    if (which) {
      results = results.where(which);
      cycles = cycles.where(which);
      ratings = ratings.where(which);
    }
    await results.execute();
    await cycles.execute();
    await ratings.execute();
  }
}

/** Issue ids in one `in (…)` list or one upsert: well within both engines' placeholder limits. */
const ID_BATCH = 500;

// ── Write order ──────────────────────────────────────────────────────────────────────────────────────

interface WriteRef {
  readonly stamp: string;
  readonly write_id: string;
}

/** Whether write `a` comes after write `b`: a newer stamp, or the same stamp written later. */
function isNewer(a: WriteRef, b: WriteRef): boolean {
  return a.stamp > b.stamp || (a.stamp === b.stamp && a.write_id > b.write_id);
}

/**
 * SQL for "the pointer's write comes before (stamp, writeId)", on `accord_result_sets`. Both engines compare
 * these ASCII strings byte-wise (MySQL tables use binary collation), like JavaScript's `<` in {@link isNewer}.
 */
function olderThan(stamp: string, writeId: string): Expression<SqlBool> {
  const [s, w] = [sql.ref('stamp'), sql.ref('write_id')];
  return sql<SqlBool>`(${s} < ${stamp} or (${s} = ${stamp} and ${w} < ${writeId}))`;
}

/**
 * SQL for "this row's write comes before its issue's current one" (see `deleteRowsOf`): result and rating rows
 * by their own stamp and write id, cycle rows by the result rows of their write.
 */
function behindPointer(table: 'accord_results' | 'accord_cycles' | 'accord_ratings'): Expression<SqlBool> {
  const row = sql.table(table);
  if (table !== 'accord_cycles')
    return sql<SqlBool>`exists (select 1 from accord_result_sets p where p.issue_id = ${row}.issue_id and (${row}.stamp < p.stamp or (${row}.stamp = p.stamp and ${row}.write_id < p.write_id)))`;
  return sql<SqlBool>`exists (select 1 from accord_result_sets p where p.issue_id = ${row}.issue_id and p.write_id <> ${row}.write_id and not exists (select 1 from accord_results r where r.issue_id = ${row}.issue_id and r.write_id = ${row}.write_id and (r.stamp > p.stamp or (r.stamp = p.stamp and r.write_id > p.write_id))))`;
}

// ── Rows ─────────────────────────────────────────────────────────────────────────────────────────────

function resultRow(result: StoredResult, writeId: string): Insertable<ResultsTable> {
  return {
    issue_id: result.issueId,
    write_id: writeId,
    agreement_id: checkKey('agreement id', result.agreementId, KEY_LIMITS.id),
    metric_id: checkKey('metric id', result.metricId, KEY_LIMITS.id),
    issue_key: checkKey('issue key', result.issueKey, KEY_LIMITS.issueKey),
    project_key: checkKey('project key', result.projectKey, KEY_LIMITS.projectKey),
    agreement_version: result.agreementVersion,
    calendar_versions: JSON.stringify(result.calendarVersions),
    kind: result.kind,
    state: result.state,
    breached: result.breached ? 1 : 0,
    ever_breached: result.everBreached ? 1 : 0,
    deadline: result.deadline,
    next_due: result.nextDue,
    evaluated_at: result.evaluatedAt,
    stamp: checkKey('stamp', result.stamp, KEY_LIMITS.stamp),
    result: compactJson(result.result),
  };
}

/** A result row as the port's {@link StoredResult}. */
export function toResult(row: Selectable<ResultsTable>): StoredResult {
  return {
    issueId: row.issue_id,
    issueKey: row.issue_key,
    projectKey: row.project_key,
    agreementId: row.agreement_id,
    agreementVersion: num(row.agreement_version),
    calendarVersions: parseJson(row.calendar_versions) as Record<string, number>,
    kind: row.kind as AgreementKind,
    metricId: row.metric_id,
    state: row.state as MetricState,
    breached: bool(row.breached),
    everBreached: bool(row.ever_breached),
    deadline: numOrNull(row.deadline),
    nextDue: numOrNull(row.next_due),
    evaluatedAt: num(row.evaluated_at),
    stamp: row.stamp,
    result: readCompactJson(row.result) as MetricResult,
  };
}

/**
 * A cycle row: its write's stamp is in the write's result rows and pointer (see `deleteRowsOf`), and what its
 * agreement version decides (kind, counterparty, goal target and objective) in that version (`cycle-terms.ts`).
 */
function cycleRow(cycle: StoredCycle, writeId: string): Insertable<CyclesTable> {
  return {
    issue_id: cycle.issueId,
    write_id: writeId,
    agreement_id: checkKey('agreement id', cycle.agreementId, KEY_LIMITS.id),
    metric_id: checkKey('metric id', cycle.metricId, KEY_LIMITS.id),
    cycle: cycle.cycle,
    issue_key: checkKey('issue key', cycle.issueKey, KEY_LIMITS.issueKey),
    project_key: checkKey('project key', cycle.projectKey, KEY_LIMITS.projectKey),
    agreement_version: cycle.agreementVersion,
    goal_index: cycle.goalIndex,
    started_at: cycle.startedAt,
    stopped_at: cycle.stoppedAt,
    elapsed_ms: cycle.elapsedMs,
    paused_ms: cycle.pausedMs,
    breached: cycle.breached ? 1 : 0,
    breached_at: cycle.breachedAt,
    extended: cycle.extended === true ? 1 : 0,
    excused: cycle.excused === true ? 1 : 0,
  };
}

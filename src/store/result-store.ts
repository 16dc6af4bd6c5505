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
import type { HistoryStamp, IssueFacts, ResultStore, StoredCycle, StoredResult } from '../app/ports/store';
import { compactJson, readCompactJson } from './compact-json';
import { KEY_LIMITS, type CyclesTable, type ResultsTable } from './schema';
import {
  batches,
  bool,
  checkKey,
  insertIfAbsent,
  num,
  numOrNull,
  parseJson,
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
        .values(batch.map((cycle) => cycleRow(cycle, writeId, stamp)))
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

    // 3. Rows of older writes: vanished agreements and metrics, replaced rows, leftovers of interrupted writes.
    await this.deleteRows(issueId, olderThan(stamp, writeId));
    return 'written';
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
    return rows.map(toCycle);
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
 * SQL for "this row's write comes before (stamp, writeId)", on any of the four tables (all have both columns).
 * Both engines compare these ASCII strings byte-wise (MySQL tables use binary collation), like JavaScript's `<`
 * in {@link isNewer}.
 */
function olderThan(stamp: string, writeId: string): Expression<SqlBool> {
  const [s, w] = [sql.ref('stamp'), sql.ref('write_id')];
  return sql<SqlBool>`(${s} < ${stamp} or (${s} = ${stamp} and ${w} < ${writeId}))`;
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

function cycleRow(cycle: StoredCycle, writeId: string, stamp: string): Insertable<CyclesTable> {
  return {
    issue_id: cycle.issueId,
    write_id: writeId,
    agreement_id: checkKey('agreement id', cycle.agreementId, KEY_LIMITS.id),
    metric_id: checkKey('metric id', cycle.metricId, KEY_LIMITS.id),
    cycle: cycle.cycle,
    issue_key: checkKey('issue key', cycle.issueKey, KEY_LIMITS.issueKey),
    project_key: checkKey('project key', cycle.projectKey, KEY_LIMITS.projectKey),
    agreement_version: cycle.agreementVersion,
    kind: cycle.kind,
    counterparty: cycle.counterparty,
    goal_index: cycle.goalIndex,
    target_minutes: cycle.targetMinutes,
    objective_percent: cycle.objectivePercent,
    started_at: cycle.startedAt,
    stopped_at: cycle.stoppedAt,
    elapsed_ms: cycle.elapsedMs,
    paused_ms: cycle.pausedMs,
    breached: cycle.breached ? 1 : 0,
    breached_at: cycle.breachedAt,
    stamp,
    extended: cycle.extended === true ? 1 : 0,
    excused: cycle.excused === true ? 1 : 0,
  };
}

/** A cycle row as the port's {@link StoredCycle}. */
export function toCycle(row: Selectable<CyclesTable>): StoredCycle {
  return {
    issueId: row.issue_id,
    issueKey: row.issue_key,
    projectKey: row.project_key,
    agreementId: row.agreement_id,
    agreementVersion: num(row.agreement_version),
    kind: row.kind as AgreementKind,
    counterparty: row.counterparty,
    metricId: row.metric_id,
    cycle: num(row.cycle),
    goalIndex: numOrNull(row.goal_index),
    targetMinutes: numOrNull(row.target_minutes),
    objectivePercent: numOrNull(row.objective_percent),
    startedAt: num(row.started_at),
    stoppedAt: numOrNull(row.stopped_at),
    elapsedMs: num(row.elapsed_ms),
    pausedMs: num(row.paused_ms),
    breached: bool(row.breached),
    breachedAt: numOrNull(row.breached_at),
    // Present only when true, as the port's optional flags are written.
    ...(bool(row.extended) ? { extended: true } : {}),
    ...(bool(row.excused) ? { excused: true } : {}),
  };
}

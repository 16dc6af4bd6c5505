/**
 * Per-issue results and cycles, replaced whole without transactions.
 *
 * An issue's results live in its row of `accord_result_sets`, packed in one compact blob with the earliest
 * next_due (the sweep's index), since 0043: per-issue facts once, some 800 bytes an issue instead of 2,300 for
 * a row per metric. That row is also the pointer: cycle, rating and open-result rows (one per open metric, for
 * the report of open work) are written under a fresh write id, where no reader looks, and become visible with
 * the results in one statement that moves the pointer to the new write id and sets the results, unless it
 * already points at a newer write (a higher stamp, or the same stamp written later). Readers join that pointer,
 * so they always see one complete set. Rows of older writes are then deleted; they can never become current
 * again, because the pointer only moves forward. A write that stops half-way leaves invisible rows that the
 * next write of the issue deletes.
 *
 * Cycle and open-result rows carry no stamp: a write records its stamp in `accord_result_writes` before it
 * inserts them, so the clean-up of a concurrent older write can tell them from rows of older writes, and
 * deletes that record once the pointer is at or past it.
 *
 * Pointers written before 0043 have null results: their issues' results are still rows of `accord_results`
 * (read as before, joined on the pointer's write id) until the issue is written again, which deletes them, or
 * retention drops them. SQL cannot repack the deflated blobs, and a migration in app code would have to run for
 * minutes in bounded steps at install; reading both costs one indexed query on an emptying table.
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
import {
  KEY_LIMITS,
  type CyclesTable,
  type OpenResultsTable,
  type ResultSetsTable,
  type ResultsTable,
} from './schema';
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

/** Metric states the report of open work lists; each has a row in `accord_open_results`. */
export const OPEN_STATES: readonly MetricState[] = ['running', 'paused', 'out-of-hours'];

/** What one write sets on its issue's pointer row besides stamp and write id. */
interface PackedWrite {
  readonly results: string;
  readonly next_due: number | null;
}

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
    const packed = pack(stamp, results);
    const writeId = this.nextWriteId();

    // Not a guard (the pointer move below is): it spares writing rows that would be thrown away.
    const current = await db
      .selectFrom('accord_result_sets')
      .select(['stamp', 'write_id', sql<number>`case when results is null then 1 else 0 end`.as('legacy')])
      .where('issue_id', '=', issueId)
      .executeTakeFirst();
    if (current && isNewer(current, { stamp, write_id: writeId })) return 'stale';

    // 1. The rows, invisible until the pointer names their write id. Several statements are fine here; the
    // write's stamp goes first, so a concurrent older write's clean-up keeps the rows that follow.
    const open = results.filter(isOpen).map((r) => openRow(r, writeId));
    if (open.length > 0 || cycles.length > 0) {
      await db
        .insertInto('accord_result_writes')
        .values({ issue_id: issueId, write_id: writeId, stamp })
        .execute();
    }
    for (const batch of batches(open)) await db.insertInto('accord_open_results').values(batch).execute();
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

    // 2. Make them current with the results: create the pointer, or move it if it points at an older write.
    // Trying first what the read above suggests saves a statement (Forge SQL allows 150 writes a second); the
    // other is the fallback for a pointer created or deleted in between.
    const create = () =>
      insertIfAbsent(
        this.ctx,
        db
          .insertInto('accord_result_sets')
          .values({ issue_id: issueId, stamp, write_id: writeId, ...packed }),
      );
    const move = async () =>
      updated(
        await db
          .updateTable('accord_result_sets')
          .set({ ...packed, stamp, write_id: writeId })
          .where('issue_id', '=', issueId)
          .where(olderThan(stamp, writeId))
          .executeTakeFirst(),
      );
    const moved = current ? (await move()) || (await create()) : (await create()) || (await move());
    if (!moved) {
      // A newer write won in between: ours is garbage.
      await this.deleteRowsOf([issueId], sql<SqlBool>`${sql.ref('write_id')} = ${writeId}`);
      return 'stale';
    }

    // 3. Rows of writes older than the current one (ours, or a newer one written meanwhile): vanished agreements
    // and metrics, replaced rows, leftovers of interrupted writes, and per-metric rows written before 0043 if
    // the pointer was that old (a new pointer, or one that read packed, has none left).
    await this.deleteRowsOf([issueId], 'behind-pointer', current !== undefined && num(current.legacy) === 1);
    return 'written';
  }

  /**
   * The same protocol as {@link replaceIssue} for a whole batch, in a fixed number of statements whatever its
   * size: the rows of every issue under one fresh write id (multi-row INSERTs), every pointer created or moved
   * forward with its results in one upsert whose guard compares each row's own stamp, one read of the pointers
   * to learn which moved, and one DELETE a table for the rows of older writes. The guard per issue is the
   * upsert's, so a history written meanwhile with a newer stamp keeps its results, exactly as against
   * `replaceIssue`.
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
    const pointers = writes.map((w) => ({
      issue_id: w.issueId,
      stamp: w.stamp,
      write_id: writeId,
      ...pack(w.stamp, w.results),
    }));

    // 1. The rows, invisible until a pointer names their write id; each write's stamp first.
    const intents = writes
      .filter((w) => w.cycles.length > 0 || w.results.some(isOpen))
      .map((w) => ({ issue_id: w.issueId, write_id: writeId, stamp: w.stamp }));
    for (const batch of sizedBatches(intents))
      await db.insertInto('accord_result_writes').values(batch).execute();
    const open = writes.flatMap((w) => w.results.filter(isOpen).map((r) => openRow(r, writeId)));
    for (const batch of sizedBatches(open))
      await db.insertInto('accord_open_results').values(batch).execute();
    const cycles = writes.flatMap((w) => w.cycles.map((c) => cycleRow(c, writeId)));
    for (const batch of sizedBatches(cycles)) await db.insertInto('accord_cycles').values(batch).execute();
    const ratings = writes.flatMap((w) => {
      const rating = w.facts?.satisfaction ?? null;
      return rating === null ? [] : [{ issue_id: w.issueId, write_id: writeId, rating, stamp: w.stamp }];
    });
    for (const batch of sizedBatches(ratings)) await db.insertInto('accord_ratings').values(batch).execute();

    // 2. Every pointer created, or moved with its results where it points at an older write: one upsert,
    // guarded per row.
    for (const batch of sizedBatches(pointers, ID_BATCH)) await this.movePointers(batch);

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
   * Creates the pointers of a batch with their results, or moves each forward where it names an older write
   * (stamp, write id) than the row's own. MySQL evaluates an upsert's assignments left to right, each seeing
   * the columns already assigned, so the results go first and `write_id` next: every guard, read before
   * `stamp` is assigned last, still sees the old pointer (had `stamp` gone first, `write_id`'s guard would
   * compare against the new stamp and could leave the pointer naming the old write under the new stamp).
   */
  private async movePointers(rows: readonly Insertable<ResultSetsTable>[]): Promise<void> {
    const { db } = this.ctx;
    const insert = db.insertInto('accord_result_sets').values([...rows]);
    if (this.ctx.dialect === 'sqlite') {
      await insert
        .onConflict((oc) =>
          oc
            .column('issue_id')
            .doUpdateSet({
              results: sql<string>`excluded.results`,
              next_due: sql<number>`excluded.next_due`,
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
    const take = (column: 'results' | 'next_due' | 'write_id' | 'stamp') =>
      sql<never>`if(${older}, values(${sql.ref(column)}), ${sql.ref(column)})`;
    await insert
      .onDuplicateKeyUpdate({
        results: take('results'),
        next_due: take('next_due'),
        write_id: take('write_id'),
        stamp: take('stamp'),
      })
      .execute();
  }

  async forIssue(issueId: string): Promise<StoredResult[]> {
    const pointer = await this.ctx.db
      .selectFrom('accord_result_sets')
      .select(['issue_id', 'stamp', 'results'])
      .where('issue_id', '=', issueId)
      .executeTakeFirst();
    if (!pointer) return [];
    if (pointer.results !== null) return unpack(pointer);
    const rows = await legacyResults(this.ctx)
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
    await this.deleteRowsOf([issueId]);
  }

  /**
   * Due results, oldest first: the pointers due by their earliest next_due (the index), at most `limit` issues
   * since each has at least one due result, unpacked and cut to `limit`; and any of the rows written before
   * 0043 that are still current.
   */
  async due(before: number, limit: number): Promise<StoredResult[]> {
    const pointers = await this.ctx.db
      .selectFrom('accord_result_sets')
      .select(['issue_id', 'stamp', 'results'])
      .where('next_due', 'is not', null)
      .where('next_due', '<=', before)
      .orderBy('next_due')
      .orderBy('issue_id')
      .limit(limit)
      .execute();
    const legacy = await legacyResults(this.ctx)
      .where('r.next_due', 'is not', null)
      .where('r.next_due', '<=', before)
      .orderBy('r.next_due')
      .orderBy('r.issue_id')
      .orderBy('r.agreement_id')
      .orderBy('r.metric_id')
      .limit(limit)
      .execute();
    const due = [...pointers.flatMap(unpack), ...legacy.map(toResult)].filter(
      (r) => r.nextDue !== null && r.nextDue <= before,
    );
    return due
      .sort(
        (a, b) =>
          (a.nextDue ?? 0) - (b.nextDue ?? 0) ||
          compare(a.issueId, b.issueId) ||
          compare(a.agreementId, b.agreementId) ||
          compare(a.metricId, b.metricId),
      )
      .slice(0, limit);
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

  /**
   * Deletes the cycle, open-result, rating and write-stamp rows of several issues, and their rows written
   * before 0043: those of `which` write, or those of writes older than the issue's current one
   * (`behind-pointer`), or all of them.
   *
   * Cycle and open-result rows carry no stamp (39 bytes a cycle, issue 17): a write records its stamp in
   * `accord_result_writes` before it inserts them, so they are behind the pointer when they belong to another
   * write than the current one and no record says that write is newer (a write still under way, whose pointer
   * move is to come). The records go last, so a delete that stops half-way leaves only what the next one finds.
   * Per-metric rows of `accord_results` are behind once the pointer carries packed results; `legacy` false
   * skips that table (a write that found a packed pointer, or one that names its own write id).
   */
  private async deleteRowsOf(
    issueIds: readonly string[],
    which?: Expression<SqlBool> | 'behind-pointer',
    legacy = which === undefined || which === 'behind-pointer',
  ) {
    const { db } = this.ctx;
    for (const table of [
      ...(legacy ? (['accord_results'] as const) : []),
      'accord_cycles',
      'accord_open_results',
      'accord_ratings',
      'accord_result_writes',
    ] as const) {
      let query = db.deleteFrom(table).where('issue_id', 'in', issueIds);
      if (which !== undefined) query = query.where(which === 'behind-pointer' ? behindPointer(table) : which);
      await query.execute();
    }
  }
}

/** Issue ids in one `in (…)` list or one upsert: well within both engines' placeholder limits. */
const ID_BATCH = 500;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
 * SQL for "the pointer's write comes before (stamp, writeId)", on `accord_result_sets`. Both engines compare
 * these ASCII strings byte-wise (MySQL tables use binary collation), like JavaScript's `<` in {@link isNewer}.
 */
function olderThan(stamp: string, writeId: string): Expression<SqlBool> {
  const [s, w] = [sql.ref('stamp'), sql.ref('write_id')];
  return sql<SqlBool>`(${s} < ${stamp} or (${s} = ${stamp} and ${w} < ${writeId}))`;
}

type RowTable =
  'accord_results' | 'accord_cycles' | 'accord_open_results' | 'accord_ratings' | 'accord_result_writes';

/**
 * SQL for "this row's write comes before its issue's current one" (see `deleteRowsOf`): rating rows by their
 * own stamp and write id, write records at or before the pointer, cycle and open-result rows by their write's
 * record, rows written before 0043 once the pointer carries packed results.
 */
function behindPointer(table: RowTable): Expression<SqlBool> {
  const row = sql.table(table);
  switch (table) {
    case 'accord_results':
      return sql<SqlBool>`exists (select 1 from accord_result_sets p where p.issue_id = ${row}.issue_id and p.results is not null)`;
    case 'accord_ratings':
      return sql<SqlBool>`exists (select 1 from accord_result_sets p where p.issue_id = ${row}.issue_id and (${row}.stamp < p.stamp or (${row}.stamp = p.stamp and ${row}.write_id < p.write_id)))`;
    case 'accord_result_writes':
      return sql<SqlBool>`exists (select 1 from accord_result_sets p where p.issue_id = ${row}.issue_id and (${row}.stamp < p.stamp or (${row}.stamp = p.stamp and ${row}.write_id <= p.write_id)))`;
    default:
      return sql<SqlBool>`exists (select 1 from accord_result_sets p where p.issue_id = ${row}.issue_id and p.write_id <> ${row}.write_id and not exists (select 1 from accord_result_writes w where w.issue_id = ${row}.issue_id and w.write_id = ${row}.write_id and (w.stamp > p.stamp or (w.stamp = p.stamp and w.write_id > p.write_id))))`;
  }
}

// ── Packed results ───────────────────────────────────────────────────────────────────────────────────

/**
 * One metric in the packed blob: issue key and project key once for the issue (`k`, `p`), and per metric only
 * what differs from them and from the write's stamp.
 */
interface PackedMetric {
  a: string;
  m: string;
  v: number;
  c: Record<string, number>;
  t: string;
  s: string;
  b?: 1;
  e?: 1;
  d: number | null;
  n: number | null;
  at: number;
  r: MetricResult;
  st?: string;
  k?: string;
  p?: string;
}

interface PackedIssue {
  k?: string;
  p?: string;
  m: PackedMetric[];
}

/** An issue's results as its pointer row carries them: one compact blob, and the earliest next_due. */
export function pack(stamp: string, results: readonly StoredResult[]): PackedWrite {
  const first = results[0];
  const issue: PackedIssue = {
    ...(first ? { k: checkKey('issue key', first.issueKey, KEY_LIMITS.issueKey) } : {}),
    ...(first ? { p: checkKey('project key', first.projectKey, KEY_LIMITS.projectKey) } : {}),
    m: [...results]
      .sort((x, y) => compare(x.agreementId, y.agreementId) || compare(x.metricId, y.metricId))
      .map((r) => ({
        a: checkKey('agreement id', r.agreementId, KEY_LIMITS.id),
        m: checkKey('metric id', r.metricId, KEY_LIMITS.id),
        v: r.agreementVersion,
        c: r.calendarVersions,
        t: r.kind,
        s: r.state,
        ...(r.breached ? { b: 1 as const } : {}),
        ...(r.everBreached ? { e: 1 as const } : {}),
        d: r.deadline,
        n: r.nextDue,
        at: r.evaluatedAt,
        r: r.result,
        ...(r.stamp !== stamp ? { st: checkKey('stamp', r.stamp, KEY_LIMITS.stamp) } : {}),
        ...(r.issueKey !== first?.issueKey
          ? { k: checkKey('issue key', r.issueKey, KEY_LIMITS.issueKey) }
          : {}),
        ...(r.projectKey !== first?.projectKey
          ? { p: checkKey('project key', r.projectKey, KEY_LIMITS.projectKey) }
          : {}),
      })),
  };
  const due = results.flatMap((r) => (r.nextDue === null ? [] : [r.nextDue]));
  return { results: compactJson(issue), next_due: due.length === 0 ? null : Math.min(...due) };
}

/** The results a pointer row carries ([] for none, or for results written before 0043). */
export function unpack(row: { issue_id: string; stamp: string; results: string | null }): StoredResult[] {
  if (row.results === null || row.results === '') return [];
  const issue = readCompactJson(row.results) as PackedIssue;
  return issue.m.map((m) => ({
    issueId: row.issue_id,
    issueKey: m.k ?? issue.k ?? '',
    projectKey: m.p ?? issue.p ?? '',
    agreementId: m.a,
    agreementVersion: m.v,
    calendarVersions: m.c,
    kind: m.t as AgreementKind,
    metricId: m.m,
    state: m.s as MetricState,
    breached: m.b === 1,
    everBreached: m.e === 1,
    deadline: m.d,
    nextDue: m.n,
    evaluatedAt: m.at,
    stamp: m.st ?? row.stamp,
    result: m.r,
  }));
}

function isOpen(result: StoredResult): boolean {
  return OPEN_STATES.includes(result.state);
}

function openRow(result: StoredResult, writeId: string): Insertable<OpenResultsTable> {
  return {
    issue_id: result.issueId,
    write_id: writeId,
    agreement_id: checkKey('agreement id', result.agreementId, KEY_LIMITS.id),
    metric_id: checkKey('metric id', result.metricId, KEY_LIMITS.id),
    project_key: checkKey('project key', result.projectKey, KEY_LIMITS.projectKey),
    breached: result.breached ? 1 : 0,
    deadline: result.deadline,
  };
}

// ── Rows written before 0043 ─────────────────────────────────────────────────────────────────────────

/** Result rows of current writes made before 0043 (their pointer's results are null), by issue and metric. */
export function legacyResults(ctx: SqlContext) {
  return ctx.db
    .selectFrom('accord_results as r')
    .innerJoin('accord_result_sets as s', (join) =>
      join.onRef('s.issue_id', '=', 'r.issue_id').onRef('s.write_id', '=', 'r.write_id'),
    )
    .where('s.results', 'is', null)
    .selectAll('r');
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

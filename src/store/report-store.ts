/**
 * Service level reports as SQL aggregates over stored cycles: the database counts, the app only adds the
 * groups up. Every query joins the `accord_result_sets` pointer, so only issues' current writes count (rows of
 * an older or an interrupted write never do), and filters on `agreement_id` first to use the
 * `(agreement_id, stopped_at)` index.
 *
 * Period buckets are computed in SQL from instants the engine worked out in the report's zone: a `CASE` over
 * the bucket bounds, inlined as literals (they are integers the app computed, never user text) so that the
 * same statement text groups the same way on SQLite, MySQL/MariaDB and TiDB. Grouping happens in an outer
 * query over a derived table, which MySQL's `ONLY_FULL_GROUP_BY` (on by default in TiDB) accepts.
 *
 * Retention folds an agreement's old cycles into monthly aggregates (`retention-store.ts`): the counts read raw
 * cycles that ended at or after the agreement's fold horizon and the aggregates of the months before it, so a
 * report whose buckets are whole months (or quarters, years) in the agreement's reporting zone gives the same
 * figures either way. ATTENTION: a bucket that cuts a folded month (a week, a day) counts the whole month in
 * the bucket where the month starts; listings (CSV rows, breaches) show raw cycles only.
 */
import {
  sql,
  type ExpressionBuilder,
  type RawBuilder,
  type Selectable,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely';
import type { AgreementKind } from '../engine/agreement/types';
import { bucketOf as bucketOfInstant } from '../engine/report/periods';
import type { EpochMs } from '../engine/time/units';
import type {
  CycleCursor,
  EndedCounts,
  MonthAggregate,
  OpenCounts,
  RatingCounts,
  ReportScope,
  ReportStore,
  StoredCycle,
  StoredResult,
} from '../app/ports/store';
import { withTerms } from './cycle-terms';
import { legacyResults, OPEN_STATES, toResult, unpack } from './result-store';
import type { SqlRetentionStore } from './retention-store';
import type { AccordDb, CyclesTable } from './schema';
import { batches, num, numOrNull, type SqlContext } from './sql-support';

/** The open states of a metric: its last cycle has not ended. */

type CycleQuery = SelectQueryBuilder<
  AccordDb & { c: AccordDb['accord_cycles']; s: AccordDb['accord_result_sets'] },
  'c' | 's',
  object
>;

/** {@link ReportStore} over SQL. */
export class SqlReportStore implements ReportStore {
  constructor(
    private readonly ctx: SqlContext,
    private readonly retention: SqlRetentionStore,
  ) {}

  async endedCounts(scope: ReportScope, bounds: readonly number[]): Promise<EndedCounts[]> {
    const range = rangeOf(bounds);
    if (scope.agreementIds.length === 0 || !range) return [];
    const horizons = await this.retention.foldedBeforeAll(scope.agreementIds);
    // One statement per slice of end instants, so that each stays within Forge SQL's 5 s per SELECT at any
    // volume (a month of 200,000 requests is some 400,000 cycles); the slices' counts are added up.
    const rows = [];
    for (const slice of slicesOf(range)) {
      const inner = this.currentCycles(scope)
        .where((eb) => notFolded(eb, horizons))
        .where('c.stopped_at', '>=', slice.from)
        .where('c.stopped_at', '<', slice.to)
        .select(['c.agreement_id', 'c.metric_id', 'c.goal_index', 'c.project_key', 'c.breached'])
        .select(['c.extended', 'c.excused'])
        .select(bucketOf('c.stopped_at', bounds).as('bucket'));
      rows.push(
        ...(await this.ctx.db
          .selectFrom(inner.as('x'))
          .select(['x.agreement_id', 'x.metric_id', 'x.goal_index', 'x.bucket'])
          .select((eb) => [
            eb.fn.countAll<number | string>().as('cycles'),
            eb.fn.sum<number | string>('x.breached').as('breached'),
            eb.fn.sum<number | string>('x.extended').as('extended'),
            eb.fn.sum<number | string>('x.excused').as('excused'),
          ])
          .$if(scope.byProject === true, (q) => q.select('x.project_key').groupBy('x.project_key'))
          .groupBy(['x.agreement_id', 'x.metric_id', 'x.goal_index', 'x.bucket'])
          .execute()),
      );
    }
    const sliced = rows.map((row) => {
      const breached = num(row.breached);
      return {
        ...groupOf(row),
        bucket: num(row.bucket),
        met: num(row.cycles) - breached,
        breached,
        extended: num(row.extended),
        excused: num(row.excused),
      };
    });
    const add = (a: EndedCounts, b: EndedCounts): EndedCounts => ({
      ...a,
      met: a.met + b.met,
      breached: a.breached + b.breached,
      extended: a.extended + b.extended,
      excused: a.excused + b.excused,
    });
    const raw = mergeCounts(sliced, [], add, true);
    const folded = await this.foldedMonths(scope, bounds, horizons);
    return mergeCounts(
      raw,
      folded.map((m) => ({
        ...m.group,
        bucket: m.bucket,
        met: m.cycles - m.breached,
        breached: m.breached,
        extended: m.extended,
        excused: m.excused,
      })),
      (a, b) => ({
        ...a,
        met: a.met + b.met,
        breached: a.breached + b.breached,
        extended: a.extended + b.extended,
        excused: a.excused + b.excused,
      }),
    );
  }

  /** The monthly aggregates in the scope that lie before their agreement's horizon, with their bucket. */
  private async foldedMonths(
    scope: ReportScope,
    bounds: readonly number[],
    horizons: ReadonlyMap<string, number>,
  ): Promise<(MonthAggregate & { group: EndedCounts; bucket: number })[]> {
    const range = rangeOf(bounds);
    if (!range || horizons.size === 0) return [];
    const months = await this.retention.months([...horizons.keys()], range.from, range.to);
    return months.flatMap((m) => {
      if (m.monthStart >= (horizons.get(m.agreementId) ?? 0)) return [];
      if (scope.metricId !== undefined && m.metricId !== scope.metricId) return [];
      // A metric a later version removed is not counted (as liveMetricsOnly filters raw cycles).
      const live = scope.liveMetrics?.[m.agreementId];
      if (scope.liveMetrics !== undefined && !(live ?? []).includes(m.metricId)) return [];
      if (scope.projectKey !== undefined && m.projectKey !== scope.projectKey) return [];
      const bucket = bucketOfInstant(bounds as readonly EpochMs[], m.monthStart as EpochMs);
      if (bucket < 0) return [];
      const group = {
        agreementId: m.agreementId,
        metricId: m.metricId,
        goalIndex: m.goalIndex,
        projectKey: scope.byProject === true ? m.projectKey : null,
        bucket,
        met: 0,
        breached: 0,
        extended: 0,
        excused: 0,
      };
      return [{ ...m, group, bucket }];
    });
  }

  async openCounts(scope: ReportScope): Promise<OpenCounts[]> {
    if (scope.agreementIds.length === 0) return [];
    const rows = await this.currentCycles(scope)
      .where('c.stopped_at', 'is', null)
      .select(['c.agreement_id', 'c.metric_id', 'c.goal_index'])
      .select((eb) => [
        eb.fn.countAll<number | string>().as('cycles'),
        eb.fn.sum<number | string>('c.breached').as('breached'),
        eb.fn.sum<number | string>('c.excused').as('excused'),
      ])
      .$if(scope.byProject === true, (q) => q.select('c.project_key').groupBy('c.project_key'))
      .groupBy(['c.agreement_id', 'c.metric_id', 'c.goal_index'])
      .execute();
    return rows.map((row) => ({
      ...groupOf(row),
      running: num(row.cycles),
      runningBreached: num(row.breached),
      runningExcused: num(row.excused),
    }));
  }

  async ratingCounts(scope: ReportScope, bounds: readonly number[]): Promise<RatingCounts[]> {
    const range = rangeOf(bounds);
    if (scope.agreementIds.length === 0 || !range) return [];
    const horizons = await this.retention.foldedBeforeAll(scope.agreementIds);
    // Each issue once per group and bucket, however many of its cycles ended there (a reopened request).
    // ATTENTION: counted per slice of end instants (as `endedCounts`, for the 5 s limit), so an issue whose
    // cycles of one metric end in two slices of one bucket (reopened and resolved again days later) counts twice.
    const rows = [];
    for (const slice of slicesOf(range)) {
      const inner = this.currentCycles(scope)
        .where((eb) => notFolded(eb, horizons))
        .innerJoin('accord_ratings as r', (join) =>
          join.onRef('r.issue_id', '=', 'c.issue_id').onRef('r.write_id', '=', 'c.write_id'),
        )
        .where('c.stopped_at', '>=', slice.from)
        .where('c.stopped_at', '<', slice.to)
        .select(['c.issue_id', 'c.agreement_id', 'c.metric_id', 'c.goal_index', 'c.project_key', 'r.rating'])
        .select(bucketOf('c.stopped_at', bounds).as('bucket'))
        .distinct();
      rows.push(
        ...(await this.ctx.db
          .selectFrom(inner.as('x'))
          .select(['x.agreement_id', 'x.metric_id', 'x.goal_index', 'x.bucket'])
          .select((eb) => [
            eb.fn.countAll<number | string>().as('rated'),
            eb.fn.sum<number | string>('x.rating').as('total'),
          ])
          .$if(scope.byProject === true, (q) => q.select('x.project_key').groupBy('x.project_key'))
          .groupBy(['x.agreement_id', 'x.metric_id', 'x.goal_index', 'x.bucket'])
          .execute()),
      );
    }
    const addRatings = (a: RatingCounts, b: RatingCounts): RatingCounts => ({
      ...a,
      count: a.count + b.count,
      sum: a.sum + b.sum,
    });
    const raw = mergeCounts(
      rows.map((row) => ({
        ...groupOf(row),
        bucket: num(row.bucket),
        count: num(row.rated),
        sum: num(row.total),
      })),
      [],
      addRatings,
      true,
    );
    const folded = await this.foldedMonths(scope, bounds, horizons);
    return mergeCounts(
      raw,
      folded
        .filter((m) => m.rated > 0)
        .map((m) => ({ ...m.group, bucket: m.bucket, count: m.rated, sum: m.ratingSum })),
      (a, b) => ({ ...a, count: a.count + b.count, sum: a.sum + b.sum }),
    ).map(({ agreementId, metricId, goalIndex, projectKey, bucket, count, sum }) => ({
      agreementId,
      metricId,
      goalIndex,
      projectKey,
      bucket,
      count,
      sum,
    }));
  }

  async cycleListing(
    scope: ReportScope,
    range: { readonly from: number; readonly to: number; readonly includeOpen: boolean },
    page: { readonly after?: CycleCursor; readonly limit: number },
  ): Promise<StoredCycle[]> {
    const out: StoredCycle[] = [];
    const ids = [...scope.agreementIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const { after } = page;
    for (const agreementId of ids) {
      if (after && agreementId < after.agreementId) continue;
      const from = after?.agreementId === agreementId ? after : undefined;
      const one = { ...scope, agreementIds: [agreementId] };
      if (from?.stoppedAt !== null)
        out.push(...(await this.endedPage(one, range, from, page.limit - out.length)));
      if (out.length < page.limit && range.includeOpen)
        out.push(...(await this.openPage(one, from, page.limit - out.length)));
      if (out.length >= page.limit) break;
    }
    return out;
  }

  /** One agreement's cycles ended in the range after `from`, by end instant: a range scan of the report index. */
  private async endedPage(
    scope: ReportScope,
    range: { readonly from: number; readonly to: number },
    from: CycleCursor | undefined,
    limit: number,
  ): Promise<StoredCycle[]> {
    const start = from?.stoppedAt ?? range.from;
    const rows = await this.currentCycles(scope)
      .where('c.stopped_at', '>=', Math.max(start, range.from))
      .where('c.stopped_at', '<', range.to)
      // Cycles that ended at the cursor's very instant but come before it (or are it) were listed already.
      .$if(from?.stoppedAt != null, (q) =>
        q.where((eb) =>
          from ? eb.not(eb.and([eb('c.stopped_at', '=', start), atOrBefore(eb, from)])) : eb.lit(true),
        ),
      )
      .selectAll('c')
      .orderBy('c.stopped_at')
      .orderBy('c.issue_id')
      .orderBy('c.metric_id')
      .orderBy('c.cycle')
      .limit(limit)
      .execute();
    return withTerms(this.ctx, rows);
  }

  /** One agreement's open cycles after `from` (when it is at the open ones), by issue, metric and cycle. */
  private async openPage(
    scope: ReportScope,
    from: CycleCursor | undefined,
    limit: number,
  ): Promise<StoredCycle[]> {
    const rows = await this.currentCycles(scope)
      .where('c.stopped_at', 'is', null)
      .$if(from?.stoppedAt === null, (q) =>
        q.where((eb) => (from ? eb.not(atOrBefore(eb, from)) : eb.lit(true))),
      )
      .selectAll('c')
      .orderBy('c.issue_id')
      .orderBy('c.metric_id')
      .orderBy('c.cycle')
      .limit(limit)
      .execute();
    return withTerms(this.ctx, rows);
  }

  async breaches(
    scope: ReportScope,
    range: { readonly from: number; readonly to: number; readonly includeOpen: boolean },
    limit: number,
  ): Promise<StoredCycle[]> {
    if (scope.agreementIds.length === 0) return [];
    const rows = await this.currentCycles(scope)
      .where('c.breached', '=', 1)
      .where((eb) => endedInOrOpen(eb, range))
      .selectAll('c')
      .orderBy('c.breached_at', 'desc')
      .orderBy('c.issue_id')
      .orderBy('c.metric_id')
      .limit(limit)
      .execute();
    return withTerms(this.ctx, rows);
  }

  /**
   * Open metrics in the scope, breached first, then by deadline (paused ones, without, last). The order comes
   * from `accord_open_results`, one small row per open metric of a current write (an index on agreement,
   * breached, deadline: open metrics are a small part of the kept issues); the results from their pointers'
   * packed blobs. Rows written before 0043 are read as before and merged.
   */
  async openResults(scope: ReportScope, limit: number): Promise<StoredResult[]> {
    if (scope.agreementIds.length === 0) return [];
    let open = this.ctx.db
      .selectFrom('accord_open_results as o')
      .innerJoin('accord_result_sets as s', (join) =>
        join.onRef('s.issue_id', '=', 'o.issue_id').onRef('s.write_id', '=', 'o.write_id'),
      )
      .where('o.agreement_id', 'in', [...scope.agreementIds])
      .where(liveMetricsOnly(scope, 'o'));
    if (scope.metricId !== undefined) open = open.where('o.metric_id', '=', scope.metricId);
    if (scope.projectKey !== undefined) open = open.where('o.project_key', '=', scope.projectKey);
    const openRows = await open
      .select(['o.issue_id', 'o.agreement_id', 'o.metric_id', 's.stamp', 's.results'])
      .orderBy('o.breached', 'desc')
      // Paused metrics have no deadline: after every running one.
      .orderBy(sql`case when ${sql.ref('o.deadline')} is null then 1 else 0 end`)
      .orderBy('o.deadline')
      .orderBy('o.issue_id')
      .orderBy('o.metric_id')
      .limit(limit)
      .execute();
    const unpacked = new Map<string, StoredResult[]>();
    const packed = openRows.flatMap((row) => {
      let results = unpacked.get(row.issue_id);
      if (!results) unpacked.set(row.issue_id, (results = unpack(row)));
      return results.filter((r) => r.agreementId === row.agreement_id && r.metricId === row.metric_id);
    });

    let legacy = legacyResults(this.ctx)
      .where('r.agreement_id', 'in', [...scope.agreementIds])
      .where('r.state', 'in', [...OPEN_STATES])
      .where(liveMetricsOnly(scope, 'r'));
    if (scope.metricId !== undefined) legacy = legacy.where('r.metric_id', '=', scope.metricId);
    if (scope.projectKey !== undefined) legacy = legacy.where('r.project_key', '=', scope.projectKey);
    const legacyRows = await legacy
      .orderBy('r.breached', 'desc')
      .orderBy(sql`case when ${sql.ref('r.deadline')} is null then 1 else 0 end`)
      .orderBy('r.deadline')
      .orderBy('r.issue_id')
      .orderBy('r.metric_id')
      .limit(limit)
      .execute();
    if (legacyRows.length === 0) return packed;
    const key = (r: StoredResult) =>
      [r.breached ? 0 : 1, r.deadline === null ? 1 : 0, r.deadline ?? 0] as const;
    return [...packed, ...legacyRows.map(toResult)]
      .sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        return (
          x[0] - y[0] ||
          x[1] - y[1] ||
          x[2] - y[2] ||
          (a.issueId < b.issueId ? -1 : a.issueId > b.issueId ? 1 : 0) ||
          (a.metricId < b.metricId ? -1 : a.metricId > b.metricId ? 1 : 0)
        );
      })
      .slice(0, limit);
  }

  async cyclesOfIssues(
    issueIds: readonly string[],
    kinds?: readonly AgreementKind[],
  ): Promise<StoredCycle[]> {
    const rows: Selectable<CyclesTable>[] = [];
    for (const batch of batches(issueIds, 500)) {
      rows.push(
        ...(await this.ctx.db
          .selectFrom('accord_cycles as c')
          .innerJoin('accord_result_sets as s', (join) =>
            join.onRef('s.issue_id', '=', 'c.issue_id').onRef('s.write_id', '=', 'c.write_id'),
          )
          .where('c.issue_id', 'in', batch)
          .selectAll('c')
          .orderBy('c.issue_id')
          .orderBy('c.agreement_id')
          .orderBy('c.metric_id')
          .orderBy('c.cycle')
          .execute()),
      );
    }
    // The kind is the agreement version's (`cycle-terms.ts`): kept here, after the versions are read.
    const cycles = await withTerms(this.ctx, rows);
    return kinds ? cycles.filter((c) => kinds.includes(c.kind)) : cycles;
  }

  async resultsOfIssues(
    issueIds: readonly string[],
    agreementIds?: readonly string[],
  ): Promise<StoredResult[]> {
    const out: StoredResult[] = [];
    const wanted = agreementIds && new Set(agreementIds);
    for (const batch of batches(issueIds, 500)) {
      const pointers = await this.ctx.db
        .selectFrom('accord_result_sets')
        .select(['issue_id', 'stamp', 'results'])
        .where('issue_id', 'in', batch)
        .orderBy('issue_id')
        .execute();
      const legacyIds = pointers.filter((p) => p.results === null).map((p) => p.issue_id);
      let legacy: StoredResult[] = [];
      if (legacyIds.length > 0) {
        let query = legacyResults(this.ctx).where('r.issue_id', 'in', legacyIds);
        if (agreementIds) query = query.where('r.agreement_id', 'in', [...agreementIds]);
        legacy = (await query.orderBy('r.agreement_id').orderBy('r.metric_id').execute()).map(toResult);
      }
      for (const pointer of pointers) {
        const results =
          pointer.results === null ? legacy.filter((r) => r.issueId === pointer.issue_id) : unpack(pointer);
        out.push(...(wanted ? results.filter((r) => wanted.has(r.agreementId)) : results));
      }
    }
    return out;
  }

  /** Cycle rows of current writes in the scope. */
  private currentCycles(scope: ReportScope): CycleQuery {
    let query: CycleQuery = this.ctx.db
      .selectFrom('accord_cycles as c')
      .innerJoin('accord_result_sets as s', (join) =>
        join.onRef('s.issue_id', '=', 'c.issue_id').onRef('s.write_id', '=', 'c.write_id'),
      )
      .where('c.agreement_id', 'in', [...scope.agreementIds])
      .where(liveMetricsOnly(scope, 'c'));
    if (scope.metricId !== undefined) query = query.where('c.metric_id', '=', scope.metricId);
    if (scope.projectKey !== undefined) query = query.where('c.project_key', '=', scope.projectKey);
    return query;
  }
}

// ── SQL pieces ───────────────────────────────────────────────────────────────────────────────────────

/** Raw cycles reports count: of a folded agreement only those that ended at or after its horizon. */
function notFolded(eb: CycleExpressions, horizons: ReadonlyMap<string, number>) {
  if (horizons.size === 0) return eb.lit(true);
  return eb.or([
    eb('c.agreement_id', 'not in', [...horizons.keys()]),
    ...[...horizons].map(([id, horizon]) =>
      eb.and([eb('c.agreement_id', '=', id), eb('c.stopped_at', '>=', horizon)]),
    ),
  ]);
}

/** The longest span of end instants one report statement counts. */
const SLICE_MS = 4 * 24 * 3_600_000;

/** `[from, to)` cut into spans of at most {@link SLICE_MS}. */
function slicesOf(range: { from: number; to: number }): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (let from = range.from; from < range.to; from += SLICE_MS)
    out.push({ from, to: Math.min(range.to, from + SLICE_MS) });
  return out;
}

/** Adds rows of the same group and bucket together (`always`: within `raw` too). */
function mergeCounts<T extends EndedCounts | RatingCounts>(
  raw: readonly T[],
  folded: readonly T[],
  add: (a: T, b: T) => T,
  always = false,
): T[] {
  if (folded.length === 0 && !always) return [...raw];
  const key = (r: T): string =>
    JSON.stringify([r.agreementId, r.metricId, r.goalIndex, r.projectKey, r.bucket]);
  const out = new Map<string, T>();
  for (const row of [...raw, ...folded]) {
    const old = out.get(key(row));
    out.set(key(row), old ? add(old, row) : row);
  }
  return [...out.values()];
}

/**
 * `(agreement_id = a AND metric_id IN (…)) OR …` for a scope that names its agreements' live metrics (true
 * when it names none): rows of a metric a later version removed are not counted.
 */
function liveMetricsOnly(scope: ReportScope, table: 'c' | 'r' | 'o'): RawBuilder<SqlBool> {
  const live = scope.liveMetrics;
  if (live === undefined) return sql<SqlBool>`1 = 1`;
  const agreement = sql.ref(`${table}.agreement_id`);
  const metric = sql.ref(`${table}.metric_id`);
  const branches = Object.entries(live)
    .filter(([, metrics]) => metrics.length > 0)
    .map(
      ([agreementId, metrics]) =>
        sql<SqlBool>`(${agreement} = ${agreementId} and ${metric} in (${sql.join(metrics)}))`,
    );
  return branches.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`(${sql.join(branches, sql` or `)})`;
}

/** The first and last bound, when there is at least one bucket. */
function rangeOf(bounds: readonly number[]): { from: number; to: number } | undefined {
  const from = bounds[0];
  const to = bounds[bounds.length - 1];
  return from !== undefined && to !== undefined && bounds.length >= 2 && to > from ? { from, to } : undefined;
}

/**
 * `case when col < b1 then 0 when col < b2 then 1 … else n − 1 end`: the bucket of an instant already known to
 * lie in `[bounds[0], bounds[n])`.
 */
function bucketOf(column: string, bounds: readonly number[]): RawBuilder<number> {
  const inner = bounds.slice(1, -1);
  const last = bounds.length - 2;
  if (inner.length === 0) return sql<number>`${sql.lit(0)}`;
  const whens = inner.map(
    (bound, i) => sql`when ${sql.ref(column)} < ${sql.lit(safeInteger(bound))} then ${sql.lit(i)}`,
  );
  return sql<number>`case ${sql.join(whens, sql` `)} else ${sql.lit(last)} end`;
}

/** Bounds are inlined into SQL: only integers the app computed get there. */
function safeInteger(n: number): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`a report bound must be an integer instant, got ${n}`);
  return n;
}

type CycleExpressions = ExpressionBuilder<
  AccordDb & { c: AccordDb['accord_cycles']; s: AccordDb['accord_result_sets'] },
  'c' | 's'
>;

/** Ended in `[from, to)`, or open when `includeOpen`. */
function endedInOrOpen(
  eb: CycleExpressions,
  range: { readonly from: number; readonly to: number; readonly includeOpen: boolean },
) {
  const ended = eb.and([eb('c.stopped_at', '>=', range.from), eb('c.stopped_at', '<', range.to)]);
  return range.includeOpen ? eb.or([ended, eb('c.stopped_at', 'is', null)]) : ended;
}

/** Rows at or before the cursor in (issue, metric, cycle) order, without row-value comparison. */
function atOrBefore(eb: CycleExpressions, at: CycleCursor) {
  const sameIssue = eb('c.issue_id', '=', at.issueId);
  return eb.or([
    eb('c.issue_id', '<', at.issueId),
    eb.and([sameIssue, eb('c.metric_id', '<', at.metricId)]),
    eb.and([sameIssue, eb('c.metric_id', '=', at.metricId), eb('c.cycle', '<=', at.cycle)]),
  ]);
}

/** The group columns of an aggregate row. */
function groupOf(row: {
  agreement_id: string;
  metric_id: string;
  goal_index: number | string | null;
  project_key?: string;
}): { agreementId: string; metricId: string; goalIndex: number | null; projectKey: string | null } {
  return {
    agreementId: row.agreement_id,
    metricId: row.metric_id,
    goalIndex: numOrNull(row.goal_index),
    projectKey: row.project_key ?? null,
  };
}

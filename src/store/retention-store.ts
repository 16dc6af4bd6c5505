/**
 * The retention policy and the monthly aggregates of folded cycles.
 *
 * Folding a month is four statements, each safe on its own (Forge SQL has no transactions): the month's
 * aggregates are deleted and counted again from the current cycles (reports do not read them yet, because the
 * agreement's horizon is still at or before the month), then the horizon moves past the month in one write,
 * from which instant reports count the month from its aggregates and ignore its raw rows, which are deleted
 * afterwards, a slice at a time. A fold that stops half-way is simply done again.
 */
import { sql, type RawBuilder } from 'kysely';
import type { MonthAggregate, RetentionPolicy, RetentionStore } from '../app/ports/store';
import { DROPPED } from './history-store';
import { KEY_LIMITS } from './schema';
import { checkKey, num, type SqlContext } from './sql-support';

const POLICY_KEY = 'retention';
const foldKey = (agreementId: string): string =>
  checkKey('setting key', `fold:${agreementId}`, KEY_LIMITS.settingKey);

/** {@link RetentionStore} over SQL. */
export class SqlRetentionStore implements RetentionStore {
  constructor(private readonly ctx: SqlContext) {}

  async policy(): Promise<RetentionPolicy | undefined> {
    const body = await this.get(POLICY_KEY);
    return body === undefined ? undefined : (JSON.parse(body) as RetentionPolicy);
  }

  async setPolicy(policy: RetentionPolicy | null): Promise<void> {
    if (policy === null) {
      await this.ctx.db.deleteFrom('accord_settings').where('setting_key', '=', POLICY_KEY).execute();
      return;
    }
    await this.put(POLICY_KEY, JSON.stringify(policy));
  }

  async foldedBefore(agreementId: string): Promise<number> {
    return (await this.foldedBeforeAll([agreementId])).get(agreementId) ?? 0;
  }

  async foldedBeforeAll(agreementIds: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (agreementIds.length === 0) return out;
    const rows = await this.ctx.db
      .selectFrom('accord_settings')
      .selectAll()
      .where('setting_key', 'in', agreementIds.map(foldKey))
      .execute();
    for (const row of rows) out.set(row.setting_key.slice('fold:'.length), Number(JSON.parse(row.body)));
    return out;
  }

  async foldMonth(agreementId: string, monthStart: number, monthEnd: number): Promise<void> {
    const { db } = this.ctx;
    const [from, to] = [integer(monthStart), integer(monthEnd)];
    await db
      .deleteFrom('accord_cycle_months')
      .where('agreement_id', '=', agreementId)
      .where('month_start', '=', from)
      .execute();
    const goal = sql`coalesce(${sql.ref('c.goal_index')}, -1)`;
    const current = sql`accord_cycles c inner join accord_result_sets s on s.issue_id = c.issue_id and s.write_id = c.write_id`;
    const ended = sql`c.agreement_id = ${agreementId} and c.stopped_at >= ${from} and c.stopped_at < ${to}`;
    // The SELECT's `where` comes before SQLite's ON CONFLICT, which it needs to tell the two apart.
    await sql`insert into accord_cycle_months
        (agreement_id, metric_id, goal_index, project_key, month_start, cycles, breached, extended, excused,
         rated, rating_sum)
      select c.agreement_id, c.metric_id, ${goal}, c.project_key, ${sql.lit(from)}, count(*), sum(c.breached),
        sum(c.extended), sum(c.excused), 0, 0
      from ${current} where ${ended}
      group by c.agreement_id, c.metric_id, ${goal}, c.project_key`.execute(db);
    // Each rated issue once per group and month, as `ratingCounts` counts raw cycles.
    await sql`insert into accord_cycle_months
        (agreement_id, metric_id, goal_index, project_key, month_start, cycles, breached, extended, excused,
         rated, rating_sum)
      select x.agreement_id, x.metric_id, x.goal, x.project_key, ${sql.lit(from)}, 0, 0, 0, 0, count(*),
        sum(x.rating)
      from (select distinct c.issue_id, c.agreement_id, c.metric_id, ${goal} as goal, c.project_key, r.rating
            from ${current}
            inner join accord_ratings r on r.issue_id = c.issue_id and r.write_id = c.write_id
            where ${ended}) x
      where 1 = 1
      group by x.agreement_id, x.metric_id, x.goal, x.project_key
      ${upsertRatings(this.ctx.dialect)}`.execute(db);
    await this.put(foldKey(agreementId), JSON.stringify(to), (old) => Number(JSON.parse(old)) < to);
  }

  async deleteFolded(agreementId: string, from: number, to: number): Promise<number> {
    const horizon = await this.foldedBefore(agreementId);
    const end = Math.min(to, horizon);
    if (end <= from) return 0;
    const result = await this.ctx.db
      .deleteFrom('accord_cycles')
      .where('agreement_id', '=', agreementId)
      .where('stopped_at', '>=', from)
      .where('stopped_at', '<', end)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async oldestEnded(agreementId: string): Promise<number | undefined> {
    const row = await this.ctx.db
      .selectFrom('accord_cycles')
      .select((eb) => eb.fn.min<number | string | null>('stopped_at').as('at'))
      .where('agreement_id', '=', agreementId)
      .where('stopped_at', 'is not', null)
      .executeTakeFirst();
    return row?.at === null || row?.at === undefined ? undefined : num(row.at);
  }

  async months(agreementIds: readonly string[], from: number, to: number): Promise<MonthAggregate[]> {
    if (agreementIds.length === 0 || to <= from) return [];
    const rows = await this.ctx.db
      .selectFrom('accord_cycle_months')
      .selectAll()
      .where('agreement_id', 'in', [...agreementIds])
      .where('month_start', '>=', from)
      .where('month_start', '<', to)
      .execute();
    return rows.map((row) => {
      const goal = num(row.goal_index);
      return {
        agreementId: row.agreement_id,
        metricId: row.metric_id,
        goalIndex: goal < 0 ? null : goal,
        projectKey: row.project_key,
        monthStart: num(row.month_start),
        cycles: num(row.cycles),
        breached: num(row.breached),
        extended: num(row.extended),
        excused: num(row.excused),
        rated: num(row.rated),
        ratingSum: num(row.rating_sum),
      };
    });
  }

  async forgetFolded(closedBefore: number, limit: number): Promise<number> {
    const { db } = this.ctx;
    // Two statements, as in `dropClosed`: MySQL refuses LIMIT inside an IN subquery.
    const rows = await db
      .selectFrom('accord_histories as h')
      .select('h.issue_id')
      .where('h.closed_at', '<', closedBefore)
      .where('h.data', '=', DROPPED)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('accord_cycles as c')
              .select('c.issue_id')
              .whereRef('c.issue_id', '=', 'h.issue_id'),
          ),
        ),
      )
      .orderBy('h.closed_at')
      .limit(limit)
      .execute();
    const ids = rows.map((r) => r.issue_id);
    if (ids.length === 0) return 0;
    // Every delete names the issues whose history is still dropped: one measured again meanwhile (an event put
    // its history back, then its results) keeps everything. The history row goes last, so a forget that stops
    // half-way finds the issues again.
    for (const table of [
      'accord_results',
      'accord_open_results',
      'accord_ratings',
      'accord_action_log',
      'accord_result_writes',
      'accord_result_sets',
    ] as const) {
      await db
        .deleteFrom(table)
        .where('issue_id', 'in', ids)
        .where('issue_id', 'in', (eb) =>
          eb.selectFrom('accord_histories').select('issue_id').where('data', '=', DROPPED),
        )
        .execute();
    }
    const result = await db
      .deleteFrom('accord_histories')
      .where('issue_id', 'in', ids)
      .where('data', '=', DROPPED)
      // Reopened meanwhile: a put cleared closed_at (and restored the history).
      .where('closed_at', '<', closedBefore)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private async get(key: string): Promise<string | undefined> {
    const row = await this.ctx.db
      .selectFrom('accord_settings')
      .select('body')
      .where('setting_key', '=', key)
      .executeTakeFirst();
    return row?.body;
  }

  /** Writes a setting; with `replace`, an existing value only when `replace(old)` says so (read, then write). */
  private async put(key: string, body: string, replace?: (old: string) => boolean): Promise<void> {
    const { db } = this.ctx;
    const old = await this.get(key);
    if (old === undefined) {
      const insert = db.insertInto('accord_settings').values({ setting_key: key, body });
      await (
        this.ctx.dialect === 'sqlite'
          ? insert.onConflict((oc) => oc.column('setting_key').doUpdateSet({ body }))
          : insert.onDuplicateKeyUpdate({ body })
      ).execute();
      return;
    }
    if (replace && !replace(old)) return;
    await db.updateTable('accord_settings').set({ body }).where('setting_key', '=', key).execute();
  }
}

function upsertRatings(dialect: 'mysql' | 'sqlite'): RawBuilder<unknown> {
  return dialect === 'mysql'
    ? sql`on duplicate key update rated = values(rated), rating_sum = values(rating_sum)`
    : sql`on conflict (agreement_id, month_start, metric_id, goal_index, project_key) do update set rated = excluded.rated, rating_sum = excluded.rating_sum`;
}

/** Instants are inlined as literals in one place: only integers the app computed get there. */
function integer(n: number): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`a month bound must be an integer instant, got ${n}`);
  return n;
}

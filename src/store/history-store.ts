/**
 * Issues' normalized histories, one row per issue, so a recalculation needs no Jira calls. The history is
 * stored in its compact form (`compact-json.ts`); retention empties it for issues closed long ago and keeps the
 * row (ids, project, stamp), so a recalculation still finds the issue and reads it from Jira again in bulk.
 *
 * A put is an insert-if-absent, else an UPDATE that only matches while the stored stamp is not newer: the
 * comparison happens inside the statement, so two racing puts cannot both think they won.
 */
import type { Selectable } from 'kysely';
import type { HistoryEntry, HistoryStore, StoredHistory } from '../app/ports/store';
import { closedAt } from '../engine/issue/closed-at';
import type { IssueHistoryData } from '../engine/issue/types';
import { compactJson, readCompactJson } from './compact-json';
import { KEY_LIMITS, type HistoriesTable } from './schema';
import { checkKey, incremented, insertIfAbsent, num, updated, type SqlContext } from './sql-support';

/** {@link HistoryStore} over SQL. */
export class SqlHistoryStore implements HistoryStore {
  constructor(private readonly ctx: SqlContext) {}

  async put(history: StoredHistory): Promise<'written' | 'stale'> {
    const { db } = this.ctx;
    const row = {
      issue_id: checkKey('issue id', history.issueId, KEY_LIMITS.issueId),
      issue_key: checkKey('issue key', history.issueKey, KEY_LIMITS.issueKey),
      project_key: checkKey('project key', history.projectKey, KEY_LIMITS.projectKey),
      stamp: checkKey('stamp', history.stamp, KEY_LIMITS.stamp),
      data: compactJson(history.data),
      closed_at: closedAt(history.data),
    };
    if (await insertIfAbsent(this.ctx, db.insertInto('accord_histories').values({ ...row, revision: 1 }))) {
      return 'written';
    }
    const result = await db
      .updateTable('accord_histories')
      .set({
        issue_key: row.issue_key,
        project_key: row.project_key,
        stamp: row.stamp,
        data: row.data,
        closed_at: row.closed_at,
        // Always changes, so "changed rows" equals "matched rows" even for an identical re-write.
        revision: incremented('revision'),
      })
      .where('issue_id', '=', row.issue_id)
      .where('stamp', '<=', row.stamp)
      .executeTakeFirst();
    return updated(result) ? 'written' : 'stale';
  }

  async get(issueId: string): Promise<StoredHistory | undefined> {
    const row = await this.ctx.db
      .selectFrom('accord_histories')
      .selectAll()
      .where('issue_id', '=', issueId)
      .executeTakeFirst();
    const entry = row && toEntry(row);
    return entry?.data === null ? undefined : entry;
  }

  async delete(issueId: string): Promise<void> {
    await this.ctx.db.deleteFrom('accord_histories').where('issue_id', '=', issueId).execute();
  }

  async page(options: {
    readonly projectKey?: string;
    readonly afterIssueId?: string;
    readonly limit: number;
  }): Promise<HistoryEntry[]> {
    let query = this.ctx.db.selectFrom('accord_histories').selectAll();
    if (options.projectKey !== undefined) query = query.where('project_key', '=', options.projectKey);
    if (options.afterIssueId !== undefined) query = query.where('issue_id', '>', options.afterIssueId);
    const rows = await query.orderBy('issue_id').limit(options.limit).execute();
    return rows.map(toEntry);
  }

  async idAt(offset: number, projectKey?: string): Promise<string | undefined> {
    let query = this.ctx.db.selectFrom('accord_histories').select('issue_id');
    if (projectKey !== undefined) query = query.where('project_key', '=', projectKey);
    const row = await query.orderBy('issue_id').limit(1).offset(offset).executeTakeFirst();
    return row?.issue_id;
  }

  async dropClosed(closedBefore: number, limit: number): Promise<number> {
    const { db } = this.ctx;
    // Two statements, because MySQL refuses LIMIT inside an IN subquery and SQLite refuses it on an UPDATE.
    const ids = await db
      .selectFrom('accord_histories')
      .select('issue_id')
      .where('closed_at', '<', closedBefore)
      .where('data', '!=', DROPPED)
      .orderBy('closed_at')
      .limit(limit)
      .execute();
    if (ids.length === 0) return 0;
    const result = await db
      .updateTable('accord_histories')
      .set({ data: DROPPED, revision: incremented('revision') })
      .where(
        'issue_id',
        'in',
        ids.map((r) => r.issue_id),
      )
      // Reopened meanwhile (a put cleared closed_at): keep it.
      .where('closed_at', '<', closedBefore)
      .executeTakeFirst();
    // Their per-metric results go too (the issue panel reads the issue again when opened); the result-set
    // pointer, cycles and ratings stay for reports until retention folds them. Only while the history is still
    // dropped: a put that came in between is followed by fresh results, which must stay.
    // Their action log rows go too: actions are claimed for running cycles only, and a closed issue's cycles
    // have stopped (one reopened gets new cycles, hence new keys). Some 500 bytes an issue on MariaDB.
    // Since 0043 the results are packed in the pointer, which stays: emptied ('' is no results), with no due
    // time, and the open-result rows of its write deleted.
    const stillDropped = db.selectFrom('accord_histories').select('issue_id').where('data', '=', DROPPED);
    const dropped = ids.map((r) => r.issue_id);
    await db
      .updateTable('accord_result_sets')
      .set({ results: '', next_due: null })
      .where('issue_id', 'in', dropped)
      .where('issue_id', 'in', stillDropped)
      .execute();
    for (const table of ['accord_results', 'accord_open_results', 'accord_action_log'] as const) {
      await db
        .deleteFrom(table)
        .where('issue_id', 'in', dropped)
        .where('issue_id', 'in', stillDropped)
        .execute();
    }
    return Number(result.numUpdatedRows);
  }

  async closedSince(since: number): Promise<number> {
    const row = await this.ctx.db
      .selectFrom('accord_histories')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('closed_at', '>=', since)
      .executeTakeFirstOrThrow();
    return num(row.n);
  }

  async dropped(issueId: string): Promise<boolean> {
    const row = await this.ctx.db
      .selectFrom('accord_histories')
      .select('issue_id')
      .where('issue_id', '=', issueId)
      .where('data', '=', DROPPED)
      .executeTakeFirst();
    return row !== undefined;
  }

  async count(projectKey?: string): Promise<number> {
    let query = this.ctx.db
      .selectFrom('accord_histories')
      .select((eb) => eb.fn.countAll<number | string>().as('n'));
    if (projectKey !== undefined) query = query.where('project_key', '=', projectKey);
    const row = await query.executeTakeFirstOrThrow();
    return num(row.n);
  }
}

/** The `data` of a history that retention dropped. */
export const DROPPED = '';

function toEntry(row: Selectable<HistoriesTable>): HistoryEntry {
  return {
    issueId: row.issue_id,
    issueKey: row.issue_key,
    projectKey: row.project_key,
    stamp: row.stamp,
    data: row.data === DROPPED ? null : (readCompactJson(row.data) as IssueHistoryData),
  };
}

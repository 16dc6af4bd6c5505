/**
 * The action log: a threshold's action is performed at most once because performing it starts with winning a
 * claim on its key.
 *
 * The first claim is an insert-if-absent: of several concurrent callers exactly one inserts. A failed action, or a
 * claim whose claimant died (older than `staleAfterMs`), is re-claimed by a conditional UPDATE whose WHERE checks
 * the status and age inside the statement; the winner's write makes the row fresh again, so the others' WHERE no
 * longer matches. The two re-claims are separate statements, so the winner knows which it won: after a death,
 * the action may have been performed.
 *
 * Rows are keyed by (issue id, the key's rest): every action key begins with `<issue id>/` (see `ActionLog`),
 * which the table does not store twice, and an issue's rows are a range of the primary key.
 */
import type { ExpressionBuilder, Selectable } from 'kysely';
import type { ActionLog, ActionRecord, ActionStatus, Claim } from '../app/ports/store';
import { KEY_LIMITS, type AccordDb, type ActionLogTable } from './schema';
import { checkKey, incremented, insertIfAbsent, num, updated, type SqlContext } from './sql-support';

/** {@link ActionLog} over SQL. */
export class SqlActionLog implements ActionLog {
  constructor(private readonly ctx: SqlContext) {}

  async claim(
    key: string,
    issueId: string,
    now: number,
    staleAfterMs: number,
  ): Promise<Claim | ActionRecord> {
    const { db } = this.ctx;
    checkKey('action key', key, KEY_LIMITS.actionKey);
    const row = rowKey(key);
    if (row.issueId !== issueId) throw new RangeError(`action key ${key} does not begin with ${issueId}/`);
    const inserted = await insertIfAbsent(
      this.ctx,
      db.insertInto('accord_action_log').values({
        issue_id: checkKey('issue id', row.issueId, KEY_LIMITS.issueId),
        action_key: row.rest,
        status: 'claimed' satisfies ActionStatus,
        attempts: 1,
        updated_at: now,
        error: null,
      }),
    );
    if (inserted) return 'claimed';

    const reclaim = (from: ActionStatus, olderThan?: number) =>
      db
        .updateTable('accord_action_log')
        .set({
          status: 'claimed' satisfies ActionStatus,
          // Always changes, so "changed rows" equals "matched rows" (see `updated`).
          attempts: incremented('attempts'),
          updated_at: now,
        })
        .where(byKey(key))
        .where('status', '=', from)
        .$if(olderThan !== undefined, (q) => q.where('updated_at', '<', olderThan ?? 0))
        .executeTakeFirst();
    if (updated(await reclaim('failed'))) return 'reclaimed-failed';
    // Strictly older: a claim made at `now` itself is never stale, even with staleAfterMs 0.
    if (updated(await reclaim('claimed', now - staleAfterMs))) return 'reclaimed-stale';

    const found = await db.selectFrom('accord_action_log').selectAll().where(byKey(key)).executeTakeFirst();
    // The row existed a moment ago and rows are never deleted, so it is there.
    if (!found) throw new Error(`action ${key} vanished while being claimed`);
    return toRecord(found);
  }

  async complete(key: string, now: number): Promise<void> {
    await this.ctx.db
      .updateTable('accord_action_log')
      .set({ status: 'done' satisfies ActionStatus, updated_at: now, error: null })
      .where(byKey(key))
      .execute();
  }

  async markUnknown(key: string, now: number, why: string): Promise<void> {
    await this.ctx.db
      .updateTable('accord_action_log')
      .set({ status: 'unknown' satisfies ActionStatus, updated_at: now, error: why })
      .where(byKey(key))
      .where('status', '<>', 'done' satisfies ActionStatus)
      .execute();
  }

  async fail(key: string, now: number, error: string): Promise<void> {
    await this.ctx.db
      .updateTable('accord_action_log')
      .set({ status: 'failed' satisfies ActionStatus, updated_at: now, error })
      .where(byKey(key))
      // A late failure report (a retry already succeeded) must not make a final action claimable again.
      .where('status', 'not in', ['done', 'unknown'] satisfies ActionStatus[])
      .execute();
  }

  async forIssue(issueId: string): Promise<ActionRecord[]> {
    const rows = await this.ctx.db
      .selectFrom('accord_action_log')
      .selectAll()
      .where('issue_id', '=', issueId)
      .orderBy('action_key')
      .execute();
    return rows.map(toRecord);
  }
}

/** A key's issue id (before its first `/`) and the rest, as the table keys a row. */
function rowKey(key: string): { issueId: string; rest: string } {
  const slash = key.indexOf('/');
  if (slash <= 0) throw new RangeError(`action key ${key} does not begin with an issue id and a slash`);
  return { issueId: key.slice(0, slash), rest: key.slice(slash + 1) };
}

/** The row of an action key. */
function byKey(key: string) {
  const { issueId, rest } = rowKey(key);
  return (eb: ExpressionBuilder<AccordDb, 'accord_action_log'>) =>
    eb.and([eb('issue_id', '=', issueId), eb('action_key', '=', rest)]);
}

function toRecord(row: Selectable<ActionLogTable>): ActionRecord {
  return {
    key: `${row.issue_id}/${row.action_key}`,
    issueId: row.issue_id,
    status: row.status as ActionStatus,
    attempts: num(row.attempts),
    updatedAt: num(row.updated_at),
    error: row.error,
  };
}

/**
 * The action log: a threshold's action is performed at most once because performing it starts with winning a
 * claim on its key.
 *
 * The first claim is an insert-if-absent: of several concurrent callers exactly one inserts. A failed action, or a
 * claim whose claimant died (older than `staleAfterMs`), is re-claimed by a conditional UPDATE whose WHERE checks
 * the status and age inside the statement; the winner's write makes the row fresh again, so the others' WHERE no
 * longer matches. The two re-claims are separate statements, so the winner knows which it won: after a death,
 * the action may have been performed.
 */
import type { Selectable } from 'kysely';
import type { ActionLog, ActionRecord, ActionStatus, Claim } from '../app/ports/store';
import { KEY_LIMITS, type ActionsTable } from './schema';
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
    const inserted = await insertIfAbsent(
      this.ctx,
      db.insertInto('accord_actions').values({
        action_key: checkKey('action key', key, KEY_LIMITS.actionKey),
        issue_id: checkKey('issue id', issueId, KEY_LIMITS.issueId),
        status: 'claimed' satisfies ActionStatus,
        attempts: 1,
        updated_at: now,
        error: null,
      }),
    );
    if (inserted) return 'claimed';

    const reclaim = (from: ActionStatus, olderThan?: number) =>
      db
        .updateTable('accord_actions')
        .set({
          status: 'claimed' satisfies ActionStatus,
          // Always changes, so "changed rows" equals "matched rows" (see `updated`).
          attempts: incremented('attempts'),
          updated_at: now,
        })
        .where('action_key', '=', key)
        .where('status', '=', from)
        .$if(olderThan !== undefined, (q) => q.where('updated_at', '<', olderThan ?? 0))
        .executeTakeFirst();
    if (updated(await reclaim('failed'))) return 'reclaimed-failed';
    // Strictly older: a claim made at `now` itself is never stale, even with staleAfterMs 0.
    if (updated(await reclaim('claimed', now - staleAfterMs))) return 'reclaimed-stale';

    const row = await db
      .selectFrom('accord_actions')
      .selectAll()
      .where('action_key', '=', key)
      .executeTakeFirst();
    // The row existed a moment ago and rows are never deleted, so it is there.
    if (!row) throw new Error(`action ${key} vanished while being claimed`);
    return toRecord(row);
  }

  async complete(key: string, now: number): Promise<void> {
    await this.ctx.db
      .updateTable('accord_actions')
      .set({ status: 'done' satisfies ActionStatus, updated_at: now, error: null })
      .where('action_key', '=', key)
      .execute();
  }

  async markUnknown(key: string, now: number, why: string): Promise<void> {
    await this.ctx.db
      .updateTable('accord_actions')
      .set({ status: 'unknown' satisfies ActionStatus, updated_at: now, error: why })
      .where('action_key', '=', key)
      .where('status', '<>', 'done' satisfies ActionStatus)
      .execute();
  }

  async fail(key: string, now: number, error: string): Promise<void> {
    await this.ctx.db
      .updateTable('accord_actions')
      .set({ status: 'failed' satisfies ActionStatus, updated_at: now, error })
      .where('action_key', '=', key)
      // A late failure report (a retry already succeeded) must not make a final action claimable again.
      .where('status', 'not in', ['done', 'unknown'] satisfies ActionStatus[])
      .execute();
  }

  async forIssue(issueId: string): Promise<ActionRecord[]> {
    const rows = await this.ctx.db
      .selectFrom('accord_actions')
      .selectAll()
      .where('issue_id', '=', issueId)
      .orderBy('action_key')
      .execute();
    return rows.map(toRecord);
  }
}

function toRecord(row: Selectable<ActionsTable>): ActionRecord {
  return {
    key: row.action_key,
    issueId: row.issue_id,
    status: row.status as ActionStatus,
    attempts: num(row.attempts),
    updatedAt: num(row.updated_at),
    error: row.error,
  };
}

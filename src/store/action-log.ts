/**
 * The action log: a threshold's action is performed at most once because performing it starts with winning a
 * claim on its key.
 *
 * The first claim is an insert-if-absent: of several concurrent callers exactly one inserts. A failed action, or a
 * claim whose claimant died (older than `staleAfterMs`), is re-claimed by a conditional UPDATE whose WHERE checks
 * the status and age inside the statement; the winner's write makes the row fresh again, so the others' WHERE no
 * longer matches.
 */
import type { Selectable } from 'kysely';
import type { ActionLog, ActionRecord, ActionStatus } from '../app/ports/store';
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
  ): Promise<'claimed' | ActionRecord> {
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

    const reclaimed = await db
      .updateTable('accord_actions')
      .set({
        status: 'claimed' satisfies ActionStatus,
        // Always changes, so "changed rows" equals "matched rows" (see `updated`).
        attempts: incremented('attempts'),
        updated_at: now,
      })
      .where('action_key', '=', key)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'failed' satisfies ActionStatus),
          // Strictly older: a claim made at `now` itself is never stale, even with staleAfterMs 0.
          eb.and([
            eb('status', '=', 'claimed' satisfies ActionStatus),
            eb('updated_at', '<', now - staleAfterMs),
          ]),
        ]),
      )
      .executeTakeFirst();
    if (updated(reclaimed)) return 'claimed';

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

  async fail(key: string, now: number, error: string): Promise<void> {
    await this.ctx.db
      .updateTable('accord_actions')
      .set({ status: 'failed' satisfies ActionStatus, updated_at: now, error })
      .where('action_key', '=', key)
      // A late failure report (a retry already succeeded) must not make a done action claimable again.
      .where('status', '<>', 'done' satisfies ActionStatus)
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

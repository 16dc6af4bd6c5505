/**
 * Issues changed and not yet measured, one row per issue. The issue-event trigger marks (one statement; a
 * second for an issue already marked), a drain measures the issue and clears the mark only if its token is
 * unchanged: a change that arrives while the issue is being measured leaves the mark behind, so it is measured
 * again and no change is ever lost between the read and the clear.
 */
import { sql, type Selectable } from 'kysely';
import type { PendingIssue, PendingStore } from '../app/ports/store';
import { KEY_LIMITS, type PendingTable } from './schema';
import { checkKey, insertIfAbsent, num, updated, type SqlContext } from './sql-support';

/** How much carried text a mark keeps (characters) before it settles for a full read of the issue. */
export const MAX_CARRIED_TEXT = 16_000;

/** The `changes` of a mark whose issue must be read in full (NULL, in marks made before the column, says so too). */
const READ_IN_FULL = '!';

/** {@link PendingStore} over SQL. */
export class SqlPendingStore implements PendingStore {
  constructor(private readonly ctx: SqlContext) {}

  async mark(issueId: string, shard: number, token: string, at: number, carried?: string): Promise<void> {
    const { db } = this.ctx;
    if (carried !== undefined && (carried.includes('\n') || carried === READ_IN_FULL)) {
      throw new Error(`pending mark of ${issueId}: a carried change is one line of text, not "${carried}"`);
    }
    const line = carried !== undefined && carried.length <= MAX_CARRIED_TEXT ? carried : undefined;
    const row = {
      issue_id: checkKey('issue id', issueId, KEY_LIMITS.issueId),
      shard,
      token: checkKey('token', token, KEY_LIMITS.token),
      marked_at: at,
      attempts: 0,
      not_before: at,
      changes: line ?? READ_IN_FULL,
    };
    // One statement appends, so two triggers marking at once both keep their change. A fresh token always
    // differs, so the update always changes the row it matches.
    const length = this.ctx.dialect === 'mysql' ? sql`char_length(changes)` : sql`length(changes)`;
    const appended =
      this.ctx.dialect === 'mysql' ? sql`concat(changes, '\n', ${line})` : sql`changes || '\n' || ${line}`;
    const changes =
      line === undefined
        ? sql<string>`${READ_IN_FULL}`
        : sql<string>`case when changes is null or changes = ${READ_IN_FULL}
            or ${length} + ${line.length + 1} > ${MAX_CARRIED_TEXT} then ${READ_IN_FULL} else ${appended} end`;
    // A drain may clear the mark between the insert that found it and the update: then the update matches
    // nothing and the insert is tried again, or the change would wait for no drain at all.
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await insertIfAbsent(this.ctx, db.insertInto('accord_pending').values(row))) return;
      const result = await db
        .updateTable('accord_pending')
        .set({ token: row.token, changes })
        .where('issue_id', '=', row.issue_id)
        .executeTakeFirst();
      if (updated(result)) return;
    }
    throw new Error(`pending mark of ${issueId}: the mark kept vanishing between insert and update`);
  }

  async due(shard: number, now: number, limit: number): Promise<PendingIssue[]> {
    const rows = await this.ctx.db
      .selectFrom('accord_pending')
      .selectAll()
      .where('shard', '=', shard)
      .where('not_before', '<=', now)
      .orderBy('marked_at')
      .orderBy('issue_id')
      .limit(limit)
      .execute();
    return rows.map(toPending);
  }

  async dueShards(now: number): Promise<number[]> {
    const rows = await this.ctx.db
      .selectFrom('accord_pending')
      .select('shard')
      .distinct()
      .where('not_before', '<=', now)
      .orderBy('shard')
      .execute();
    return rows.map((row) => num(row.shard));
  }

  async clear(issueId: string, token: string): Promise<boolean> {
    const result = await this.ctx.db
      .deleteFrom('accord_pending')
      .where('issue_id', '=', issueId)
      .where('token', '=', token)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async defer(issueId: string, token: string, attempts: number, notBefore: number): Promise<void> {
    // Not matched: the issue changed again meanwhile, and its new mark is tried as it stands.
    await this.ctx.db
      .updateTable('accord_pending')
      .set({ attempts, not_before: notBefore })
      .where('issue_id', '=', issueId)
      .where('token', '=', token)
      .execute();
  }

  async count(): Promise<number> {
    const row = await this.ctx.db
      .selectFrom('accord_pending')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return num(row.n);
  }
}

function toPending(row: Selectable<PendingTable>): PendingIssue {
  const changes = row.changes;
  return {
    issueId: row.issue_id,
    shard: num(row.shard),
    token: row.token,
    markedAt: num(row.marked_at),
    attempts: num(row.attempts),
    notBefore: num(row.not_before),
    ...(changes === null || changes === READ_IN_FULL ? {} : { carried: changes.split('\n') }),
  };
}

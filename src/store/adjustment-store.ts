/**
 * Extensions and excused breaches, one row per decision, kept apart from results so that a recalculation,
 * which rewrites results, keeps them. A row's id is a digest of the decision, so a retried request stores it
 * once.
 */
import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AdjustmentStore, StoredAdjustment } from '../app/ports/store';
import { KEY_LIMITS, type AdjustmentsTable } from './schema';
import { batches, checkKey, insertIfAbsent, num, numOrNull, type SqlContext } from './sql-support';

/** {@link AdjustmentStore} over SQL. */
export class SqlAdjustmentStore implements AdjustmentStore {
  constructor(private readonly ctx: SqlContext) {}

  async add(issueId: string, a: StoredAdjustment): Promise<void> {
    await insertIfAbsent(
      this.ctx,
      this.ctx.db.insertInto('accord_adjustments').values({
        issue_id: checkKey('issue id', issueId, KEY_LIMITS.issueId),
        id: idOf(a),
        kind: a.kind,
        agreement_id: checkKey('agreement id', a.agreementId, KEY_LIMITS.id),
        metric_id: checkKey('metric id', a.metricId, KEY_LIMITS.id),
        cycle_started_at: a.cycleStartedAt,
        at: a.at,
        minutes: a.minutes,
        until_at: a.until,
        reason: a.reason,
        actor: checkKey('actor', a.actor, KEY_LIMITS.actor),
      }),
    );
  }

  async forIssue(issueId: string): Promise<StoredAdjustment[]> {
    const rows = await this.ctx.db
      .selectFrom('accord_adjustments')
      .selectAll()
      .where('issue_id', '=', issueId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map(toAdjustment);
  }

  async forIssues(issueIds: readonly string[]): Promise<Map<string, StoredAdjustment[]>> {
    const byIssue = new Map<string, StoredAdjustment[]>();
    // Adjustments are rare (a few an issue at most), so a step's ids fit one statement and its answer.
    for (const batch of batches([...new Set(issueIds)], ID_BATCH)) {
      const rows = await this.ctx.db
        .selectFrom('accord_adjustments')
        .selectAll()
        .where('issue_id', 'in', batch)
        .orderBy('issue_id')
        .orderBy('at')
        .orderBy('id')
        .execute();
      for (const row of rows) {
        const list = byIssue.get(row.issue_id) ?? [];
        list.push(toAdjustment(row));
        byIssue.set(row.issue_id, list);
      }
    }
    return byIssue;
  }
}

/** Issue ids in one `in (…)` list: well within both engines' placeholder limits. */
const ID_BATCH = 1000;

/** 40 hex digits of SHA-1 over the decision's content: the same decision, the same id. */
function idOf(a: StoredAdjustment): string {
  const content = [
    a.kind,
    a.agreementId,
    a.metricId,
    a.cycleStartedAt,
    a.at,
    a.minutes,
    a.until,
    a.actor,
    a.reason,
  ];
  return createHash('sha1').update(JSON.stringify(content)).digest('hex');
}

function toAdjustment(row: Selectable<AdjustmentsTable>): StoredAdjustment {
  return {
    kind: row.kind === 'excuse' ? 'excuse' : 'extension',
    agreementId: row.agreement_id,
    metricId: row.metric_id,
    cycleStartedAt: num(row.cycle_started_at),
    at: num(row.at),
    minutes: numOrNull(row.minutes),
    until: numOrNull(row.until_at),
    reason: row.reason,
    actor: row.actor,
  };
}

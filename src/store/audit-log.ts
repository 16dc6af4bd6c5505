/**
 * The audit log of configuration changes. An entry's natural key (at, actor, action, entity id, version) is
 * the primary key, so appending the same entry twice (a retried save) stores it once.
 *
 * An entry without a version (a project's list of agreements, which has none) is known by its instant alone:
 * two different changes of one list by one person in one millisecond (or under a clock that stands still, as
 * the sandbox's can) would share a key. The later one then moves on a millisecond at a time until its key is
 * free or holds the same change, so that it is kept, not dropped as a repeat.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Selectable } from 'kysely';
import type { AuditEntry, AuditLog } from '../app/ports/store';
import { KEY_LIMITS, type AuditTable } from './schema';
import { checkKey, insertIfAbsent, num, parseJson, type SqlContext } from './sql-support';

/** {@link AuditLog} over SQL. */
export class SqlAuditLog implements AuditLog {
  constructor(private readonly ctx: SqlContext) {}

  async append(entry: AuditEntry): Promise<void> {
    const row = {
      at: entry.at,
      actor: checkKey('actor', entry.actor, KEY_LIMITS.actor),
      action: checkKey('audit action', entry.action, KEY_LIMITS.auditAction),
      entity: checkKey('entity', entry.entity, KEY_LIMITS.entity),
      entity_id: checkKey('entity id', entry.entityId, KEY_LIMITS.id),
      version: entry.version ?? NO_VERSION,
      changes: JSON.stringify(entry.changes),
    };
    for (let shift = 0; shift < MAX_SHIFT_MS; shift++) {
      const at = entry.at + shift;
      if (await insertIfAbsent(this.ctx, this.ctx.db.insertInto('accord_audit').values({ ...row, at })))
        return;
      if (entry.version !== null) return;
      const there = await this.ctx.db
        .selectFrom('accord_audit')
        .select('changes')
        .where('at', '=', at)
        .where('actor', '=', row.actor)
        .where('action', '=', row.action)
        .where('entity_id', '=', row.entity_id)
        .where('version', '=', NO_VERSION)
        .executeTakeFirst();
      // The same change, appended again (an entry is never deleted, so the row is there). Both sides are
      // compared as parsed JSON: MySQL's JSON type reorders keys, and JSON drops undefined properties.
      if (there !== undefined && isDeepStrictEqual(parseJson(there.changes), JSON.parse(row.changes))) return;
    }
    throw new Error(
      `audit: no free instant within ${MAX_SHIFT_MS} ms of ${entry.at} for ${entry.action} of ${entry.entityId}`,
    );
  }

  async list(options: {
    readonly limit: number;
    readonly before?: number;
    readonly entityId?: string;
  }): Promise<AuditEntry[]> {
    let query = this.ctx.db.selectFrom('accord_audit').selectAll();
    if (options.before !== undefined) query = query.where('at', '<', options.before);
    if (options.entityId !== undefined) query = query.where('entity_id', '=', options.entityId);
    const rows = await query
      .orderBy('at', 'desc')
      .orderBy('entity_id')
      .orderBy('version', 'desc')
      .orderBy('actor')
      .orderBy('action')
      .limit(options.limit)
      .execute();
    return rows.map(toEntry);
  }
}

/** Stands for "no version" in the key column (versions start at 1). */
const NO_VERSION = 0;

/** How far an entry without a version moves on to find a key of its own. */
const MAX_SHIFT_MS = 1000;

function toEntry(row: Selectable<AuditTable>): AuditEntry {
  const version = num(row.version);
  return {
    at: num(row.at),
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    version: version === NO_VERSION ? null : version,
    changes: parseJson(row.changes) as AuditEntry['changes'],
  };
}

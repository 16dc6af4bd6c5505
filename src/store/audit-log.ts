/**
 * The audit log of configuration changes. An entry's natural key (at, actor, action, entity id, version) is
 * the primary key, so appending the same entry twice (a retried save) stores it once.
 */
import type { Selectable } from 'kysely';
import type { AuditEntry, AuditLog } from '../app/ports/store';
import { KEY_LIMITS, type AuditTable } from './schema';
import { checkKey, insertIfAbsent, num, parseJson, type SqlContext } from './sql-support';

/** {@link AuditLog} over SQL. */
export class SqlAuditLog implements AuditLog {
  constructor(private readonly ctx: SqlContext) {}

  async append(entry: AuditEntry): Promise<void> {
    await insertIfAbsent(
      this.ctx,
      this.ctx.db.insertInto('accord_audit').values({
        at: entry.at,
        actor: checkKey('actor', entry.actor, KEY_LIMITS.actor),
        action: checkKey('audit action', entry.action, KEY_LIMITS.auditAction),
        entity: checkKey('entity', entry.entity, KEY_LIMITS.entity),
        entity_id: checkKey('entity id', entry.entityId, KEY_LIMITS.id),
        version: entry.version ?? NO_VERSION,
        changes: JSON.stringify(entry.changes),
      }),
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

/**
 * The terms of a stored cycle that its agreement's version decides: the agreement's kind and counterparty, and
 * the matched goal's target and objective. Cycle rows do not repeat them (0042, issue 17: cycles took 841 bytes
 * an issue on MariaDB, 701 without them, `npx tsx bench/storage-sample.ts 15000`): a cycle row names its
 * agreement, version, metric and goal, and the configuration store keeps every version of every agreement (a
 * deletion is a newer version without a body), so they are read from there.
 *
 * A reader of cycle rows looks up the versions its rows name, once per call: one statement per hundred
 * versions (a report page names a handful).
 */
import type { Selectable } from 'kysely';
import type { StoredCycle } from '../app/ports/store';
import type { Agreement } from '../engine/agreement/types';
import type { CyclesTable } from './schema';
import { batches, bool, num, numOrNull, parseJson, type SqlContext } from './sql-support';

/** What a cycle takes from its agreement's version. */
type Terms = Pick<StoredCycle, 'kind' | 'counterparty' | 'targetMinutes' | 'objectivePercent'>;

/**
 * A cycle whose version is not stored (a row written without one, agreement version 0, which evaluations only
 * write for an agreement they were not given): the kind reports default to, no counterparty, no goal terms.
 */
const UNKNOWN: Terms = { kind: 'SLA', counterparty: null, targetMinutes: null, objectivePercent: null };

/**
 * Cycle rows as the port's {@link StoredCycle}, with the terms of the agreement versions they name.
 *
 * @example
 * return withTerms(this.ctx, await query.selectAll('c').execute());
 */
export async function withTerms(
  ctx: SqlContext,
  rows: readonly Selectable<CyclesTable>[],
): Promise<StoredCycle[]> {
  const versions = await agreementVersions(ctx, rows);
  return rows.map((row) => {
    const version = num(row.agreement_version);
    const goalIndex = numOrNull(row.goal_index);
    const terms = termsOf(versions.get(versionKey(row.agreement_id, version)), row.metric_id, goalIndex);
    return {
      issueId: row.issue_id,
      issueKey: row.issue_key,
      projectKey: row.project_key,
      agreementId: row.agreement_id,
      agreementVersion: version,
      kind: terms.kind,
      counterparty: terms.counterparty,
      metricId: row.metric_id,
      cycle: num(row.cycle),
      goalIndex,
      targetMinutes: terms.targetMinutes,
      objectivePercent: terms.objectivePercent,
      startedAt: num(row.started_at),
      stoppedAt: numOrNull(row.stopped_at),
      elapsedMs: num(row.elapsed_ms),
      pausedMs: num(row.paused_ms),
      breached: bool(row.breached),
      breachedAt: numOrNull(row.breached_at),
      // Present only when true, as the port's optional flags are written.
      ...(bool(row.extended) ? { extended: true } : {}),
      ...(bool(row.excused) ? { excused: true } : {}),
    };
  });
}

/** The terms an agreement's version gives a cycle of `metricId` that matched goal `goalIndex`. */
export function termsOf(agreement: Agreement | undefined, metricId: string, goalIndex: number | null): Terms {
  if (!agreement) return UNKNOWN;
  const goal =
    goalIndex === null ? undefined : agreement.metrics.find((m) => m.id === metricId)?.goals[goalIndex];
  return {
    kind: agreement.kind,
    counterparty: agreement.counterparty ?? null,
    targetMinutes: goal?.targetMinutes ?? null,
    objectivePercent: goal?.objectivePercent ?? null,
  };
}

const versionKey = (id: string, version: number): string => JSON.stringify([id, version]);

/** The bodies of the agreement versions the rows name, by {@link versionKey}. */
async function agreementVersions(
  ctx: SqlContext,
  rows: readonly Selectable<CyclesTable>[],
): Promise<Map<string, Agreement>> {
  const wanted = new Map<string, { id: string; version: number }>();
  for (const row of rows) {
    const version = num(row.agreement_version);
    wanted.set(versionKey(row.agreement_id, version), { id: row.agreement_id, version });
  }
  const out = new Map<string, Agreement>();
  for (const batch of batches([...wanted.values()], 100)) {
    // Primary-key lookups: (kind, id, version) is the configuration table's key.
    const found = await ctx.db
      .selectFrom('accord_config')
      .select(['id', 'version', 'body'])
      .where('kind', '=', 'agreement')
      .where((eb) => eb.or(batch.map((v) => eb.and([eb('id', '=', v.id), eb('version', '=', v.version)]))))
      .execute();
    for (const row of found)
      if (row.body !== null) out.set(versionKey(row.id, num(row.version)), parseJson(row.body) as Agreement);
  }
  return out;
}

/**
 * The CSV export: one row per cycle the compliance report counts over the same periods (cycles that ended in
 * them, and the open ones when the last period is the current one), so a spreadsheet's count of `met` and
 * `breached` rows per period is the report's figures. A page at a time: a resolver reply must stay small.
 */
import { boundsOf, bucketOf, type Period } from '../../engine/report';
import { formatInstant } from '../../engine/time/iso';
import type { EpochMs } from '../../engine/time/units';
import type { Deps } from '../evaluation/deps';
import type { Goal } from '../../engine/agreement/types';
import type { CycleCursor, ReportScope, StoredCycle } from '../ports';
import type { CsvColumn, CsvPage } from '../resolvers/report-types';
import { periodView } from './compliance';
import { goalCell, goalLabel, type LiveAgreement } from './scope';

export const CSV_COLUMNS: readonly CsvColumn[] = [
  'issue_key',
  'project',
  'agreement_id',
  'agreement_version',
  'agreement_kind',
  'counterparty',
  'metric_id',
  'goal_index',
  'goal',
  'target_minutes',
  'goal_terms',
  'started_at',
  'stopped_at',
  'elapsed_ms',
  'paused_ms',
  'breached_at',
  'outcome',
  'period',
  'adjusted',
];

/**
 * One page of the export.
 * @example await csvPage(deps, agreements, scope, periods, { limit: 5000 }, 'accord-gold-2026-03.csv')
 */
export async function csvPage(
  deps: Deps,
  agreements: readonly LiveAgreement[],
  scope: ReportScope,
  periods: readonly Period[],
  page: { readonly after?: CycleCursor; readonly limit: number },
  filename: string,
): Promise<CsvPage> {
  const now = deps.clock.now();
  const bounds = boundsOf(periods);
  const from = bounds[0] ?? now;
  const to = bounds[bounds.length - 1] ?? now;
  const cycles = await deps.store.reports.cycleListing(
    scope,
    { from, to, includeOpen: from <= now && now < to },
    page,
  );
  const byId = new Map(agreements.map((a) => [a.id, a]));
  const lines = cycles.map((c) => csvLine(rowOf(c, byId.get(c.agreementId), periods, bounds)));
  const header = page.after === undefined ? [csvLine(CSV_COLUMNS)] : [];
  const last = cycles[cycles.length - 1];
  return {
    filename,
    columns: CSV_COLUMNS,
    csv: [...header, ...lines].map((line) => `${line}\r\n`).join(''),
    rows: cycles.length,
    nextCursor: cycles.length === page.limit && last ? encodeCursor(last) : null,
    periods: periods.map((p) => periodView(p, now)),
  };
}

/** Outcome as the contract counts it: ended met or breached; still open (and maybe already past its target). */
function outcomeOf(c: StoredCycle): string {
  if (c.stoppedAt === null) return c.breached ? 'running-breached' : 'running';
  return c.breached ? 'breached' : 'met';
}

const iso = (t: number | null): string => (t === null ? '' : formatInstant(t as EpochMs));

/**
 * A business-day or date-field goal's terms as codes, the same in every language (like `goal`, `outcome` and
 * `adjusted`): `key=value` pairs joined by `;`, the keys being the agreement's own (docs/engine-contract.md,
 * "Business-day goals", "Date-field goals"): `business_days`, `due`, `cutoff`, `date_field`. Empty for a goal in
 * working minutes, which `target_minutes` says. A spreadsheet splits it on `;` and `=`; no word in it is English.
 * @example goalTerms({ calendar: 'c', businessDays: { days: 1, cutoff: '12:00' } }) // 'business_days=1;cutoff=12:00'
 */
export function goalTerms(goal: Goal | undefined): string {
  if (goal?.businessDays !== undefined) {
    const { days, cutoff, dueAt } = goal.businessDays;
    return [
      `business_days=${String(days)}`,
      ...(dueAt === undefined ? [] : [`due=${dueAt}`]),
      ...(cutoff === undefined ? [] : [`cutoff=${cutoff}`]),
    ].join(';');
  }
  return goal?.dueDateField === undefined ? '' : `date_field=${goal.dueDateField}`;
}

function rowOf(
  c: StoredCycle,
  agreement: LiveAgreement | undefined,
  periods: readonly Period[],
  bounds: readonly EpochMs[],
): string[] {
  const goals = agreement?.body.metrics.find((m) => m.id === c.metricId)?.goals ?? [];
  const bucket = c.stoppedAt === null ? -1 : bucketOf(bounds, c.stoppedAt as EpochMs);
  return [
    c.issueKey,
    c.projectKey,
    c.agreementId,
    String(c.agreementVersion),
    c.kind,
    c.counterparty ?? '',
    c.metricId,
    c.goalIndex === null ? '' : String(c.goalIndex),
    goalCell(goalLabel(goals, c.goalIndex)),
    c.targetMinutes === null ? '' : String(c.targetMinutes),
    goalTerms(c.goalIndex === null ? undefined : goals[c.goalIndex]),
    iso(c.startedAt),
    iso(c.stoppedAt),
    String(c.elapsedMs),
    String(c.pausedMs),
    iso(c.breachedAt),
    outcomeOf(c),
    c.stoppedAt === null ? 'open' : (periods[bucket]?.label ?? ''),
    // Extended and excused cycles apart (docs/engine-contract.md, "Extensions and excused breaches").
    [c.extended === true ? 'extended' : '', c.excused === true ? 'excused' : ''].filter(Boolean).join(' '),
  ];
}

/**
 * One RFC 4180 line: fields with a comma, quote or line break are quoted, quotes doubled. Text a spreadsheet
 * would run as a formula (`=`, `+`, `-`, `@` first) gets a leading apostrophe; the numbers written here never
 * start with one of those.
 * @example csvLine(['IT-1', 'Acme, Inc.']) === 'IT-1,"Acme, Inc."'
 */
export function csvLine(fields: readonly string[]): string {
  return fields
    .map((field) => {
      const safe = /^[=+\-@\t\r]/.test(field) ? `'${field}` : field;
      return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    })
    .join(',');
}

// ── Cursor ───────────────────────────────────────────────────────────────────────────────────────────

/** The listing's position after a cycle, as an opaque string for the UI to hand back. */
export function encodeCursor(c: StoredCycle): string {
  return JSON.stringify([c.agreementId, c.stoppedAt, c.issueId, c.metricId, c.cycle]);
}

/** The position a cursor names, or undefined for anything this module did not write. */
export function decodeCursor(text: string): CycleCursor | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 5) return undefined;
  const [agreementId, stoppedAt, issueId, metricId, cycle] = parsed as unknown[];
  const isInteger = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n);
  return typeof agreementId === 'string' &&
    (stoppedAt === null || isInteger(stoppedAt)) &&
    typeof issueId === 'string' &&
    typeof metricId === 'string' &&
    isInteger(cycle)
    ? { agreementId, stoppedAt, issueId, metricId, cycle }
    : undefined;
}

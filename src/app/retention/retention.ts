/**
 * Retention: what keeps Forge SQL's 1 GiB enough for a busy site. Run by the five-minute sweep, a bounded
 * number of statements at a time (Forge SQL allows 150 a second for everything the app does):
 *
 * - the histories of issues closed more than `historyDays` ago are dropped; the row stays, so a recalculation
 *   that replaces completed results finds the issue and reads it from Jira again, in bulk (a reopened issue is
 *   read in full by its next event anyway);
 * - cycles that ended before the last `rawCycleMonths` whole months (in each agreement's reporting zone) are
 *   folded into monthly aggregates, which reports and credits count instead, then deleted;
 * - an issue whose history is dropped and whose cycles are all folded is forgotten: its history row, result-set
 *   pointer, ratings and action log entries are deleted. Nothing reads them any more (reports count the
 *   aggregates, a recalculation cannot change a folded month), so storage is bounded by the two windows instead
 *   of growing with every issue ever measured. An event on a forgotten issue measures it afresh from Jira.
 */
import { periodContaining, periodsEnding } from '../../engine/report/periods';
import type { EpochMs } from '../../engine/time/units';
import type { Deps } from '../evaluation/deps';
import { errorFields, type RetentionPolicy } from '../ports';
import { loadReportConfig, zoneOf } from '../reports/scope';

/** The longest policy Accord chooses on its own: what applies on a site whose year fits in Forge SQL with it. */
export const DEFAULT_RETENTION: RetentionPolicy = { historyDays: 30, rawCycleMonths: 3 };

/** The values an admin may choose: at least a week of histories and one whole month of raw cycles. */
export const RETENTION_BOUNDS = {
  historyDays: { min: 7, max: 3650 },
  rawCycleMonths: { min: 1, max: 120 },
} as const;

/** SQL statements one sweep spends on retention at most: a few seconds of Forge SQL's 150 a second. */
export const RETENTION_STATEMENTS_PER_SWEEP = 40;
/** Histories dropped per statement pair, and issues forgotten per six statements. */
const DROP_BATCH = 500;
/** Raw cycles are deleted a day of end instants per statement, so each DELETE stays well under 10 s. */
const DELETE_SLICE_MS = 24 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/**
 * Bytes an issue takes with its indexes while kept (history, packed results, cycles, ratings, action log) and
 * once its history and results are dropped (its pointer and history row, its raw cycles), as measured on
 * MariaDB 10.11 (`npx tsx bench/site-simulation.ts --storage --sample=15000`: 3,548 and 1,057), rounded up.
 * Forge SQL (TiDB) stores rows differently: an estimate, which is why the budget below leaves a tenth of 1 GiB.
 */
export const ISSUE_BYTES = { kept: 3_600, dropped: 1_100 } as const;

/** What the automatic policy keeps twelve months of storage under: nine tenths of Forge SQL's 1 GiB. */
export const STORAGE_BUDGET_BYTES = 0.9 * 1024 ** 3;

/** Days an issue stays open on average (its cycles run, its history is kept): an assumption of the projection. */
export const OPEN_DAYS = 15;

/** The policies the automatic choice tries, the longest first; the last is the tightest the bounds allow. */
const AUTOMATIC_LADDER: readonly RetentionPolicy[] = [
  DEFAULT_RETENTION,
  { historyDays: 30, rawCycleMonths: 2 },
  { historyDays: 14, rawCycleMonths: 2 },
  { historyDays: 14, rawCycleMonths: 1 },
  { historyDays: RETENTION_BOUNDS.historyDays.min, rawCycleMonths: RETENTION_BOUNDS.rawCycleMonths.min },
];

/**
 * Issues in each retention state on the last day of twelve months at `monthly` issues a month, under `policy`
 * (worst case: the last day of a month, before the sweep folds the month before the raw window):
 * - kept (history, results, cycles, ratings, actions): open, or closed within `historyDays`;
 * - dropped (pointer, history row, raw cycles, ratings): closed longer ago, but within the raw window of
 *   `rawCycleMonths` whole months and the current one, the time until retention folds and forgets them;
 * - forgotten: every older issue (only the monthly aggregates count them).
 */
export function issuesByState(
  monthly: number,
  policy: RetentionPolicy,
): { kept: number; dropped: number; forgotten: number } {
  const all = monthly * 12;
  const kept = Math.min(all, (monthly * (OPEN_DAYS + policy.historyDays)) / 30);
  const raw = Math.min(all, monthly * (policy.rawCycleMonths + 1 + OPEN_DAYS / 30));
  const dropped = Math.max(0, raw - kept);
  return { kept, dropped, forgotten: all - kept - dropped };
}

/** Bytes of issues after twelve months at `monthly` issues a month under `policy` ({@link ISSUE_BYTES}). */
export function projectedBytes(monthly: number, policy: RetentionPolicy): number {
  const n = issuesByState(monthly, policy);
  return n.kept * ISSUE_BYTES.kept + n.dropped * ISSUE_BYTES.dropped;
}

/**
 * The policy Accord applies until an admin sets one: the longest of {@link AUTOMATIC_LADDER} whose twelve
 * months at the site's pace fit in {@link STORAGE_BUDGET_BYTES}, else the tightest. A small site keeps 30 days
 * of histories and three months of single cycles; one with 200,000 issues a month a week and a month.
 *
 * @example automaticRetention(20_000) // { historyDays: 30, rawCycleMonths: 3 }
 */
export function automaticRetention(monthly: number): RetentionPolicy {
  const fits = AUTOMATIC_LADDER.find((policy) => projectedBytes(monthly, policy) <= STORAGE_BUDGET_BYTES);
  return fits ?? AUTOMATIC_LADDER[AUTOMATIC_LADDER.length - 1] ?? DEFAULT_RETENTION;
}

/** The site's pace as the automatic policy reads it: issues closed in the last 30 days. */
export async function closedPerMonth(deps: Deps): Promise<number> {
  return deps.store.histories.closedSince(deps.clock.now() - 30 * DAY_MS);
}

/** The policy in force: the admin's, else the {@link automaticRetention} for the site's pace. */
export async function retentionPolicy(deps: Deps): Promise<RetentionPolicy> {
  return (await deps.store.retention.policy()) ?? automaticRetention(await closedPerMonth(deps));
}

export interface RetentionReport {
  readonly historiesDropped: number;
  readonly monthsFolded: number;
  readonly cyclesDeleted: number;
  readonly issuesForgotten: number;
  /** Statements spent (about). */
  readonly statements: number;
}

/**
 * One round of retention within `budget` statements; what is left waits for the next sweep.
 *
 * @example await applyRetention(deps); // from the sweep
 */
export async function applyRetention(
  deps: Deps,
  budget = RETENTION_STATEMENTS_PER_SWEEP,
): Promise<RetentionReport> {
  const now = deps.clock.now();
  const policy = await retentionPolicy(deps);
  let statements = 1;
  let historiesDropped = 0;
  for (;;) {
    if (statements + 2 > budget) break;
    const dropped = await deps.store.histories.dropClosed(now - policy.historyDays * DAY_MS, DROP_BATCH);
    statements += dropped === 0 ? 1 : 2;
    historiesDropped += dropped;
    if (dropped < DROP_BATCH) break;
  }

  let monthsFolded = 0;
  let cyclesDeleted = 0;
  const config = await loadReportConfig(deps);
  statements += 2;
  // The last `rawCycleMonths` whole months and the current one stay raw, per agreement's zone; issues closed
  // before the earliest of these starts may be forgotten once no cycle of theirs is left raw.
  const keepFrom = new Map<string, number>();
  let forgetBefore = now - policy.historyDays * DAY_MS;
  for (const agreement of config.agreements.values()) {
    const zone = zoneOf(agreement.body, config.calendars);
    const start = periodsEnding('month', zone, now, policy.rawCycleMonths + 1)[0]?.start ?? now;
    keepFrom.set(agreement.id, start);
    forgetBefore = Math.min(forgetBefore, start);
  }
  for (const agreement of config.agreements.values()) {
    if (statements + 8 > budget) break;
    const zone = zoneOf(agreement.body, config.calendars);
    const keptFrom = keepFrom.get(agreement.id) ?? now;
    let horizon = await deps.store.retention.foldedBefore(agreement.id);
    let oldest = await deps.store.retention.oldestEnded(agreement.id);
    statements += 2;
    while (oldest !== undefined && statements + 6 <= budget) {
      if (oldest < horizon) {
        // Folded already: delete the raw rows, a day at a time.
        cyclesDeleted += await deps.store.retention.deleteFolded(
          agreement.id,
          oldest,
          Math.min(horizon, oldest + DELETE_SLICE_MS),
        );
        oldest = await deps.store.retention.oldestEnded(agreement.id);
        statements += 3;
        continue;
      }
      const month = periodContaining('month', zone, Math.max(oldest, horizon) as EpochMs);
      if (month.end > keptFrom) break;
      await deps.store.retention.foldMonth(agreement.id, month.start, month.end);
      horizon = month.end;
      monthsFolded++;
      statements += 6;
    }
  }

  let issuesForgotten = 0;
  while (statements + 6 <= budget) {
    const forgotten = await deps.store.retention.forgetFolded(forgetBefore, DROP_BATCH);
    statements += forgotten === 0 ? 1 : 6;
    issuesForgotten += forgotten;
    if (forgotten < DROP_BATCH) break;
  }
  return { historiesDropped, monthsFolded, cyclesDeleted, issuesForgotten, statements };
}

/** Retention as the sweep runs it: a failure is logged and left for the next sweep, never the sweep's end. */
export async function retentionInSweep(deps: Deps): Promise<RetentionReport | undefined> {
  try {
    return await applyRetention(deps);
  } catch (error) {
    deps.logger.log('error', 'retention.failed', errorFields(error));
    return undefined;
  }
}

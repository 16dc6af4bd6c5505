/**
 * Service credits from an agreement's penalty clauses (see `PenaltyClause`): for each clause of the report's
 * period, whether the share it judges fell below its threshold; per measure only the largest missed tier is
 * owed; the owed credits add up to at most the agreement's cap; the amount is that share of the period's fee.
 */
import type { Agreement, PenaltyClause } from '../agreement/types';
import { percentOf, shareAtLeast } from './shares';

/** A share to judge: `good` of `whole` (met of completed cycles, or available of scheduled ms). */
export interface Measure {
  readonly good: number;
  readonly whole: number;
}

/** Where a clause's measure comes from. */
export interface CreditSources {
  /** Met and completed cycles of one goal, every goal of a metric (`goal` undefined), or every metric (both). */
  metShare(metric: string | undefined, goal: number | undefined): Measure;
  /** Available and scheduled service time; undefined when the service was not measured. */
  availability(service: string): Measure | undefined;
}

export interface CreditLine {
  /** Index in the agreement's `penalties`. */
  readonly clause: number;
  readonly metric: string | null;
  readonly goal: number | null;
  readonly service: string | null;
  /** The share judged, in percent; null when there was nothing to judge (no cycle ended, no service time). */
  readonly measuredPercent: number | null;
  readonly belowPercent: number;
  readonly creditPercent: number;
  /** The share fell below the threshold. */
  readonly missed: boolean;
  /** Missed, and the largest missed tier of its measure: this line's credit is owed. */
  readonly owed: boolean;
}

export interface Credits {
  readonly period: 'month' | 'quarter';
  readonly currency: string | null;
  /** The period's fee: the monthly fee, three of them for a quarter; null when the agreement names none. */
  readonly fee: number | null;
  readonly lines: readonly CreditLine[];
  /** Share of the fee owed, after the cap. */
  readonly creditPercent: number;
  /** The owed credits added up to more than the cap. */
  readonly capped: boolean;
  /** `fee × creditPercent`, rounded to the cent; null without a fee. */
  readonly amount: number | null;
}

/**
 * The threshold a clause judges against: its own `belowPercent`, else the objective of the goal or service it
 * names; undefined when it has neither (validation refuses such a clause).
 * @example belowPercentOf(agreement, { metric: 'ttr', goal: 0, creditPercent: 5, period: 'month' }) === 95
 */
export function belowPercentOf(agreement: Agreement, clause: PenaltyClause): number | undefined {
  if (clause.belowPercent !== undefined) return clause.belowPercent;
  if (clause.service !== undefined)
    return agreement.availability?.find((a) => a.service === clause.service)?.objectivePercent;
  if (clause.metric === undefined || clause.goal === undefined) return undefined;
  return agreement.metrics.find((m) => m.id === clause.metric)?.goals[clause.goal]?.objectivePercent;
}

/**
 * What an agreement owes for one period.
 * @example creditsOf(agreement, 'month', sources).amount // 250 (EUR)
 */
export function creditsOf(
  agreement: Agreement,
  period: 'month' | 'quarter',
  sources: CreditSources,
): Credits {
  const judged = (agreement.penalties ?? []).flatMap((clause, index) =>
    clause.period === period ? [judge(agreement, clause, index, sources)] : [],
  );
  const lines = markOwed(judged);
  const owedPercent = lines.reduce((sum, l) => sum + (l.owed ? l.creditPercent : 0), 0);
  const cap = agreement.creditCapPercent ?? 100;
  const creditPercent = Math.min(owedPercent, cap);
  const fee =
    agreement.monthlyFee === undefined ? null : agreement.monthlyFee * (period === 'quarter' ? 3 : 1);
  return {
    period,
    currency: agreement.currency ?? null,
    fee,
    lines,
    creditPercent,
    capped: owedPercent > cap,
    // ATTENTION: rounded to the cent, as invoices are; currencies without cents (JPY) show .00.
    amount: fee === null ? null : Math.round(fee * creditPercent) / 100,
  };
}

function judge(
  agreement: Agreement,
  clause: PenaltyClause,
  index: number,
  sources: CreditSources,
): Omit<CreditLine, 'owed'> {
  const measure =
    clause.service !== undefined
      ? sources.availability(clause.service)
      : sources.metShare(clause.metric, clause.goal);
  const belowPercent = belowPercentOf(agreement, clause) ?? 0;
  const atLeast = measure ? shareAtLeast(measure.good, measure.whole, belowPercent) : undefined;
  return {
    clause: index,
    metric: clause.metric ?? null,
    goal: clause.goal ?? null,
    service: clause.service ?? null,
    measuredPercent: measure ? percentOf(measure.good, measure.whole) : null,
    belowPercent,
    creditPercent: clause.creditPercent,
    // Nothing to judge (no cycle ended, no service time) is not a miss.
    missed: atLeast === false,
  };
}

/** Tiers: of the missed clauses on one measure, only the one with the largest credit is owed. */
function markOwed(lines: readonly Omit<CreditLine, 'owed'>[]): CreditLine[] {
  const best = new Map<string, Omit<CreditLine, 'owed'>>();
  for (const line of lines) {
    if (!line.missed) continue;
    const key = `${line.metric ?? '*'}\u0000${line.goal ?? '*'}\u0000${line.service ?? ''}`;
    const seen = best.get(key);
    if (!seen || line.creditPercent > seen.creditPercent) best.set(key, line);
  }
  const owed = new Set(best.values());
  return lines.map((line) => ({ ...line, owed: owed.has(line) }));
}

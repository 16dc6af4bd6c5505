import type { ComplianceFigures, ReportPeriodKind } from '../../../src/app/resolvers/report-types';
import type { GadgetKey } from './messages';

/** One sentence: a message key and its count. */
export interface Sentence {
  readonly key: GadgetKey;
  readonly count?: number;
}

/** How the error budget of a period reads, and how alarming it is. */
export interface BudgetWording {
  readonly sentence: Sentence;
  /** Open cycles already past their target, said apart so that a reader knows where the budget went. */
  readonly pending: Sentence | null;
  readonly tone: 'success' | 'warning' | 'danger' | 'neutral';
}

/**
 * The error budget of the current period in words: "2 more breaches allowed this month", "No more breaches
 * allowed this month", "Objective missed: 1 breach more than the objective allows". The counts are the
 * server's (`remaining = allowed − used − pending`); this only chooses the sentence. A budget that is gone
 * only because of cycles still running past their target is not yet "missed": it "will be missed".
 *
 * @example budgetWording({ ...figures, errorBudget: { allowed: 3, used: 1, pending: 0, remaining: 2 } }, 'month')
 *   // { sentence: { key: 'budget.remaining.month', count: 2 }, pending: null, tone: 'success' }
 */
export function budgetWording(figures: ComplianceFigures, period: ReportPeriodKind): BudgetWording {
  const budget = figures.errorBudget;
  if (figures.objectivePercent === null) {
    return { sentence: { key: 'budget.noObjective' }, pending: null, tone: 'neutral' };
  }
  if (budget === null || (figures.completed === 0 && budget.pending === 0)) {
    return { sentence: { key: 'budget.noCycles' }, pending: null, tone: 'neutral' };
  }
  const pending = budget.pending > 0 ? { key: 'budget.pending' as const, count: budget.pending } : null;
  if (budget.remaining > 0) {
    return {
      sentence: { key: `budget.remaining.${period}`, count: budget.remaining },
      pending,
      tone: 'success',
    };
  }
  if (budget.remaining === 0) {
    return { sentence: { key: `budget.exhausted.${period}` }, pending, tone: 'warning' };
  }
  const overNow = budget.used - budget.allowed;
  if (overNow > 0) return { sentence: { key: 'budget.over', count: overNow }, pending, tone: 'danger' };
  return { sentence: { key: 'budget.willMiss', count: -budget.remaining }, pending, tone: 'danger' };
}

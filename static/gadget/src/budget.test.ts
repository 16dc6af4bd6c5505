import type { ComplianceFigures, ErrorBudgetView } from '../../../src/app/resolvers/report-types';
import { budgetWording } from './budget';

const figures = (
  budget: ErrorBudgetView | null,
  overrides: Partial<ComplianceFigures> = {},
): ComplianceFigures => ({
  met: 19,
  breached: 1,
  running: 2,
  runningBreached: 0,
  completed: 20,
  metPercent: 95,
  objectivePercent: 90,
  objectiveMet: true,
  errorBudget: budget,
  satisfaction: { count: 0, average: null, watermelon: false },
  ...overrides,
});

describe('budgetWording', () => {
  it('counts the breaches still allowed, in the period’s words', () => {
    expect(budgetWording(figures({ allowed: 3, used: 1, pending: 0, remaining: 2 }), 'month')).toEqual({
      sentence: { key: 'budget.remaining.month', count: 2 },
      pending: null,
      tone: 'success',
    });
    expect(
      budgetWording(figures({ allowed: 2, used: 1, pending: 0, remaining: 1 }), 'week').sentence,
    ).toEqual({
      key: 'budget.remaining.week',
      count: 1,
    });
  });

  it('says where the budget went when running issues are already past their target', () => {
    // 3 allowed, 1 used, 1 running past its target: 1 left, and the reader is told about the running one.
    expect(budgetWording(figures({ allowed: 3, used: 1, pending: 1, remaining: 1 }), 'quarter')).toEqual({
      sentence: { key: 'budget.remaining.quarter', count: 1 },
      pending: { key: 'budget.pending', count: 1 },
      tone: 'success',
    });
  });

  it('warns when the next breach misses the objective', () => {
    expect(budgetWording(figures({ allowed: 1, used: 1, pending: 0, remaining: 0 }), 'month')).toEqual({
      sentence: { key: 'budget.exhausted.month' },
      pending: null,
      tone: 'warning',
    });
  });

  it('says "missed" only for breaches already counted, "will be missed" for running ones past their target', () => {
    expect(budgetWording(figures({ allowed: 1, used: 3, pending: 1, remaining: -3 }), 'month')).toEqual({
      sentence: { key: 'budget.over', count: 2 },
      pending: { key: 'budget.pending', count: 1 },
      tone: 'danger',
    });
    expect(
      budgetWording(figures({ allowed: 1, used: 1, pending: 2, remaining: -2 }), 'month').sentence,
    ).toEqual({
      key: 'budget.willMiss',
      count: 2,
    });
  });

  it('has nothing to count without an objective, or before any cycle ended', () => {
    expect(budgetWording(figures(null, { objectivePercent: null }), 'month').sentence.key).toBe(
      'budget.noObjective',
    );
    expect(
      budgetWording(
        figures({ allowed: 0, used: 0, pending: 0, remaining: 0 }, { met: 0, breached: 0, completed: 0 }),
        'month',
      ),
    ).toEqual({ sentence: { key: 'budget.noCycles' }, pending: null, tone: 'neutral' });
    // A running cycle past its target before anything ended is still worth a warning.
    expect(
      budgetWording(
        figures({ allowed: 0, used: 0, pending: 1, remaining: -1 }, { met: 0, breached: 0, completed: 0 }),
        'month',
      ).tone,
    ).toBe('danger');
  });
});

import fc from 'fast-check';
import { addCounts, complianceOf, NO_CYCLES, trendOf } from './compliance';
import { failuresAllowed, shareAtLeast, shortfallAllowed } from './shares';

const counts = (met: number, breached: number, running = 0, runningBreached = 0) => ({
  met,
  breached,
  running,
  runningBreached,
});

describe('compliance, counted the way contracts count', () => {
  it('19 of 20 met against 95 %: met exactly, with no breach to spare', () => {
    const c = complianceOf(counts(19, 1), 95);
    expect(c).toEqual(expect.objectContaining({ completed: 20, metPercent: 95, objectiveMet: true }));
    // 19 met cycles pay for 19 · 5 / 95 = 1 breach, and it is used.
    expect(c.errorBudget).toEqual({ allowed: 1, used: 1, pending: 0, remaining: 0 });
  });

  it('18 of 20 met against 95 %: missed, two breaches over budget', () => {
    const c = complianceOf(counts(18, 2), 95);
    expect([c.metPercent, c.objectiveMet]).toEqual([90, false]);
    // 18 · 5 / 95 = 0.947…: not even one breach is paid for.
    expect(c.errorBudget).toEqual({ allowed: 0, used: 2, pending: 0, remaining: -2 });
  });

  it('23 of 40 against 57.5 % is met: decided on integers, not on 57.49999…', () => {
    expect((23 / 40) * 100 >= 57.5).toBe(false); // why floating point must not decide
    expect(complianceOf(counts(23, 17), 57.5).objectiveMet).toBe(true);
    expect(complianceOf(counts(999, 1), 99.9).objectiveMet).toBe(true);
    expect(complianceOf(counts(998, 2), 99.9).objectiveMet).toBe(false);
  });

  it('leaves running and paused cycles out of the share; breached ones already weigh on the budget', () => {
    const c = complianceOf(counts(40, 1, 6, 2), 95);
    expect([c.completed, c.metPercent, c.objectiveMet]).toEqual([41, (40 / 41) * 100, true]);
    // 40 · 5 / 95 = 2.1: two breaches paid for; one counted, two more certain when their cycles end.
    expect(c.errorBudget).toEqual({ allowed: 2, used: 1, pending: 2, remaining: -1 });
  });

  it('judges nothing in a period in which no cycle ended', () => {
    const c = complianceOf(NO_CYCLES, 95);
    expect([c.completed, c.metPercent, c.objectiveMet]).toEqual([0, null, null]);
    // Any breach now would miss the objective.
    expect(c.errorBudget).toEqual({ allowed: 0, used: 0, pending: 0, remaining: 0 });
  });

  it('has no objective or budget for a goal without objectivePercent, and no budget for 0 %', () => {
    expect(complianceOf(counts(3, 1), null)).toEqual(
      expect.objectContaining({ metPercent: 75, objectiveMet: null, errorBudget: null }),
    );
    expect(complianceOf(counts(3, 1), 0)).toEqual(
      expect.objectContaining({ objectiveMet: true, errorBudget: null }),
    );
  });

  it('100 % allows no breach at all', () => {
    expect(complianceOf(counts(500, 0), 100).errorBudget?.allowed).toBe(0);
  });

  it('pools goals by adding counts', () => {
    expect(addCounts(counts(1, 2, 3, 4), counts(10, 20, 30, 40))).toEqual(counts(11, 22, 33, 44));
  });

  it('the budget is exactly the breaches the objective can take', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 1_000_000 }).map((n) => n / 10_000),
        (met, objective) => {
          const allowed = failuresAllowed(met, objective) ?? 0;
          expect(shareAtLeast(met, met + allowed, objective) ?? true).toBe(true);
          expect(shareAtLeast(met, met + allowed + 1, objective)).toBe(false);
        },
      ),
    );
  });

  it('allows the downtime that keeps availability at its objective, to the millisecond', () => {
    expect(shortfallAllowed(1_000_000, 99.9)).toBe(1_000);
    // 30 days of 24/7 service at 99.9 %: 43.2 minutes.
    expect(shortfallAllowed(30 * 86_400_000, 99.9)).toBe(43.2 * 60_000);
    expect(shortfallAllowed(0, 99.9)).toBe(0);
  });
});

describe('trend', () => {
  it('reads the direction of the met shares, skipping periods with nothing to judge', () => {
    expect(trendOf([90, null, 94, 96])).toBe('improving');
    expect(trendOf([99, 97, 95])).toBe('worsening');
    expect(trendOf([95, 95.2, 94.9])).toBe('steady');
    expect(trendOf([null, 95, null])).toBeNull();
  });
});

import type { Agreement } from '../agreement/types';
import { creditsOf, type CreditSources, type Measure } from './credits';

const agreement: Agreement = {
  id: 'gold',
  name: 'Gold',
  kind: 'SLA',
  monthlyFee: 10_000,
  currency: 'EUR',
  creditCapPercent: 15,
  metrics: [
    {
      id: 'ttr',
      name: 'Time to resolution',
      start: [{ event: 'created' }],
      stop: [{ event: 'resolution', change: 'set' }],
      goals: [
        { when: 'priority = Highest', targetMinutes: 240, calendar: 'always', objectivePercent: 95 },
        { targetMinutes: 960, calendar: 'always', objectivePercent: 90 },
      ],
    },
  ],
  availability: [
    { service: 'VPN', objectivePercent: 99.9, calendar: 'always', incidentJql: 'component = VPN' },
  ],
  penalties: [
    // Tiers on the Highest goal: below its objective (95 %) 5 %, below 90 % 10 %.
    { metric: 'ttr', goal: 0, creditPercent: 5, period: 'month' },
    { metric: 'ttr', goal: 0, belowPercent: 90, creditPercent: 10, period: 'month' },
    // Every cycle of the agreement pooled.
    { belowPercent: 92, creditPercent: 3, period: 'month' },
    { service: 'VPN', creditPercent: 10, period: 'month' },
    { metric: 'ttr', belowPercent: 50, creditPercent: 50, period: 'quarter' },
  ],
};

function sources(shares: Record<string, Measure>, vpn?: Measure): CreditSources {
  return {
    metShare: (metric, goal) => shares[`${metric ?? '*'}/${goal ?? '*'}`] ?? { good: 0, whole: 0 },
    availability: (service) => (service === 'VPN' ? vpn : undefined),
  };
}

describe('service credits', () => {
  it('owes the largest missed tier per measure, adds measures up, and caps the total', () => {
    const credits = creditsOf(
      agreement,
      'month',
      sources(
        { 'ttr/0': { good: 17, whole: 20 }, '*/*': { good: 92, whole: 100 } },
        { good: 995, whole: 1000 },
      ),
    );
    expect(credits.lines.map((l) => [l.clause, l.measuredPercent, l.belowPercent, l.missed, l.owed])).toEqual(
      [
        [0, 85, 95, true, false], // missed, but the 10 % tier below it is owed instead
        [1, 85, 90, true, true],
        [2, 92, 92, false, false], // exactly at the threshold is not below it
        [3, 99.5, 99.9, true, true],
      ],
    );
    // 10 % + 10 % = 20 %, capped at 15 % of the month's 10,000 EUR.
    expect([credits.creditPercent, credits.capped, credits.amount, credits.currency]).toEqual([
      15,
      true,
      1500,
      'EUR',
    ]);
  });

  it('owes nothing for a month in which no cycle ended and the service was not measured', () => {
    const credits = creditsOf(agreement, 'month', sources({}));
    expect(credits.lines.every((l) => !l.missed && l.measuredPercent === null)).toBe(true);
    expect([credits.creditPercent, credits.amount]).toEqual([0, 0]);
  });

  it('judges quarterly clauses against three months’ fee', () => {
    const credits = creditsOf(agreement, 'quarter', sources({ 'ttr/*': { good: 40, whole: 100 } }));
    expect(credits.lines.map((l) => [l.clause, l.owed])).toEqual([[4, true]]);
    // 50 % capped at 15 % of 30,000 EUR.
    expect([credits.fee, credits.creditPercent, credits.amount]).toEqual([30_000, 15, 4500]);
  });

  it('has no amount without a fee', () => {
    const noFee: Agreement = { ...agreement };
    delete noFee.monthlyFee;
    expect(creditsOf(noFee, 'month', sources({ 'ttr/0': { good: 1, whole: 2 } })).amount).toBeNull();
  });
});

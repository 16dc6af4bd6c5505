import type { Agreement } from './types';
import { validateAgreement } from './validate';

const calendars = new Set(['always', 'berlin-9-17']);

function agreement(extra: Partial<Agreement> = {}): Agreement {
  return {
    id: 'gold',
    name: 'Gold',
    kind: 'SLA',
    metrics: [
      {
        id: 'ttr',
        name: 'Time to resolution',
        start: [{ event: 'created' }],
        stop: [{ event: 'resolution', change: 'set' }],
        goals: [
          { when: 'priority = Highest', targetMinutes: 240, calendar: 'always', objectivePercent: 95 },
          { targetMinutes: 960, calendar: 'berlin-9-17' },
        ],
      },
    ],
    ...extra,
  };
}

const vpn = {
  service: 'VPN',
  objectivePercent: 99.9,
  calendar: 'always',
  incidentJql: 'issuetype = Incident AND component = VPN',
  outageStartField: 'Outage start',
  outageEndField: 'cf[10081]',
  maintenanceWindows: [
    { weekly: 'sun' as const, from: '02:00', to: '04:00', name: 'Weekly patching' },
    { from: '2026-03-14T22:00:00+01:00', to: '2026-03-15T02:00:00+01:00' },
  ],
};

const problemsOf = (input: unknown) => {
  const result = validateAgreement(input, calendars, '$[0]');
  return result.ok ? [] : result.problems.map((p) => [p.path, p.code]);
};

describe('reporting terms of an agreement', () => {
  it('are optional: an agreement without them is as valid as before', () => {
    expect(problemsOf(agreement())).toEqual([]);
  });

  it('accept a fee, tiered penalty clauses, a cap, a zone and an availability objective', () => {
    expect(
      problemsOf(
        agreement({
          reportingTimeZone: 'Europe/Berlin',
          monthlyFee: 12_000,
          currency: 'EUR',
          creditCapPercent: 20,
          penalties: [
            { metric: 'ttr', goal: 0, creditPercent: 5, period: 'month' },
            { metric: 'ttr', goal: 0, belowPercent: 90, creditPercent: 10, period: 'month' },
            { belowPercent: 92, creditPercent: 3, period: 'quarter' },
            { service: 'VPN', creditPercent: 10, period: 'month' },
          ],
          availability: [vpn],
        }),
      ),
    ).toEqual([]);
  });

  it('name each problem by its JSON path', () => {
    expect(
      problemsOf(
        agreement({
          reportingTimeZone: 'Mars/Olympus',
          currency: 'euro',
          penalties: [{ metric: 'ttr', goal: 0, creditPercent: 5, period: 'month' }],
        }),
      ),
    ).toEqual([['$[0].currency', 'agreement.invalid']]);
    expect(
      problemsOf(
        agreement({
          reportingTimeZone: 'Mars/Olympus',
          penalties: [
            { metric: 'ttr', goal: 1, creditPercent: 5, period: 'month' },
            { metric: 'ttr', goal: 2, belowPercent: 90, creditPercent: 5, period: 'month' },
            { metric: 'nope', belowPercent: 90, creditPercent: 5, period: 'month' },
            { goal: 0, belowPercent: 90, creditPercent: 5, period: 'month' },
            { service: 'Email', creditPercent: 5, period: 'month' },
            { service: 'VPN', metric: 'ttr', creditPercent: 5, period: 'month' },
            { creditPercent: 5, period: 'month' },
          ],
          availability: [
            vpn,
            {
              ...vpn,
              calendar: 'nope',
              incidentJql: 'component =',
              maintenanceWindows: [{ weekly: 'sun', from: '04:00', to: '02:00' }],
            },
          ],
        }),
      ),
    ).toEqual([
      ['$[0].reportingTimeZone', 'agreement.zone.unknown'],
      ['$[0].availability[1].service', 'agreement.service.duplicate'],
      ['$[0].availability[1].calendar', 'agreement.calendar.unknown'],
      ['$[0].availability[1].incidentJql', 'jql.expected'],
      ['$[0].availability[1].maintenanceWindows[0].to', 'agreement.maintenance.invalid'],
      ['$[0].monthlyFee', 'agreement.fee.missing'],
      // Goal 1 has no objective, so the clause must say its threshold.
      ['$[0].penalties[0].belowPercent', 'agreement.penalty.threshold'],
      ['$[0].penalties[1].goal', 'agreement.penalty.goal'],
      ['$[0].penalties[2].metric', 'agreement.penalty.metric'],
      ['$[0].penalties[3].goal', 'agreement.penalty.goal'],
      ['$[0].penalties[4].service', 'agreement.penalty.service'],
      ['$[0].penalties[5].service', 'agreement.penalty.measure'],
      ['$[0].penalties[6].belowPercent', 'agreement.penalty.threshold'],
    ]);
  });

  it('refuse out-of-range percentages and unknown keys by shape', () => {
    expect(
      problemsOf(
        agreement({
          monthlyFee: -1,
          penalties: [{ creditPercent: 150, period: 'year' } as never],
          availability: [{ ...vpn, objectivePercent: 0, extra: true } as never],
        }),
      ),
    ).toEqual([
      ['$[0].monthlyFee', 'agreement.invalid'],
      ['$[0].penalties[0].creditPercent', 'agreement.invalid'],
      ['$[0].penalties[0].period', 'agreement.invalid'],
      ['$[0].availability[0].objectivePercent', 'agreement.invalid'],
      ['$[0].availability[0]', 'agreement.invalid'], // the unknown key "extra"
    ]);
  });
});

import type { JqlVocabulary } from '../jql';
import { checkAgreementOnSite } from './site-check';
import type { Agreement } from './types';

const site: JqlVocabulary = {
  fields: [{ id: 'customfield_10080', name: 'Outage start', custom: true }],
  statuses: [
    { id: '1', name: 'Open' },
    { id: '2', name: 'Waiting for customer' },
  ],
  priorities: [{ id: '2', name: 'High' }],
  requestTypes: [],
};

const agreement = (overrides: Partial<Agreement>): Agreement => ({
  id: 'gold',
  name: 'Gold',
  kind: 'SLA',
  metrics: [
    {
      id: 'ttr',
      name: 'Resolution',
      start: [{ event: 'created' }],
      stop: [{ event: 'resolution', change: 'set' }],
      pauseWhile: 'status = "Waiting for custmer"',
      goals: [
        { when: 'priority = High', calendar: 'c', targetMinutes: 60 },
        { when: 'prority = Low', calendar: 'c', targetMinutes: 600 },
      ],
    },
  ],
  ...overrides,
});

describe("an agreement's JQL against the site", () => {
  it('places each problem at the JSON path of its JQL, errors apart from warnings', () => {
    const found = checkAgreementOnSite(
      agreement({
        appliesTo: 'project = IT AND stauts = Open',
        availability: [
          { service: 'VPN', objectivePercent: 99, calendar: 'c', incidentJql: '"Outage strat" is not EMPTY' },
        ],
      }),
      site,
      '$.agreement',
    );
    expect(found.errors.map((p) => [p.path, p.column, p.detail?.values.nearest0])).toEqual([
      ['$.agreement.appliesTo', 18, 'status'],
      ['$.agreement.metrics[0].goals[1].when', 1, 'priority'],
      ['$.agreement.availability[0].incidentJql', 1, 'Outage start'],
    ]);
    expect(found.warnings.map((p) => [p.path, p.column, p.message])).toEqual([
      [
        '$.agreement.metrics[0].pauseWhile',
        10,
        'No status "Waiting for custmer" on this site; did you mean "Waiting for customer"? in "status = "Waiting for custmer""',
      ],
    ]);
  });

  it('leaves a JQL that does not parse to validation', () => {
    expect(checkAgreementOnSite(agreement({ appliesTo: 'stauts =' }), site).errors).toEqual([
      expect.objectContaining({ path: '$.metrics[0].goals[1].when' }),
    ]);
  });
});

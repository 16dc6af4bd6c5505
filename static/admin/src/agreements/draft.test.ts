import { cleanedAgreement, placementChanges } from './draft';

describe('cleanedAgreement', () => {
  it('trims, drops empty optional texts and gives metrics ids, keeping fields the page does not edit', () => {
    const draft = {
      id: ' gold ',
      name: ' Gold ',
      kind: 'OLA' as const,
      counterparty: '  ',
      customerVisible: true,
      monthlyFee: 1000,
      metrics: [
        { id: '', name: 'Time to resolution', start: [], stop: [], goals: [] },
        { id: '', name: 'Time to resolution', start: [], stop: [], goals: [] },
      ],
    };
    expect(cleanedAgreement(draft)).toEqual({
      id: 'gold',
      name: 'Gold',
      kind: 'OLA',
      monthlyFee: 1000,
      metrics: [
        expect.objectContaining({ id: 'time-to-resolution' }),
        expect.objectContaining({ id: 'time-to-resolution-2' }),
      ],
    });
  });
});

describe('placementChanges', () => {
  const placements = [
    { projectKey: 'IT', agreementIds: ['gold', 'ola'] },
    { projectKey: 'HR', agreementIds: ['ola'] },
  ];

  it('adds the agreement at the end of new projects and takes it out of dropped ones, over the lists as loaded', () => {
    expect(placementChanges('gold', ['hr', 'OPS'], placements)).toEqual([
      { projectKey: 'IT', agreementIds: ['ola'], expected: ['gold', 'ola'] },
      { projectKey: 'HR', agreementIds: ['ola', 'gold'], expected: ['ola'] },
      { projectKey: 'OPS', agreementIds: ['gold'], expected: [] },
    ]);
    expect(placementChanges('gold', ['IT'], placements)).toEqual([]);
  });
});

import type { Agreement } from './types';
import { validateAgreement } from './validate';

const gold: Agreement = {
  id: 'gold',
  name: 'Gold',
  kind: 'SLA',
  metrics: [
    {
      id: 'ttr',
      name: 'Time to resolution',
      start: [{ event: 'created' }],
      stop: [{ event: 'resolution', change: 'set' }],
      goals: [{ targetMinutes: 240, calendar: 'always' }],
    },
  ],
};

const pathsOf = (extra: object): string[] => {
  const result = validateAgreement({ ...gold, ...extra }, new Set(['always']), '$[0]');
  return result.ok ? [] : result.problems.map((p) => p.path ?? '');
};

describe('who may extend and excuse, and whether excused breaches count', () => {
  it('accepts named groups and the switch either way, and neither', () => {
    expect(pathsOf({})).toEqual([]);
    expect(
      pathsOf({ extensionGroups: ['it-second-level', 'Service Desk Team'], countExcusedBreaches: true }),
    ).toEqual([]);
    expect(pathsOf({ countExcusedBreaches: false })).toEqual([]);
  });

  it('refuses a blank group, a group named twice, more than 20, and a switch that is not a boolean', () => {
    expect(pathsOf({ extensionGroups: ['ops', '  '] })).toEqual(['$[0].extensionGroups[1]']);
    expect(pathsOf({ extensionGroups: ['ops', 'ops'] })).toEqual(['$[0].extensionGroups']);
    expect(pathsOf({ extensionGroups: Array.from({ length: 21 }, (_, i) => `g${i}`) })).toEqual([
      '$[0].extensionGroups',
    ]);
    expect(pathsOf({ countExcusedBreaches: 'yes' })).toEqual(['$[0].countExcusedBreaches']);
  });
});

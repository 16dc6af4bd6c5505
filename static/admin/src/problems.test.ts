import { fieldId, fieldProblems, pathSteps, relativePath, valueAt } from './problems';

describe('paths', () => {
  it('reads the JSON paths the backend writes', () => {
    expect(pathSteps('$.metrics[0].goals[12].when')).toEqual(['metrics', 0, 'goals', 12, 'when']);
    expect(pathSteps('$["Request Type"].x')).toEqual(['Request Type', 'x']);
    expect(pathSteps('$')).toEqual([]);
    expect(pathSteps('metrics')).toBeUndefined();
  });

  it('makes them relative to what the editor edits', () => {
    expect(relativePath('$.agreement.metrics[0].name', '$.agreement')).toBe('$.metrics[0].name');
    expect(relativePath('$.agreement', '$.agreement')).toBe('$');
    expect(relativePath('$.agreementX', '$.agreement')).toBe('$.agreementX');
    expect(relativePath('$.expectedVersion', '$.agreement')).toBe('$.expectedVersion');
  });

  it('gives each field an id', () => {
    expect(fieldId('$.metrics[0].goals[1].when')).toBe('accord-field-metrics-0-goals-1-when');
    expect(fieldId('$')).toBe('accord-field-root');
  });
});

describe('fieldProblems', () => {
  const problem = { code: 'jql.expected', message: 'Expected a value', path: '$.agreement.appliesTo' };

  it('shows a problem at its field until that field changes', () => {
    const saved = { name: 'Gold', appliesTo: 'priority =' };
    expect(fieldProblems([problem], '$.agreement', saved, saved).at('$.appliesTo')).toEqual([
      { ...problem, path: '$.appliesTo' },
    ]);
    const edited = { ...saved, name: 'Gold support' };
    expect(fieldProblems([problem], '$.agreement', saved, edited).at('$.appliesTo')).toHaveLength(1);
    const fixed = { ...saved, appliesTo: 'priority = High' };
    expect(fieldProblems([problem], '$.agreement', saved, fixed).at('$.appliesTo')).toEqual([]);
    expect(valueAt(fixed, '$.appliesTo')).toBe('priority = High');
  });
});

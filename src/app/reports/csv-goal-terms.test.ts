import { goalTerms } from './csv';

describe('the CSV’s goal terms', () => {
  it('writes a business-day or date-field goal’s terms, and nothing for working minutes', () => {
    expect(goalTerms({ calendar: 'c', businessDays: { days: 1 } })).toBe('business days 1');
    expect(goalTerms({ calendar: 'c', businessDays: { days: 0, dueAt: '17:00', cutoff: '12:00' } })).toBe(
      'business days 0; due 17:00; cut-off 12:00',
    );
    expect(goalTerms({ calendar: 'c', dueDateField: 'duedate' })).toBe('date field duedate');
    expect(goalTerms({ calendar: 'c', targetMinutes: 480 })).toBe('');
    expect(goalTerms(undefined)).toBe('');
  });
});

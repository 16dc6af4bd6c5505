import { CSV_COLUMNS, csvLine, goalTerms } from './csv';

describe('the CSV’s goal terms', () => {
  it('writes a business-day or date-field goal’s terms as codes, and nothing for working minutes', () => {
    expect(goalTerms({ calendar: 'c', businessDays: { days: 1 } })).toBe('business_days=1');
    expect(goalTerms({ calendar: 'c', businessDays: { days: 0, dueAt: '17:00', cutoff: '12:00' } })).toBe(
      'business_days=0;due=17:00;cutoff=12:00',
    );
    expect(goalTerms({ calendar: 'c', dueDateField: 'duedate' })).toBe('date_field=duedate');
    expect(goalTerms({ calendar: 'c', targetMinutes: 480 })).toBe('');
    expect(goalTerms(undefined)).toBe('');
  });

  it('splits into the agreement’s own fields on ";" and "=", and needs no quoting in a CSV line', () => {
    const terms = goalTerms({ calendar: 'c', businessDays: { days: 2, dueAt: '16:00', cutoff: '12:00' } });
    expect(Object.fromEntries(terms.split(';').map((pair) => pair.split('=')))).toEqual({
      business_days: '2',
      due: '16:00',
      cutoff: '12:00',
    });
    expect(csvLine([terms])).toBe(terms);
  });

  it('keeps the header a fixed row of snake_case codes', () => {
    expect(csvLine(CSV_COLUMNS)).toBe(
      'issue_key,project,agreement_id,agreement_version,agreement_kind,counterparty,metric_id,goal_index,goal,' +
        'target_minutes,goal_terms,started_at,stopped_at,elapsed_ms,paused_ms,breached_at,outcome,period,adjusted',
    );
  });
});

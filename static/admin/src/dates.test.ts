import { addDays, formatDate, mondayOf, slugOf } from './dates';

describe('dates', () => {
  it('steps local dates as dates, not as 24 hours', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
    expect(mondayOf('2026-03-02')).toBe('2026-03-02');
  });

  it('formats dates in the reader’s language', () => {
    expect(formatDate('2026-03-02', 'de-DE')).toBe('2. März 2026');
    expect(formatDate('2026-03-02', 'en-GB')).toBe('2 Mar 2026');
  });

  it('makes ids from names', () => {
    expect(slugOf('Gold – Acme Corp')).toBe('gold-acme-corp');
    expect(slugOf('Åbningstider København')).toBe('abningstider-kobenhavn');
  });
});

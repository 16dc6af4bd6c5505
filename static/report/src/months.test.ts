import { dayName, monthName, monthOptions } from './months';

describe('monthOptions', () => {
  it('lists the current month and the twelve before it, across a new year', () => {
    const months = monthOptions('2026-02');
    expect(months).toHaveLength(13);
    expect(months.slice(0, 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
    expect(months.at(-1)).toBe('2025-02');
  });
});

describe('monthName and dayName', () => {
  it('write months and days in the reader’s language, whatever the machine’s zone', () => {
    expect(monthName('2026-11', 'en-GB')).toBe('November 2026');
    expect(monthName('2026-03', 'de-DE')).toBe('März 2026');
    expect(monthName('2026-05', 'da-DK')).toBe('maj 2026');
    expect(dayName('2026-11-30', 'en-GB')).toBe('30 Nov 2026');
    expect(dayName('2026-01-01', 'de-DE')).toBe('1. Jan. 2026');
  });
});

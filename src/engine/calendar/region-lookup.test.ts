import { regionHolidays } from './region-holidays';
import { dateHolidaysYears } from './region-lookup';

const alone = (region: string, year: number): string[] => {
  const result = regionHolidays(region, year, year);
  return result.ok ? result.value.map((h) => h.date) : [];
};

describe('dateHolidaysYears: a range of years from one pass', () => {
  // Regions with substitute days (US-NY, AU-NSW), holidays of several days (CN's Spring Festival, RU's new
  // year) and plain ones: a range split by year must give each year exactly what the year alone gives.
  it.each(['DE-BE', 'US-NY', 'DK', 'AU-NSW', 'CN', 'RU', 'JP'])(
    'gives %s the dates of each year asked for alone',
    (region) => {
      const years = dateHolidaysYears(region, 2025, 2027);
      expect(Object.keys(years)).toEqual(['2025', '2026', '2027']);
      for (const year of [2025, 2026, 2027]) expect(years[year]).toEqual(alone(region, year));
      expect(years[2026]).not.toHaveLength(0);
    },
  );

  it('gives an unknown region empty years, as the lookup gives it no dates', () => {
    expect(dateHolidaysYears('XX', 2026, 2026)).toEqual({ 2026: [] });
  });
});

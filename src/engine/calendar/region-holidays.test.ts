import Holidays from 'date-holidays';
import { isKnownRegion, regionHolidays } from './region-holidays';

/** The dates of a region's public holidays, failing the test when the region is refused. */
function datesOf(region: string, fromYear: number, toYear = fromYear): string[] {
  const result = regionHolidays(region, fromYear, toYear);
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return result.value.map((h) => h.date);
}

describe('regionHolidays', () => {
  it('gives Germany’s nationwide public holidays of 2026 as local dates', () => {
    const dates = datesOf('DE', 2026);
    expect(dates).toEqual(
      expect.arrayContaining([
        '2026-01-01',
        '2026-04-03',
        '2026-04-06',
        '2026-10-03',
        '2026-12-25',
        '2026-12-26',
      ]),
    );
    // Christmas Eve is a bank holiday from 14:00 in date-holidays, not a public one.
    expect(dates).not.toContain('2026-12-24');
    // Easter Sunday is an observance (it is a Sunday anyway); Epiphany is only public in some states.
    expect(dates).not.toContain('2026-04-05');
    expect(dates).not.toContain('2026-01-06');
    expect(dates).toEqual([...dates].sort());
  });

  it('adds a state’s own holidays: Bavaria has Epiphany', () => {
    const dates = datesOf('DE-BY', 2026);
    expect(dates).toContain('2026-01-06');
    expect(dates).toContain('2026-12-25');
  });

  it('gives Denmark’s public holidays, names in Danish', () => {
    const result = regionHolidays('DK', 2026, 2026);
    expect(result.ok && result.value).toEqual(
      expect.arrayContaining([
        { date: '2026-04-02', name: 'Skærtorsdag' },
        { date: '2026-04-06', name: 'Anden påskedag' },
        { date: '2026-05-14', name: 'Kristi Himmelfartsdag' },
        { date: '2026-12-25', name: 'Juledag' },
      ]),
    );
    // Constitution Day and Christmas Eve are customary days off in Denmark but not public holidays.
    expect(datesOf('DK', 2026)).not.toContain('2026-06-05');
    expect(datesOf('DK', 2026)).not.toContain('2026-12-24');
  });

  it('covers every year of the range and nothing outside it', () => {
    const dates = datesOf('DE', 2026, 2028);
    expect(dates).toEqual(expect.arrayContaining(['2026-12-25', '2027-12-25', '2028-12-25']));
    expect(dates.every((d) => d >= '2026-01-01' && d <= '2028-12-31')).toBe(true);
  });

  it('includes substitute days that are public (New York, 2027)', () => {
    // Independence Day 2027 is a Sunday; the Monday after is the day off.
    expect(datesOf('US-NY', 2027)).toEqual(
      expect.arrayContaining(['2027-07-04', '2027-07-05', '2027-11-25']),
    );
  });

  it('gives each day of a holiday that lasts several days', () => {
    // South Korea's Seollal is one date-holidays entry of three days ("korean 01-0-01 P3D").
    const result = regionHolidays('KR', 2026, 2026);
    const seollal = result.ok ? result.value.filter((h) => h.name === '설날') : [];
    expect(seollal.map((h) => h.date)).toEqual(['2026-02-17', '2026-02-18', '2026-02-19']);
  });

  it('gives each day of a holiday that starts the evening before (Eid al-Fitr, Egypt)', () => {
    // The data set starts Islamic holidays at 18:00 the day before ("2026-03-20 00:00:00 -0600"); the day
    // off is still the date itself.
    expect(datesOf('EG', 2026)).toEqual(expect.arrayContaining(['2026-03-20', '2026-03-21', '2026-03-22']));
    expect(datesOf('EG', 2026)).not.toContain('2026-03-19');
  });

  it('gives the days date-holidays gives in the region’s own zone, though it reads holidays as local dates', () => {
    const MS_PER_DAY = 86_400_000;
    for (const region of ['DE-BE', 'US-NY', 'EG', 'IL', 'CN', 'AU-NSW', 'BR']) {
      const [country = '', state] = region.split('-');
      const zoned = state === undefined ? new Holidays(country) : new Holidays(country, state);
      for (const year of [2024, 2026, 2031]) {
        const expected = new Set<string>();
        for (const holiday of [...zoned.getHolidays(year - 1), ...zoned.getHolidays(year)]) {
          if (holiday.type !== 'public') continue;
          const days = Math.max(
            1,
            Math.round((holiday.end.getTime() - holiday.start.getTime()) / MS_PER_DAY),
          );
          const first = Date.parse(`${holiday.date.slice(0, 10)}T00:00:00Z`);
          for (let i = 0; i < days; i++) {
            const date = new Date(first + i * MS_PER_DAY).toISOString().slice(0, 10);
            if (date.startsWith(String(year))) expected.add(`${date} ${holiday.name}`);
          }
        }
        expect(datesOf(region, year)).toEqual([...expected].map((key) => key.slice(0, 10)).sort());
      }
    }
  });

  it('refuses an unknown region with a stable code', () => {
    for (const region of ['XX', 'DE-XX', 'de', 'Germany', '']) {
      const result = regionHolidays(region, 2026, 2026);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.problems[0]?.code).toBe('calendar.region.unknown');
    }
  });
});

describe('isKnownRegion', () => {
  it('knows countries and their states, and nothing else', () => {
    expect(isKnownRegion('DE')).toBe(true);
    expect(isKnownRegion('DE-BY')).toBe(true);
    expect(isKnownRegion('DK')).toBe(true);
    expect(isKnownRegion('US-NY')).toBe(true);
    // date-holidays itself accepts these silently and falls back to the country; we do not.
    expect(isKnownRegion('DE-ZZ')).toBe(false);
    expect(isKnownRegion('DK-84')).toBe(false);
    expect(isKnownRegion('XX')).toBe(false);
  });
});

describe('holiday names in the user’s language', () => {
  it('names a region’s holidays in the language asked for where the data has it, else in the region’s own', () => {
    const names = (language?: string) => {
      const result = regionHolidays('DE', 2026, 2026, language);
      if (!result.ok) throw new Error('DE is a region');
      return result.value
        .filter((h) => h.date === '2026-01-01' || h.date === '2026-10-03')
        .map((h) => h.name);
    };
    expect(names('en')).toEqual(["New Year's Day", 'National Holiday']);
    expect(names('da')).toEqual(['Nytårsdag', expect.any(String)]);
    // The shared instance never keeps the last language asked for: without one, the region's own.
    expect(names()).toEqual(['Neujahr', 'Tag der Deutschen Einheit']);
    expect(names('xx')).toEqual(['Neujahr', 'Tag der Deutschen Einheit']);
    // The dates are the same in every language.
    const dates = (language?: string) => {
      const result = regionHolidays('DE-BY', 2026, 2027, language);
      return result.ok ? result.value.map((h) => h.date) : [];
    };
    expect(dates('en')).toEqual(dates());
  });
});

describe('each year computed once per region and language', () => {
  const newYear = (language: string | undefined, region = 'DE') => {
    const result = regionHolidays(region, 2031, 2031, language);
    if (!result.ok) throw new Error(`${region} is a region`);
    return result.value.find((h) => h.date === '2031-01-01')?.name;
  };

  it('asks date-holidays once for a year it has computed before', () => {
    const getHolidays = jest.spyOn(Holidays.prototype, 'getHolidays');
    try {
      newYear('en', 'DE-HH');
      const first = getHolidays.mock.calls.length;
      expect(first).toBeGreaterThan(0);
      newYear('en', 'DE-HH');
      expect(getHolidays.mock.calls.length).toBe(first);
    } finally {
      getHolidays.mockRestore();
    }
  });

  it('gives two languages each their own names, however the calls alternate', () => {
    expect([newYear('en'), newYear('de'), newYear('en'), newYear(undefined), newYear('en')]).toEqual([
      "New Year's Day",
      'Neujahr',
      "New Year's Day",
      'Neujahr',
      "New Year's Day",
    ]);
  });

  it('names in the region’s own language where the data lacks the one asked for, whatever came before', () => {
    // date-holidays falls back to the language of its previous call on the same instance.
    newYear('en', 'DK');
    expect(newYear('xx', 'DK')).toBe('Nytårsdag');
    newYear('de', 'DK');
    expect(newYear('zz', 'DK')).toBe('Nytårsdag');
  });

  it('hands out its own copies: a caller that changes a result changes no later one', () => {
    const result = regionHolidays('DE', 2031, 2031, 'en');
    if (!result.ok) throw new Error('DE is a region');
    const holiday = result.value[0];
    if (holiday) holiday.name = 'changed';
    result.value.length = 0;
    expect(newYear('en')).toBe("New Year's Day");
  });
});

import { formatLocalDate, localDateExample, parseLocalDate } from './local-date';

describe('local dates in the Jira locale', () => {
  it('shows a stored date in the locale’s order, whatever the host’s zone (tests run in Asia/Singapore)', () => {
    expect(formatLocalDate('2026-03-02', 'en-US')).toBe('03/02/2026');
    expect(formatLocalDate('2026-03-02', 'en-GB')).toBe('02/03/2026');
    expect(formatLocalDate('2026-03-02', 'de-DE')).toBe('02.03.2026');
    expect(formatLocalDate('2026-03-02', 'da-DK')).toBe('02.03.2026');
    // The first and last day of a year stay in their year in every zone.
    expect(formatLocalDate('2027-01-01', 'de-DE')).toBe('01.01.2027');
    expect(formatLocalDate('2026-12-31', 'en-US')).toBe('12/31/2026');
  });

  it('leaves text that is no date as it is', () => {
    expect(formatLocalDate('', 'de-DE')).toBe('');
    expect(formatLocalDate('soon', 'de-DE')).toBe('soon');
    expect(formatLocalDate('2026-02-30', 'de-DE')).toBe('2026-02-30');
  });

  it('reads what is typed in the locale’s order, with one or two digits and any usual separator', () => {
    expect(parseLocalDate('03/02/2026', 'en-US')).toBe('2026-03-02');
    expect(parseLocalDate('3/2/2026', 'en-US')).toBe('2026-03-02');
    expect(parseLocalDate('02/03/2026', 'en-GB')).toBe('2026-03-02');
    expect(parseLocalDate('2.3.2026', 'de-DE')).toBe('2026-03-02');
    expect(parseLocalDate(' 02.03.2026 ', 'da-DK')).toBe('2026-03-02');
    expect(parseLocalDate('2-3-2026', 'da-DK')).toBe('2026-03-02');
    expect(parseLocalDate('2. 3. 2026', 'de-DE')).toBe('2026-03-02');
  });

  it('reads ISO in every locale', () => {
    for (const locale of ['en-US', 'de-DE', 'da-DK', 'ja-JP']) {
      expect(parseLocalDate('2026-03-02', locale)).toBe('2026-03-02');
    }
    expect(parseLocalDate('2026-3-2', 'en-US')).toBe('2026-03-02');
  });

  it('refuses days that do not exist, two-digit years and other text', () => {
    expect(parseLocalDate('30.02.2026', 'de-DE')).toBeNull();
    expect(parseLocalDate('02/30/2026', 'en-US')).toBeNull();
    // The same text is a day in one locale and none in another: month 13 does not exist.
    expect(parseLocalDate('13/02/2026', 'en-GB')).toBe('2026-02-13');
    expect(parseLocalDate('13/02/2026', 'en-US')).toBeNull();
    expect(parseLocalDate('2.3.26', 'de-DE')).toBeNull();
    expect(parseLocalDate('2026-02-29', 'de-DE')).toBeNull();
    expect(parseLocalDate('2028-02-29', 'de-DE')).toBe('2028-02-29');
    expect(parseLocalDate('', 'de-DE')).toBeNull();
    expect(parseLocalDate('tomorrow', 'en-US')).toBeNull();
  });

  it('round-trips every day of a leap year in each locale', () => {
    for (const locale of ['en-US', 'en-GB', 'de-DE', 'da-DK', 'ja-JP', 'nl-NL', 'ko-KR']) {
      for (let day = 0; day < 366; day++) {
        const iso = new Date(Date.UTC(2028, 0, 1 + day)).toISOString().slice(0, 10);
        expect(parseLocalDate(formatLocalDate(iso, locale), locale)).toBe(iso);
      }
    }
  });

  it('gives an example in the locale’s form', () => {
    expect(localDateExample('en-US')).toBe('12/31/2026');
    expect(localDateExample('de-DE')).toBe('31.12.2026');
  });
});

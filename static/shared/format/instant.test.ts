import { formatInstant } from './instant';

describe('formatInstant', () => {
  const deadline = Date.UTC(2026, 2, 9, 13, 0); // Monday 9 March 2026, 13:00 UTC
  const now = Date.UTC(2026, 2, 9, 8, 0);

  it("shows the instant in the viewer's zone and locale, not the host's (tests run in Asia/Singapore)", () => {
    expect(formatInstant(deadline, { locale: 'en-GB', timeZone: 'Europe/Berlin', now })).toBe(
      'Mon 9 Mar, 14:00',
    );
    expect(formatInstant(deadline, { locale: 'de-DE', timeZone: 'Europe/Berlin', now })).toBe(
      'Mo., 9. März, 14:00',
    );
    expect(formatInstant(deadline, { locale: 'en-US', timeZone: 'America/New_York', now })).toBe(
      'Mon, Mar 9, 9:00 AM',
    );
  });

  it('names the year only when it is not the current one in that zone', () => {
    const newYear = Date.UTC(2026, 11, 31, 23, 30); // already 2027 in Berlin
    expect(formatInstant(newYear, { locale: 'en-GB', timeZone: 'Europe/Berlin', now })).toBe(
      'Fri, 1 Jan 2027, 00:30',
    );
    expect(formatInstant(newYear, { locale: 'en-GB', timeZone: 'UTC', now })).toBe('Thu 31 Dec, 23:30');
  });
});

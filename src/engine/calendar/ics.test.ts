import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { importIcs, type IcsImport } from './ics';

const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

/** A VCALENDAR around the given VEVENT bodies (lines joined with CRLF, as RFC 5545 wants). */
function calendar(...events: string[][]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Accord//Test//EN'];
  for (const event of events) lines.push('BEGIN:VEVENT', ...event, 'END:VEVENT');
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

function imported(text: string): IcsImport {
  const result = importIcs(text);
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return result.value;
}

describe('importIcs on a German public-holiday export', () => {
  const { holidays, skipped } = imported(fixture('de-holidays.ics'));

  it('turns yearly same-date rules into annual holidays and the rest into one-off dates', () => {
    expect(holidays).toEqual([
      { date: '2026-01-01', name: 'Neujahr', annual: true },
      { date: '2026-04-03', name: 'Karfreitag' },
      { date: '2026-04-06', name: 'Ostermontag' },
      // BYMONTH and BYMONTHDAY that only restate DTSTART still make a plain yearly rule.
      { date: '2026-05-01', name: 'Tag der Arbeit', annual: true },
      { date: '2026-10-03', name: 'Tag der Deutschen Einheit', annual: true },
      // "Wednesday before November 23" is not the same date every year: expanded, COUNT=3 ends it.
      { date: '2026-11-18', name: 'Buß- und Bettag (Sachsen)' },
      // DTEND 2026-12-27 is exclusive: two days.
      { date: '2026-12-25', name: 'Weihnachtsfeiertage' },
      { date: '2026-12-26', name: 'Weihnachtsfeiertage' },
      { date: '2027-11-17', name: 'Buß- und Bettag (Sachsen)' },
      { date: '2028-11-22', name: 'Buß- und Bettag (Sachsen)' },
    ]);
  });

  it('skips DST markers, observances and timed events, saying why', () => {
    expect(skipped).toEqual([
      { name: 'Sommerzeit beginnt', reason: 'daylight saving time marker' },
      { name: 'Winterzeit beginnt', reason: 'daylight saving time marker' },
      { name: 'Valentinstag', reason: 'observance' },
      { name: 'Muttertag', reason: 'observance (transparent)' },
      { name: 'Betriebsversammlung', reason: 'timed event (not all-day)' },
    ]);
  });
});

describe('importIcs recurrences', () => {
  it('expands a yearly rule by weekday (US Thanksgiving) for DTSTART year + 10', () => {
    const { holidays } = imported(
      calendar([
        'UID:thanksgiving',
        'SUMMARY:Thanksgiving',
        'DTSTART;VALUE=DATE:20201126',
        'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH',
      ]),
    );
    expect(holidays.map((h) => h.date)).toEqual([
      '2020-11-26',
      '2021-11-25',
      '2022-11-24',
      '2023-11-23',
      '2024-11-28',
      '2025-11-27',
      '2026-11-26',
      '2027-11-25',
      '2028-11-23',
      '2029-11-22',
      '2030-11-28',
    ]);
    expect(holidays.every((h) => h.annual === undefined)).toBe(true);
  });

  it('expands through untilYear when the caller gives one', () => {
    const result = importIcs(
      calendar([
        'SUMMARY:Thanksgiving',
        'DTSTART;VALUE=DATE:20101125',
        'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH',
      ]),
      { untilYear: 2027 },
    );
    expect(result.ok && result.value.holidays.at(-1)).toEqual({ date: '2027-11-25', name: 'Thanksgiving' });
  });

  it('stops at UNTIL', () => {
    const { holidays } = imported(
      calendar(['SUMMARY:Fest', 'DTSTART;VALUE=DATE:20260601', 'RRULE:FREQ=YEARLY;UNTIL=20280601']),
    );
    // UNTIL makes the rule finite, so it is not annual.
    expect(holidays).toEqual([
      { date: '2026-06-01', name: 'Fest' },
      { date: '2027-06-01', name: 'Fest' },
      { date: '2028-06-01', name: 'Fest' },
    ]);
  });

  it('leaves out EXDATEs and moved occurrences, and keeps the moved date', () => {
    const { holidays, skipped } = imported(
      calendar(
        [
          'UID:fest',
          'SUMMARY:Fest',
          'DTSTART;VALUE=DATE:20260601',
          'RRULE:FREQ=YEARLY;COUNT=4',
          'EXDATE;VALUE=DATE:20270601',
        ],
        ['UID:fest', 'RECURRENCE-ID;VALUE=DATE:20280601', 'SUMMARY:Fest', 'DTSTART;VALUE=DATE:20280602'],
        [
          'UID:fest',
          'RECURRENCE-ID;VALUE=DATE:20290601',
          'SUMMARY:Fest',
          'DTSTART;VALUE=DATE:20290601',
          'STATUS:CANCELLED',
        ],
      ),
    );
    expect(holidays.map((h) => h.date)).toEqual(['2026-06-01', '2028-06-02']);
    expect(skipped).toEqual([{ name: 'Fest', reason: 'cancelled' }]);
  });

  it('repeats every day of a yearly multi-day event as annual', () => {
    const { holidays } = imported(
      calendar([
        'SUMMARY:Betriebsferien',
        'DTSTART;VALUE=DATE:20261224',
        'DTEND;VALUE=DATE:20261227',
        'RRULE:FREQ=YEARLY',
      ]),
    );
    expect(holidays).toEqual([
      { date: '2026-12-24', name: 'Betriebsferien', annual: true },
      { date: '2026-12-25', name: 'Betriebsferien', annual: true },
      { date: '2026-12-26', name: 'Betriebsferien', annual: true },
    ]);
  });

  it('expands a yearly multi-day event over the end of February, whose month-days change in leap years', () => {
    const { holidays } = imported(
      calendar([
        'SUMMARY:Fasching',
        'DTSTART;VALUE=DATE:20270228',
        'DTEND;VALUE=DATE:20270302',
        'RRULE:FREQ=YEARLY;COUNT=2',
      ]),
    );
    expect(holidays.map((h) => h.date)).toEqual(['2027-02-28', '2027-03-01', '2028-02-28', '2028-02-29']);
  });

  it('gives one day to an all-day event without DTEND', () => {
    expect(imported(calendar(['SUMMARY:Tag', 'DTSTART;VALUE=DATE:20260704'])).holidays).toEqual([
      { date: '2026-07-04', name: 'Tag' },
    ]);
  });
});

describe('importIcs skip rules', () => {
  it('recognizes DST markers in several languages', () => {
    const names = [
      'Daylight Saving Time starts',
      'Daylight Saving Time ends',
      'Sommertid begynder',
      'Vintertid',
      'British Summer Time begins',
      'Ende der Sommerzeit',
    ];
    const { holidays, skipped } = imported(
      calendar(...names.map((name) => [`SUMMARY:${name}`, 'DTSTART;VALUE=DATE:20260329'])),
    );
    expect(holidays).toEqual([]);
    expect(skipped.map((s) => s.reason)).toEqual(names.map(() => 'daylight saving time marker'));
  });

  it('keeps a transparent holiday unless it is also marked as an observance', () => {
    const { holidays, skipped } = imported(
      calendar(
        [
          'SUMMARY:Christmas Day',
          'DTSTART;VALUE=DATE:20261225',
          'TRANSP:TRANSPARENT',
          'DESCRIPTION:Public holiday',
        ],
        [
          'SUMMARY:Halloween',
          'DTSTART;VALUE=DATE:20261031',
          'TRANSP:TRANSPARENT',
          'CATEGORIES:Holidays,Observance',
        ],
        // Without TRANSPARENT, a category alone does not skip: someone blocked the day on purpose.
        ['SUMMARY:Volkstrauertag', 'DTSTART;VALUE=DATE:20261115', 'CATEGORIES:Gedenktag'],
      ),
    );
    expect(holidays.map((h) => h.name)).toEqual(['Volkstrauertag', 'Christmas Day']);
    expect(skipped).toEqual([{ name: 'Halloween', reason: 'observance (transparent)' }]);
  });

  it('skips an event without DTSTART and names an untitled one', () => {
    expect(imported(calendar(['UID:x'])).skipped).toEqual([{ name: '(untitled)', reason: 'no DTSTART' }]);
  });
});

describe('importIcs on malformed input', () => {
  function problem(text: string): string {
    const result = importIcs(text);
    expect(result.ok).toBe(false);
    if (result.ok) return '';
    expect(result.problems.map((p) => p.code)).toEqual(['calendar.ics.invalid']);
    return result.problems[0]?.message ?? '';
  }

  it('names the line ical.js could not parse', () => {
    expect(problem(fixture('de-holidays-malformed.ics'))).toBe(
      'Invalid iCalendar file: line 14: invalid line (no token ";" or ":") "SUMMARY Heilige Drei Könige"',
    );
  });

  it('reports a component that never ends', () => {
    expect(problem('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n')).toMatch(
      /component began but did not end/,
    );
  });

  it('reports a bad date with the event it belongs to, and a bad rule (read while parsing)', () => {
    expect(problem(calendar(['SUMMARY:Neujahr', 'DTSTART;VALUE=DATE:2026xx01']))).toMatch(
      /^Invalid iCalendar file: event "Neujahr": /,
    );
    expect(
      problem(calendar(['SUMMARY:Neujahr', 'DTSTART;VALUE=DATE:20260101', 'RRULE:FREQ=SOMETIMES'])),
    ).toMatch(/^Invalid iCalendar file: invalid frequency "SOMETIMES"/);
  });

  it('refuses empty text and other kinds of files', () => {
    expect(problem('')).toMatch(/no VCALENDAR/);
    expect(problem('BEGIN:VCARD\r\nFN:Ada\r\nEND:VCARD\r\n')).toMatch(/expected a VCALENDAR, found VCARD/);
    expect(problem('hello')).toMatch(/line 1: invalid line/);
  });

  it('reads several calendars in one text', () => {
    const text =
      calendar(['SUMMARY:A', 'DTSTART;VALUE=DATE:20260101']) +
      calendar(['SUMMARY:B', 'DTSTART;VALUE=DATE:20260102']);
    expect(imported(text).holidays.map((h) => h.name)).toEqual(['A', 'B']);
  });
});

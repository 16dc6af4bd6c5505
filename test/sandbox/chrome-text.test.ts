import {
  CHROME_TEXT,
  chromeFor,
  chromeLanguage,
  fill,
  type ChromeKey,
} from '../../src/sandbox/server/chrome-text';

/**
 * The sandbox chrome's words: German and Danish have every English key, with the same placeholders, and say
 * something else than English except where Jira's own word is the English one (an allow-list that must stay
 * true); a page in German, Danish or any other locale gets its language's words and dates.
 */

const english = CHROME_TEXT.en;
const keys = Object.keys(english) as ChromeKey[];
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

/** Keys a language may write as English does: internationalisms Jira uses too, and names. */
const SAME_AS_ENGLISH: Readonly<Record<'de' | 'da', readonly ChromeKey[]>> = {
  de: [
    'top.dashboards',
    'top.apps',
    'side.apps',
    'side.sandbox',
    'side.details',
    'field.status',
    'field.team',
    'history.app',
    'index.dashboard',
  ],
  da: [
    'top.dashboards',
    'top.apps',
    'side.apps',
    'field.status',
    'field.team',
    'history.app',
    'index.dashboard',
    'index.portalLink',
  ],
};

describe.each(['de', 'da'] as const)('the chrome in %s', (language) => {
  const table = CHROME_TEXT[language];

  it('has exactly the English keys, each a non-empty text', () => {
    expect(Object.keys(table).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(table[key].trim()).not.toBe('');
  });

  it('says every key in its own words, but for the few Jira leaves English', () => {
    const same = keys.filter((key) => table[key] === english[key]);
    expect(same.sort()).toEqual([...SAME_AS_ENGLISH[language]].sort());
  });

  it('keeps each text’s placeholders', () => {
    for (const key of keys)
      expect([key, placeholders(table[key])]).toEqual([key, placeholders(english[key])]);
  });
});

describe('the chrome for a view', () => {
  // Friday 20 November 2026, 09:30 UTC.
  const now = Date.UTC(2026, 10, 20, 9, 30);

  it('speaks German for de-DE and Danish for da-DK, with the view’s dates', () => {
    const de = chromeFor({ locale: 'de-DE', timezone: 'Europe/Berlin' });
    expect(de.text('issue.activity')).toBe('Aktivität');
    expect(de.time(now)).toBe('Fr., 20. Nov. 2026, 10:30');
    expect(de.locale).toBe('de-DE');
    const da = chromeFor({ locale: 'da-DK', timezone: 'Europe/Copenhagen' });
    expect(da.text('issue.activity')).toBe('Aktivitet');
    expect(da.text('outbox.group', { name: 'it-ops' })).toBe('Gruppen it-ops');
    expect(da.time(now)).toMatch(/^fre\. 20\. nov\. 2026.*10[.:]30$/);
  });

  it('writes hours as the UIs do: two digits where the locale counts 0–23, else 9:30 AM', () => {
    const early = Date.UTC(2026, 10, 20, 8, 30);
    expect(chromeFor({ locale: 'de-DE', timezone: 'Europe/Berlin' }).time(early)).toBe(
      'Fr., 20. Nov. 2026, 09:30',
    );
    expect(chromeFor({ locale: 'en-US', timezone: 'Europe/Berlin' }).time(early)).toBe(
      'Fri, Nov 20, 2026, 9:30 AM',
    );
  });

  it('reads a Jira timestamp in the view’s zone, not the machine’s', () => {
    const de = chromeFor({ locale: 'de-DE', timezone: 'America/New_York' });
    expect(de.jiraTime('2026-11-20T09:30:00.000+0000')).toBe('Fr., 20. Nov. 2026, 04:30');
    expect(de.jiraTime(null)).toBe('');
  });

  it('is English throughout for a language it is not written in, its dates too', () => {
    const fr = chromeFor({ locale: 'fr-FR', timezone: 'Europe/Paris' });
    expect(chromeLanguage('fr-FR')).toBe('en');
    expect(fr.text('issue.activity')).toBe('Activity');
    expect(fr.locale).toBe('en-US');
    expect(fr.time(now)).toBe('Fri, Nov 20, 2026, 10:30 AM');
  });

  it('fills placeholders; as HTML, with the values written in as the HTML they are', () => {
    const en = chromeFor({ locale: 'en-US', timezone: 'Europe/Berlin' });
    expect(en.html('history.changed', { field: '<em>Labels</em>', from: 'a', to: 'b' })).toBe(
      'changed <em>Labels</em> from a to b',
    );
    expect(fill('{a} & {b}', { a: 1 })).toBe('1 & {b}');
  });
});

import type { Problem } from '../../../src/engine/errors';
import { parseJqlExpr } from '../../../src/engine/jql';
import { EXPECTED } from '../../../src/engine/jql/problems';
import { createI18n } from '../../shared/i18n/i18n';
import { testTranslations } from '../../shared/testing/translations';
import type { AdminI18n, AdminKey } from './messages';
import { problemText } from './problem-text';

const i18nFor = async (locale: string): Promise<AdminI18n> =>
  createI18n<AdminKey>(locale, 'admin', await testTranslations(locale));

/** The one problem a malformed query reports. */
function problemOf(text: string): Problem {
  const parsed = parseJqlExpr(text);
  if (parsed.ok || !parsed.problems[0]) throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
  return parsed.problems[0];
}

// Every wording the parser has: each thing it expects, each place, each hint, each unsupported form.
const MALFORMED = [
  'status =',
  'priority in High',
  '(status = Open',
  'status = Open)',
  '= Open',
  'status like Open',
  '"Request Type" : x',
  'status = AND',
  'priority in (High Low)',
  'priority not High',
  'assignee is Jane',
  'summary ~ ""',
  'summary ~ EMPTY',
  'cf[abc] = 1',
  'cf[10010 = 1',
  'status = "Open',
  String.raw`labels = "a\qb"`,
  'status = Open ORDER BY created',
  'assignee = currentUser()',
  'created > -1d',
  'status WAS Open',
  `${'('.repeat(100)}a = 1`,
];

describe('problemText', () => {
  it('covers every thing the parser can expect', () => {
    const named = new Set(MALFORMED.map((text) => problemOf(text).detail?.values.what));
    expect(Object.keys(EXPECTED).filter((what) => !named.has(what))).toEqual([]);
  });

  it('words every JQL problem in English exactly as the engine does', async () => {
    const english = await i18nFor('en-US');
    for (const text of MALFORMED) {
      const problem = problemOf(text);
      expect({ text, worded: problemText(problem, english) }).toEqual({ text, worded: problem.message });
    }
  });

  it.each(['de-DE', 'da-DK'])(
    'words every JQL problem in %s, with nothing left in English',
    async (locale) => {
      const i18n = await i18nFor(locale);
      for (const text of MALFORMED) {
        const worded = problemText(problemOf(text), i18n);
        expect({ text, worded }).not.toEqual({
          text,
          worded: expect.stringMatching(/Expected|found|query|\{/),
        });
      }
    },
  );

  it('reads naturally in German', async () => {
    const german = await i18nFor('de-DE');
    expect(problemText(problemOf('priority ='), german)).toBe(
      'Erwartet wird ein Wert nach "=", gefunden wurde das Ende der Abfrage',
    );
    expect(problemText(problemOf('priority in (High Low)'), german)).toBe(
      'Erwartet wird "," oder ")" nach "High" in der Liste, die in Spalte 13 beginnt, gefunden wurde "Low"',
    );
    expect(problemText(problemOf('status = AND'), german)).toBe(
      'Erwartet wird ein Wert nach "=", gefunden wurde "AND"; ' +
        'setzen Sie "AND" in Anführungszeichen, um es als Wert zu verwenden',
    );
    expect(problemText(problemOf('assignee = currentUser()'), german)).toBe(
      'Funktionen wie "currentUser()" werden nicht unterstützt; schreiben Sie den Wert selbst, z. B. eine Konto-ID',
    );
  });

  it("shows the backend's English message for a problem it cannot word", async () => {
    const german = await i18nFor('de-DE');
    const message = 'Calendar "x" is not defined';
    expect(problemText({ code: 'agreement.calendar.unknown', message }, german)).toBe(message);
    // A newer backend's wording: unknown key, or a known key with a value this page does not know.
    expect(problemText({ code: 'jql.new', message, detail: { key: 'jql.new', values: {} } }, german)).toBe(
      message,
    );
    const unknownWhat = { key: 'jql.expected', values: { what: 'somethingNew', where: 'start' } };
    expect(problemText({ code: 'jql.expected', message, detail: unknownWhat }, german)).toBe(message);
    const inherited = { key: 'jql.unsupported', values: { what: 'toString', text: 'x' } };
    expect(problemText({ code: 'jql.unsupported', message, detail: inherited }, german)).toBe(message);
  });
});
